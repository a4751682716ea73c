#pragma once

#include <QCoreApplication>
#include <QString>

namespace herald::ui {

// Reading and writing the composer's message files: .md/.markdown/.txt are
// markdown, .json is a card (or activity); UTF-8 only; saves are atomic.
class MessageFiles
{
    Q_DECLARE_TR_FUNCTIONS(herald::ui::MessageFiles)

public:
    struct Read
    {
        bool ok = false;
        bool isJson = false;
        QString text;
        QString error; // what is wrong and what to do, when !ok
    };

    static Read read(const QString &path);
    // Empty on success, else the error sentence.
    static QString write(const QString &path, const QString &text);
};

} // namespace herald::ui
