#include "cli/ProgressFormat.h"

#include <QCoreApplication>
#include <QStringList>
#include <cmath>

namespace herald::cli::progress {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli::progress", text);
}
} // namespace

QString count(qint64 n)
{
    // Fixed ',' grouping: stderr text, not locale-dependent output to parse.
    QString digits = QString::number(n < 0 ? -n : n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString rate(double perSecond)
{
    if (!(perSecond > 0))
        return QStringLiteral("0/s");
    if (perSecond < 100)
        return QString::number(perSecond, 'f', 1) + QLatin1String("/s");
    return count(qint64(std::llround(perSecond))) + QLatin1String("/s");
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m %2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> etaSeconds(const Snapshot &snapshot)
{
    if (snapshot.total < 0 || !(snapshot.ratePerSecond > 0))
        return std::nullopt;
    const qint64 left = std::max<qint64>(0, snapshot.total - snapshot.done);
    return qint64(std::ceil(double(left) / snapshot.ratePerSecond));
}

QString line(const QString &label, const Snapshot &snapshot)
{
    QStringList parts;
    if (!label.isEmpty())
        parts << label;
    if (snapshot.total >= 0) {
        const int percent = snapshot.total > 0 ? int(snapshot.done * 100 / snapshot.total) : 100;
        parts << QStringLiteral("%1/%2 (%3%)").arg(count(snapshot.done), count(snapshot.total)).arg(percent);
    } else {
        parts << count(snapshot.done);
    }
    if (snapshot.ratePerSecond > 0)
        parts << rate(snapshot.ratePerSecond);
    if (const auto eta = etaSeconds(snapshot); eta && snapshot.done < snapshot.total)
        parts << tr("ETA %1").arg(duration(*eta));
    return parts.join(QLatin1String("  "));
}

QString summary(const QString &label, qint64 done, qint64 elapsedMs,
                const QList<QPair<QString, int>> &countsPerState, bool interrupted)
{
    const qint64 seconds = (elapsedMs + 500) / 1000;
    QString text = label.isEmpty() ? QString() : label + QLatin1String(": ");
    text += interrupted ? tr("interrupted after %1 in %2").arg(count(done), duration(seconds))
                        : tr("%1 in %2").arg(count(done), duration(seconds));
    if (elapsedMs > 0 && done > 0)
        text += QStringLiteral(" (%1)").arg(rate(double(done) * 1000.0 / double(elapsedMs)));
    QStringList states;
    for (const auto &entry : countsPerState)
        states << QStringLiteral("%1 %2").arg(entry.first, count(entry.second));
    if (!states.isEmpty())
        text += QLatin1String(": ") + states.join(QLatin1String(", "));
    return text;
}

} // namespace herald::cli::progress
