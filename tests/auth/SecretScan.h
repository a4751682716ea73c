#pragma once

// The leak check the secret suites share (tst_auth_cli: a full scenario;
// tst_crashleak: a crash mid-sweep): the secret, in every form it could be
// written in, must be in none of the outputs and no file under a directory.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace herald::test {

struct SecretScan
{
    QString problem; // empty: the secret is nowhere
    int files = 0; // files searched
};

// `canary` is the secret's fixed prefix: found alone, a cut-off copy leaked.
inline SecretScan scanForSecret(const QString &secret, const QByteArray &canary, const QStringList &outputs,
                                const QString &directory)
{
    const QByteArray raw = secret.toUtf8();
    const QList<QByteArray> forms{
        raw,
        QUrl::toPercentEncoding(secret),
        raw.toBase64(),
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        raw.toHex(),
        canary};
    SecretScan scan;
    for (const QString &text : outputs) {
        const QByteArray bytes = text.toUtf8();
        for (const QByteArray &form : forms) {
            if (bytes.contains(form)) {
                scan.problem = QStringLiteral("secret in output: ") + text.left(300);
                return scan;
            }
        }
    }
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            scan.problem = QStringLiteral("cannot read ") + path;
            return scan;
        }
        const QByteArray content = f.readAll();
        ++scan.files;
        for (const QByteArray &form : forms) {
            if (content.contains(form)) {
                scan.problem = QStringLiteral("secret in file ") + path;
                return scan;
            }
        }
    }
    return scan;
}

} // namespace herald::test
