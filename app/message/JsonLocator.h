#pragma once

// Internal: positions in JSON source text. QJsonDocument keeps no positions,
// so validation problems found on the parsed card are mapped back to the
// file by walking the (already valid) text once more.

#include <QByteArray>
#include <QString>

namespace herald::message::detail {

struct TextPosition
{
    int line = 0; // 1-based; 0 = unknown
    int column = 0; // 1-based, in characters (code points), not bytes
};

// Position of a byte offset in UTF-8 text.
TextPosition positionOfByte(const QByteArray &utf8, qsizetype offset);

// Byte offset where the value at an RFC 6901 pointer begins (for an object
// member: its key's opening quote), or -1. "" is the whole document.
// With `valueStart`, an object member's value instead of its key.
qsizetype findPointer(const QByteArray &json, const QString &pointer, bool valueStart = false);

// Byte offset of the character `offset` (UTF-16 units, as QString counts) of
// the JSON string whose opening quote is at `quote`, escapes decoded; -1 when
// there is no string there or it is shorter.
qsizetype findInString(const QByteArray &json, qsizetype quote, qsizetype offset);

} // namespace herald::message::detail
