#include "ProgressEstimate.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace herald {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::ProgressEstimate", text);
}
} // namespace

ProgressEstimate::ProgressEstimate(qint64 windowMs)
    : m_windowMs(windowMs)
{
}

qint64 ProgressEstimate::now() const
{
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

void ProgressEstimate::start(qint64 total)
{
    m_clock.start();
    m_samples.clear();
    m_done = 0;
    m_total = total;
    m_samples.emplace_back(0, 0);
}

void ProgressEstimate::update(qint64 done, qint64 nowMs)
{
    const qint64 t = nowMs >= 0 ? nowMs : now();
    m_done = done;
    if (!m_samples.empty() && m_samples.back().first == t)
        m_samples.back().second = done;
    else
        m_samples.emplace_back(t, done);
    // Keep one sample older than the window so the rate spans all of it.
    while (m_samples.size() > 2 && m_samples[1].first <= t - m_windowMs)
        m_samples.pop_front();
}

double ProgressEstimate::ratePerSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const auto &first = m_samples.front();
    const auto &last = m_samples.back();
    const qint64 span = last.first - first.first;
    if (span < 250)
        return 0;
    return double(last.second - first.second) * 1000.0 / double(span);
}

qint64 ProgressEstimate::etaMs() const
{
    const double rate = ratePerSecond();
    if (m_total < 0 || rate <= 0)
        return -1;
    return qint64(std::ceil(double(qMax<qint64>(0, m_total - m_done)) / rate * 1000.0));
}

QString ProgressEstimate::formatDuration(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString ProgressEstimate::summary() const
{
    const QLocale locale;
    QString text = m_total >= 0 ? tr("%1 of %2").arg(locale.toString(m_done), locale.toString(m_total))
                                : tr("%1 done").arg(locale.toString(m_done));
    const double rate = ratePerSecond();
    if (rate > 0)
        text += tr(" · %1/s").arg(locale.toString(rate, 'f', rate < 10 ? 1 : 0));
    const qint64 eta = etaMs();
    if (eta >= 0 && m_done < m_total)
        text += tr(" · about %1 left").arg(formatDuration(eta));
    return text;
}

} // namespace herald
