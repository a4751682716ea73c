#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace herald::ui {

// The pages of the main window, in navigation order (Ctrl+1..5).
struct PageInfo
{
    QString id; // stable: settings, object names, icon file
    QString title; // navigation and header
    QString headline; // the empty state's first line
    QString summary; // what the page is for
    QStringList cliCommands; // the same work with herald-cli, today
};

class Pages
{
    Q_DECLARE_TR_FUNCTIONS(Pages)

public:
    static QList<PageInfo> all();
};

} // namespace herald::ui
