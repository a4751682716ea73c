#include "Pages.h"

namespace herald::ui {

QList<PageInfo> Pages::all()
{
    // A page names a herald-cli command only once herald-cli has it (this build:
    // app find, status, install, upgrade, uninstall, chats). APP_ID is the app's
    // catalog id, printed by `herald-cli app find`.
    return {
        {QStringLiteral("recipients"),
         tr("Recipients"),
         tr("Choose who hears from you"),
         tr("Pick users, import a CSV file, take a group, every user or a set of teams. Herald resolves "
            "each one to an Entra object id, shows whether your bot is installed for them and reports "
            "anyone it cannot find."),
         {QStringLiteral("herald-cli status --app APP_ID --users people.csv")}},
        {QStringLiteral("install"),
         tr("Install"),
         tr("Put your bot where it is missing"),
         tr("Install your organisation's Teams app for the recipients who do not have it yet, through "
            "Microsoft Graph and within its rate limits. People who already have it are left alone."),
         {QStringLiteral("herald-cli install --app APP_ID --group GROUP_ID --dry-run")}},
        {QStringLiteral("compose"),
         tr("Compose"),
         tr("Write the announcement"),
         tr("Write Markdown text or an Adaptive Card, personalise it per recipient and preview it as "
            "Teams will show it."),
         {}},
        {QStringLiteral("send"),
         tr("Send"),
         tr("Deliver it, one chat at a time"),
         tr("Send the announcement as a proactive 1:1 message from your bot, paced to the service limits, "
            "with progress for every recipient. Stop and resume at any time; no one gets it twice."),
         {}},
        {QStringLiteral("history"),
         tr("History"),
         tr("See what was sent"),
         tr("Every campaign is journaled on this computer. Review delivery per recipient, resume a "
            "stopped campaign and export a report."),
         {}},
    };
}

} // namespace herald::ui
