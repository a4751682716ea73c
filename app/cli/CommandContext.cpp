#include "cli/CommandContext.h"

#include "graph/RequestLog.h"

#include <QNetworkAccessManager>
#include <QTextStream>

namespace herald::cli {

namespace {

ProgressReporter::Mode progressMode(const CliIo &io, bool quiet)
{
    if (quiet)
        return ProgressReporter::Mode::Silent;
    return io.errIsTerminal ? ProgressReporter::Mode::Terminal : ProgressReporter::Mode::Lines;
}

} // namespace

CommandContext::CommandContext(const CommandSpec &spec, const CommandInput &input,
                               const config::ConnectionSettings &settings,
                               const config::Credentials &credentials, const CliIo &io,
                               const Options &options, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_input(input)
    , m_settings(settings)
    , m_credentials(credentials)
    , m_io(io)
    , m_options(options)
    , m_writer(RecordWriter::create(options.format, *io.out))
    , m_progress(new ProgressReporter(*io.err, progressMode(io, options.quiet), options.clock, this))
{
    m_progress->setLabel(spec.name);
    m_progress->setStateOrder(spec.states);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kTableFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flushOutput(); });
}

CommandContext::~CommandContext() = default;

QNetworkAccessManager &CommandContext::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return *m_network;
}

graph::RequestLog *CommandContext::requestLog()
{
    if (!m_options.verbose)
        return nullptr;
    if (!m_requestLog) {
        m_requestLog = new graph::RequestLog(this);
        connect(m_requestLog, &graph::RequestLog::line, this,
                [this](const QString &text) { writeLine(QString(), text); });
    }
    return m_requestLog;
}

void CommandContext::setFields(const QStringList &fields)
{
    m_writer->setFields(fields);
}

void CommandContext::writeRecord(const Record &record)
{
    // Stdout and stderr may be the same terminal: keep the progress line
    // from being mixed into a record.
    const bool shareTerminal = m_io.outIsTerminal && m_io.errIsTerminal;
    if (shareTerminal)
        m_progress->hideLine();
    m_writer->write(record);
    if (m_options.format == OutputFormat::Table && !m_tableFlushed && !m_flushTimer.isActive())
        m_flushTimer.start();
    // Flushed per record: what finished is on stdout even if the run is
    // interrupted or killed, and a pipe reader sees records as they come.
    m_io.out->flush();
    if (shareTerminal)
        m_progress->showLine();
}

void CommandContext::writeRecipient(const RecipientRecord &record)
{
    if (m_writer->fields().isEmpty())
        m_writer->setFields(RecipientRecord::fields());
    writeRecord(record.toRecord());
    m_progress->advance(record.state);
}

void CommandContext::writeText(const QString &text)
{
    if (m_io.outIsTerminal && m_io.errIsTerminal)
        m_progress->hideLine();
    *m_io.out << text;
    m_io.out->flush();
}

void CommandContext::writeLine(const QString &prefix, const QString &message)
{
    m_progress->hideLine();
    *m_io.err << prefix << message << '\n';
    m_io.err->flush();
    m_progress->showLine();
}

void CommandContext::warn(const QString &message)
{
    writeLine(tr("warning: "), message);
}

void CommandContext::error(const QString &message)
{
    writeLine(QStringLiteral("herald-cli: "), message);
}

void CommandContext::note(const QString &message)
{
    if (!m_options.quiet)
        writeLine(QString(), message);
}

void CommandContext::flushOutput()
{
    const bool shareTerminal = m_io.outIsTerminal && m_io.errIsTerminal;
    if (shareTerminal)
        m_progress->hideLine();
    if (!m_writer->fields().isEmpty())
        m_tableFlushed = true;
    m_writer->flush();
    if (shareTerminal)
        m_progress->showLine();
}

void CommandContext::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_flushTimer.stop();
    m_writer->flush();
    m_progress->finish(m_interrupted);
}

} // namespace herald::cli
