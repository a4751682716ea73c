#pragma once

// Loose shape checks for what admins type or paste. They catch obvious
// mistakes (a name in the UPN column, a truncated GUID) early; the directory
// has the final word, so anything plausible passes.

#include <QStringView>

namespace herald {

// 8-4-4-4-12 hex digits, as Entra object ids and team ids are written.
bool isObjectId(QStringView text);

// name@domain.tld: one '@', no spaces or characters Entra forbids in a UPN.
// Apostrophes, '#EXT#' guest names, '+', '_' and '-' are fine.
bool looksLikeUserPrincipalName(QStringView text);

// Same loose shape as a UPN; kept separate so the messages can differ.
bool looksLikeMail(QStringView text);

} // namespace herald
