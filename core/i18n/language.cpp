#include "language.h"

#include <QLocale>

QString languageCode(Language language)
{
    return language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

std::optional<Language> languageFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("en") || c.startsWith(QLatin1String("en_")) || c.startsWith(QLatin1String("en-")))
        return Language::English;
    if (c == QLatin1String("ja") || c.startsWith(QLatin1String("ja_")) || c.startsWith(QLatin1String("ja-")))
        return Language::Japanese;
    return std::nullopt;
}

Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Japanese ? Language::Japanese : Language::English;
}
