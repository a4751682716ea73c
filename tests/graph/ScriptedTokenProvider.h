#pragma once

// A TokenProvider test double: hands out the given tokens in order (the last
// one repeatedly), counts fetches, and can be told to fail.

#include "auth/TokenProvider.h"

#include <QStringList>

namespace herald::test {

class ScriptedTokenProvider : public auth::TokenProvider
{
    Q_OBJECT

public:
    explicit ScriptedTokenProvider(QStringList tokens, QObject *parent = nullptr)
        : auth::TokenProvider(parent)
        , m_tokens(std::move(tokens))
    {
    }
    void setFailure(const graph::GraphError &error) { m_failure = error; }

protected:
    void startFetch() override
    {
        if (m_failure.isError()) {
            fetchFailed(m_failure);
            return;
        }
        const QString token = m_tokens.size() > 1 ? m_tokens.takeFirst() : m_tokens.value(0);
        fetchSucceeded(token, 3600);
    }

private:
    QStringList m_tokens;
    graph::GraphError m_failure;
};

} // namespace herald::test
