#include "directory/IdentifierShape.h"

namespace herald {

namespace {

bool isHex(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

bool isForbiddenInAddress(QChar c)
{
    if (c.isSpace() || c.category() == QChar::Other_Control)
        return true;
    switch (c.unicode()) {
    case u'"':
    case u'(':
    case u')':
    case u',':
    case u':':
    case u';':
    case u'<':
    case u'>':
    case u'[':
    case u'\\':
    case u']':
        return true;
    default:
        return false;
    }
}

bool looksLikeAddress(QStringView text)
{
    // Entra caps UPNs at 113 characters; stay generous for mail addresses.
    if (text.size() < 3 || text.size() > 320)
        return false;
    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || text.indexOf(u'@', at + 1) >= 0)
        return false;
    for (QChar c : text) {
        if (isForbiddenInAddress(c))
            return false;
    }
    const QStringView domain = text.mid(at + 1);
    return domain.size() >= 3 && domain.contains(u'.') && !domain.startsWith(u'.') && !domain.endsWith(u'.')
        && !domain.contains(u"..");
}

} // namespace

bool isObjectId(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != u'-' : !isHex(text[i]))
            return false;
    }
    return true;
}

bool looksLikeUserPrincipalName(QStringView text)
{
    return looksLikeAddress(text);
}

bool looksLikeMail(QStringView text)
{
    return looksLikeAddress(text);
}

} // namespace herald
