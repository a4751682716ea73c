#include "cli/ProgressReporter.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <memory>

namespace herald::cli {

namespace {
// Carriage return, then "erase to end of line": the line is rewritten in place.
constexpr const char *kClearLine = "\r\x1b[K";
} // namespace

ProgressReporter::ProgressReporter(QTextStream &err, Mode mode, Clock clock, QObject *parent)
    : QObject(parent)
    , m_err(err)
    , m_mode(mode)
    , m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
    m_startMs = m_clock();
    m_lastDrawMs = m_startMs;
    m_samples.append({m_startMs, 0});

    // Keeps rate and ETA honest while nothing arrives (a stalled run shows it).
    m_ticker.setInterval(int(mode == Mode::Terminal ? kTerminalIntervalMs * 2 : kLinesIntervalMs));
    connect(&m_ticker, &QTimer::timeout, this, [this] { redrawIfDue(); });
}

ProgressReporter::~ProgressReporter() = default;

void ProgressReporter::setTotal(qint64 total)
{
    m_total = total;
    if (m_mode != Mode::Silent && !m_finished && !m_ticker.isActive())
        m_ticker.start();
}

void ProgressReporter::advance(const QString &state)
{
    m_tally.add(state);
    const qint64 now = m_clock();
    sample(now);
    if (m_mode != Mode::Silent && !m_finished && !m_ticker.isActive())
        m_ticker.start();
    redrawIfDue();
}

void ProgressReporter::sample(qint64 now)
{
    if (now - m_samples.last().first >= kSampleSpacingMs)
        m_samples.append({now, m_tally.total()});
    // Keep one sample at or before the window start as the rate's base.
    while (m_samples.size() > 2 && m_samples.at(1).first <= now - kRateWindowMs)
        m_samples.removeFirst();
}

double ProgressReporter::rateAt(qint64 now) const
{
    const auto &base = m_samples.first();
    const qint64 span = now - base.first;
    if (span < kMinRateSpanMs)
        return 0;
    return double(m_tally.total() - base.second) * 1000.0 / double(span);
}

progress::Snapshot ProgressReporter::snapshot() const
{
    const qint64 now = m_clock();
    progress::Snapshot snap;
    snap.done = m_tally.total();
    snap.total = m_total;
    snap.ratePerSecond = rateAt(now);
    snap.elapsedMs = now - m_startMs;
    return snap;
}

void ProgressReporter::redrawIfDue()
{
    if (m_mode == Mode::Silent || m_finished)
        return;
    const qint64 now = m_clock();
    const qint64 interval = m_mode == Mode::Terminal ? kTerminalIntervalMs : kLinesIntervalMs;
    if (now - m_lastDrawMs >= interval)
        draw(now);
}

void ProgressReporter::draw(qint64 now)
{
    sample(now);
    m_lastDrawMs = now;
    ++m_redraws;
    const QString text = progress::line(m_label, snapshot());
    if (m_mode == Mode::Terminal) {
        m_err << kClearLine << text;
        m_lineVisible = true;
    } else {
        m_err << text << '\n';
    }
    m_err.flush();
}

void ProgressReporter::hideLine()
{
    if (!m_lineVisible)
        return;
    m_err << kClearLine;
    m_err.flush();
    m_lineVisible = false;
}

void ProgressReporter::showLine()
{
    if (m_mode == Mode::Terminal && !m_finished && m_redraws > 0 && !m_lineVisible)
        draw(m_clock());
}

void ProgressReporter::finish(bool interrupted)
{
    if (m_finished)
        return;
    m_finished = true;
    m_ticker.stop();
    hideLine();
    if (!hasActivity())
        return;
    const qint64 now = m_clock();
    m_err << progress::summary(m_label, m_tally.total(), now - m_startMs, m_tally.counts(m_stateOrder),
                               interrupted)
          << '\n';
    m_err.flush();
}

} // namespace herald::cli
