#pragma once

// ResolveFeed: one recipient source of a RecipientResolver -- a list to look
// up entry by entry, or a paged directory listing. The resolver asks the
// current feed for what the consumer can take (setWanted) and the feed keeps
// about that much in flight: a lookup feed that many lookups, a paged feed one
// page. Results come back through delivered(), in the order of the source;
// finished() follows the last of them (a Job: an error there is fatal for the
// whole resolve).

#include "directory/Recipient.h"
#include "graph/GraphError.h"
#include "graph/Job.h"

namespace herald::directory {

class ResolveFeed : public graph::Job
{
    Q_OBJECT

signals:
    void delivered(const herald::RecipientList &recipients);

public:
    using graph::Job::Job;

    // How many more recipients the consumer could take now, beyond what this
    // feed delivered so far. A level, not an increment: calling it again with
    // the same number asks for nothing new.
    virtual void setWanted(int count) = 0;

protected:
    // Errors that no other request of the resolve would escape either: no
    // token, no permission to read the directory, no network. Anything else
    // (one user missing, one answer throttled too long) stays with its entry.
    static bool isFatal(const graph::GraphError &error)
    {
        using Kind = graph::GraphError::Kind;
        switch (error.kind) {
        case Kind::Auth:
        case Kind::Config:
        case Kind::Cancelled:
        case Kind::Network:
        case Kind::Timeout:
        case Kind::Tls:
            return true;
        default:
            return error.httpStatus == 401 || error.httpStatus == 403;
        }
    }
};

} // namespace herald::directory
