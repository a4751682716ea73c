#include "AdaptiveCardView.h"

#include "ActionElements.h"
#include "CardImageCache.h"
#include "ChatBubble.h"
#include "ElementRenderer.h"

#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>
#include <QVersionNumber>

namespace herald::ui {

namespace {

// The newest schema Teams desktop renders (API-NOTES.md, "Adaptive Cards").
const QVersionNumber kNewestTeamsSchema(1, 5);

} // namespace

AdaptiveCardView::AdaptiveCardView(QWidget *parent)
    : QWidget(parent)
    , m_theme(CardTheme::light())
    , m_renderer(std::make_unique<ElementRenderer>())
    , m_images(new CardImageCache(this))
{
    setObjectName(QStringLiteral("adaptiveCardView"));
    setAccessibleName(tr("Adaptive Card preview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_canvas = new ChatCanvas(this);
    layout->addWidget(m_canvas);
    m_bubble = new ChatBubble(m_canvas);
    m_bubble->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    // No alignment flag: one would stop the bubble growing to its maximum width.
    m_canvas->canvasLayout()->addWidget(m_bubble);
    m_canvas->canvasLayout()->addStretch(1);
    render();
}

AdaptiveCardView::~AdaptiveCardView() = default;

void AdaptiveCardView::setNetworkAccessManager(QNetworkAccessManager *network)
{
    m_images->setNetworkAccessManager(network);
    if (!m_card.isEmpty())
        render();
}

void AdaptiveCardView::setThemeMode(CardTheme::Mode mode)
{
    if (mode == m_theme.mode)
        return;
    m_theme = CardTheme::forMode(mode);
    render();
}

void AdaptiveCardView::setSenderName(const QString &name)
{
    m_canvas->setSenderName(name);
}

void AdaptiveCardView::setCard(const QJsonObject &card)
{
    m_card = card;
    render();
}

void AdaptiveCardView::clear()
{
    m_card = QJsonObject();
    render();
}

QWidget *AdaptiveCardView::cardSurface() const
{
    return m_surface;
}

void AdaptiveCardView::render()
{
    m_notes.clear();
    m_canvas->applyTheme(m_theme);
    m_bubble->setColors(m_theme.style(QStringLiteral("default")).background, m_theme.bubbleBorder);
    // Rebuilt from scratch: widgets of the old card go with their surface.
    delete m_surface;
    m_surface = new QWidget(m_bubble);
    m_surface->setObjectName(QStringLiteral("cardSurface"));
    auto *layout = new QVBoxLayout(m_surface);
    layout->setContentsMargins(m_theme.padding, m_theme.padding, m_theme.padding, m_theme.padding);
    layout->setSpacing(0);

    CardRenderContext context;
    context.theme = &m_theme;
    context.renderer = m_renderer.get();
    context.images = m_images;
    context.notes = &m_notes;

    const QString type = m_card.value(QStringLiteral("type")).toString();
    if (m_card.isEmpty()) {
        auto *empty = new QLabel(tr("Nothing to preview yet."), m_surface);
        empty->setObjectName(QStringLiteral("emptyPreview"));
        QPalette palette = empty->palette();
        palette.setColor(QPalette::WindowText, m_theme.foreground({}, {}, true));
        empty->setPalette(palette);
        layout->addWidget(empty);
    } else if (type != QLatin1String("AdaptiveCard")) {
        const QString text = type.isEmpty()
            ? tr("This JSON is not an Adaptive Card: it has no \"type\": \"AdaptiveCard\".")
            : tr("This JSON is not an Adaptive Card: its \"type\" is \"%1\".").arg(type);
        m_notes << text;
        layout->addWidget(ElementRenderer::placeholder(text, context, m_surface));
    } else {
        const QVersionNumber version
            = QVersionNumber::fromString(m_card.value(QStringLiteral("version")).toString());
        if (!version.isNull() && QVersionNumber::compare(version, kNewestTeamsSchema) > 0) {
            const QString text = tr("Card version %1 is newer than Teams renders (%2): Teams may show "
                                    "its fallback text instead.")
                                     .arg(version.toString(), kNewestTeamsSchema.toString());
            m_notes << text;
            layout->addWidget(ElementRenderer::placeholder(text, context, m_surface));
            layout->addSpacing(m_theme.spacingDefault);
        }
        m_renderer->renderItems(m_card.value(QStringLiteral("body")).toArray(), context, m_surface, layout);
        const QJsonArray actions = m_card.value(QStringLiteral("actions")).toArray();
        if (!actions.isEmpty()) {
            if (!m_card.value(QStringLiteral("body")).toArray().isEmpty())
                layout->addSpacing(m_theme.spacingDefault);
            QWidget *row = renderActionRow(actions, context, m_surface);
            row->setObjectName(QStringLiteral("cardActions"));
            layout->addWidget(row);
        }
    }
    layout->addStretch(1);
    m_bubble->contentLayout()->addWidget(m_surface);

    // Teams gives a card a fixed width in a chat; "msteams": {"width": "Full"}
    // lets it use the whole message column.
    const bool full = m_card.value(QStringLiteral("msteams"))
                          .toObject()
                          .value(QStringLiteral("width"))
                          .toString()
                          .compare(QLatin1String("full"), Qt::CaseInsensitive)
        == 0;
    if (full) {
        m_bubble->setMinimumWidth(0);
        m_bubble->setMaximumWidth(QWIDGETSIZE_MAX);
    } else {
        // Up to Teams' card width, narrower when the preview pane is.
        m_bubble->setMinimumWidth(0);
        m_bubble->setMaximumWidth(m_theme.cardMaxWidth);
    }
    m_surface->show();
    emit rendered(m_notes);
}

} // namespace herald::ui
