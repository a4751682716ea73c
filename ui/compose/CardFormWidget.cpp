#include "CardFormWidget.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <algorithm>

namespace herald::ui {

namespace {

const QStringList kKeyOrder = {QStringLiteral("type"), QStringLiteral("$schema"), QStringLiteral("version"),
                               QStringLiteral("url"),  QStringLiteral("title"),   QStringLiteral("text"),
                               QStringLiteral("body"), QStringLiteral("actions")};

QString quoted(const QString &text)
{
    // QJsonDocument escapes a string exactly as JSON needs.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

void write(const QJsonValue &value, int depth, QString &out)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    const QString inner((depth + 1) * 2, QLatin1Char(' '));
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            const int ia = kKeyOrder.indexOf(a) < 0 ? kKeyOrder.size() : kKeyOrder.indexOf(a);
            const int ib = kKeyOrder.indexOf(b) < 0 ? kKeyOrder.size() : kKeyOrder.indexOf(b);
            return ia < ib;
        });
        out += QLatin1Char('{');
        for (int i = 0; i < keys.size(); ++i) {
            out += (i ? QStringLiteral(",\n") : QStringLiteral("\n")) + inner + quoted(keys.at(i))
                + QStringLiteral(": ");
            write(object.value(keys.at(i)), depth + 1, out);
        }
        out += keys.isEmpty() ? QStringLiteral("}") : QLatin1Char('\n') + indent + QLatin1Char('}');
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        out += QLatin1Char('[');
        for (int i = 0; i < array.size(); ++i) {
            out += (i ? QStringLiteral(",\n") : QStringLiteral("\n")) + inner;
            write(array.at(i), depth + 1, out);
        }
        out += array.isEmpty() ? QStringLiteral("]") : QLatin1Char('\n') + indent + QLatin1Char(']');
    } else if (value.isString()) {
        out += quoted(value.toString());
    } else {
        const QByteArray scalar = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        out += QString::fromUtf8(scalar.mid(1, scalar.size() - 2));
    }
}

} // namespace

CardFormWidget::CardFormWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("cardForm"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("formTitle"));
    m_title->setPlaceholderText(tr("New expense policy from 1 March"));
    m_image = new QLineEdit(this);
    m_image->setObjectName(QStringLiteral("formImage"));
    m_image->setPlaceholderText(tr("https://contoso.com/banner.png (optional)"));
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("formSummary"));
    m_summary->setPlaceholderText(
        tr("Hi ${givenName}, … (markdown: **bold**, _italic_, [links](https://…))"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 4 + 12);
    m_buttonTitle = new QLineEdit(this);
    m_buttonTitle->setObjectName(QStringLiteral("formButtonTitle"));
    m_buttonTitle->setPlaceholderText(tr("Read more (optional)"));
    m_buttonUrl = new QLineEdit(this);
    m_buttonUrl->setObjectName(QStringLiteral("formButtonUrl"));
    m_buttonUrl->setPlaceholderText(tr("https://intranet.contoso.com/…"));

    auto *create = new QPushButton(tr("&Create card"), this);
    create->setObjectName(QStringLiteral("formCreate"));
    create->setToolTip(
        tr("Replaces the card JSON with a card made from these fields (Ctrl+Z in the editor undoes it)."));
    connect(create, &QPushButton::clicked, this, [this] { emit cardRequested(buildCard(fields())); });

    auto *button = new QHBoxLayout;
    button->addWidget(m_buttonTitle, 1);
    button->addWidget(m_buttonUrl, 2);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("Image &URL:"), m_image);
    form->addRow(tr("Summar&y:"), m_summary);
    // A row holding a layout gets no buddy by itself: give the label one.
    auto *buttonLabel = new QLabel(tr("&Button:"), this);
    buttonLabel->setBuddy(m_buttonTitle);
    form->addRow(buttonLabel, button);
    form->addRow(QString(), create);
    m_buttonTitle->setAccessibleName(tr("Button text"));
    m_buttonUrl->setAccessibleName(tr("Button link"));
}

CardFormWidget::Fields CardFormWidget::fields() const
{
    return {m_title->text().trimmed(), m_image->text().trimmed(), m_summary->toPlainText().trimmed(),
            m_buttonTitle->text().trimmed(), m_buttonUrl->text().trimmed()};
}

void CardFormWidget::setFields(const Fields &fields)
{
    m_title->setText(fields.title);
    m_image->setText(fields.imageUrl);
    m_summary->setPlainText(fields.summary);
    m_buttonTitle->setText(fields.buttonTitle);
    m_buttonUrl->setText(fields.buttonUrl);
}

QJsonObject CardFormWidget::buildCard(const Fields &fields)
{
    QJsonArray body;
    if (!fields.imageUrl.isEmpty())
        body << QJsonObject{{QStringLiteral("type"), QStringLiteral("Image")},
                            {QStringLiteral("url"), fields.imageUrl},
                            {QStringLiteral("size"), QStringLiteral("Stretch")},
                            {QStringLiteral("altText"), fields.title}};
    if (!fields.title.isEmpty())
        body << QJsonObject{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                            {QStringLiteral("text"), fields.title},
                            {QStringLiteral("size"), QStringLiteral("Large")},
                            {QStringLiteral("weight"), QStringLiteral("Bolder")},
                            {QStringLiteral("wrap"), true}};
    if (!fields.summary.isEmpty())
        body << QJsonObject{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                            {QStringLiteral("text"), fields.summary},
                            {QStringLiteral("wrap"), true}};
    QJsonObject card{
        {QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
        {QStringLiteral("$schema"), QStringLiteral("http://adaptivecards.io/schemas/adaptive-card.json")},
        {QStringLiteral("version"), QStringLiteral("1.5")},
        {QStringLiteral("body"), body}};
    if (!fields.buttonTitle.isEmpty() && !fields.buttonUrl.isEmpty())
        card.insert(QStringLiteral("actions"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Action.OpenUrl")},
                                           {QStringLiteral("title"), fields.buttonTitle},
                                           {QStringLiteral("url"), fields.buttonUrl}}});
    return card;
}

QString CardFormWidget::toJsonText(const QJsonObject &card)
{
    QString out;
    write(card, 0, out);
    return out + QLatin1Char('\n');
}

} // namespace herald::ui
