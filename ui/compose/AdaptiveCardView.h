#pragma once

#include "CardTheme.h"

#include <QJsonObject>
#include <QStringList>
#include <QWidget>
#include <memory>

class QNetworkAccessManager;

namespace herald::ui {

class CardImageCache;
class ChatBubble;
class ChatCanvas;
class ElementRenderer;

// A bound Adaptive Card drawn natively, the way Teams shows it in a 1:1 chat:
// the bot's name above a bubble holding the card. Supports TextBlock,
// RichTextBlock/TextRun, Image, ImageSet, Container, ColumnSet/Column,
// FactSet, ActionSet and the card's actions; other elements become a
// labelled placeholder. Remote images load asynchronously through the
// injected network manager; without one they are shown as not loaded.
class AdaptiveCardView : public QWidget
{
    Q_OBJECT

signals:
    // After every (re)render, with what the preview could not show.
    void rendered(const QStringList &notes);

public:
    explicit AdaptiveCardView(QWidget *parent = nullptr);
    ~AdaptiveCardView() override;

    void setNetworkAccessManager(QNetworkAccessManager *network);

    void setThemeMode(CardTheme::Mode mode);
    CardTheme::Mode themeMode() const { return m_theme.mode; }
    const CardTheme &theme() const { return m_theme; }

    void setSenderName(const QString &name);

    // Replaces the card (an object with "type": "AdaptiveCard").
    void setCard(const QJsonObject &card);
    QJsonObject card() const { return m_card; }
    void clear();

    // The card surface (inside the chat bubble); what a screenshot of the
    // card alone grabs.
    QWidget *cardSurface() const;
    QStringList notes() const { return m_notes; }

private:
    void render();

    CardTheme m_theme;
    QJsonObject m_card;
    QStringList m_notes;
    std::unique_ptr<ElementRenderer> m_renderer;
    CardImageCache *m_images = nullptr;
    ChatCanvas *m_canvas = nullptr;
    ChatBubble *m_bubble = nullptr;
    QWidget *m_surface = nullptr;
};

} // namespace herald::ui
