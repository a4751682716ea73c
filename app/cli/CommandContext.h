#pragma once

// Everything a running command gets from the framework: its settings and
// credentials, its parsed input, the record writer (stdout), the progress
// reporter and messages (stderr), the network, and the request-log hook.

#include "cli/Command.h"
#include "cli/CommandInput.h"
#include "cli/ProgressReporter.h"
#include "cli/RecordWriter.h"
#include "config/ConnectionSettings.h"
#include "config/SecretSource.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;
class QTextStream;

namespace herald::graph {
class RequestLog;
}

namespace herald::cli {

// Where herald-cli writes, and what those places are.
struct CliIo
{
    QTextStream *out = nullptr; // records
    QTextStream *err = nullptr; // progress, warnings, summary
    bool outIsTerminal = false;
    bool errIsTerminal = false;
};

class CommandContext : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTableFlushDelayMs = 300;

    struct Options
    {
        OutputFormat format = OutputFormat::Table;
        bool quiet = false;
        bool verbose = false;
        bool demo = false;
        ProgressReporter::Clock clock; // tests inject a fake clock
    };

    CommandContext(const CommandSpec &spec, const CommandInput &input,
                   const config::ConnectionSettings &settings, const config::Credentials &credentials,
                   const CliIo &io, const Options &options, QObject *parent = nullptr);
    ~CommandContext() override;

    const CommandSpec &spec() const { return m_spec; }
    const CommandInput &input() const { return m_input; }
    const config::ConnectionSettings &settings() const { return m_settings; }
    // Secrets for the token providers. Never log them (QDebug output is redacted).
    const config::Credentials &credentials() const { return m_credentials; }
    bool isDemo() const { return m_options.demo; }
    OutputFormat outputFormat() const { return m_options.format; }

    // One per run, created on first use; commands share it (HTTP/2 connection reuse).
    QNetworkAccessManager &network();

    // --- stdout --------------------------------------------------------
    // Generic records: call setFields() once, then writeRecord() per record.
    void setFields(const QStringList &fields);
    void writeRecord(const Record &record);
    // Per-recipient records: written, counted by state, and shown in progress.
    void writeRecipient(const RecipientRecord &record);
    // A document instead of records (preview prints an Activity): as is, then flushed.
    void writeText(const QString &text);

    // --- stderr --------------------------------------------------------
    ProgressReporter &progress() { return *m_progress; }
    void warn(const QString &message);
    // Why the command stopped ("herald-cli: ..."); shown even with --quiet.
    void error(const QString &message);
    // Informational line; dropped with --quiet.
    void note(const QString &message);
    // --verbose: the redacting request log, printed on stderr; nullptr
    // without --verbose. Hand it to GraphClient::setRequestLog().
    graph::RequestLog *requestLog();

    // --- outcome -------------------------------------------------------
    const StateTally &tally() const { return m_progress->tally(); }
    // 0 when every record reached one of the spec's success states, else 1.
    ExitCode outcome() const { return tally().outcome(m_spec.successStates); }
    bool isInterrupted() const { return m_interrupted; }

    // Called by the runner.
    void setInterrupted() { m_interrupted = true; }
    // Makes every record written so far visible (first Ctrl-C, end of run).
    void flushOutput();
    // Writes what is held back and prints the summary.
    void finish();

private:
    void writeLine(const QString &prefix, const QString &message);

    const CommandSpec &m_spec;
    CommandInput m_input;
    config::ConnectionSettings m_settings;
    config::Credentials m_credentials;
    CliIo m_io;
    Options m_options;
    std::unique_ptr<RecordWriter> m_writer;
    ProgressReporter *m_progress = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    graph::RequestLog *m_requestLog = nullptr;
    // The table holds back its first rows to size columns; this shows them
    // soon even when records trickle in.
    QTimer m_flushTimer;
    bool m_tableFlushed = false;
    bool m_interrupted = false;
    bool m_finished = false;
};

} // namespace herald::cli
