#include "message/TemplateExpression.h"

#include "message/TemplateFunctions.h"

#include <QCoreApplication>

namespace herald::message::detail {

namespace {

// lupdate files a tr() outside a class under the enclosing namespace: same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("herald::message::detail", text);
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$' || c == u'@';
}

bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Recursive descent over the expression text; precedence from Adaptive
// Expressions (|| < && < equality < relational < additive < multiplicative < unary).
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(herald::message::detail::Parser)

public:
    explicit Parser(QStringView text)
        : m_text(text)
    {
    }

    NodePtr parse(ParseError *error)
    {
        skipSpace();
        if (atEnd())
            fail(tr("the expression is empty"));
        NodePtr node = m_failed ? nullptr : parseOr();
        skipSpace();
        if (!m_failed && !atEnd())
            fail(tr("unexpected '%1'").arg(m_text.mid(m_pos, 1)));
        if (m_failed) {
            *error = m_error;
            return nullptr;
        }
        return node;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    void skipSpace()
    {
        while (!atEnd() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    bool accept(QStringView op)
    {
        skipSpace();
        if (m_text.mid(m_pos).startsWith(op)) {
            m_pos += op.size();
            return true;
        }
        return false;
    }
    void fail(const QString &message)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_error.offset = m_pos;
        m_error.message = message;
    }

    static NodePtr binary(const QString &op, NodePtr a, NodePtr b)
    {
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::Binary;
        n->name = op;
        n->args = {std::move(a), std::move(b)};
        return n;
    }

    // Nesting is bounded so a runaway "((((..." is an error, not a stack overflow.
    bool enter()
    {
        if (++m_depth <= kMaxDepth)
            return true;
        fail(tr("the expression is nested too deeply"));
        return false;
    }

    NodePtr parseOr()
    {
        if (!enter())
            return nullptr;
        NodePtr left = parseAnd();
        while (!m_failed && accept(u"||"))
            left = binary(QStringLiteral("||"), left, parseAnd());
        --m_depth;
        return left;
    }
    NodePtr parseAnd()
    {
        NodePtr left = parseEquality();
        while (!m_failed && accept(u"&&"))
            left = binary(QStringLiteral("&&"), left, parseEquality());
        return left;
    }
    NodePtr parseEquality()
    {
        NodePtr left = parseRelational();
        while (!m_failed) {
            if (accept(u"=="))
                left = binary(QStringLiteral("=="), left, parseRelational());
            else if (accept(u"!="))
                left = binary(QStringLiteral("!="), left, parseRelational());
            else if (peek() == u'=') {
                fail(tr("use == to compare ('=' alone is not an operator)"));
            } else
                break;
        }
        return left;
    }
    NodePtr parseRelational()
    {
        NodePtr left = parseAdditive();
        while (!m_failed) {
            QString op;
            for (const char *candidate : {"<=", ">=", "<", ">"}) {
                if (accept(QString::fromLatin1(candidate))) {
                    op = QString::fromLatin1(candidate);
                    break;
                }
            }
            if (op.isEmpty())
                break;
            left = binary(op, left, parseAdditive());
        }
        return left;
    }
    NodePtr parseAdditive()
    {
        NodePtr left = parseMultiplicative();
        while (!m_failed) {
            if (accept(u"+"))
                left = binary(QStringLiteral("+"), left, parseMultiplicative());
            else if (accept(u"-"))
                left = binary(QStringLiteral("-"), left, parseMultiplicative());
            else
                break;
        }
        return left;
    }
    NodePtr parseMultiplicative()
    {
        NodePtr left = parseUnary();
        while (!m_failed) {
            skipSpace();
            const QChar c = peek();
            if (c != u'*' && c != u'/' && c != u'%')
                break;
            ++m_pos;
            left = binary(QString(c), left, parseUnary());
        }
        return left;
    }
    NodePtr parseUnary()
    {
        skipSpace();
        const bool negation = peek() == u'!' && peek(1) != u'=';
        if (negation || (peek() == u'-' && !peek(1).isDigit())) {
            ++m_pos;
            if (!enter())
                return nullptr;
            NodePtr operand = parseUnary();
            --m_depth;
            return unary(negation ? QStringLiteral("!") : QStringLiteral("-"), operand);
        }
        return parsePrimary();
    }
    static NodePtr unary(const QString &op, NodePtr operand)
    {
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::Unary;
        n->name = op;
        n->args = {std::move(operand)};
        return n;
    }
    static NodePtr literal(const QJsonValue &value)
    {
        auto n = std::make_shared<Node>();
        n->literal = value;
        return n;
    }

    NodePtr parsePrimary()
    {
        skipSpace();
        if (atEnd()) {
            fail(tr("the expression ends too early"));
            return nullptr;
        }
        const QChar c = peek();
        if (c == u'(') {
            ++m_pos;
            NodePtr inner = parseOr();
            if (!m_failed && !accept(u")"))
                fail(tr("missing ')'"));
            return inner;
        }
        if (c == u'\'' || c == u'"')
            return parseStringLiteral(c);
        if (c.isDigit() || (c == u'-' && peek(1).isDigit()) || (c == u'.' && peek(1).isDigit()))
            return parseNumber();
        if (isIdentStart(c))
            return parseIdentifier();
        fail(tr("unexpected '%1'").arg(c));
        return nullptr;
    }

    NodePtr parseStringLiteral(QChar quote)
    {
        const qsizetype start = m_pos++;
        QString value;
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'\\' && !atEnd()) {
                const QChar e = m_text.at(m_pos++);
                value += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
                continue;
            }
            if (c == quote)
                return literal(value);
            value += c;
        }
        m_pos = start;
        fail(tr("the text starting here has no closing %1").arg(quote));
        return nullptr;
    }

    NodePtr parseNumber()
    {
        const qsizetype start = m_pos;
        if (peek() == u'-')
            ++m_pos;
        while (!atEnd() && (peek().isDigit() || peek() == u'.'))
            ++m_pos;
        bool ok = false;
        const double value = m_text.mid(start, m_pos - start).toDouble(&ok);
        if (!ok) {
            const QString written = m_text.mid(start, m_pos - start).toString();
            m_pos = start;
            fail(tr("'%1' is not a number").arg(written));
            return nullptr;
        }
        return literal(value);
    }

    QString readIdentifier()
    {
        const qsizetype start = m_pos++;
        while (!atEnd() && isIdentPart(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start).toString();
    }

    NodePtr parseIdentifier()
    {
        const qsizetype start = m_pos;
        const QString name = readIdentifier();
        skipSpace();
        if (peek() == u'(') {
            ++m_pos;
            return parseCall(name, start);
        }
        if (name == u"true")
            return literal(true);
        if (name == u"false")
            return literal(false);
        if (name == u"null")
            return literal(QJsonValue::Null);
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::Path;
        n->name = name;
        while (!m_failed) {
            skipSpace();
            if (peek() == u'.') {
                ++m_pos;
                skipSpace();
                if (!isIdentStart(peek())) {
                    fail(tr("a field name must follow '.'"));
                    break;
                }
                n->steps.append({readIdentifier(), nullptr});
            } else if (peek() == u'[') {
                ++m_pos;
                NodePtr index = parseOr();
                if (!m_failed && !accept(u"]"))
                    fail(tr("missing ']'"));
                n->steps.append({QString(), index});
            } else {
                break;
            }
        }
        n->text = m_text.mid(start, m_pos - start).trimmed().toString();
        return n;
    }

    NodePtr parseCall(const QString &name, qsizetype start)
    {
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::Call;
        n->name = name;
        if (!accept(u")")) {
            do {
                n->args.append(parseOr());
            } while (!m_failed && accept(u","));
            if (!m_failed && !accept(u")"))
                fail(tr("missing ')' after the arguments of %1()").arg(name));
        }
        if (m_failed)
            return n;
        const FunctionInfo *info = findFunction(name);
        if (!info) {
            m_pos = start;
            fail(tr("unknown function %1() (Herald supports: %2)").arg(name, supportedFunctionNames()));
        } else if (n->args.size() < info->minArgs || (info->maxArgs >= 0 && n->args.size() > info->maxArgs)) {
            m_pos = start;
            fail(tr("%1() takes %2 arguments, not %3").arg(name, arityText(*info)).arg(n->args.size()));
        }
        return n;
    }

    static constexpr int kMaxDepth = 64;

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    bool m_failed = false;
    ParseError m_error;
};

} // namespace

NodePtr parseExpression(QStringView text, ParseError *error)
{
    return Parser(text).parse(error);
}

qsizetype findExpressionEnd(QStringView text, qsizetype start)
{
    int depth = 0;
    QChar quote;
    for (qsizetype i = start + 2; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}') {
            if (depth == 0)
                return i;
            --depth;
        }
    }
    return -1;
}

ParsedString parseString(const QString &text)
{
    ParsedString parsed;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1String("${"), pos);
        if (open < 0)
            break;
        qsizetype close = findExpressionEnd(text, open);
        if (close < 0) // perhaps an unbalanced quote: let the parser say so at the quote
            close = text.indexOf(u'}', open + 2);
        if (close < 0) {
            parsed.error = tr("'${' has no closing '}'");
            parsed.errorOffset = open;
            return parsed;
        }
        if (open > pos)
            parsed.parts.append({text.mid(pos, open - pos), nullptr, pos});
        ParseError error;
        NodePtr node = parseExpression(QStringView(text).mid(open + 2, close - open - 2), &error);
        if (!node) {
            parsed.error = tr("in %1: %2").arg(text.mid(open, close - open + 1), error.message);
            parsed.errorOffset = open + 2 + error.offset;
            return parsed;
        }
        parsed.parts.append({text.mid(open, close - open + 1), node, open});
        parsed.hasExpression = true;
        pos = close + 1;
    }
    if (pos < text.size())
        parsed.parts.append({text.mid(pos), nullptr, pos});
    return parsed;
}

} // namespace herald::message::detail
