#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Maps JSON paths ("$.entries[3].id") to line and column in the original text, so that
// errors found after parsing can still point into the file. QJsonDocument keeps no positions.
//
// Construction only keeps a (shared) reference to the text: each locate() scans the text once,
// comparing the path's segments as it goes, and stores nothing per value. Memory use does not
// grow with the depth of the document or the length of its keys.
//
// Keys are compared after decoding their JSON escapes ("\"", "\\", "\u00e9", surrogate pairs),
// the way QJsonDocument decodes them. When an object repeats a key, the last occurrence is the
// one QJsonObject keeps, and the one located.
class JsonLocator
{
public:
    struct Position
    {
        int line = 0;
        int column = 0;
    };

    // text must be valid JSON (QJsonDocument accepted it). Cheap: nothing is scanned here.
    explicit JsonLocator(const QByteArray &text);

    // Where the value at path ("$", "$.key", "$.list[2].key") begins; nothing when there is none.
    std::optional<Position> locate(const QString &path) const;
    // The byte offset in the text where the value at path begins.
    std::optional<qsizetype> offsetOf(const QString &path) const;
    // Line and column of a byte offset in any text, valid JSON or not.
    static Position positionIn(const QByteArray &text, int offset);

private:
    QByteArray m_text;
};
