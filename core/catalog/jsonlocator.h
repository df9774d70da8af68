#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

// Maps JSON paths ("$.entries[3].id") to line and column in the original text, so that
// errors found after parsing can still point into the file. QJsonDocument keeps no positions.
class JsonLocator
{
public:
    struct Position
    {
        int line = 0;
        int column = 0;
    };

    // text must be valid JSON (QJsonDocument accepted it).
    explicit JsonLocator(const QByteArray &text);

    std::optional<Position> locate(const QString &path) const;
    // Line and column of a byte offset in any text, valid JSON or not.
    static Position positionIn(const QByteArray &text, int offset);

private:
    void scanValue(const QString &path);
    void scanString();
    void skipWhitespace();

    QByteArray m_text;
    int m_pos = 0;
    QHash<QString, int> m_offsets;
};
