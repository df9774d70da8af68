#pragma once

#include <QString>

#include <optional>

// The two languages the product speaks. Catalog text carries both; UI strings come from tr().
enum class Language { English, Japanese };

QString languageCode(Language language);
std::optional<Language> languageFromCode(const QString &code);
// The language a first start should use: Japanese when the system locale is Japanese.
Language systemLanguage();
