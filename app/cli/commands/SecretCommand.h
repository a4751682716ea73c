#pragma once

// herald-cli secret set --kind client|bot      (the secret on stdin, no echo on a tty)
// herald-cli secret clear --kind client|bot|refresh-token
// herald-cli secret status
// The OS keychain entries of the selected profile (CLI.md "Secrets").
// Secrets are never printed; a missing keychain is exit code 3.

#include "cli/Command.h"

#include <QPointer>
#include <QTextStream>
#include <optional>

namespace herald::secrets {
class SecretStore;
}

namespace herald::cli {

class SecretCommand : public Command
{
    Q_OBJECT

public:
    enum class Mode { Set, Clear, Status };
    explicit SecretCommand(Mode mode, QObject *parent = nullptr);
    ~SecretCommand() override;

    static CommandSpec setSpec();
    static CommandSpec clearSpec();
    static CommandSpec statusSpec();

    void start(CommandContext &context) override;
    void cancel() override;

    // Reads one secret from stdin: without echo when it is a terminal, the
    // whole input (one trailing newline dropped) when it is a pipe.
    // nullopt with *error when the input is empty or has several lines.
    static std::optional<QString> readSecretFromStdin(const QString &prompt, QTextStream &err,
                                                      QString *error);

private:
    void startSet();
    void startClear();
    void statusNext();
    void done(ExitCode code);

    Mode m_mode;
    CommandContext *m_context = nullptr;
    QPointer<secrets::SecretStore> m_store;
    int m_statusIndex = 0;
};

} // namespace herald::cli
