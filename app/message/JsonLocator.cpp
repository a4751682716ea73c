#include "message/JsonLocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace herald::message::detail {

namespace {

class Walker
{
public:
    explicit Walker(const QByteArray &json)
        : m_s(json)
    {
    }

    qsizetype find(const QStringList &tokens, bool valueStart)
    {
        m_valueStart = valueStart;
        skipSpace();
        return findIn(tokens, 0);
    }

private:
    bool atEnd() const { return m_p >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s.at(m_p); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_p;
    }

    // At '"'; leaves m_p after the closing quote and returns the decoded text.
    QString readString()
    {
        const qsizetype start = m_p++;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\')
                ++m_p;
            ++m_p;
        }
        ++m_p;
        const QByteArray raw = m_s.mid(start, m_p - start);
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw.mid(1, raw.size() - 2));
        return QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
    }

    void skipValue()
    {
        skipSpace();
        const char c = peek();
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            ++m_p;
            skipSpace();
            const char close = c == '{' ? '}' : ']';
            while (!atEnd() && peek() != close) {
                if (c == '{') {
                    readString();
                    skipSpace();
                    ++m_p; // ':'
                }
                skipValue();
                skipSpace();
                if (peek() == ',')
                    ++m_p;
                skipSpace();
            }
            ++m_p;
        } else {
            while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' '
                   && peek() != '\n' && peek() != '\r' && peek() != '\t')
                ++m_p;
        }
    }

    // At the start of a value; finds tokens[depth...] inside it.
    qsizetype findIn(const QStringList &tokens, qsizetype depth)
    {
        if (depth == tokens.size())
            return m_p;
        const QString &token = tokens.at(depth);
        const char c = peek();
        if (c == '{') {
            ++m_p;
            skipSpace();
            while (!atEnd() && peek() == '"') {
                const qsizetype keyAt = m_p;
                const QString key = readString();
                skipSpace();
                ++m_p; // ':'
                skipSpace();
                if (key == token)
                    return depth + 1 == tokens.size() && !m_valueStart ? keyAt : findIn(tokens, depth + 1);
                skipValue();
                skipSpace();
                if (peek() == ',')
                    ++m_p;
                skipSpace();
            }
            return -1;
        }
        if (c == '[') {
            bool ok = false;
            const qsizetype wanted = token.toLongLong(&ok);
            if (!ok)
                return -1;
            ++m_p;
            skipSpace();
            for (qsizetype i = 0; !atEnd() && peek() != ']'; ++i) {
                if (i == wanted)
                    return findIn(tokens, depth + 1);
                skipValue();
                skipSpace();
                if (peek() == ',')
                    ++m_p;
                skipSpace();
            }
        }
        return -1;
    }

    const QByteArray &m_s;
    qsizetype m_p = 0;
    bool m_valueStart = false;
};

} // namespace

TextPosition positionOfByte(const QByteArray &utf8, qsizetype offset)
{
    TextPosition pos{1, 1};
    const qsizetype end = std::min(offset, utf8.size());
    const qsizetype begin = utf8.startsWith("\xEF\xBB\xBF") ? 3 : 0; // a BOM is not a column
    for (qsizetype i = begin; i < end; ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) { // not a continuation byte: a new character
            ++pos.column;
        }
    }
    return pos;
}

qsizetype findInString(const QByteArray &json, qsizetype quote, qsizetype offset)
{
    if (quote < 0 || quote >= json.size() || json.at(quote) != '"')
        return -1;
    qsizetype units = 0;
    for (qsizetype i = quote + 1; i < json.size() && json.at(i) != '"';) {
        if (units >= offset)
            return units == offset ? i : -1;
        const auto c = static_cast<unsigned char>(json.at(i));
        if (c == '\\') {
            i += json.mid(i + 1, 1) == "u" ? 6 : 2; // \uXXXX is one UTF-16 unit, like a surrogate half
            ++units;
        } else if (c >= 0xF0) {
            i += 4; // outside the BMP: a surrogate pair in QString
            units += 2;
        } else {
            i += c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            ++units;
        }
    }
    return -1;
}

qsizetype findPointer(const QByteArray &json, const QString &pointer, bool valueStart)
{
    QStringList tokens;
    if (!pointer.isEmpty()) {
        tokens = pointer.mid(1).split(u'/');
        for (QString &t : tokens)
            t.replace(QLatin1String("~1"), QLatin1String("/"))
                .replace(QLatin1String("~0"), QLatin1String("~"));
    }
    qsizetype start = 0;
    if (json.startsWith("\xEF\xBB\xBF"))
        start = 3;
    const QByteArray body = json.mid(start);
    Walker walker(body);
    const qsizetype at = walker.find(tokens, valueStart);
    return at < 0 ? -1 : at + start;
}

} // namespace herald::message::detail
