#pragma once

#include "CardTheme.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace herald::ui {

// The message bubble a Teams chat shows a bot's message in: a rounded,
// bordered surface. Its layout holds the message content.
class ChatBubble : public QWidget
{
    Q_OBJECT

public:
    explicit ChatBubble(QWidget *parent = nullptr);

    void setColors(const QColor &background, const QColor &border);
    QVBoxLayout *contentLayout() const { return m_layout; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_background;
    QColor m_border;
    QVBoxLayout *m_layout = nullptr;
};

// Paints the chat canvas around a bubble, and the sender line above it.
class ChatCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit ChatCanvas(QWidget *parent = nullptr);

    void applyTheme(const CardTheme &theme);
    void setSenderName(const QString &name);
    QString senderName() const { return m_senderName; }
    QLabel *senderLabel() const { return m_sender; }
    QVBoxLayout *canvasLayout() const { return m_layout; }

private:
    void updateSender();

    QString m_senderName;
    QLabel *m_sender = nullptr;
    QVBoxLayout *m_layout = nullptr;
};

} // namespace herald::ui
