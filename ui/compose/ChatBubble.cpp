#include "ChatBubble.h"

#include "TextElements.h"

#include <QLabel>
#include <QPainter>
#include <QTime>
#include <QVBoxLayout>

namespace herald::ui {

ChatBubble::ChatBubble(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chatBubble"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
}

void ChatBubble::setColors(const QColor &background, const QColor &border)
{
    m_background = background;
    m_border = border;
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::Base, background);
    setPalette(palette);
    update();
}

void ChatBubble::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_border, 1));
    painter.setBrush(m_background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

ChatCanvas::ChatCanvas(QWidget *parent)
    : QWidget(parent)
    , m_senderName(tr("Herald"))
{
    setAutoFillBackground(true);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(16, 12, 16, 16);
    m_layout->setSpacing(4);
    m_sender = new QLabel(this);
    m_sender->setObjectName(QStringLiteral("chatSender"));
    m_sender->setTextFormat(Qt::PlainText);
    m_layout->addWidget(m_sender);
    updateSender();
}

void ChatCanvas::applyTheme(const CardTheme &theme)
{
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, theme.canvas);
    setPalette(palette);
    QPalette senderPalette = m_sender->palette();
    senderPalette.setColor(QPalette::WindowText, theme.senderText);
    m_sender->setPalette(senderPalette);
    m_sender->setFont(cardFont(theme, QStringLiteral("small"), QString()));
}

void ChatCanvas::setSenderName(const QString &name)
{
    m_senderName = name;
    updateSender();
}

void ChatCanvas::updateSender()
{
    // Teams shows the bot's name and the time above its message.
    m_sender->setText(
        tr("%1   %2").arg(m_senderName, QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
}

} // namespace herald::ui
