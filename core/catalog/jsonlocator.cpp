#include "jsonlocator.h"

JsonLocator::JsonLocator(const QByteArray &text)
    : m_text(text)
{
    skipWhitespace();
    if (m_pos < m_text.size())
        scanValue(QStringLiteral("$"));
}

std::optional<JsonLocator::Position> JsonLocator::locate(const QString &path) const
{
    const auto it = m_offsets.constFind(path);
    if (it == m_offsets.cend())
        return std::nullopt;
    return positionIn(m_text, *it);
}

JsonLocator::Position JsonLocator::positionIn(const QByteArray &text, int offset)
{
    Position p{1, 1};
    const int end = qMin(offset, int(text.size()));
    for (int i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++p.column;
        }
    }
    return p;
}

void JsonLocator::skipWhitespace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text.at(m_pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        ++m_pos;
    }
}

void JsonLocator::scanString()
{
    ++m_pos; // opening quote
    while (m_pos < m_text.size() && m_text.at(m_pos) != '"') {
        if (m_text.at(m_pos) == '\\')
            ++m_pos;
        ++m_pos;
    }
    ++m_pos; // closing quote
}

void JsonLocator::scanValue(const QString &path)
{
    m_offsets.insert(path, m_pos);
    if (m_pos >= m_text.size())
        return;
    const char c = m_text.at(m_pos);
    if (c == '{') {
        ++m_pos;
        skipWhitespace();
        while (m_pos < m_text.size() && m_text.at(m_pos) != '}') {
            const int keyStart = m_pos + 1;
            scanString();
            const QString key = QString::fromUtf8(m_text.mid(keyStart, m_pos - keyStart - 1));
            skipWhitespace();
            ++m_pos; // ':'
            skipWhitespace();
            scanValue(path + QLatin1Char('.') + key);
            skipWhitespace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == ',') {
                ++m_pos;
                skipWhitespace();
            }
        }
        ++m_pos;
    } else if (c == '[') {
        ++m_pos;
        skipWhitespace();
        int index = 0;
        while (m_pos < m_text.size() && m_text.at(m_pos) != ']') {
            scanValue(path + QStringLiteral("[%1]").arg(index++));
            skipWhitespace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == ',') {
                ++m_pos;
                skipWhitespace();
            }
        }
        ++m_pos;
    } else if (c == '"') {
        scanString();
    } else {
        while (m_pos < m_text.size()) {
            const char d = m_text.at(m_pos);
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
                break;
            ++m_pos;
        }
    }
}
