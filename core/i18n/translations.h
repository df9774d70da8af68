#pragma once

#include "core/i18n/language.h"

// Installs the embedded UI translation for a language into the application. English is the
// source language and needs no translator.
class Translations
{
public:
    static bool install(Language language);
    static Language current();
};
