#pragma once

#include "core/i18n/language.h"

#include <QByteArray>
#include <QString>

// The bytes of a CSV file. Excel reads a UTF-8 CSV without a byte order mark in the system's
// code page (Shift_JIS on Japanese Windows), so Japanese text turns to mojibake; with the mark
// it reads UTF-8. Other readers (LibreOffice, Python's csv with utf-8-sig, awk) take either.
class CsvEncoding
{
public:
    static QByteArray encode(const QString &text, bool byteOrderMark);
    static QByteArray encode(const QByteArray &utf8, bool byteOrderMark);
    // What a save dialog proposes until the user chooses: on in Japanese.
    static bool isByteOrderMarkDefault(Language language) { return language == Language::Japanese; }
};
