#pragma once

#include "CardTheme.h"

#include <QLabel>

class QTextDocument;

namespace herald::ui {

class ElementRenderer;

// TextBlock, RichTextBlock and FactSet.
void registerTextElements(ElementRenderer &renderer);

// The font a card text uses: `size` and `weight` are Adaptive Card values.
QFont cardFont(const CardTheme &theme, const QString &size, const QString &weight, bool monospace = false);

// Markdown (the subset Teams renders in cards) to the HTML a QLabel shows,
// through Qt's own markdown parser. Raw HTML is not interpreted: Teams shows
// it as text.
QString cardMarkdownToHtml(const QString &markdown, const QFont &font, const QColor &link);

// After QTextDocument::setMarkdown: links in `link` colour, `paragraphSpacing`
// pixels between paragraphs (not between items of one list), no outer margins.
void tidyMarkdownDocument(QTextDocument &document, const QColor &link, int paragraphSpacing);

// A TextBlock: markdown when it wraps, one elided line when it does not (as
// Teams draws it), and at most `maxLines` lines.
class CardTextLabel : public QLabel
{
    Q_OBJECT

public:
    explicit CardTextLabel(QWidget *parent = nullptr);

    void setCardText(const QString &markdown, bool wrap, int maxLines);
    QString sourceText() const { return m_source; }
    bool wraps() const { return m_wrap; }
    int maxLines() const { return m_maxLines; }

    // A non-wrapping line asks for its full width but may shrink to "…".
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyLineLimit();
    void updateElidedText();

    QString m_source;
    QString m_plain;
    bool m_wrap = true;
    int m_maxLines = 0;
};

} // namespace herald::ui
