#include "MediaElements.h"

#include "CardImageCache.h"
#include "ElementRenderer.h"
#include "graph/Endpoints.h"

#include <QGridLayout>
#include <QJsonArray>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

namespace herald::ui {

namespace {

// "80px" (or a bare number) to pixels; 0 when absent or not a pixel value.
int pixels(const QJsonValue &value)
{
    if (value.isDouble())
        return qMax(0, value.toInt());
    static const QRegularExpression px(QStringLiteral("^\\s*(\\d+)\\s*px\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = px.match(value.toString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

Qt::Alignment alignment(const QJsonObject &element)
{
    const QString value = enumValue(element, QStringLiteral("horizontalAlignment"), QStringLiteral("left"));
    if (value == QLatin1String("center"))
        return Qt::AlignHCenter;
    if (value == QLatin1String("right"))
        return Qt::AlignRight;
    return Qt::AlignLeft;
}

void loadInto(CardImageWidget *widget, const QString &source, const CardRenderContext &context)
{
    if (source.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
        QString error;
        const QImage image = CardImageCache::decodeDataUri(source, &error);
        if (image.isNull())
            widget->setFailed(error);
        else
            widget->setImage(image);
        return;
    }
    const QUrl url(source);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        widget->setFailed(source.isEmpty()
                              ? CardImageWidget::tr("The image has no \"url\".")
                              : CardImageWidget::tr("Teams loads card images from https:// or data: URLs; "
                                                    "\"%1\" is neither.")
                                    .arg(source));
        return;
    }
    if (scheme == QLatin1String("http") && !herald::graph::isLoopbackHost(url.host())) {
        // Plain http only to this machine (the demo tenant, tests); Teams
        // itself needs https for card images.
        widget->setFailed(
            CardImageWidget::tr("Not loaded: \"%1\" uses plain http://; Teams loads card images "
                                "over https://.")
                .arg(source));
        return;
    }
    CardImageCache *cache = context.images;
    if (!cache) {
        widget->setFailed(CardImageWidget::tr("Images are not downloaded in this view."));
        return;
    }
    switch (cache->state(url)) {
    case CardImageCache::State::Ready:
        widget->setImage(cache->image(url));
        return;
    case CardImageCache::State::Failed:
        widget->setFailed(CardImageWidget::tr("Could not load the image: %1").arg(cache->error(url)));
        return;
    case CardImageCache::State::Missing:
    case CardImageCache::State::Loading:
        break;
    }
    widget->setLoading();
    QObject::connect(cache, &CardImageCache::imageLoaded, widget, [widget, cache, url](const QUrl &loaded) {
        if (loaded == url)
            widget->setImage(cache->image(url));
    });
    QObject::connect(cache, &CardImageCache::imageFailed, widget,
                     [widget, url](const QUrl &failed, const QString &reason) {
                         if (failed == url)
                             widget->setFailed(
                                 CardImageWidget::tr("Could not load the image: %1").arg(reason));
                     });
    cache->request(url);
}

CardImageWidget *createImage(const QJsonObject &element, const CardRenderContext &context, QWidget *parent,
                             const QString &defaultSize)
{
    const CardTheme &theme = *context.theme;
    auto *image = new CardImageWidget(theme, parent);
    const int width = pixels(element.value(QStringLiteral("width")));
    const int height = pixels(element.value(QStringLiteral("height")));
    const QString size = enumValue(element, QStringLiteral("size"), defaultSize);
    if (width > 0 || height > 0)
        image->setSizing(CardImageWidget::Sizing::Fixed, width, height);
    else if (size == QLatin1String("stretch"))
        image->setSizing(CardImageWidget::Sizing::Stretch);
    else if (size == QLatin1String("small"))
        image->setSizing(CardImageWidget::Sizing::Fixed, theme.imageSmall);
    else if (size == QLatin1String("medium"))
        image->setSizing(CardImageWidget::Sizing::Fixed, theme.imageMedium);
    else if (size == QLatin1String("large"))
        image->setSizing(CardImageWidget::Sizing::Fixed, theme.imageLarge);
    else
        image->setSizing(CardImageWidget::Sizing::Auto);
    image->setPerson(enumValue(element, QStringLiteral("style")) == QLatin1String("person"));
    image->setImageAlignment(alignment(element));
    const QString background = element.value(QStringLiteral("backgroundColor")).toString();
    if (QColor::isValidColorName(background))
        image->setBackground(QColor::fromString(background));
    const QString alt = element.value(QStringLiteral("altText")).toString();
    image->setAccessibleName(alt.isEmpty() ? CardImageWidget::tr("Card image") : alt);
    loadInto(image, element.value(QStringLiteral("url")).toString(), context);
    if (!alt.isEmpty() && image->state() != CardImageWidget::State::Failed)
        image->setToolTip(alt);
    return image;
}

QWidget *renderImage(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    return createImage(element, context, parent, QStringLiteral("auto"));
}

QWidget *renderImageSet(const QJsonObject &element, const CardRenderContext &context, QWidget *parent)
{
    const CardTheme &theme = *context.theme;
    auto *set = new QWidget(parent);
    auto *grid = new QGridLayout(set);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(theme.spacingSmall);
    const QString size = enumValue(element, QStringLiteral("imageSize"), QStringLiteral("medium"));
    const int cell = size == QLatin1String("small") ? theme.imageSmall
        : size == QLatin1String("large")            ? theme.imageLarge
                                                    : theme.imageMedium;
    const int perRow = qMax(1, (theme.cardMaxWidth - 2 * theme.padding) / (cell + theme.spacingSmall));
    int index = 0;
    for (const QJsonValue &value : element.value(QStringLiteral("images")).toArray()) {
        QJsonObject imageElement = value.toObject();
        imageElement.insert(QStringLiteral("size"), size);
        CardImageWidget *image = createImage(imageElement, context, set, size);
        tagElement(image, QStringLiteral("Image"), imageElement);
        grid->addWidget(image, index / perRow, index % perRow, Qt::AlignLeft | Qt::AlignTop);
        ++index;
    }
    grid->setColumnStretch(perRow, 1);
    return set;
}

} // namespace

void registerMediaElements(ElementRenderer &renderer)
{
    renderer.registerFactory(QStringLiteral("Image"), renderImage);
    renderer.registerFactory(QStringLiteral("ImageSet"), renderImageSet);
}

CardImageWidget::CardImageWidget(const CardTheme &theme, QWidget *parent)
    : QWidget(parent)
    , m_noteBackground(theme.noteBackground)
    , m_noteBorder(theme.noteBorder)
    , m_noteText(theme.noteText)
    , m_errorText(theme.errorText)
    , m_fontPixelSize(theme.fontSizeSmall)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void CardImageWidget::setSizing(Sizing sizing, int width, int height)
{
    m_sizing = sizing;
    m_width = width;
    m_height = height;
    updateGeometry();
}

void CardImageWidget::setPerson(bool person)
{
    m_person = person;
    update();
}

void CardImageWidget::setImageAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

void CardImageWidget::setImage(const QImage &image)
{
    m_image = image;
    m_state = State::Ready;
    m_message.clear();
    updateGeometry();
    update();
}

void CardImageWidget::setLoading()
{
    m_state = State::Loading;
    m_message = tr("Loading image…");
    setToolTip(m_message);
    updateGeometry();
    update();
}

void CardImageWidget::setFailed(const QString &reason)
{
    m_image = QImage();
    m_state = State::Failed;
    m_message = reason;
    setToolTip(reason);
    updateGeometry();
    update();
}

QSize CardImageWidget::naturalSize() const
{
    if (m_state == State::Ready && !m_image.isNull())
        return m_image.size() / m_image.devicePixelRatio();
    // Placeholders are big enough to read their message unless the card
    // asks for a small image.
    return m_state == State::Failed ? QSize(320, 64) : QSize(240, 120);
}

QSize CardImageWidget::displaySize(int availableWidth) const
{
    const QSize natural = naturalSize();
    const double ratio = natural.width() > 0 ? double(natural.height()) / natural.width() : 1.0;
    int width = natural.width();
    int height = natural.height();
    switch (m_sizing) {
    case Sizing::Auto:
        break;
    case Sizing::Stretch:
        width = availableWidth;
        height = qRound(width * ratio);
        break;
    case Sizing::Fixed:
        if (m_width > 0 && m_height > 0) {
            width = m_width;
            height = m_height;
        } else if (m_width > 0) {
            width = m_width;
            height = m_person ? m_width : qRound(width * ratio);
        } else {
            height = m_height;
            width = ratio > 0 ? qRound(height / ratio) : height;
        }
        break;
    }
    if (availableWidth > 0 && width > availableWidth) {
        height = qRound(height * double(availableWidth) / width);
        width = availableWidth;
    }
    return QSize(qMax(1, width), qMax(1, height));
}

QSize CardImageWidget::sizeHint() const
{
    const QSize size = displaySize(0);
    return size;
}

QSize CardImageWidget::minimumSizeHint() const
{
    return QSize(qMin(16, sizeHint().width()), 1);
}

int CardImageWidget::heightForWidth(int width) const
{
    return displaySize(width).height();
}

void CardImageWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QSize size = displaySize(width());
    int x = 0;
    if (m_alignment & Qt::AlignHCenter)
        x = (width() - size.width()) / 2;
    else if (m_alignment & Qt::AlignRight)
        x = width() - size.width();
    const QRectF target(x, 0, size.width(), size.height());

    QPainterPath clip;
    if (m_person)
        clip.addEllipse(target);
    else
        clip.addRect(target);

    if (m_state == State::Ready) {
        painter.setClipPath(clip);
        if (m_background.isValid())
            painter.fillRect(target, m_background);
        painter.drawImage(target, m_image);
        return;
    }
    painter.setPen(QPen(m_noteBorder, 1, Qt::DashLine));
    painter.setBrush(m_noteBackground);
    if (m_person)
        painter.drawEllipse(target.adjusted(0.5, 0.5, -0.5, -0.5));
    else
        painter.drawRoundedRect(target.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    if (size.width() < 80 || size.height() < 24)
        return; // too small to read: the tooltip says it
    QFont font = this->font();
    font.setPixelSize(m_fontPixelSize);
    painter.setFont(font);
    painter.setPen(m_state == State::Failed ? m_errorText : m_noteText);
    painter.drawText(target.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

} // namespace herald::ui
