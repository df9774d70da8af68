#pragma once

#include "core/i18n/language.h"

#include <QString>

// A catalog text in both languages.
struct LocalizedText
{
    QString en;
    QString ja;

    QString text(Language language) const { return language == Language::Japanese ? ja : en; }
    bool isEmpty() const { return en.isEmpty() && ja.isEmpty(); }
    // Both languages, for searching.
    QString combined() const;
};
