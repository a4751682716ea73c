#include "install/TeamsApp.h"

#include <QJsonArray>
#include <algorithm>
#include <vector>

namespace herald::install {

namespace {

QString stringOf(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[std::size_t(j)];
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row.back();
}

} // namespace

bool TeamsApp::isSideloaded() const
{
    return distributionMethod.compare(QLatin1String("sideloaded"), Qt::CaseInsensitive) == 0;
}

QString TeamsApp::installRefusal() const
{
    if (!isSideloaded())
        return {};
    return tr("App '%1' (%2) is sideloaded: Microsoft Graph can only install apps published to the "
              "organization's app catalog or the Microsoft Teams Store. Publish it to the org catalog "
              "(Teams admin center > Manage apps > Upload) and use the catalog id it gets.")
        .arg(displayName, id);
}

TeamsApp TeamsApp::fromJson(const QJsonObject &object)
{
    TeamsApp app;
    app.id = stringOf(object, "id");
    app.externalId = stringOf(object, "externalId");
    app.displayName = stringOf(object, "displayName");
    app.distributionMethod = stringOf(object, "distributionMethod");
    const QJsonArray definitions = object.value(QLatin1String("appDefinitions")).toArray();
    if (!definitions.isEmpty()) {
        const QJsonObject newest = definitions.last().toObject();
        app.version = stringOf(newest, "version");
        if (app.displayName.isEmpty())
            app.displayName = stringOf(newest, "displayName");
    }
    return app;
}

TeamsApp TeamsApp::fromInstallationJson(const QJsonObject &installation)
{
    TeamsApp app = fromJson(installation.value(QLatin1String("teamsApp")).toObject());
    const QJsonObject definition = installation.value(QLatin1String("teamsAppDefinition")).toObject();
    if (app.version.isEmpty())
        app.version = stringOf(definition, "version");
    return app;
}

QStringList closeMatches(const QString &wanted, const QStringList &candidates, int limit)
{
    const QString needle = wanted.trimmed().toCaseFolded();
    if (needle.isEmpty())
        return {};
    std::vector<std::pair<int, QString>> scored;
    for (const QString &candidate : candidates) {
        const QString folded = candidate.toCaseFolded();
        int score = -1;
        if (folded.contains(needle) || (!folded.isEmpty() && needle.contains(folded)))
            score = 0;
        else {
            const int distance = editDistance(needle, folded);
            if (distance <= std::max<qsizetype>(2, needle.size() / 3))
                score = distance;
        }
        if (score >= 0)
            scored.emplace_back(score, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList result;
    for (const auto &entry : scored) {
        if (result.size() >= limit)
            break;
        if (!result.contains(entry.second))
            result << entry.second;
    }
    return result;
}

} // namespace herald::install
