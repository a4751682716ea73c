#pragma once

// Internal to Validator: what Teams renders of the Adaptive Card schema.
// Sources: the Adaptive Cards schema explorer (adaptivecards.io/explorer,
// "Introduced in version" of each type) and the Teams card reference
// (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/
// cards-reference): Teams renders schema 1.5 on desktop; Action.Http and
// Action.InvokeAddInCommand are Outlook Actionable Messages only.

#include <QString>

namespace herald::message::detail {

struct CardVersion
{
    int major = 0;
    int minor = 0;

    bool isValid() const { return major > 0; }
    friend bool operator<(const CardVersion &a, const CardVersion &b)
    {
        return a.major != b.major ? a.major < b.major : a.minor < b.minor;
    }
    QString toString() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }
};

// "1.5" -> {1, 5}; anything else -> invalid.
CardVersion parseCardVersion(const QString &text);

struct TypeInfo
{
    enum class Support : quint8 {
        Rendered, // Teams renders it (from `since`)
        NewerThanTeams, // exists, but only in schema versions Teams does not render
        OutlookOnly, // Outlook Actionable Messages; Teams drops it
    };
    Support support = Support::Rendered;
    CardVersion since;
};

// nullptr for a type the schema does not know (a typo, most likely).
const TypeInfo *findCardType(const QString &type);
// Known element and action types, for "did you mean" hints.
QString closestCardType(const QString &type);

} // namespace herald::message::detail
