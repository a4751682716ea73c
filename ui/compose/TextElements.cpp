#include "TextElements.h"

#include "ElementRenderer.h"

#include <QEvent>
#include <QGridLayout>
#include <QJsonArray>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace herald::ui {

namespace {

Qt::Alignment horizontalAlignment(const QJsonObject &element)
{
    const QString value = enumValue(element, QStringLiteral("horizontalAlignment"), QStringLiteral("left"));
    if (value == QLatin1String("center"))
        return Qt::AlignHCenter;
    if (value == QLatin1String("right"))
        return Qt::AlignRight;
    return Qt::AlignLeft;
}

void setTextColor(QWidget *widget, const QColor &color, const CardTheme &theme)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    palette.setColor(QPalette::Link, theme.link);
    palette.setColor(QPalette::LinkVisited, theme.link);
    widget->setPalette(palette);
}

QWidget *renderTextBlock(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    const CardTheme &theme = *context.theme;
    QString size = enumValue(element, QStringLiteral("size"));
    QString weight = enumValue(element, QStringLiteral("weight"));
    // Schema 1.5 "style": "heading" is Teams' large, bold heading.
    if (enumValue(element, QStringLiteral("style")) == QLatin1String("heading")) {
        if (size.isEmpty())
            size = QStringLiteral("large");
        if (weight.isEmpty())
            weight = QStringLiteral("bolder");
    }
    if (context.tableHeader && weight.isEmpty())
        weight = QStringLiteral("bolder");
    const bool monospace = enumValue(element, QStringLiteral("fontType")) == QLatin1String("monospace");

    auto *label = new CardTextLabel(parent);
    label->setFont(cardFont(theme, size, weight, monospace));
    setTextColor(label,
                 theme.foreground(context.containerStyle, enumValue(element, QStringLiteral("color")),
                                  element.value(QStringLiteral("isSubtle")).toBool()),
                 theme);
    label->setAlignment(horizontalAlignment(element) | Qt::AlignTop);
    label->setCardText(element.value(QStringLiteral("text")).toString(),
                       element.value(QStringLiteral("wrap")).toBool(false),
                       element.value(QStringLiteral("maxLines")).toInt(0));
    return label;
}

// One TextRun of a RichTextBlock as an HTML span; runs are plain text.
QString runToHtml(const QJsonObject &run, const CardRenderContext &context)
{
    const CardTheme &theme = *context.theme;
    const bool monospace = enumValue(run, QStringLiteral("fontType")) == QLatin1String("monospace");
    const QFont font = cardFont(theme, enumValue(run, QStringLiteral("size")),
                                enumValue(run, QStringLiteral("weight")), monospace);
    const bool link
        = run.value(QStringLiteral("selectAction")).toObject().value(QStringLiteral("type")).toString()
        == QLatin1String("Action.OpenUrl");
    // A run that opens a link is drawn as a link, whatever its colour.
    const QColor color = link
        ? theme.link
        : theme.foreground(context.containerStyle, enumValue(run, QStringLiteral("color")),
                           run.value(QStringLiteral("isSubtle")).toBool());
    QStringList css;
    css << QStringLiteral("font-size:%1px").arg(font.pixelSize());
    css << QStringLiteral("font-weight:%1").arg(font.weight() >= QFont::DemiBold ? 600 : 400);
    css << QStringLiteral("color:%1").arg(color.name(QColor::HexArgb));
    if (monospace)
        css << QStringLiteral("font-family:'%1'").arg(theme.monospaceFamily);
    if (run.value(QStringLiteral("italic")).toBool())
        css << QStringLiteral("font-style:italic");
    QStringList decorations;
    if (run.value(QStringLiteral("underline")).toBool())
        decorations << QStringLiteral("underline");
    if (run.value(QStringLiteral("strikethrough")).toBool())
        decorations << QStringLiteral("line-through");
    if (!decorations.isEmpty())
        css << QStringLiteral("text-decoration:%1").arg(decorations.join(QLatin1Char(' ')));
    if (run.value(QStringLiteral("highlight")).toBool())
        css << QStringLiteral("background-color:%1")
                   .arg(theme.foreground(context.containerStyle, "warning", true).name());

    QString text = run.value(QStringLiteral("text")).toString().toHtmlEscaped();
    text.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    QString html = QStringLiteral("<span style=\"%1\">%2</span>").arg(css.join(QLatin1Char(';')), text);
    const QJsonObject action = run.value(QStringLiteral("selectAction")).toObject();
    if (action.value(QStringLiteral("type")).toString() == QLatin1String("Action.OpenUrl")) {
        const QString url = action.value(QStringLiteral("url")).toString().toHtmlEscaped();
        html = QStringLiteral("<a href=\"%1\" style=\"color:%2\">%3</a>").arg(url, theme.link.name(), html);
    }
    return html;
}

QWidget *renderRichTextBlock(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    QString html;
    for (const QJsonValue &inline_ : element.value(QStringLiteral("inlines")).toArray()) {
        if (inline_.isString()) {
            QJsonObject run;
            run.insert(QStringLiteral("text"), inline_.toString());
            html += runToHtml(run, context);
        } else if (inline_.toObject().value(QStringLiteral("type")).toString() == QLatin1String("TextRun")) {
            html += runToHtml(inline_.toObject(), context);
        }
    }
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(true);
    label->setFont(cardFont(*context.theme, QString(), QString()));
    setTextColor(label, context.theme->foreground(context.containerStyle, QString(), false), *context.theme);
    label->setAlignment(horizontalAlignment(element) | Qt::AlignTop);
    label->setText(html);
    return label;
}

QWidget *renderFactSet(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    const CardTheme &theme = *context.theme;
    auto *facts = new QWidget(parent);
    auto *grid = new QGridLayout(facts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(theme.factSpacing);
    grid->setVerticalSpacing(4);
    int row = 0;
    const QColor color = theme.foreground(context.containerStyle, QString(), false);
    for (const QJsonValue &value : element.value(QStringLiteral("facts")).toArray()) {
        const QJsonObject fact = value.toObject();
        auto *title = new CardTextLabel(facts);
        title->setObjectName(QStringLiteral("ac-FactTitle"));
        title->setFont(cardFont(theme, QString(), QStringLiteral("bolder")));
        setTextColor(title, color, theme);
        title->setCardText(fact.value(QStringLiteral("title")).toString(), true, 0);
        title->setMaximumWidth(theme.factTitleMaxWidth);
        auto *text = new CardTextLabel(facts);
        text->setObjectName(QStringLiteral("ac-FactValue"));
        text->setFont(cardFont(theme, QString(), QString()));
        setTextColor(text, color, theme);
        text->setCardText(fact.value(QStringLiteral("value")).toString(), true, 0);
        grid->addWidget(title, row, 0, Qt::AlignTop | Qt::AlignLeft);
        grid->addWidget(text, row, 1, Qt::AlignTop);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    return facts;
}

} // namespace

void registerTextElements(ElementRenderer &renderer)
{
    renderer.registerFactory(QStringLiteral("TextBlock"), renderTextBlock);
    renderer.registerFactory(QStringLiteral("RichTextBlock"), renderRichTextBlock);
    renderer.registerFactory(QStringLiteral("FactSet"), renderFactSet);
}

QFont cardFont(const CardTheme &theme, const QString &size, const QString &weight, bool monospace)
{
    QFont font;
    font.setFamilies(monospace ? QStringList{theme.monospaceFamily, QStringLiteral("monospace")}
                               : QStringList{theme.fontFamily, QStringLiteral("Noto Sans"),
                                             QStringLiteral("DejaVu Sans"), QStringLiteral("sans-serif")});
    if (monospace)
        font.setStyleHint(QFont::Monospace);
    font.setPixelSize(theme.fontPixelSize(size));
    font.setWeight(CardTheme::fontWeight(weight));
    return font;
}

void tidyMarkdownDocument(QTextDocument &document, const QColor &link, int paragraphSpacing)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        // Links take the theme's link colour; the markdown importer would
        // otherwise bake in the application palette's blue.
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor())
                continue;
            format.setForeground(link);
            QTextCursor cursor(&document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(format);
        }
        // A blank line between paragraphs shows as a gap, as in Teams; items
        // of one list stay together. No margin above the first block or
        // below the last: the element's spacing handles that.
        const QTextBlock next = block.next();
        const bool sameList = next.isValid() && block.textList() && block.textList() == next.textList();
        QTextBlockFormat format = block.blockFormat();
        format.setTopMargin(0);
        format.setBottomMargin(next.isValid() && !sameList ? paragraphSpacing : 0);
        QTextCursor(block).setBlockFormat(format);
    }
}

QString cardMarkdownToHtml(const QString &markdown, const QFont &font, const QColor &link)
{
    QTextDocument document;
    document.setDefaultFont(font);
    document.setMarkdown(markdown,
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                         | QTextDocument::MarkdownNoHTML));
    tidyMarkdownDocument(document, link, QFontMetrics(font).height() / 2);
    return document.toHtml();
}

CardTextLabel::CardTextLabel(QWidget *parent)
    : QLabel(parent)
{
    setOpenExternalLinks(true);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
}

void CardTextLabel::setCardText(const QString &markdown, bool wrap, int maxLines)
{
    m_source = markdown;
    m_wrap = wrap;
    m_maxLines = wrap ? qMax(0, maxLines) : 1;
    setProperty("acText", markdown);
    if (wrap) {
        setWordWrap(true);
        setTextFormat(Qt::RichText);
        setText(cardMarkdownToHtml(markdown, font(), palette().color(QPalette::Link)));
        // Tab stops at a text block only for its links (Teams' own order); plain
        // text stays selectable without adding a stop per paragraph.
        setTextInteractionFlags(text().contains(QLatin1String("<a "))
                                    ? Qt::TextBrowserInteraction
                                    : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true); // so layouts give it the height its width needs
        setSizePolicy(policy);
    } else {
        // Teams shows a non-wrapping TextBlock as one line cut with "…".
        QTextDocument document;
        document.setMarkdown(markdown, QTextDocument::MarkdownNoHTML);
        m_plain = document.toPlainText().section(QLatin1Char('\n'), 0, 0);
        setWordWrap(false);
        setTextFormat(Qt::PlainText);
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        setToolTip(m_plain);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        updateElidedText();
    }
    applyLineLimit();
}

QSize CardTextLabel::sizeHint() const
{
    if (m_wrap)
        return QLabel::sizeHint();
    const QMargins margins = contentsMargins();
    return QSize(fontMetrics().horizontalAdvance(m_plain) + margins.left() + margins.right() + 2,
                 fontMetrics().height() + margins.top() + margins.bottom());
}

QSize CardTextLabel::minimumSizeHint() const
{
    if (m_wrap)
        return QLabel::minimumSizeHint();
    const QSize hint = sizeHint();
    return QSize(qMin(hint.width(), fontMetrics().horizontalAdvance(QStringLiteral("W…"))), hint.height());
}

void CardTextLabel::applyLineLimit()
{
    if (m_maxLines > 0)
        setMaximumHeight(fontMetrics().lineSpacing() * m_maxLines + 1);
    else
        setMaximumHeight(QWIDGETSIZE_MAX);
    if (!m_wrap)
        setMinimumHeight(fontMetrics().lineSpacing());
}

void CardTextLabel::updateElidedText()
{
    if (m_wrap)
        return;
    const int width
        = contentsRect().width() > 0 ? contentsRect().width() : fontMetrics().horizontalAdvance(m_plain);
    QLabel::setText(fontMetrics().elidedText(m_plain, Qt::ElideRight, width));
}

void CardTextLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateElidedText();
}

void CardTextLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        if (m_wrap && !m_source.isEmpty())
            setText(cardMarkdownToHtml(m_source, font(), palette().color(QPalette::Link)));
        applyLineLimit();
        updateElidedText();
    }
}

} // namespace herald::ui
