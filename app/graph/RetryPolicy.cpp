#include "graph/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <algorithm>

namespace herald::graph {

qint64 RetryPolicy::delayMs(int attempt, const QByteArray &retryAfter) const
{
    if (const auto fromHeader = parseRetryAfterMs(retryAfter))
        return *fromHeader;
    const int exponent = std::clamp(attempt - 1, 0, 20);
    const qint64 ceiling = std::min<qint64>(qint64(baseBackoffMs) << exponent, maxBackoffMs);
    const qint64 half = ceiling / 2;
    return half + qint64(QRandomGenerator::global()->bounded(double(ceiling - half + 1)));
}

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return std::max<qint64>(0, qint64(seconds * 1000.0));
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.msecsTo(when));
}

} // namespace herald::graph
