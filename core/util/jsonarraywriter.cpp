#include "jsonarraywriter.h"

#include <QJsonDocument>
#include <QTextStream>

JsonArrayWriter::JsonArrayWriter(QTextStream &out)
    : m_out(out)
{
    m_out << "[\n";
}

void JsonArrayWriter::append(const QJsonObject &object)
{
    // The object as a document of its own, one level deeper: every line indented 4 spaces.
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (!m_empty)
        m_out << ",\n";
    m_empty = false;
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        if (from > 0)
            m_out << '\n';
        m_out << "    " << QString::fromUtf8(text.constData() + from, end - from);
        from = end + 1;
    }
}

void JsonArrayWriter::finish()
{
    if (!m_empty)
        m_out << '\n';
    m_out << "]\n";
}
