#include "sim/ODataFilter.h"

namespace herald::sim {

namespace {

struct Token
{
    enum class Type { Word, String, Open, Close, Comma, Colon, End };
    Type type = Type::End;
    QString text;
    int position = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
        advance();
    }

    bool parse(ODataFilter::Node *root, QString *error)
    {
        if (!parseOr(root)
            || (m_token.type != Token::Type::End && fail(QStringLiteral("unexpected token")))) {
            *error = m_error;
            return false;
        }
        return true;
    }

private:
    bool fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("Syntax error: %1 at position %2 in '%3'.")
                          .arg(what)
                          .arg(m_token.position)
                          .arg(m_text);
        return false;
    }

    bool isKeyword(const char *word) const
    {
        return m_token.type == Token::Type::Word
            && m_token.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }

    void advance()
    {
        const int n = int(m_text.size());
        while (m_pos < n && m_text.at(m_pos).isSpace())
            ++m_pos;
        m_token = Token();
        m_token.position = m_pos;
        if (m_pos >= n)
            return;
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')
            || c == QLatin1Char(':')) {
            m_token.type = c == QLatin1Char('(') ? Token::Type::Open
                : c == QLatin1Char(')')          ? Token::Type::Close
                : c == QLatin1Char(',')          ? Token::Type::Comma
                                                 : Token::Type::Colon;
            ++m_pos;
            return;
        }
        if (c == QLatin1Char('\'')) {
            // OData string literal: a quote inside is written twice.
            QString value;
            ++m_pos;
            while (m_pos < n) {
                if (m_text.at(m_pos) == QLatin1Char('\'')) {
                    if (m_pos + 1 < n && m_text.at(m_pos + 1) == QLatin1Char('\'')) {
                        value += QLatin1Char('\'');
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    m_token.type = Token::Type::String;
                    m_token.text = value;
                    return;
                }
                value += m_text.at(m_pos++);
            }
            m_token.type = Token::Type::End;
            m_error = QStringLiteral("Syntax error: unterminated string literal at position %1 in '%2'.")
                          .arg(m_token.position)
                          .arg(m_text);
            return;
        }
        const int start = m_pos;
        while (m_pos < n) {
            const QChar ch = m_text.at(m_pos);
            if (ch.isSpace() || ch == QLatin1Char('(') || ch == QLatin1Char(')') || ch == QLatin1Char(',')
                || ch == QLatin1Char(':') || ch == QLatin1Char('\''))
                break;
            ++m_pos;
        }
        m_token.type = Token::Type::Word;
        m_token.text = m_text.mid(start, m_pos - start);
    }

    bool expect(Token::Type type, const char *what)
    {
        if (m_token.type != type)
            return fail(QStringLiteral("expected %1").arg(QLatin1String(what)));
        advance();
        return true;
    }

    bool parseOr(ODataFilter::Node *out)
    {
        ODataFilter::Node left;
        if (!parseAnd(&left))
            return false;
        while (isKeyword("or")) {
            advance();
            ODataFilter::Node right;
            if (!parseAnd(&right))
                return false;
            ODataFilter::Node node;
            node.kind = ODataFilter::Node::Kind::Or;
            node.children.push_back(std::move(left));
            node.children.push_back(std::move(right));
            left = std::move(node);
        }
        *out = std::move(left);
        return true;
    }

    bool parseAnd(ODataFilter::Node *out)
    {
        ODataFilter::Node left;
        if (!parsePrimary(&left))
            return false;
        while (isKeyword("and")) {
            advance();
            ODataFilter::Node right;
            if (!parsePrimary(&right))
                return false;
            ODataFilter::Node node;
            node.kind = ODataFilter::Node::Kind::And;
            node.children.push_back(std::move(left));
            node.children.push_back(std::move(right));
            left = std::move(node);
        }
        *out = std::move(left);
        return true;
    }

    bool parseValue(QString *value)
    {
        if (m_token.type == Token::Type::String
            || (m_token.type == Token::Type::Word && !m_token.text.isEmpty())) {
            *value = m_token.text;
            advance();
            return true;
        }
        return fail(QStringLiteral("expected a literal"));
    }

    bool parsePrimary(ODataFilter::Node *out)
    {
        using Kind = ODataFilter::Node::Kind;
        if (m_token.type == Token::Type::Open) {
            advance();
            return parseOr(out) && expect(Token::Type::Close, "')'");
        }
        if (isKeyword("not")) {
            advance();
            ODataFilter::Node inner;
            if (!parsePrimary(&inner))
                return false;
            out->kind = Kind::Not;
            out->children.push_back(std::move(inner));
            return true;
        }
        if (m_token.type != Token::Type::Word)
            return fail(QStringLiteral("expected a property or function"));
        const QString word = m_token.text;
        advance();
        if (word.compare(QLatin1String("startswith"), Qt::CaseInsensitive) == 0
            && m_token.type == Token::Type::Open) {
            advance();
            if (m_token.type != Token::Type::Word)
                return fail(QStringLiteral("expected a property"));
            out->kind = Kind::StartsWith;
            out->property = m_token.text;
            advance();
            QString value;
            if (!expect(Token::Type::Comma, "','") || m_token.type != Token::Type::String)
                return fail(QStringLiteral("expected a string literal"));
            value = m_token.text;
            advance();
            out->values.append(value);
            return expect(Token::Type::Close, "')'");
        }
        if (m_token.type == Token::Type::Open) {
            const qsizetype slash = word.lastIndexOf(QLatin1Char('/'));
            if (slash <= 0 || word.mid(slash + 1).compare(QLatin1String("any"), Qt::CaseInsensitive) != 0)
                return fail(QStringLiteral("unsupported function '%1'").arg(word));
            return parseAny(word.left(slash), out);
        }
        out->property = word;
        if (isKeyword("eq") || isKeyword("ne")) {
            out->kind = isKeyword("eq") ? Kind::Eq : Kind::Ne;
            advance();
            QString value;
            if (!parseValue(&value))
                return false;
            out->values.append(value);
            return true;
        }
        if (isKeyword("in")) {
            out->kind = Kind::In;
            advance();
            if (!expect(Token::Type::Open, "'('"))
                return false;
            while (true) {
                QString value;
                if (!parseValue(&value))
                    return false;
                out->values.append(value);
                if (m_token.type == Token::Type::Comma) {
                    advance();
                    continue;
                }
                return expect(Token::Type::Close, "')'");
            }
        }
        return fail(QStringLiteral("unsupported operator"));
    }

    // collection/any(v: v/path eq 'x') -- one comparison on the range variable.
    bool parseAny(const QString &collection, ODataFilter::Node *out)
    {
        advance(); // '('
        if (m_token.type != Token::Type::Word)
            return fail(QStringLiteral("expected a range variable"));
        const QString variable = m_token.text;
        advance();
        if (!expect(Token::Type::Colon, "':'"))
            return false;
        ODataFilter::Node inner;
        if (!parsePrimary(&inner))
            return false;
        if (inner.kind != ODataFilter::Node::Kind::Eq && inner.kind != ODataFilter::Node::Kind::In
            && inner.kind != ODataFilter::Node::Kind::StartsWith)
            return fail(QStringLiteral("unsupported lambda expression"));
        if (inner.property == variable)
            inner.property = collection;
        else if (inner.property.startsWith(variable + QLatin1Char('/')))
            inner.property = collection + inner.property.mid(variable.size());
        else
            return fail(QStringLiteral("unknown range variable"));
        out->kind = ODataFilter::Node::Kind::Any;
        out->property = collection;
        out->children.push_back(std::move(inner));
        return expect(Token::Type::Close, "')'");
    }

    QString m_text;
    int m_pos = 0;
    Token m_token;
    QString m_error;
};

void collectProperties(const ODataFilter::Node &node, QStringList *out)
{
    if (node.kind == ODataFilter::Node::Kind::Any) {
        collectProperties(node.children.front(), out);
        return;
    }
    if (!node.property.isEmpty() && !out->contains(node.property))
        out->append(node.property);
    for (const auto &child : node.children)
        collectProperties(child, out);
}

bool evaluate(const ODataFilter::Node &node, const ODataFilter::Accessor &get)
{
    using Kind = ODataFilter::Node::Kind;
    switch (node.kind) {
    case Kind::And:
        return evaluate(node.children.at(0), get) && evaluate(node.children.at(1), get);
    case Kind::Or:
        return evaluate(node.children.at(0), get) || evaluate(node.children.at(1), get);
    case Kind::Not:
        return !evaluate(node.children.at(0), get);
    case Kind::Any:
        return evaluate(node.children.front(), get);
    case Kind::Eq:
    case Kind::Ne:
    case Kind::In:
    case Kind::StartsWith: {
        const QStringList actual = get(node.property);
        bool hit = false;
        for (const QString &value : actual) {
            for (const QString &wanted : node.values) {
                hit = node.kind == Kind::StartsWith ? value.startsWith(wanted, Qt::CaseInsensitive)
                                                    : value.compare(wanted, Qt::CaseInsensitive) == 0;
                if (hit)
                    break;
            }
            if (hit)
                break;
        }
        if (node.kind == Kind::Eq && actual.isEmpty() && node.values.value(0) == QLatin1String("null"))
            return true;
        return node.kind == Kind::Ne ? !hit : hit;
    }
    }
    return false;
}

} // namespace

std::unique_ptr<ODataFilter> ODataFilter::parse(const QString &text, QString *error)
{
    auto filter = std::make_unique<ODataFilter>();
    Parser parser(text);
    if (!parser.parse(&filter->m_root, error))
        return nullptr;
    return filter;
}

QStringList ODataFilter::properties() const
{
    QStringList out;
    collectProperties(m_root, &out);
    return out;
}

bool ODataFilter::matches(const Accessor &get) const
{
    return evaluate(m_root, get);
}

QStringList ODataFilter::equalityValues(const QString &property) const
{
    if ((m_root.kind == Node::Kind::Eq || m_root.kind == Node::Kind::In) && m_root.property == property)
        return m_root.values;
    return {};
}

} // namespace herald::sim
