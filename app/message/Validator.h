#pragma once

// Checks a message before anything is sent.
//  checkDocument(): what needs no recipient -- the card's version (present,
//    a number, <= 1.5, the newest Teams renders on desktop), element and
//    action types Teams does not render (Outlook-only actions, types newer
//    than 1.5, unknown or misspelt types, an element newer than the card's
//    own version), the activity's shape, expression syntax, an empty message.
//  check(): checkDocument() plus binding for every recipient: payload over
//    the Bot Connector limit, and fields some recipients lack, listed by
//    field with the recipients who lack it.
// Issues carry the line/column of the problem in the message file.

#include "message/ActivityBuilder.h"
#include "message/MessageDocument.h"
#include "message/RecipientData.h"
#include "message/ValidationIssue.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

namespace herald::message {

class Validator
{
    Q_DECLARE_TR_FUNCTIONS(herald::message::Validator)

public:
    // The newest Adaptive Card schema Teams renders (API-NOTES.md "Adaptive Cards").
    static constexpr int kMaxCardMajor = 1;
    static constexpr int kMaxCardMinor = 5;
    // A summary issue lists at most this many recipients by name, then "and N more".
    static constexpr int kListedRecipients = 10;

    struct Report
    {
        ValidationIssues issues; // document issues first, then per-field summaries
        int recipients = 0;
        int recipientsWithErrors = 0;
        qsizetype largestPayload = 0; // bytes, over every recipient
        QString largestRecipient; // label of the recipient with the largest payload
        // field path -> labels of the recipients who lack it (every one, not capped)
        QMap<QString, QStringList> missingFields;

        bool hasErrors() const { return herald::message::hasErrors(issues); }
    };

    static ValidationIssues checkDocument(const MessageDocument &document);

    // With no recipients, binds once with empty data so size and syntax are
    // still checked; missing fields are then not reported (nobody to lack them).
    static Report check(const MessageDocument &document, const RecipientDataList &recipients);
};

} // namespace herald::message
