#include "message/MessageDocument.h"

#include "directory/CsvReader.h"
#include "message/JsonLocator.h"
#include "message/TemplateBinder.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace herald::message {

namespace {

// No message can be sent above 40 KB; a file many times that is a mistake
// (wrong file picked), and is refused before it is parsed.
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
const QByteArray kBom = QByteArrayLiteral("\xEF\xBB\xBF");

bool containsBindings(const QJsonValue &v)
{
    if (v.isString())
        return TemplateBinder::containsExpression(v.toString());
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), containsBindings);
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == u"$data" || it.key() == u"$when" || containsBindings(it.value()))
                return true;
        }
    }
    return false;
}

// Qt's parser messages name its internal states ("unterminated object");
// say what the admin most likely has to change.
QString jsonErrorText(const QJsonParseError &e)
{
    // The context lupdate gives a tr() in a free function: its namespace.
    const auto tr = [](const char *text) { return QCoreApplication::translate("herald::message", text); };
    switch (e.error) {
    case QJsonParseError::UnterminatedObject:
        return tr("expected ',' or '}' here (is a comma missing between two members?)");
    case QJsonParseError::UnterminatedArray:
        return tr("expected ',' or ']' here (is a comma missing between two elements?)");
    case QJsonParseError::MissingNameSeparator:
        return tr("expected ':' after the member name");
    case QJsonParseError::MissingValueSeparator:
        return tr("expected ',' between two values");
    case QJsonParseError::MissingObject:
        return tr("a member must follow ',' (remove the trailing comma)");
    case QJsonParseError::IllegalValue:
    case QJsonParseError::IllegalNumber:
        return tr("not a JSON value (text needs double quotes; true, false and null are lower-case)");
    case QJsonParseError::UnterminatedString:
        return tr("the text has no closing double quote");
    case QJsonParseError::IllegalEscapeSequence:
        return tr("invalid escape sequence (write \\\\ for a backslash)");
    case QJsonParseError::IllegalUTF8String:
        return tr("the text is not UTF-8; save the file as UTF-8");
    case QJsonParseError::GarbageAtEnd:
        return tr("unexpected text after the end of the JSON");
    default:
        break;
    }
    return e.errorString();
}

ValidationIssue error(const QString &message, int line = 0, int column = 0, const QString &pointer = {})
{
    ValidationIssue issue;
    issue.message = message;
    issue.line = line;
    issue.column = column;
    issue.pointer = pointer;
    return issue;
}

} // namespace

QString toName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Markdown:
        return QStringLiteral("markdown");
    case MessageKind::AdaptiveCard:
        return QStringLiteral("adaptive-card");
    case MessageKind::CardTemplate:
        return QStringLiteral("card-template");
    case MessageKind::Activity:
        break;
    }
    return QStringLiteral("activity");
}

LoadResult MessageDocument::load(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    SourceFormat format = SourceFormat::Markdown;
    if (suffix == u"json") {
        format = SourceFormat::Json;
    } else if (suffix != u"md" && suffix != u"markdown" && suffix != u"txt") {
        return {std::nullopt,
                {error(tr("%1: unknown kind of message file; use .md or .txt for markdown text, .json for an "
                          "Adaptive Card or an Activity")
                           .arg(path))}};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {error(tr("cannot read %1: %2").arg(path, file.errorString()))}};
    if (file.size() > kMaxFileBytes) {
        return {std::nullopt,
                {error(tr("%1 is %2 bytes; a Teams message must stay under about 40 KB, so this is probably "
                          "the wrong file")
                           .arg(path)
                           .arg(file.size()))}};
    }
    return fromText(format, file.readAll(), path);
}

LoadResult MessageDocument::fromText(SourceFormat format, const QString &text, const QString &sourceName)
{
    return fromText(format, text.toUtf8(), sourceName);
}

LoadResult MessageDocument::fromText(SourceFormat format, const QByteArray &utf8, const QString &sourceName)
{
    const QByteArray body = utf8.startsWith(kBom) ? utf8.mid(kBom.size()) : utf8;
    if (format == SourceFormat::Markdown) {
        if (const qsizetype bad = firstInvalidUtf8(body.constData(), body.size()); bad >= 0) {
            const detail::TextPosition pos = detail::positionOfByte(body, bad);
            return {std::nullopt,
                    {error(tr("the text is not UTF-8; save the file as UTF-8 and try again"), pos.line,
                           pos.column)}};
        }
        MessageDocument doc = fromMarkdown(QString::fromUtf8(body));
        doc.m_sourceName = sourceName;
        doc.m_source = utf8;
        return {doc, {}};
    }
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's offset is just past the character it could not use (but on it
        // for IllegalNumber, which Qt also reports for any stray letter);
        // point at that character. tst_messagedocument pins this down.
        const qsizetype back = parseError.error == QJsonParseError::IllegalNumber ? 0 : 1;
        qsizetype at = std::max<qsizetype>(0, parseError.offset - back);
        while (at > 0 && at < body.size() && (static_cast<unsigned char>(body.at(at)) & 0xC0) == 0x80)
            --at;
        while (parseError.error == QJsonParseError::GarbageAtEnd && at < body.size()
               && QChar::isSpace(uchar(body.at(at))))
            ++at;
        const detail::TextPosition pos = detail::positionOfByte(body, at);
        const QString there = QString::fromUtf8(body.mid(at, 4)).left(1);
        const bool curly
            = there == u"\u201C" || there == u"\u201D" || there == u"\u2018" || there == u"\u2019";
        return {
            std::nullopt,
            {error(curly ? tr("the JSON is not valid: %1 is a typographic quote; JSON needs plain \" quotes")
                               .arg(there)
                         : tr("the JSON is not valid: %1").arg(jsonErrorText(parseError)),
                   pos.line, pos.column)}};
    }
    if (!json.isObject()) {
        return {
            std::nullopt,
            {error(tr("the JSON must be an object: an Adaptive Card {\"type\": \"AdaptiveCard\", ...} or an "
                      "Activity {\"type\": \"message\", ...}"),
                   1, 1)}};
    }
    LoadResult result = fromJson(json.object());
    if (result.document) {
        result.document->m_sourceName = sourceName;
        result.document->m_source = utf8;
    } else {
        for (ValidationIssue &issue : result.issues) {
            const qsizetype at = detail::findPointer(body, issue.pointer);
            if (at >= 0) {
                const detail::TextPosition pos = detail::positionOfByte(body, at);
                issue.line = pos.line;
                issue.column = pos.column;
            }
        }
    }
    return result;
}

MessageDocument MessageDocument::fromMarkdown(const QString &text)
{
    MessageDocument doc;
    doc.m_kind = MessageKind::Markdown;
    doc.m_text = text;
    doc.m_hasBindings = TemplateBinder::containsExpression(text);
    return doc;
}

LoadResult MessageDocument::fromJson(const QJsonObject &object)
{
    const QJsonValue type = object.value(QStringLiteral("type"));
    MessageDocument doc;
    doc.m_json = object;
    doc.m_hasBindings = containsBindings(object);
    if (type == QLatin1String("AdaptiveCard")) {
        doc.m_kind = doc.m_hasBindings ? MessageKind::CardTemplate : MessageKind::AdaptiveCard;
        return {doc, {}};
    }
    if (type == QLatin1String("message")) {
        doc.m_kind = MessageKind::Activity;
        return {doc, {}};
    }
    const QString hint = tr("Herald sends an Adaptive Card (\"type\": \"AdaptiveCard\") or a Bot Framework "
                            "Activity (\"type\": \"message\")");
    if (type.isUndefined()) {
        if (object.contains(QStringLiteral("contentType"))
            && object.value(QStringLiteral("content")).isObject()) {
            return {
                std::nullopt,
                {error(
                    tr("this is an attachment, not a card: save only its \"content\" object, or wrap it in "
                       "an Activity's \"attachments\""),
                    0, 0, QString())}};
        }
        const bool cardLike
            = object.contains(QStringLiteral("body")) || object.contains(QStringLiteral("$schema"));
        return {std::nullopt,
                {error(cardLike ? tr("the card has no \"type\"; add \"type\": \"AdaptiveCard\"")
                                : tr("the JSON has no \"type\"; %1").arg(hint))}};
    }
    return {std::nullopt,
            {error(tr("\"type\" is %1; %2")
                       .arg(QString::fromUtf8(QJsonDocument(QJsonArray{type}).toJson(QJsonDocument::Compact))
                                .mid(1)
                                .chopped(1),
                            hint),
                   0, 0, QStringLiteral("/type"))}};
}

MessageDocument::Position MessageDocument::locate(const QString &pointer, qsizetype offsetInString) const
{
    if (m_kind == MessageKind::Markdown || m_source.isEmpty())
        return {};
    qsizetype at = detail::findPointer(m_source, pointer);
    if (at >= 0 && offsetInString >= 0) {
        const qsizetype inside
            = detail::findInString(m_source, detail::findPointer(m_source, pointer, true), offsetInString);
        if (inside >= 0)
            at = inside;
    }
    if (at < 0)
        return {};
    const detail::TextPosition pos = detail::positionOfByte(m_source, at);
    return {pos.line, pos.column};
}

MessageDocument::Position MessageDocument::locateText(qsizetype offset) const
{
    if (m_kind != MessageKind::Markdown || offset < 0)
        return {};
    Position pos{1, 1};
    for (qsizetype i = 0; i < offset && i < m_text.size(); ++i) {
        if (m_text.at(i) == u'\n') {
            ++pos.line;
            pos.column = 1;
        } else if (!m_text.at(i).isLowSurrogate()) {
            ++pos.column;
        }
    }
    return pos;
}

} // namespace herald::message
