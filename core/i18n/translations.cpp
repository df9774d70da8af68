#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {
struct State
{
    QTranslator qtBase; // Qt's own strings (standard dialogs, buttons)
    QTranslator portolan;
    Language current = Language::English;
};

State &state()
{
    static State s;
    return s;
}
} // namespace

bool Translations::install(Language language)
{
    State &s = state();
    QCoreApplication::removeTranslator(&s.portolan);
    QCoreApplication::removeTranslator(&s.qtBase);
    s.current = language;
    const QString code = languageCode(language);
    // English is the source language; its file holds only the plural forms ("%n row").
    if (language != Language::English
        && s.qtBase.load(QStringLiteral("qtbase_") + code,
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&s.qtBase);
    if (!s.portolan.load(QStringLiteral("portolan_") + code, QStringLiteral(":/i18n")))
        return false;
    return QCoreApplication::installTranslator(&s.portolan);
}

Language Translations::current()
{
    return state().current;
}
