#include "cli/DemoScenario.h"

#include <QCoreApplication>

namespace herald::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::cli::DemoScenario", text);
}
} // namespace

QList<DemoStep> DemoScenario::steps(const DemoFacts &facts)
{
    const QStringList app{QStringLiteral("--app-external-id"), facts.appExternalId};
    QStringList sample;
    for (const QString &user : facts.sampleUsers)
        sample << QStringLiteral("--user") << user;

    QList<DemoStep> list;
    list.append({tr("Find the bot in the tenant catalog"),
                 QStringLiteral("app find"),
                 {QStringLiteral("--external-id"), facts.appExternalId},
                 true});
    // The sweep prints only its progress and summary: the point is the
    // pacing (20 per $batch at the documented 30 requests/s), not rows.
    list.append({tr("Status sweep of every user"), QStringLiteral("status"),
                 app + QStringList{QStringLiteral("--all-users")}, false});
    if (!sample.isEmpty()) {
        // A few people, before and after: what install changes, row by row.
        list.append({tr("Status of a few users"), QStringLiteral("status"), app + sample, true});
        list.append({tr("Install for them (409 = already there, 403 = blocked by policy)"),
                     QStringLiteral("install"), app + sample, true});
        list.append({tr("Status again"), QStringLiteral("status"), app + sample, true});
    }
    return list;
}

QList<DemoStep> DemoScenario::runnable(const QList<DemoStep> &steps, const CommandRegistry &registry)
{
    QList<DemoStep> result;
    for (const DemoStep &step : steps) {
        if (registry.find(step.command))
            result.append(step);
    }
    return result;
}

QStringList DemoScenario::missingCommands(const QList<DemoStep> &steps, const CommandRegistry &registry)
{
    QStringList result;
    for (const DemoStep &step : steps) {
        if (!registry.find(step.command) && !result.contains(step.command))
            result.append(step.command);
    }
    return result;
}

} // namespace herald::cli
