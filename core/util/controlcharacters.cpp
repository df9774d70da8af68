#include "controlcharacters.h"

#include <algorithm>

bool ControlCharacters::isControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7f && u <= 0x9f);
}

bool ControlCharacters::contains(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), &ControlCharacters::isControl);
}

QString ControlCharacters::escaped(const QString &text)
{
    if (!contains(text))
        return text;
    QString result;
    result.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!isControl(c))
            result.append(c);
        else if (u <= 0x7f)
            result.append(QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0')));
        else
            result.append(QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0')));
    }
    return result;
}
