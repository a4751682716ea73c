#include "message/CardSchema.h"

#include <QHash>
#include <QRegularExpression>

namespace herald::message::detail {

namespace {

using Support = TypeInfo::Support;

const QHash<QString, TypeInfo> &types()
{
    static const QHash<QString, TypeInfo> table = [] {
        QHash<QString, TypeInfo> t;
        const auto add = [&t](const char *name, Support support, int major, int minor) {
            t.insert(QString::fromLatin1(name), TypeInfo{support, CardVersion{major, minor}});
        };
        add("AdaptiveCard", Support::Rendered, 1, 0);
        for (const char *name :
             {"TextBlock", "Image", "Container", "ColumnSet", "Column", "FactSet", "ImageSet", "Input.Text",
              "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet", "Action.OpenUrl",
              "Action.Submit", "Action.ShowCard"})
            add(name, Support::Rendered, 1, 0);
        add("Media", Support::Rendered, 1, 1);
        for (const char *name : {"RichTextBlock", "TextRun", "ActionSet", "Action.ToggleVisibility"})
            add(name, Support::Rendered, 1, 2);
        add("Action.Execute", Support::Rendered, 1, 4);
        for (const char *name : {"Table", "TableRow", "TableCell"})
            add(name, Support::Rendered, 1, 5);
        // Schema 1.6 and the Teams-only additions after it.
        for (const char *name : {"Carousel", "CarouselPage", "Icon", "Badge", "Rating", "Input.Rating",
                                 "CompoundButton", "ProgressBar", "ProgressRing", "CodeBlock",
                                 "Action.Popover", "Action.ResetInputs", "Chart.Donut", "Chart.Pie",
                                 "Chart.VerticalBar", "Chart.HorizontalBar", "Chart.Line", "Chart.Gauge"})
            add(name, Support::NewerThanTeams, 1, 6);
        add("Action.Http", Support::OutlookOnly, 1, 0);
        add("Action.InvokeAddInCommand", Support::OutlookOnly, 1, 0);
        return t;
    }();
    return table;
}

int distance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = up;
        }
    }
    return row[b.size()];
}

} // namespace

CardVersion parseCardVersion(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^([0-9]+)\\.([0-9]+)$"));
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    return {m.captured(1).toInt(), m.captured(2).toInt()};
}

const TypeInfo *findCardType(const QString &type)
{
    const auto it = types().constFind(type);
    return it == types().constEnd() ? nullptr : &it.value();
}

QString closestCardType(const QString &type)
{
    QString best;
    int bestDistance = 4; // further than 3 edits is no longer a typo
    for (auto it = types().begin(); it != types().end(); ++it) {
        const int d = distance(type, it.key());
        if (d < bestDistance || (d == bestDistance && it.key() < best)) { // ties: stable across runs
            best = it.key();
            bestDistance = d;
        }
    }
    return best;
}

} // namespace herald::message::detail
