#include "CardImageCache.h"

#include "graph/Endpoints.h"
#include "ui/UiLogging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace herald::ui {

CardImageCache::CardImageCache(QObject *parent)
    : QObject(parent)
{
}

CardImageCache::~CardImageCache()
{
    for (QNetworkReply *reply : std::as_const(m_pending)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

CardImageCache::State CardImageCache::state(const QUrl &url) const
{
    if (m_images.contains(url))
        return State::Ready;
    if (m_errors.contains(url))
        return State::Failed;
    if (m_pending.contains(url))
        return State::Loading;
    return State::Missing;
}

void CardImageCache::request(const QUrl &url)
{
    if (m_errors.contains(url) && m_failedAt.value(url).elapsed() > kRetryFailedAfterMs) {
        // A network hiccup should not hide an image for the whole session.
        m_errors.remove(url);
        m_failedAt.remove(url);
    }
    if (state(url) != State::Missing)
        return;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https")
        && !(scheme == QLatin1String("http") && herald::graph::isLoopbackHost(url.host()))) {
        fail(url, tr("only https:// images are loaded (plain http:// only from this machine)"));
        return;
    }
    if (!m_network) {
        fail(url, tr("images are not downloaded in this view"));
        return;
    }
    QNetworkRequest request(url);
    // Never follow a redirect from https down to http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_network->get(request);
    m_pending.insert(url, reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxImageBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void CardImageCache::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    const QUrl url = m_pending.key(reply);
    m_pending.remove(url);
    if (url.isEmpty())
        return;
    if (reply->error() != QNetworkReply::NoError) {
        const QString reason = reply->bytesAvailable() > kMaxImageBytes
                || reply->error() == QNetworkReply::OperationCanceledError
            ? tr("the image is larger than %1 MB or the download was cancelled")
                  .arg(kMaxImageBytes / (1024 * 1024))
            : reply->errorString();
        qCInfo(lcUi) << "card image" << url.toDisplayString() << "failed:" << reason;
        fail(url, reason);
        return;
    }
    QImage image;
    if (!image.loadFromData(reply->readAll())) {
        fail(url, tr("the server did not send an image Qt can read"));
        return;
    }
    // Keep the most recent images only: a long session of editing must not
    // hold every image ever previewed.
    m_order.removeAll(url);
    m_order.append(url);
    while (m_order.size() > kMaxCachedImages)
        m_images.remove(m_order.takeFirst());
    m_images.insert(url, image);
    emit imageLoaded(url);
}

void CardImageCache::fail(const QUrl &url, const QString &reason)
{
    m_errors.insert(url, reason);
    QElapsedTimer timer;
    timer.start();
    m_failedAt.insert(url, timer);
    emit imageFailed(url, reason);
}

QImage CardImageCache::decodeDataUri(const QString &uri, QString *error)
{
    // data:[<mediatype>][;base64],<data>
    const int comma = uri.indexOf(QLatin1Char(','));
    if (!uri.startsWith(QLatin1String("data:"), Qt::CaseInsensitive) || comma < 0) {
        *error = tr("not a data: URI (expected data:image/png;base64,...)");
        return {};
    }
    const QString header = uri.mid(5, comma - 5);
    const QByteArray payload = uri.mid(comma + 1).toLatin1();
    QByteArray bytes;
    if (header.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)) {
        auto result = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
        if (!result) {
            *error = tr("the data: URI's base64 is malformed");
            return {};
        }
        bytes = *result;
    } else {
        bytes = QByteArray::fromPercentEncoding(payload);
    }
    QImage image;
    if (!image.loadFromData(bytes)) {
        *error = tr("the data: URI holds no image Qt can read");
        return {};
    }
    return image;
}

} // namespace herald::ui
