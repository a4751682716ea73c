#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace herald::ui {

// Images of the card preview. The composer re-renders on every pause in
// typing, so remote images are fetched once and kept here; widgets ask and
// are told when an image arrives. http(s) only, through the injected network
// manager (never a global one), size-capped, never blocking.
class CardImageCache : public QObject
{
    Q_OBJECT

signals:
    void imageLoaded(const QUrl &url);
    void imageFailed(const QUrl &url, const QString &reason);

public:
    explicit CardImageCache(QObject *parent = nullptr);
    ~CardImageCache() override;

    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }
    QNetworkAccessManager *networkAccessManager() const { return m_network; }

    enum class State { Missing, Loading, Ready, Failed };
    State state(const QUrl &url) const;
    QImage image(const QUrl &url) const { return m_images.value(url); }
    QString error(const QUrl &url) const { return m_errors.value(url); }

    // Starts a download unless the image is cached, loading or failed.
    void request(const QUrl &url);

    // data: URIs (RFC 2397, base64 or percent-encoded) decode in place.
    static QImage decodeDataUri(const QString &uri, QString *error);

    static constexpr qint64 kMaxImageBytes = 10 * 1024 * 1024;
    static constexpr int kMaxCachedImages = 64;
    static constexpr qint64 kRetryFailedAfterMs = 30000;

private:
    void finish(QNetworkReply *reply);
    void fail(const QUrl &url, const QString &reason);

    QPointer<QNetworkAccessManager> m_network;
    QHash<QUrl, QImage> m_images;
    QHash<QUrl, QString> m_errors;
    QHash<QUrl, QElapsedTimer> m_failedAt;
    QList<QUrl> m_order; // least recently loaded first
    QHash<QUrl, QNetworkReply *> m_pending;
};

} // namespace herald::ui
