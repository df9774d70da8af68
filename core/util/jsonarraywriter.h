#pragma once

#include <QJsonObject>

class QTextStream;

// Writes a JSON array of objects one element at a time, byte for byte as
// QJsonDocument(array).toJson(QJsonDocument::Indented) would, so that a large listing never
// holds the whole array, its document and its text in memory at once.
class JsonArrayWriter
{
public:
    explicit JsonArrayWriter(QTextStream &out);

    void append(const QJsonObject &object);
    // Closes the array; nothing may be appended after.
    void finish();

private:
    QTextStream &m_out;
    bool m_empty = true;
};
