#include "message/Validator.h"

#include "message/CardSchema.h"
#include "message/TemplateBinder.h"

#include <QJsonArray>
#include <QLocale>

namespace herald::message {

namespace {

using detail::CardVersion;
using detail::TypeInfo;
using Severity = ValidationIssue::Severity;

const CardVersion kTeamsVersion{Validator::kMaxCardMajor, Validator::kMaxCardMinor};

// Members of a card element that hold more elements or actions.
const QStringList kChildKeys{
    QStringLiteral("body"),    QStringLiteral("items"),    QStringLiteral("columns"),
    QStringLiteral("actions"), QStringLiteral("card"),     QStringLiteral("selectAction"),
    QStringLiteral("rows"),    QStringLiteral("cells"),    QStringLiteral("inlines"),
    QStringLiteral("images"),  QStringLiteral("fallback"), QStringLiteral("pages")};
// Where every entry must say what it is.
const QStringList kTypedLists{QStringLiteral("body"), QStringLiteral("items"), QStringLiteral("actions")};

class DocumentCheck
{
    Q_DECLARE_TR_FUNCTIONS(herald::message::Validator)

public:
    explicit DocumentCheck(const MessageDocument &document)
        : m_document(document)
    {
    }

    ValidationIssues run()
    {
        switch (m_document.kind()) {
        case MessageKind::Markdown:
            if (m_document.text().trimmed().isEmpty())
                add(Severity::Error, {}, tr("the message is empty; write the announcement first"));
            m_issues += TemplateBinder(m_document.text()).syntaxErrors();
            return m_issues;
        case MessageKind::AdaptiveCard:
        case MessageKind::CardTemplate:
            checkCard(m_document.json(), QString(), true);
            break;
        case MessageKind::Activity:
            checkActivity(m_document.json());
            break;
        }
        for (ValidationIssue issue : TemplateBinder(QJsonValue(m_document.json())).syntaxErrors()) {
            place(issue);
            m_issues.append(issue);
        }
        return m_issues;
    }

private:
    void place(ValidationIssue &issue) const
    {
        const MessageDocument::Position pos = m_document.locate(issue.pointer, issue.offset);
        issue.line = pos.line;
        issue.column = pos.column;
    }

    void add(Severity severity, const QString &pointer, const QString &message)
    {
        ValidationIssue issue;
        issue.severity = severity;
        issue.pointer = pointer;
        issue.message = message;
        if (!m_document.isMarkdown())
            place(issue);
        m_issues.append(issue);
    }

    void checkActivity(const QJsonObject &activity)
    {
        const QJsonValue text = activity.value(QStringLiteral("text"));
        const QJsonArray attachments = activity.value(QStringLiteral("attachments")).toArray();
        if ((!text.isString() || text.toString().trimmed().isEmpty()) && attachments.isEmpty())
            add(Severity::Error, QString(),
                tr("the activity has neither \"text\" nor \"attachments\"; Teams would show an empty "
                   "message"));
        const QJsonValue format = activity.value(QStringLiteral("textFormat"));
        if (!format.isUndefined() && format != QLatin1String("markdown") && format != QLatin1String("plain")
            && format != QLatin1String("xml"))
            add(Severity::Warning, QStringLiteral("/textFormat"),
                tr("\"textFormat\" should be \"markdown\", \"plain\" or \"xml\""));
        for (qsizetype i = 0; i < attachments.size(); ++i) {
            const QString at = QStringLiteral("/attachments/%1").arg(i);
            const QJsonObject attachment = attachments.at(i).toObject();
            if (attachment.value(QStringLiteral("contentType")) != ActivityBuilder::kAdaptiveCardContentType)
                continue; // hero cards and files are the Bot Framework's business
            const QJsonValue content = attachment.value(QStringLiteral("content"));
            if (!content.isObject()
                || content.toObject().value(QStringLiteral("type")) != QLatin1String("AdaptiveCard"))
                add(Severity::Error, at,
                    tr("the Adaptive Card attachment has no card in \"content\" (an object with \"type\": "
                       "\"AdaptiveCard\")"));
            else
                checkCard(content.toObject(), at + QStringLiteral("/content"), true);
        }
    }

    void checkCard(const QJsonObject &card, const QString &at, bool needsVersion)
    {
        const QJsonValue version = card.value(QStringLiteral("version"));
        CardVersion cardVersion;
        if (version.isUndefined()) {
            if (needsVersion)
                add(Severity::Error, at,
                    tr("the card has no \"version\"; add \"version\": \"1.5\" (the newest Teams renders)"));
        } else if (!version.isString()) {
            add(Severity::Error, at + QStringLiteral("/version"),
                tr("\"version\" must be text such as \"1.5\" (in quotes)"));
        } else if (!TemplateBinder::containsExpression(version.toString())) {
            cardVersion = detail::parseCardVersion(version.toString());
            if (!cardVersion.isValid())
                add(Severity::Error, at + QStringLiteral("/version"),
                    tr("\"version\" must look like \"1.5\", not \"%1\"").arg(version.toString()));
            else if (kTeamsVersion < cardVersion)
                add(Severity::Error, at + QStringLiteral("/version"),
                    tr("Teams renders Adaptive Cards up to version %1, this card is version %2; set "
                       "\"version\": \"%1\" and remove what is newer")
                        .arg(kTeamsVersion.toString(), cardVersion.toString()));
        }
        walkChildren(card, at,
                     cardVersion.isValid() && !(kTeamsVersion < cardVersion) ? cardVersion : kTeamsVersion);
    }

    void walkChildren(const QJsonObject &o, const QString &at, const CardVersion &cardVersion)
    {
        for (const QString &key : kChildKeys) {
            const QJsonValue child = o.value(key);
            const QString childAt = at + u'/' + key;
            if (child.isObject()) {
                checkElement(child.toObject(), childAt, cardVersion, false);
            } else if (child.isArray()) {
                const QJsonArray items = child.toArray();
                for (qsizetype i = 0; i < items.size(); ++i) {
                    if (items.at(i).isObject())
                        checkElement(items.at(i).toObject(), childAt + u'/' + QString::number(i), cardVersion,
                                     kTypedLists.contains(key));
                }
            }
        }
    }

    void checkElement(const QJsonObject &e, const QString &at, const CardVersion &cardVersion, bool needsType)
    {
        const QJsonValue typeValue = e.value(QStringLiteral("type"));
        const QString type = typeValue.toString();
        if (typeValue.isUndefined()) {
            if (needsType)
                add(Severity::Error, at, tr("the element has no \"type\" (such as \"TextBlock\")"));
        } else if (!TemplateBinder::containsExpression(type)) {
            checkType(e, type, at, cardVersion);
        }
        if (type == u"AdaptiveCard") // Action.ShowCard's card: its own, optional, version
            checkCard(e, at, false);
        else
            walkChildren(e, at, cardVersion);
    }

    void checkType(const QJsonObject &e, const QString &type, const QString &at,
                   const CardVersion &cardVersion)
    {
        const QString typeAt = at + QStringLiteral("/type");
        const TypeInfo *info = detail::findCardType(type);
        if (!info) {
            const QString closest = detail::closestCardType(type);
            add(Severity::Error, typeAt,
                closest.isEmpty()
                    ? tr("\"%1\" is not an Adaptive Card element or action; Teams would not show it")
                          .arg(type)
                    : tr("\"%1\" is not an Adaptive Card element or action; did you mean \"%2\"?")
                          .arg(type, closest));
            return;
        }
        switch (info->support) {
        case TypeInfo::Support::OutlookOnly:
            add(Severity::Error, typeAt,
                tr("\"%1\" works only in Outlook Actionable Messages and Teams does not render it; use "
                   "Action.OpenUrl, Action.Submit or Action.Execute")
                    .arg(type));
            return;
        case TypeInfo::Support::NewerThanTeams:
            if (e.contains(QStringLiteral("fallback")))
                add(Severity::Warning, typeAt,
                    tr("\"%1\" needs Adaptive Cards %2, newer than Teams renders; Teams shows its fallback")
                        .arg(type, info->since.toString()));
            else
                add(Severity::Error, typeAt,
                    tr("\"%1\" needs Adaptive Cards %2 and Teams renders only up to %3; remove it or give it "
                       "a "
                       "\"fallback\"")
                        .arg(type, info->since.toString(), kTeamsVersion.toString()));
            return;
        case TypeInfo::Support::Rendered:
            if (cardVersion < info->since)
                add(Severity::Warning, typeAt,
                    tr("\"%1\" needs card version %2 but the card says %3; raise \"version\" to %2")
                        .arg(type, info->since.toString(), cardVersion.toString()));
            return;
        }
    }

    const MessageDocument &m_document;
    ValidationIssues m_issues;
};

QString listed(const QStringList &labels, int total)
{
    QStringList shown = labels.mid(0, Validator::kListedRecipients);
    QString text = shown.join(QStringLiteral(", "));
    if (labels.size() > shown.size())
        text = Validator::tr("%1 and %2 more").arg(text).arg(labels.size() - shown.size());
    return Validator::tr("%1 of %2 recipients (%3)").arg(labels.size()).arg(total).arg(text);
}

struct Group
{
    ValidationIssue issue; // the first recipient's, recipient cleared
    QStringList who;
};

} // namespace

ValidationIssues Validator::checkDocument(const MessageDocument &document)
{
    return DocumentCheck(document).run();
}

Validator::Report Validator::check(const MessageDocument &document, const RecipientDataList &recipients)
{
    Report report;
    report.issues = checkDocument(document);
    report.recipients = int(recipients.size());
    const ActivityBuilder builder(document);
    const RecipientDataList subjects = recipients.isEmpty() ? RecipientDataList{RecipientData()} : recipients;

    QList<Group> groups; // binding errors and missing fields, in first-seen order
    QStringList oversized;
    const auto groupOf = [&groups](const ValidationIssue &issue) -> Group & {
        for (Group &g : groups) {
            if (g.issue.category == issue.category && g.issue.pointer == issue.pointer
                && g.issue.message == issue.message && g.issue.line == issue.line)
                return g;
        }
        ValidationIssue first = issue;
        first.recipient.clear();
        groups.append({first, {}});
        return groups.last();
    };

    for (const RecipientData &recipient : subjects) {
        const BoundMessage bound = builder.build(recipient);
        const QString label = recipient.label();
        if (bound.size() > report.largestPayload) {
            report.largestPayload = bound.size();
            report.largestRecipient = recipients.isEmpty() ? QString() : label;
        }
        if (bound.size() > ActivityBuilder::kMaxPayloadBytes)
            oversized.append(label);
        if (recipients.isEmpty())
            continue; // nobody to lack a field: only size and syntax count
        if (!bound.isSendable())
            ++report.recipientsWithErrors;
        for (const MissingField &m : bound.missing) {
            if (!m.inCondition)
                report.missingFields[m.path].append(label);
        }
        for (const ValidationIssue &issue : bound.issues) {
            if (issue.category == ValidationIssue::Category::Binding
                || issue.category == ValidationIssue::Category::MissingField)
                groupOf(issue).who.append(label);
        }
    }

    for (const Group &g : std::as_const(groups)) {
        ValidationIssue summary = g.issue;
        summary.message = tr("%1 -- for %2").arg(g.issue.message, listed(g.who, report.recipients));
        report.issues.append(summary);
    }
    if (!oversized.isEmpty()) {
        ValidationIssue summary;
        summary.category = ValidationIssue::Category::Size;
        summary.message = recipients.isEmpty()
            ? tr("the message is %1 bytes, over the Bot Connector limit of %2 bytes; shorten the text or "
                 "remove "
                 "elements")
                  .arg(report.largestPayload)
                  .arg(ActivityBuilder::kMaxPayloadBytes)
            : tr("the message is over the Bot Connector limit of %1 bytes for %2 (largest: %3 bytes for %4); "
                 "shorten the text or remove elements")
                  .arg(ActivityBuilder::kMaxPayloadBytes)
                  .arg(listed(oversized, report.recipients))
                  .arg(report.largestPayload)
                  .arg(report.largestRecipient);
        report.issues.append(summary);
    }
    return report;
}

} // namespace herald::message
