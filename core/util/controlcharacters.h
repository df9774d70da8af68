#pragma once

#include <QString>

// Text from the network or a user's file (a proxy's X-Squid-Error header, a certificate's
// subject, a catalog string) may hold control characters: ESC and BEL drive a terminal (colours,
// the window title, clearing the screen, OSC 8 links), CR and LF forge lines of a report, NUL
// truncates it, and XML forbids most of them. escaped() makes them visible instead, for every
// text output: C0 (U+0000 to U+001F) and DEL as \xHH, C1 (U+0080 to U+009F) as \u00HH.
// Everything else, other scripts included, is unchanged.
class ControlCharacters
{
public:
    static bool isControl(QChar c);
    static bool contains(const QString &text);
    static QString escaped(const QString &text);
};
