#pragma once

#include "core/catalog/jsonlocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

// The JSON locator's property (issue 20): on every text QJsonDocument accepts, for every path
// to a value (up to a bound), JsonLocator::offsetOf() points at the start of that very value.
// Checked by fuzz_jsonlocator and, on sample inputs, by tst_fuzzregressions.
namespace JsonProperty {

struct PathValue
{
    QString path;
    QJsonValue value;
    bool ambiguous = false; // a key along the path holds '.' or '[': the path may name several values
};

inline void collect(const QJsonValue &value, const QString &path, bool ambiguous, int depth,
                    QList<PathValue> &out, int maxPaths)
{
    if (out.size() >= maxPaths)
        return;
    out.append({path, value, ambiguous});
    if (depth >= 64)
        return;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        // "$.a.b" names both {"a": {"b": ...}} and {"a.b": ...}: below an object with such a
        // key, a path may name several values, and the locator may find either.
        bool odd = ambiguous;
        for (auto it = o.begin(); it != o.end() && !odd; ++it)
            odd = it.key().contains(QLatin1Char('.')) || it.key().contains(QLatin1Char('['));
        // QJsonObject keeps "a" and "\uFEFFa" (raw) apart but key() shows both as "a" (it drops
        // a leading U+FEFF): the path then names two values, as with a dotted key.
        const QStringList keys = o.keys();
        odd = odd || QSet<QString>(keys.cbegin(), keys.cend()).size() != keys.size();
        for (auto it = o.begin(); it != o.end() && out.size() < maxPaths; ++it)
            collect(it.value(), path + QLatin1Char('.') + it.key(), odd, depth + 1, out, maxPaths);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size() && out.size() < maxPaths; ++i)
            collect(a.at(i), path + QStringLiteral("[%1]").arg(i), ambiguous, depth + 1, out, maxPaths);
    }
}

// The end (exclusive) of the JSON value that starts at offset: a string, a container or a
// literal/number. Assumes valid JSON, as QJsonDocument accepted the whole text.
inline qsizetype valueEnd(const QByteArray &text, qsizetype offset)
{
    const qsizetype size = text.size();
    qsizetype i = offset;
    auto skipString = [&]() { // at '"'
        for (++i; i < size; ++i) {
            if (text.at(i) == '\\')
                ++i;
            else if (text.at(i) == '"')
                return ++i;
        }
        return i;
    };
    if (i >= size)
        return size;
    const char c = text.at(i);
    if (c == '"')
        return skipString();
    if (c == '{' || c == '[') {
        int depth = 0;
        while (i < size) {
            const char d = text.at(i);
            if (d == '"') {
                skipString();
                continue;
            }
            if (d == '{' || d == '[')
                ++depth;
            else if ((d == '}' || d == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return size;
    }
    while (i < size && !QByteArrayView(",]} \t\r\n").contains(text.at(i)))
        ++i;
    return i;
}

// Empty when the property holds for text (or QJsonDocument rejects it), else what failed.
inline QString check(const QByteArray &text, int maxPaths = 400)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    QList<PathValue> paths;
    collect(root, QStringLiteral("$"), false, 0, paths, maxPaths);
    const JsonLocator locator(text);
    for (const PathValue &pv : paths) {
        const std::optional<qsizetype> offset = locator.offsetOf(pv.path);
        if (!offset) {
            if (pv.ambiguous)
                continue;
            return QStringLiteral("%1: not located").arg(pv.path);
        }
        if (*offset < 0 || *offset >= text.size())
            return QStringLiteral("%1: offset %2 outside the text").arg(pv.path).arg(*offset);
        const QByteArray valueText = text.mid(*offset, valueEnd(text, *offset) - *offset);
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + valueText + "]");
        const bool same =
                wrapped.isArray() && wrapped.array().size() == 1 && wrapped.array().at(0) == pv.value;
        if (!same && !pv.ambiguous)
            return QStringLiteral("%1: offset %2 holds %3, not the parsed value")
                    .arg(pv.path)
                    .arg(*offset)
                    .arg(QString::fromUtf8(valueText.left(80)));
        if (!same && !wrapped.isArray())
            return QStringLiteral("%1: offset %2 is not the start of a value").arg(pv.path).arg(*offset);
        // Line and column agree with the offset.
        const std::optional<JsonLocator::Position> pos = locator.locate(pv.path);
        const JsonLocator::Position expected = JsonLocator::positionIn(text, int(*offset));
        if (!pos || pos->line != expected.line || pos->column != expected.column)
            return QStringLiteral("%1: locate() and offsetOf() disagree").arg(pv.path);
    }
    return {};
}

} // namespace JsonProperty
