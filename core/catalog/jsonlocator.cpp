#include "jsonlocator.h"

#include <QStringDecoder>

#include <QStringView>
#include <QVarLengthArray>

#include <algorithm>

namespace {

// Deeper than QJsonDocument accepts (1024): a bound for the recursion along the path.
constexpr int MaxDepth = 1100;

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// One pass over the text looking for one path. Nothing is stored per value: the path is
// compared segment by segment while the scan walks the values, and values off the path are
// skipped without recursion.
class PathScanner
{
public:
    PathScanner(const QByteArray &text, QStringView path)
        : m_data(text.constData())
        , m_size(text.size())
        , m_path(path)
    {
        // QJsonDocument skips a leading UTF-8 byte order mark: so must the offsets.
        if (text.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }

    // The offset of the value at m_path[from...] inside the value at the current position, or
    // -1; afterwards the position is just after that value.
    qsizetype find(qsizetype from, int depth)
    {
        skipWhitespace();
        const qsizetype start = m_pos;
        if (m_pos >= m_size)
            return -1;
        if (from == m_path.size()) {
            skipValue();
            return start;
        }
        const char c = m_data[m_pos];
        if (depth < MaxDepth && c == '{' && m_path.at(from) == QLatin1Char('.'))
            return findInObject(from + 1, depth);
        if (depth < MaxDepth && c == '[' && m_path.at(from) == QLatin1Char('['))
            return findInArray(from + 1, depth);
        skipValue();
        return -1;
    }

private:
    // At '{'; from is just after the '.' of the path.
    qsizetype findInObject(qsizetype from, int depth)
    {
        // A key may itself contain '.' or '[': every key that is a prefix of the rest of the path
        // and ends at a segment boundary is a candidate. For a repeated key the last occurrence
        // counts (QJsonObject keeps the last one); among different candidates the longest key
        // that leads to a value wins.
        struct Candidate
        {
            qsizetype keyLength;
            qsizetype offset;
        };
        QVarLengthArray<Candidate, 4> candidates;
        ++m_pos;
        for (;;) {
            skipWhitespace();
            if (m_pos >= m_size)
                break;
            if (m_data[m_pos] == '}') {
                ++m_pos;
                break;
            }
            if (m_data[m_pos] != '"') {
                m_pos = m_size; // not JSON: give up
                break;
            }
            readKey();
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ':')
                ++m_pos;
            const QStringView rest = m_path.mid(from);
            const qsizetype length = m_key.size();
            const bool matches = rest.startsWith(m_key)
                    && (length == rest.size() || rest.at(length) == QLatin1Char('.')
                        || rest.at(length) == QLatin1Char('['));
            if (matches) {
                const qsizetype offset = find(from + length, depth + 1);
                auto it = std::find_if(candidates.begin(), candidates.end(),
                                       [length](const Candidate &c) { return c.keyLength == length; });
                if (it != candidates.end())
                    it->offset = offset;
                else
                    candidates.append({length, offset});
            } else {
                skipValue();
            }
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ',')
                ++m_pos;
        }
        qsizetype best = -1;
        qsizetype bestLength = -1;
        for (const Candidate &candidate : candidates) {
            if (candidate.offset >= 0 && candidate.keyLength > bestLength) {
                best = candidate.offset;
                bestLength = candidate.keyLength;
            }
        }
        return best;
    }

    // At '['; from is just after the '[' of the path.
    qsizetype findInArray(qsizetype from, int depth)
    {
        qsizetype close = from;
        qint64 wanted = 0;
        while (close < m_path.size() && m_path.at(close).isDigit() && wanted <= m_size) {
            wanted = wanted * 10 + m_path.at(close).digitValue();
            ++close;
        }
        if (close == from || close >= m_path.size() || m_path.at(close) != QLatin1Char(']')) {
            skipValue();
            return -1;
        }
        qsizetype result = -1;
        ++m_pos;
        for (qint64 index = 0;; ++index) {
            skipWhitespace();
            // Text that is not JSON (which the caller promised) must still end the scan.
            const qsizetype before = m_pos;
            if (m_pos >= m_size)
                break;
            if (m_data[m_pos] == ']') {
                ++m_pos;
                break;
            }
            if (index == wanted)
                result = find(close + 1, depth + 1);
            else
                skipValue();
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ',')
                ++m_pos;
            else if (m_pos == before)
                break;
        }
        return result;
    }

    void skipWhitespace()
    {
        while (m_pos < m_size && isWhitespace(m_data[m_pos]))
            ++m_pos;
    }

    // At '"': moves past the closing quote.
    void skipString()
    {
        ++m_pos;
        while (m_pos < m_size && m_data[m_pos] != '"')
            m_pos += m_data[m_pos] == '\\' ? 2 : 1;
        m_pos = qMin(m_pos + 1, m_size);
    }

    // Any value, iteratively: nesting depth costs nothing.
    void skipValue()
    {
        skipWhitespace();
        if (m_pos >= m_size)
            return;
        const char c = m_data[m_pos];
        if (c == '"') {
            skipString();
            return;
        }
        if (c == '{' || c == '[') {
            qsizetype depth = 0;
            while (m_pos < m_size) {
                const char d = m_data[m_pos];
                if (d == '"') {
                    skipString();
                    continue;
                }
                if (d == '{' || d == '[')
                    ++depth;
                else if (d == '}' || d == ']')
                    --depth;
                ++m_pos;
                if (depth == 0)
                    return;
            }
            return;
        }
        while (m_pos < m_size) {
            const char d = m_data[m_pos];
            if (d == ',' || d == '}' || d == ']' || isWhitespace(d))
                break;
            ++m_pos;
        }
    }

    // At '"': decodes the key into m_key (UTF-16, escapes resolved, as QJsonDocument does) and
    // moves past the closing quote.
    void readKey()
    {
        m_key.resize(0);
        ++m_pos;
        qsizetype chunk = m_pos;
        bool escaped = false;
        auto flush = [this, &chunk] {
            // A U+FEFF at the start of a chunk belongs to the key (QJsonDocument keeps it);
            // QString::fromUtf8 would drop it as a byte order mark.
            if (m_pos > chunk) {
                QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::ConvertInitialBom);
                m_key.append(decoder.decode(QByteArrayView(m_data + chunk, m_pos - chunk)));
            }
        };
        while (m_pos < m_size && m_data[m_pos] != '"') {
            if (m_data[m_pos] != '\\') {
                ++m_pos;
                continue;
            }
            flush();
            escaped = true;
            ++m_pos;
            if (m_pos >= m_size)
                break;
            const char e = m_data[m_pos++];
            switch (e) {
            case 'b':
                m_key.append(QLatin1Char('\b'));
                break;
            case 'f':
                m_key.append(QLatin1Char('\f'));
                break;
            case 'n':
                m_key.append(QLatin1Char('\n'));
                break;
            case 'r':
                m_key.append(QLatin1Char('\r'));
                break;
            case 't':
                m_key.append(QLatin1Char('\t'));
                break;
            case 'u': {
                char16_t unit = 0;
                int digits = 0;
                while (digits < 4 && m_pos < m_size && hexValue(m_data[m_pos]) >= 0) {
                    unit = char16_t(unit * 16 + hexValue(m_data[m_pos]));
                    ++m_pos;
                    ++digits;
                }
                m_key.append(QChar(unit)); // surrogates are kept as code units, as QString does
                break;
            }
            default: // '"', '\\', '/'
                m_key.append(QLatin1Char(e));
                break;
            }
            chunk = m_pos;
        }
        flush();
        // A key without escapes is decoded by QJsonDocument like QString::fromUtf8, which drops a
        // leading U+FEFF; with an escape anywhere, it keeps it.
        if (!escaped && m_key.startsWith(QChar(0xFEFF)))
            m_key.remove(0, 1);
        m_pos = qMin(m_pos + 1, m_size);
    }

    const char *m_data;
    qsizetype m_size;
    QStringView m_path;
    qsizetype m_pos = 0;
    QString m_key;
};

} // namespace

JsonLocator::JsonLocator(const QByteArray &text)
    : m_text(text)
{ }

std::optional<qsizetype> JsonLocator::offsetOf(const QString &path) const
{
    if (!path.startsWith(QLatin1Char('$')))
        return std::nullopt;
    PathScanner scanner(m_text, path);
    const qsizetype offset = scanner.find(1, 0);
    if (offset < 0)
        return std::nullopt;
    return offset;
}

std::optional<JsonLocator::Position> JsonLocator::locate(const QString &path) const
{
    const auto offset = offsetOf(path);
    if (!offset)
        return std::nullopt;
    return positionIn(m_text, int(*offset));
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
