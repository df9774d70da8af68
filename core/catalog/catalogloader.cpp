#include "catalogloader.h"

#include "jsonlocator.h"
#include "networksyntax.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace {

// Thrown inside this file only, to abandon a load at the first error.
struct Failure
{
    QString path;
    QString message;
};

[[noreturn]] void fail(const QString &path, const QString &message)
{
    throw Failure{path, message};
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// Field access with type checks; every failure names the JSON path.
class Reader
{
public:
    static QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            fail(path, CatalogLoader::tr("expected an object"));
        return v.toObject();
    }

    static void checkKeys(const QJsonObject &o, const QString &path, const QStringList &required,
                          const QStringList &optional = {})
    {
        for (const QString &key : required) {
            if (!o.contains(key))
                fail(path, CatalogLoader::tr("missing required field %1").arg(quoted(key)));
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!required.contains(it.key()) && !optional.contains(it.key()))
                fail(path + QLatin1Char('.') + it.key(),
                     CatalogLoader::tr("unknown field %1").arg(quoted(it.key())));
        }
    }

    static QString string(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString p = path + QLatin1Char('.') + key;
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isString())
            fail(p, CatalogLoader::tr("expected a string"));
        const QString s = v.toString();
        if (NetworkSyntax::hasControlCharacters(s))
            fail(p, CatalogLoader::tr("control characters are not allowed"));
        return s;
    }

    static QString nonEmptyString(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString s = string(o, key, path);
        if (s.trimmed().isEmpty())
            fail(path + QLatin1Char('.') + key, CatalogLoader::tr("must not be empty"));
        return s;
    }

    static QString choice(const QJsonObject &o, const QString &key, const QString &path,
                          const QStringList &allowed)
    {
        const QString s = string(o, key, path);
        if (!allowed.contains(s))
            fail(path + QLatin1Char('.') + key,
                 CatalogLoader::tr("%1 is not one of: %2")
                         .arg(quoted(s), allowed.join(QStringLiteral(", "))));
        return s;
    }

    static QString id(const QJsonObject &o, const QString &key, const QString &path)
    {
        static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9.-]*$"));
        const QString s = string(o, key, path);
        if (!re.match(s).hasMatch())
            fail(path + QLatin1Char('.') + key,
                 CatalogLoader::tr("%1 is not a valid id (lower-case letters, digits, '.' and '-')")
                         .arg(quoted(s)));
        return s;
    }

    static LocalizedText text(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString p = path + QLatin1Char('.') + key;
        if (!o.contains(key))
            return {};
        const QJsonObject t = object(o.value(key), p);
        checkKeys(t, p, {QStringLiteral("en"), QStringLiteral("ja")});
        return {nonEmptyString(t, QStringLiteral("en"), p), nonEmptyString(t, QStringLiteral("ja"), p)};
    }

    static bool boolean(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            fail(path + QLatin1Char('.') + key, CatalogLoader::tr("expected true or false"));
        return v.toBool();
    }

    static QJsonArray array(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (!v.isArray())
            fail(path + QLatin1Char('.') + key, CatalogLoader::tr("expected an array"));
        return v.toArray();
    }

    static QDate date(const QJsonObject &o, const QString &key, const QString &path)
    {
        static const QRegularExpression re(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        const QString s = string(o, key, path);
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!re.match(s).hasMatch() || !d.isValid())
            fail(path + QLatin1Char('.') + key,
                 CatalogLoader::tr("%1 is not a date (YYYY-MM-DD)").arg(quoted(s)));
        return d;
    }
};

QString indexed(const QString &path, const QString &key, int i)
{
    return path + QLatin1Char('.') + key + QStringLiteral("[%1]").arg(i);
}

template<typename T>
void checkUnique(const QList<T> &items, const QString &listName)
{
    QSet<QString> seen;
    for (int i = 0; i < items.size(); ++i) {
        if (seen.contains(items.at(i).id))
            fail(indexed(QStringLiteral("$"), listName, i) + QStringLiteral(".id"),
                 CatalogLoader::tr("duplicate id %1").arg(quoted(items.at(i).id)));
        seen.insert(items.at(i).id);
    }
}

Endpoint readEndpoint(const QJsonValue &v, const QString &path)
{
    const QJsonObject o = Reader::object(v, path);
    if (o.size() != 1)
        fail(path, CatalogLoader::tr("an endpoint has exactly one of: host, url, address, cidr"));
    const QString key = o.begin().key();
    const auto kind = Endpoint::kindFromName(key);
    if (!kind)
        fail(path + QLatin1Char('.') + key, CatalogLoader::tr("unknown field %1").arg(quoted(key)));
    const QString value = Reader::nonEmptyString(o, key, path);
    const QString p = path + QLatin1Char('.') + key;
    switch (*kind) {
    case Endpoint::Kind::Host:
        if (!NetworkSyntax::isValidHostName(value, true))
            fail(p, CatalogLoader::tr("%1 is not a valid host name").arg(quoted(value)));
        break;
    case Endpoint::Kind::Url: {
        const QUrl url(value, QUrl::StrictMode);
        const bool schemeOk = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
        if (!url.isValid() || !schemeOk || !NetworkSyntax::isValidHostName(url.host(), true)
            || !url.userInfo().isEmpty() || url.toString() != value)
            fail(p, CatalogLoader::tr("%1 is not a valid http or https URL").arg(quoted(value)));
        break;
    }
    case Endpoint::Kind::Address:
        if (!NetworkSyntax::parseAddress(value))
            fail(p, CatalogLoader::tr("%1 is not a valid IPv4 or IPv6 address").arg(quoted(value)));
        break;
    case Endpoint::Kind::Cidr:
        if (!NetworkSyntax::parseCidr(value))
            fail(p,
                 CatalogLoader::tr("%1 is not a valid subnet (network address/prefix length)")
                         .arg(quoted(value)));
        break;
    }
    return {*kind, value};
}

PortSpec readPort(const QJsonValue &v, const QString &path)
{
    const QJsonObject o = Reader::object(v, path);
    Reader::checkKeys(o, path,
                      {QStringLiteral("port"), QStringLiteral("transport"), QStringLiteral("protocol")});
    const QJsonValue port = o.value(QStringLiteral("port"));
    const double n = port.toDouble(-1);
    if (!port.isDouble() || n != double(qint64(n)))
        fail(path + QStringLiteral(".port"), CatalogLoader::tr("expected an integer"));
    if (n < 1 || n > 65535)
        fail(path + QStringLiteral(".port"),
             CatalogLoader::tr("port %1 is out of range (1-65535)").arg(qint64(n)));
    static const QRegularExpression protocolRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 ._/+-]{0,31}$"));
    const QString protocol = Reader::nonEmptyString(o, QStringLiteral("protocol"), path);
    if (!protocolRe.match(protocol).hasMatch())
        fail(path + QStringLiteral(".protocol"),
             CatalogLoader::tr("%1 is not a protocol name").arg(quoted(protocol)));
    return {int(n),
            Reader::choice(o, QStringLiteral("transport"), path,
                           {QStringLiteral("tcp"), QStringLiteral("udp")}),
            protocol};
}

Entry readEntry(const QJsonValue &v, const QString &path, const Catalog &c)
{
    const QJsonObject o = Reader::object(v, path);
    Reader::checkKeys(o, path,
                      {QStringLiteral("id"), QStringLiteral("table"), QStringLiteral("sources"),
                       QStringLiteral("destination"), QStringLiteral("direction"), QStringLiteral("ports"),
                       QStringLiteral("requirement"), QStringLiteral("service"),
                       QStringLiteral("description"), QStringLiteral("endpoints")},
                      {QStringLiteral("condition"), QStringLiteral("notes"), QStringLiteral("configurable"),
                       QStringLiteral("validity")});
    Entry e;
    e.id = Reader::id(o, QStringLiteral("id"), path);
    e.table = Reader::string(o, QStringLiteral("table"), path);
    if (!c.table(e.table))
        fail(path + QStringLiteral(".table"), CatalogLoader::tr("unknown table %1").arg(quoted(e.table)));
    const QJsonArray sources = Reader::array(o, QStringLiteral("sources"), path);
    if (sources.isEmpty())
        fail(path + QStringLiteral(".sources"), CatalogLoader::tr("at least one source is required"));
    for (int i = 0; i < sources.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("sources"), i);
        if (!sources.at(i).isString())
            fail(p, CatalogLoader::tr("expected a string"));
        const QString id = sources.at(i).toString();
        if (!c.component(id))
            fail(p, CatalogLoader::tr("unknown component %1").arg(quoted(id)));
        if (e.sources.contains(id))
            fail(p, CatalogLoader::tr("duplicate source %1").arg(quoted(id)));
        e.sources.append(id);
    }
    e.destination = Reader::string(o, QStringLiteral("destination"), path);
    if (!c.component(e.destination))
        fail(path + QStringLiteral(".destination"),
             CatalogLoader::tr("unknown component %1").arg(quoted(e.destination)));
    e.direction =
            Reader::choice(o, QStringLiteral("direction"), path,
                           {QStringLiteral("inbound"), QStringLiteral("outbound"), QStringLiteral("local")});
    const QJsonArray ports = Reader::array(o, QStringLiteral("ports"), path);
    if (ports.isEmpty())
        fail(path + QStringLiteral(".ports"), CatalogLoader::tr("at least one port is required"));
    for (int i = 0; i < ports.size(); ++i)
        e.ports.append(readPort(ports.at(i), indexed(path, QStringLiteral("ports"), i)));
    e.requirement = Reader::choice(
            o, QStringLiteral("requirement"), path,
            {QStringLiteral("required"), QStringLiteral("optional"), QStringLiteral("conditional")});
    e.condition = Reader::text(o, QStringLiteral("condition"), path);
    if (e.requirement == QLatin1String("conditional") && e.condition.isEmpty())
        fail(path, CatalogLoader::tr("a conditional entry needs a condition"));
    e.service = Reader::text(o, QStringLiteral("service"), path);
    e.description = Reader::text(o, QStringLiteral("description"), path);
    e.notes = Reader::text(o, QStringLiteral("notes"), path);
    e.configurable = Reader::text(o, QStringLiteral("configurable"), path);
    if (o.contains(QStringLiteral("validity"))) {
        e.validity = Reader::string(o, QStringLiteral("validity"), path);
        if (!c.validityRule(e.validity))
            fail(path + QStringLiteral(".validity"),
                 CatalogLoader::tr("unknown validity rule %1").arg(quoted(e.validity)));
    }
    const QJsonArray endpoints = Reader::array(o, QStringLiteral("endpoints"), path);
    QSet<QString> seen;
    for (int i = 0; i < endpoints.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("endpoints"), i);
        const Endpoint ep = readEndpoint(endpoints.at(i), p);
        const QString key = ep.value.toLower();
        if (seen.contains(key))
            fail(p, CatalogLoader::tr("duplicate endpoint %1").arg(quoted(ep.value)));
        seen.insert(key);
        e.endpoints.append(ep);
    }
    return e;
}

Catalog readCatalog(const QJsonObject &root)
{
    const QString $ = QStringLiteral("$");
    Reader::checkKeys(root, $,
                      {QStringLiteral("schemaVersion"), QStringLiteral("title"), QStringLiteral("components"),
                       QStringLiteral("tables"), QStringLiteral("entries")},
                      {QStringLiteral("source"), QStringLiteral("notes"), QStringLiteral("validity")});
    Catalog c;
    const QJsonValue version = root.value(QStringLiteral("schemaVersion"));
    if (!version.isDouble() || version.toDouble() != CatalogLoader::SchemaVersion)
        fail(QStringLiteral("$.schemaVersion"),
             CatalogLoader::tr("unsupported schema version %1 (this program reads version %2)")
                     .arg(version.isDouble() ? QString::number(version.toDouble())
                                             : CatalogLoader::tr("(not a number)"))
                     .arg(CatalogLoader::SchemaVersion));
    c.title = Reader::text(root, QStringLiteral("title"), $);
    c.source = Reader::string(root, QStringLiteral("source"), $);

    const QJsonArray notes = root.contains(QStringLiteral("notes"))
            ? Reader::array(root, QStringLiteral("notes"), $)
            : QJsonArray();
    for (int i = 0; i < notes.size(); ++i) {
        const QString p = indexed($, QStringLiteral("notes"), i);
        const QJsonObject o = Reader::object(notes.at(i), p);
        Reader::checkKeys(o, p, {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("text")});
        c.notes.append({Reader::id(o, QStringLiteral("id"), p), Reader::text(o, QStringLiteral("title"), p),
                        Reader::text(o, QStringLiteral("text"), p)});
    }
    checkUnique(c.notes, QStringLiteral("notes"));

    const QJsonArray rules = root.contains(QStringLiteral("validity"))
            ? Reader::array(root, QStringLiteral("validity"), $)
            : QJsonArray();
    for (int i = 0; i < rules.size(); ++i) {
        const QString p = indexed($, QStringLiteral("validity"), i);
        const QJsonObject o = Reader::object(rules.at(i), p);
        Reader::checkKeys(o, p,
                          {QStringLiteral("id"), QStringLiteral("appliesTo"),
                           QStringLiteral("accountsCreatedBefore"), QStringLiteral("validUntil"),
                           QStringLiteral("afterwards")},
                          {QStringLiteral("howToCheck")});
        ValidityRule r;
        r.id = Reader::id(o, QStringLiteral("id"), p);
        r.appliesTo = Reader::text(o, QStringLiteral("appliesTo"), p);
        r.accountsCreatedBefore = Reader::date(o, QStringLiteral("accountsCreatedBefore"), p);
        r.validUntil = Reader::date(o, QStringLiteral("validUntil"), p);
        r.afterwards = Reader::text(o, QStringLiteral("afterwards"), p);
        r.howToCheck = Reader::text(o, QStringLiteral("howToCheck"), p);
        c.validityRules.append(r);
    }
    checkUnique(c.validityRules, QStringLiteral("validity"));

    const QJsonArray components = Reader::array(root, QStringLiteral("components"), $);
    for (int i = 0; i < components.size(); ++i) {
        const QString p = indexed($, QStringLiteral("components"), i);
        const QJsonObject o = Reader::object(components.at(i), p);
        Reader::checkKeys(
                o, p, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("zone")},
                {QStringLiteral("role"), QStringLiteral("customerSide"), QStringLiteral("siteKey")});
        Component comp;
        comp.id = Reader::id(o, QStringLiteral("id"), p);
        comp.name = Reader::text(o, QStringLiteral("name"), p);
        comp.zone = Reader::choice(
                o, QStringLiteral("zone"), p,
                {QStringLiteral("customer"), QStringLiteral("internet"), QStringLiteral("trend-cloud")});
        comp.isRole = Reader::boolean(o, QStringLiteral("role"), p);
        comp.isCustomerSide = Reader::boolean(o, QStringLiteral("customerSide"), p);
        if (o.contains(QStringLiteral("siteKey")))
            comp.siteKey = Reader::choice(o, QStringLiteral("siteKey"), p,
                                          {QStringLiteral("dns"), QStringLiteral("ntp"),
                                           QStringLiteral("syslog"), QStringLiteral("relay"),
                                           QStringLiteral("sps"), QStringLiteral("vcenter")});
        c.components.append(comp);
    }
    checkUnique(c.components, QStringLiteral("components"));

    const QJsonArray tables = Reader::array(root, QStringLiteral("tables"), $);
    for (int i = 0; i < tables.size(); ++i) {
        const QString p = indexed($, QStringLiteral("tables"), i);
        const QJsonObject o = Reader::object(tables.at(i), p);
        Reader::checkKeys(o, p, {QStringLiteral("id"), QStringLiteral("section"), QStringLiteral("title")});
        c.tables.append(
                {Reader::id(o, QStringLiteral("id"), p),
                 Reader::choice(o, QStringLiteral("section"), p,
                                {QStringLiteral("ports"), QStringLiteral("urls"), QStringLiteral("ips")}),
                 Reader::text(o, QStringLiteral("title"), p)});
    }
    checkUnique(c.tables, QStringLiteral("tables"));

    const QJsonArray entries = Reader::array(root, QStringLiteral("entries"), $);
    for (int i = 0; i < entries.size(); ++i)
        c.entries.append(readEntry(entries.at(i), indexed($, QStringLiteral("entries"), i), c));
    checkUnique(c.entries, QStringLiteral("entries"));
    return c;
}

} // namespace

CatalogLoader::Result CatalogLoader::loadFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        Result r;
        r.error.file = fileName;
        r.error.message = tr("cannot open the file: %1").arg(file.errorString());
        return r;
    }
    if (file.size() > MaxFileSize) {
        Result r;
        r.error.file = fileName;
        r.error.message = tr("the file is larger than %1 MiB").arg(MaxFileSize / (1024 * 1024));
        return r;
    }
    return loadData(file.readAll(), fileName);
}

CatalogLoader::Result CatalogLoader::loadData(const QByteArray &data, const QString &fileName)
{
    Result r;
    r.error.file = fileName;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto pos = JsonLocator::positionIn(data, parseError.offset);
        r.error.line = pos.line;
        r.error.column = pos.column;
        r.error.message = tr("invalid JSON: %1").arg(parseError.errorString());
        return r;
    }
    if (!doc.isObject()) {
        r.error.path = QStringLiteral("$");
        r.error.line = 1;
        r.error.column = 1;
        r.error.message = tr("the top level must be a JSON object");
        return r;
    }
    try {
        r.catalog = readCatalog(doc.object());
    } catch (const Failure &f) {
        r.catalog.reset();
        r.error.path = f.path;
        r.error.message = f.message;
        const JsonLocator locator(data);
        // A missing field has no position: point at the closest enclosing value that exists.
        QString path = f.path;
        auto pos = locator.locate(path);
        while (!pos && !path.isEmpty()) {
            const int cut = qMax(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
            if (cut <= 0)
                break;
            path.truncate(cut);
            pos = locator.locate(path);
        }
        if (pos) {
            r.error.line = pos->line;
            r.error.column = pos->column;
        }
    }
    return r;
}

QString CatalogLoader::builtinFileName()
{
    return QStringLiteral(":/catalog/catalog.json");
}
