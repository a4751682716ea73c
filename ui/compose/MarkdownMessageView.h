#pragma once

#include "CardTheme.h"

#include <QWidget>

class QTextBrowser;

namespace herald::ui {

class ChatBubble;
class ChatCanvas;

// A markdown text message as Teams shows a bot's message: the sender line
// and a chat bubble with the formatted text (Qt's markdown parser,
// QTextDocument::setMarkdown; raw HTML stays text as in Teams).
class MarkdownMessageView : public QWidget
{
    Q_OBJECT

public:
    explicit MarkdownMessageView(QWidget *parent = nullptr);

    void setMarkdown(const QString &markdown);
    QString markdown() const { return m_markdown; }

    void setThemeMode(CardTheme::Mode mode);
    CardTheme::Mode themeMode() const { return m_theme.mode; }
    void setSenderName(const QString &name);

    QTextBrowser *textBrowser() const { return m_text; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyTheme();
    void updateHeight();

    CardTheme m_theme;
    QString m_markdown;
    ChatCanvas *m_canvas = nullptr;
    ChatBubble *m_bubble = nullptr;
    QTextBrowser *m_text = nullptr;
};

} // namespace herald::ui
