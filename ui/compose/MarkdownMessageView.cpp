#include "MarkdownMessageView.h"

#include "ChatBubble.h"
#include "TextElements.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace herald::ui {

MarkdownMessageView::MarkdownMessageView(QWidget *parent)
    : QWidget(parent)
    , m_theme(CardTheme::light())
{
    setObjectName(QStringLiteral("markdownMessageView"));
    setAccessibleName(tr("Text message preview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_canvas = new ChatCanvas(this);
    layout->addWidget(m_canvas);
    m_bubble = new ChatBubble(m_canvas);
    m_bubble->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_bubble->setMaximumWidth(m_theme.cardMaxWidth + 100);
    // No alignment flag: one would stop the bubble growing to its maximum width.
    m_canvas->canvasLayout()->addWidget(m_bubble);
    m_canvas->canvasLayout()->addStretch(1);

    m_text = new QTextBrowser(m_bubble);
    m_text->setObjectName(QStringLiteral("markdownText"));
    m_text->setAccessibleName(tr("Message preview"));
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setOpenExternalLinks(true);
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->viewport()->setAutoFillBackground(false);
    m_text->document()->setDocumentMargin(12);
    m_bubble->contentLayout()->addWidget(m_text);
    connect(m_text->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            [this] { updateHeight(); });
    applyTheme();
}

void MarkdownMessageView::setMarkdown(const QString &markdown)
{
    m_markdown = markdown;
    m_text->document()->setMarkdown(markdown,
                                    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                                    | QTextDocument::MarkdownNoHTML));
    tidyMarkdownDocument(*m_text->document(), m_theme.link, m_text->fontMetrics().height() / 2);
    updateHeight();
}

void MarkdownMessageView::setThemeMode(CardTheme::Mode mode)
{
    if (mode == m_theme.mode)
        return;
    m_theme = CardTheme::forMode(mode);
    applyTheme();
}

void MarkdownMessageView::setSenderName(const QString &name)
{
    m_canvas->setSenderName(name);
}

void MarkdownMessageView::applyTheme()
{
    m_canvas->applyTheme(m_theme);
    const QColor background = m_theme.style(QStringLiteral("default")).background;
    m_bubble->setColors(background, m_theme.bubbleBorder);
    QPalette palette = m_text->palette();
    palette.setColor(QPalette::Base, background);
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::Text, m_theme.foreground(QString(), QString(), false));
    palette.setColor(QPalette::Link, m_theme.link);
    palette.setColor(QPalette::LinkVisited, m_theme.link);
    m_text->setPalette(palette);
    m_text->document()->setDefaultFont(cardFont(m_theme, QString(), QString()));
    // Re-parse so the document picks up the new default font.
    if (!m_markdown.isEmpty())
        setMarkdown(m_markdown);
}

void MarkdownMessageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateHeight();
}

void MarkdownMessageView::updateHeight()
{
    // The bubble grows with its text instead of scrolling inside itself.
    const int height = qCeil(m_text->document()->size().height());
    m_text->setFixedHeight(qMax(height, m_text->fontMetrics().height() + 24));
}

} // namespace herald::ui
