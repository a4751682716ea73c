#pragma once

// Turns an identity-platform error answer
//   {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. ...",
//    "error_codes":[7000215],"trace_id":"...","correlation_id":"..."}
// into an Auth GraphError whose hint says what is wrong and how to fix it.

#include "graph/GraphError.h"

#include <QJsonObject>

namespace herald::auth {

// `status` is the HTTP status, `body` the parsed answer (may be empty).
graph::GraphError identityError(int status, const QJsonObject &body, const QUrl &tokenUrl);

// The first AADSTS number in error_codes or in the description; 0 if none.
int aadstsCode(const QJsonObject &body);

// What to do about a given AADSTS error (empty when we know no better advice).
QString identityHint(int aadsts, const QString &error);

} // namespace herald::auth
