#pragma once

// The directory's RecipientResolver (--user/--users/--group/--all-users/
// --team/--teams) behind the RecipientFeed interface.

#include "install/RecipientFeed.h"

#include <QPointer>

namespace herald::directory {
class RecipientResolver;
struct RecipientSource;
} // namespace herald::directory

namespace herald::graph {
class GraphClient;
}

namespace herald::install {

// The directory's resolver behind the feed interface.
class ResolverRecipientFeed : public RecipientFeed
{
    Q_OBJECT

public:
    ResolverRecipientFeed(graph::GraphClient *client, const directory::RecipientSource &source,
                          QObject *parent = nullptr);
    ~ResolverRecipientFeed() override;

    void start() override;
    void fetchMore(int count) override;
    void abort() override;
    qint64 rejected() const override;

private:
    QPointer<directory::RecipientResolver> m_resolver;
    bool m_done = false;
};

} // namespace herald::install
