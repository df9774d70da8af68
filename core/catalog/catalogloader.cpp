#include "catalogloader.h"

#include "core/catalog/jsonlocator.h"
#include "core/catalog/networksyntax.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace {

// Thrown inside this file only, to abandon a load at the first error.
struct Failure
{
    QString path;
    QString message;
};

// Ids and names are echoed in messages; this bounds what a hostile file can make us print.
constexpr int MaxIdLength = 64;

// Text from the file that goes into a message: control characters made visible, length bounded,
// so that a hostile file can neither drive the terminal nor flood the message.
QString printable(const QString &s)
{
    QString out;
    for (const QChar ch : s.left(MaxIdLength)) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7f || (ch.unicode() >= 0x80 && ch.unicode() < 0xa0))
            out += QStringLiteral("\\x%1").arg(ch.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    if (s.size() > MaxIdLength)
        out += QChar(0x2026);
    return out;
}

[[noreturn]] void fail(const QString &path, const QString &message)
{
    // A path holds the file's keys; bound and clean it like any quoted value.
    QString clean;
    for (const QChar ch : path)
        clean += (ch.unicode() < 0x20 || ch.unicode() == 0x7f) ? QChar(0xfffd) : ch;
    throw Failure{clean.left(1024), message};
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + printable(s) + QLatin1Char('"');
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
                fail(path + QLatin1Char('.') + it.key().left(MaxIdLength)
                             + (it.key().size() > MaxIdLength ? QStringLiteral("...") : QString()),
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
        if (s.size() > CatalogLoader::MaxTextLength)
            fail(p,
                 CatalogLoader::tr("%n characters, more than the %1 allowed", nullptr, int(s.size()))
                         .arg(CatalogLoader::MaxTextLength));
        return s;
    }

    static QString nonEmptyString(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString s = string(o, key, path);
        if (s.trimmed().isEmpty())
            fail(path + QLatin1Char('.') + key, CatalogLoader::tr("must not be empty"));
        return s;
    }

    template<typename E>
    static E choice(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString s = string(o, key, path);
        const std::optional<E> value = Vocabulary::fromName<E>(s);
        if (!value)
            fail(path + QLatin1Char('.') + key,
                 CatalogLoader::tr("%1 is not one of: %2")
                         .arg(quoted(s), Vocabulary::names<E>().join(QStringLiteral(", "))));
        return *value;
    }

    static QString id(const QJsonObject &o, const QString &key, const QString &path)
    {
        static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9.-]*$"));
        const QString s = string(o, key, path);
        if (s.size() > MaxIdLength || !re.match(s).hasMatch())
            fail(path + QLatin1Char('.') + key,
                 CatalogLoader::tr("%1 is not a valid id (up to %2 lower-case letters, digits, '.' and '-')")
                         .arg(quoted(s))
                         .arg(MaxIdLength));
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

QList<Provenance> readProvenance(const QJsonObject &o, const QString &path, const Catalog &c, bool required)
{
    QList<Provenance> result;
    if (!required && !o.contains(QStringLiteral("provenance")))
        return result;
    const QJsonArray refs = Reader::array(o, QStringLiteral("provenance"), path);
    if (required && refs.isEmpty())
        fail(path + QStringLiteral(".provenance"), CatalogLoader::tr("at least one table row is required"));
    for (int i = 0; i < refs.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("provenance"), i);
        if (!refs.at(i).isString())
            fail(p, CatalogLoader::tr("expected a string"));
        const QString ref = refs.at(i).toString();
        const int hash = ref.indexOf(QLatin1Char('#'));
        const Provenance prov{ref.left(hash), hash < 0 ? QString() : ref.mid(hash + 1)};
        const CatalogTable *table = c.table(prov.table);
        if (hash < 0 || !table || !table->row(prov.row))
            fail(p, CatalogLoader::tr("%1 is not a row of a table (TABLE#ROW)").arg(quoted(ref)));
        if (result.contains(prov))
            fail(p, CatalogLoader::tr("duplicate table row %1").arg(quoted(ref)));
        result.append(prov);
    }
    return result;
}

QList<Feature> readFeatures(const QJsonObject &o, const QString &path)
{
    QList<Feature> result;
    if (!o.contains(QStringLiteral("features")))
        return result;
    const QJsonArray names = Reader::array(o, QStringLiteral("features"), path);
    for (int i = 0; i < names.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("features"), i);
        const auto feature =
                names.at(i).isString() ? Vocabulary::fromName<Feature>(names.at(i).toString()) : std::nullopt;
        if (!feature)
            fail(p,
                 CatalogLoader::tr("not one of: %1")
                         .arg(Vocabulary::names<Feature>().join(QStringLiteral(", "))));
        if (result.contains(*feature))
            fail(p, CatalogLoader::tr("duplicate feature %1").arg(quoted(names.at(i).toString())));
        result.append(*feature);
    }
    return result;
}

// A JSON number that must be an integer in [min, max], checked as a double before any
// conversion (1e300 must not reach an integer cast).
int integer(const QJsonValue &v, const QString &path, int min, int max)
{
    const double n = v.toDouble(-1);
    if (!v.isDouble() || !std::isfinite(n) || n != std::floor(n))
        fail(path, CatalogLoader::tr("expected an integer"));
    if (n < min || n > max)
        fail(path,
             CatalogLoader::tr("%1 is out of range (%2-%3)")
                     .arg(QString::number(n, 'g', 17))
                     .arg(min)
                     .arg(max));
    return int(n);
}

PortSpec readPort(const QJsonValue &v, const QString &path)
{
    const QJsonObject o = Reader::object(v, path);
    Reader::checkKeys(o, path, {QStringLiteral("port"), QStringLiteral("transport")},
                      {QStringLiteral("protocol")});
    PortSpec spec;
    spec.port = integer(o.value(QStringLiteral("port")), path + QStringLiteral(".port"), 1, 65535);
    spec.transport = Reader::choice<Transport>(o, QStringLiteral("transport"), path);
    if (o.contains(QStringLiteral("protocol"))) {
        static const QRegularExpression protocolRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 ._/+-]{0,31}$"));
        spec.protocol = Reader::nonEmptyString(o, QStringLiteral("protocol"), path);
        if (!protocolRe.match(spec.protocol).hasMatch())
            fail(path + QStringLiteral(".protocol"),
                 CatalogLoader::tr("%1 is not a protocol name").arg(quoted(spec.protocol)));
    }
    return spec;
}

EndpointList readEndpointList(const QJsonValue &v, const QString &path, const Catalog &c, int index)
{
    const QJsonObject o = Reader::object(v, path);
    Reader::checkKeys(o, path,
                      {QStringLiteral("id"), QStringLiteral("provenance"), QStringLiteral("endpoints")},
                      {QStringLiteral("service"), QStringLiteral("description"), QStringLiteral("condition"),
                       QStringLiteral("features"), QStringLiteral("agentVersions"), QStringLiteral("ports"),
                       QStringLiteral("validity")});
    EndpointList list;
    list.id = Reader::id(o, QStringLiteral("id"), path);
    list.service = Reader::text(o, QStringLiteral("service"), path);
    list.description = Reader::text(o, QStringLiteral("description"), path);
    list.condition = Reader::text(o, QStringLiteral("condition"), path);
    list.features = readFeatures(o, path);
    if (o.contains(QStringLiteral("agentVersions"))) {
        const QString p = path + QStringLiteral(".agentVersions");
        const QJsonObject range = Reader::object(o.value(QStringLiteral("agentVersions")), p);
        Reader::checkKeys(range, p, {}, {QStringLiteral("from"), QStringLiteral("before")});
        static const QRegularExpression versionRe(QStringLiteral("^[0-9]{1,4}(\\.[0-9]{1,6}){0,3}$"));
        auto version = [&](const QString &key) {
            if (!range.contains(key))
                return QVersionNumber();
            const QString s = Reader::string(range, key, p);
            if (!versionRe.match(s).hasMatch())
                fail(p + QLatin1Char('.') + key,
                     CatalogLoader::tr("%1 is not a version (such as 20.0 or 20.0.0.1540)").arg(quoted(s)));
            return QVersionNumber::fromString(s);
        };
        list.agentVersions = {version(QStringLiteral("from")), version(QStringLiteral("before"))};
        if (list.agentVersions.isEmpty())
            fail(p, CatalogLoader::tr("give from, before or both"));
        if (!list.agentVersions.from.isNull() && !list.agentVersions.before.isNull()
            && list.agentVersions.from >= list.agentVersions.before)
            fail(p, CatalogLoader::tr("from must be lower than before"));
    }
    if (o.contains(QStringLiteral("ports"))) {
        const QJsonArray ports = Reader::array(o, QStringLiteral("ports"), path);
        if (ports.isEmpty())
            fail(path + QStringLiteral(".ports"), CatalogLoader::tr("leave ports out, or name at least one"));
        for (int i = 0; i < ports.size(); ++i) {
            const int port = integer(ports.at(i), indexed(path, QStringLiteral("ports"), i), 1, 65535);
            if (list.ports.contains(port))
                fail(indexed(path, QStringLiteral("ports"), i),
                     CatalogLoader::tr("duplicate port %1").arg(port));
            list.ports.append(port);
        }
    }
    if (o.contains(QStringLiteral("validity"))) {
        list.validity = Reader::string(o, QStringLiteral("validity"), path);
        if (!c.validityRule(list.validity))
            fail(path + QStringLiteral(".validity"),
                 CatalogLoader::tr("unknown validity rule %1").arg(quoted(list.validity)));
    }
    list.provenance = readProvenance(o, path, c, true);
    const QJsonArray endpoints = Reader::array(o, QStringLiteral("endpoints"), path);
    if (endpoints.isEmpty())
        fail(path + QStringLiteral(".endpoints"), CatalogLoader::tr("at least one endpoint is required"));
    QSet<QString> seen;
    for (int i = 0; i < endpoints.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("endpoints"), i);
        Endpoint ep = readEndpoint(endpoints.at(i), p);
        ep.list = index;
        const QString key = ep.value.toLower();
        if (seen.contains(key))
            fail(p, CatalogLoader::tr("duplicate endpoint %1").arg(quoted(ep.value)));
        seen.insert(key);
        list.endpoints.append(ep);
    }
    return list;
}

QString componentRef(const QJsonValue &v, const QString &path, const Catalog &c)
{
    if (!v.isString())
        fail(path, CatalogLoader::tr("expected a string"));
    const QString id = v.toString();
    if (!c.component(id))
        fail(path, CatalogLoader::tr("unknown component %1").arg(quoted(id)));
    return id;
}

Flow readFlow(const QJsonValue &v, const QString &path, const Catalog &c)
{
    const QJsonObject o = Reader::object(v, path);
    Reader::checkKeys(o, path,
                      {QStringLiteral("id"), QStringLiteral("initiators"), QStringLiteral("listener"),
                       QStringLiteral("ports"), QStringLiteral("requirement"), QStringLiteral("service"),
                       QStringLiteral("description"), QStringLiteral("provenance")},
                      {QStringLiteral("condition"), QStringLiteral("features"), QStringLiteral("notes"),
                       QStringLiteral("configurable"), QStringLiteral("networkRule"),
                       QStringLiteral("endpointLists"), QStringLiteral("narration")});
    Flow f;
    f.id = Reader::id(o, QStringLiteral("id"), path);
    const QJsonArray initiators = Reader::array(o, QStringLiteral("initiators"), path);
    if (initiators.isEmpty())
        fail(path + QStringLiteral(".initiators"), CatalogLoader::tr("at least one initiator is required"));
    for (int i = 0; i < initiators.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("initiators"), i);
        const QString id = componentRef(initiators.at(i), p, c);
        if (f.initiators.contains(id))
            fail(p, CatalogLoader::tr("duplicate initiator %1").arg(quoted(id)));
        f.initiators.append(id);
    }
    f.listener = componentRef(o.value(QStringLiteral("listener")), path + QStringLiteral(".listener"), c);
    const QJsonArray ports = Reader::array(o, QStringLiteral("ports"), path);
    if (ports.isEmpty())
        fail(path + QStringLiteral(".ports"), CatalogLoader::tr("at least one port is required"));
    for (int i = 0; i < ports.size(); ++i) {
        const PortSpec spec = readPort(ports.at(i), indexed(path, QStringLiteral("ports"), i));
        if (f.ports.contains(spec))
            fail(indexed(path, QStringLiteral("ports"), i), CatalogLoader::tr("duplicate port"));
        f.ports.append(spec);
    }
    f.requirement = Reader::choice<Requirement>(o, QStringLiteral("requirement"), path);
    f.condition = Reader::text(o, QStringLiteral("condition"), path);
    if (f.requirement == Requirement::Conditional && f.condition.isEmpty())
        fail(path, CatalogLoader::tr("a conditional flow needs a condition"));
    f.features = readFeatures(o, path);
    f.service = Reader::text(o, QStringLiteral("service"), path);
    f.description = Reader::text(o, QStringLiteral("description"), path);
    f.notes = Reader::text(o, QStringLiteral("notes"), path);
    f.configurable = Reader::text(o, QStringLiteral("configurable"), path);
    f.narration = Reader::text(o, QStringLiteral("narration"), path);
    f.needsNetworkRule = !o.contains(QStringLiteral("networkRule"))
            || Reader::boolean(o, QStringLiteral("networkRule"), path);
    f.provenance = readProvenance(o, path, c, true);
    const QJsonArray lists = o.contains(QStringLiteral("endpointLists"))
            ? Reader::array(o, QStringLiteral("endpointLists"), path)
            : QJsonArray();
    QSet<QString> seen;
    for (int i = 0; i < lists.size(); ++i) {
        const QString p = indexed(path, QStringLiteral("endpointLists"), i);
        if (!lists.at(i).isString())
            fail(p, CatalogLoader::tr("expected a string"));
        const QString id = lists.at(i).toString();
        const EndpointList *list = c.endpointList(id);
        if (!list)
            fail(p, CatalogLoader::tr("unknown endpoint list %1").arg(quoted(id)));
        if (f.endpointListIds.contains(id))
            fail(p, CatalogLoader::tr("duplicate endpoint list %1").arg(quoted(id)));
        for (int port : list->ports) {
            if (std::none_of(f.ports.cbegin(), f.ports.cend(),
                             [port](const PortSpec &s) { return s.port == port; }))
                fail(p,
                     CatalogLoader::tr("endpoint list %1 uses port %2, which this flow does not have")
                             .arg(quoted(id))
                             .arg(port));
        }
        for (const Endpoint &ep : list->endpoints) {
            const QString key = ep.value.toLower();
            if (seen.contains(key))
                fail(p,
                     CatalogLoader::tr("endpoint %1 is already in another list of this flow")
                             .arg(quoted(ep.value)));
            seen.insert(key);
            f.endpoints.append(ep);
        }
        f.endpointListIds.append(id);
    }
    if (!f.needsNetworkRule && !f.endpoints.isEmpty())
        fail(path + QStringLiteral(".endpointLists"),
             CatalogLoader::tr("a flow that needs no network rule has no endpoints"));
    return f;
}

Catalog readCatalog(const QJsonObject &root)
{
    const QString $ = QStringLiteral("$");
    const QJsonValue version = root.value(QStringLiteral("schemaVersion"));
    if (version.isDouble() && version.toDouble() == 1)
        fail(QStringLiteral("$.schemaVersion"),
             CatalogLoader::tr("schema version 1 (entries as the page's tables list them) is no longer read; "
                               "convert the file to version %1 (flows) with scripts/convert-catalog-v1.py")
                     .arg(CatalogLoader::SchemaVersion));
    if (!version.isDouble() || version.toDouble() != CatalogLoader::SchemaVersion)
        fail(QStringLiteral("$.schemaVersion"),
             CatalogLoader::tr("unsupported schema version %1 (this program reads version %2)")
                     .arg(version.isDouble() ? QString::number(version.toDouble())
                                             : CatalogLoader::tr("(not a number)"))
                     .arg(CatalogLoader::SchemaVersion));
    Reader::checkKeys(root, $,
                      {QStringLiteral("schemaVersion"), QStringLiteral("title"), QStringLiteral("components"),
                       QStringLiteral("tables"), QStringLiteral("flows")},
                      {QStringLiteral("source"), QStringLiteral("catalogVersion"),
                       QStringLiteral("retrieved"), QStringLiteral("pageSha256"), QStringLiteral("edition"),
                       QStringLiteral("notes"), QStringLiteral("corrections"), QStringLiteral("validity"),
                       QStringLiteral("endpointLists")});
    Catalog c;
    c.schemaVersion = CatalogLoader::SchemaVersion;
    c.title = Reader::text(root, QStringLiteral("title"), $);
    c.source = Reader::text(root, QStringLiteral("source"), $);
    c.edition = Reader::text(root, QStringLiteral("edition"), $);
    const auto matching = [&root, &$](const QString &key, const QRegularExpression &re, const QString &what) {
        const QString s = Reader::string(root, key, $);
        if (root.contains(key) && !re.match(s).hasMatch())
            fail($ + QLatin1Char('.') + key, CatalogLoader::tr("%1 is not %2").arg(quoted(s), what));
        return s;
    };
    static const QRegularExpression versionRe(QStringLiteral("^[0-9]{8}[0-9]{2}$"));
    static const QRegularExpression sha256Re(QStringLiteral("^[0-9a-f]{64}$"));
    c.catalogVersion = matching(QStringLiteral("catalogVersion"), versionRe,
                                CatalogLoader::tr("a catalog version (YYYYMMDDNN)"));
    c.pageSha256 = matching(QStringLiteral("pageSha256"), sha256Re,
                            CatalogLoader::tr("a SHA-256 in lower-case hex"));
    if (root.contains(QStringLiteral("retrieved")))
        c.retrieved = Reader::date(root, QStringLiteral("retrieved"), $);

    const auto optionalArray = [&root, &$](const QString &key) {
        return root.contains(key) ? Reader::array(root, key, $) : QJsonArray();
    };

    const QJsonArray notes = optionalArray(QStringLiteral("notes"));
    for (int i = 0; i < notes.size(); ++i) {
        const QString p = indexed($, QStringLiteral("notes"), i);
        const QJsonObject o = Reader::object(notes.at(i), p);
        Reader::checkKeys(o, p, {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("text")});
        c.notes.append({Reader::id(o, QStringLiteral("id"), p), Reader::text(o, QStringLiteral("title"), p),
                        Reader::text(o, QStringLiteral("text"), p)});
    }
    checkUnique(c.notes, QStringLiteral("notes"));

    const QJsonArray corrections = optionalArray(QStringLiteral("corrections"));
    for (int i = 0; i < corrections.size(); ++i) {
        const QString p = indexed($, QStringLiteral("corrections"), i);
        const QJsonObject o = Reader::object(corrections.at(i), p);
        Reader::checkKeys(o, p,
                          {QStringLiteral("id"), QStringLiteral("pageText"), QStringLiteral("corrected"),
                           QStringLiteral("reason")});
        c.corrections.append({Reader::id(o, QStringLiteral("id"), p),
                              Reader::nonEmptyString(o, QStringLiteral("pageText"), p),
                              Reader::nonEmptyString(o, QStringLiteral("corrected"), p),
                              Reader::text(o, QStringLiteral("reason"), p)});
    }
    checkUnique(c.corrections, QStringLiteral("corrections"));

    const QJsonArray rules = optionalArray(QStringLiteral("validity"));
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
        comp.zone = Reader::choice<Zone>(o, QStringLiteral("zone"), p);
        comp.isRole = Reader::boolean(o, QStringLiteral("role"), p);
        comp.isCustomerSide = Reader::boolean(o, QStringLiteral("customerSide"), p);
        if (o.contains(QStringLiteral("siteKey")))
            comp.siteKey = Reader::choice<SiteKey>(o, QStringLiteral("siteKey"), p);
        c.components.append(comp);
    }
    checkUnique(c.components, QStringLiteral("components"));

    const QJsonArray tables = Reader::array(root, QStringLiteral("tables"), $);
    for (int i = 0; i < tables.size(); ++i) {
        const QString p = indexed($, QStringLiteral("tables"), i);
        const QJsonObject o = Reader::object(tables.at(i), p);
        Reader::checkKeys(o, p,
                          {QStringLiteral("id"), QStringLiteral("section"), QStringLiteral("title"),
                           QStringLiteral("rows")});
        CatalogTable table;
        table.id = Reader::id(o, QStringLiteral("id"), p);
        table.section = Reader::choice<Section>(o, QStringLiteral("section"), p);
        table.title = Reader::text(o, QStringLiteral("title"), p);
        const QJsonArray rows = Reader::array(o, QStringLiteral("rows"), p);
        if (rows.isEmpty())
            fail(p + QStringLiteral(".rows"), CatalogLoader::tr("at least one row is required"));
        for (int r = 0; r < rows.size(); ++r) {
            const QString rp = indexed(p, QStringLiteral("rows"), r);
            const QJsonObject ro = Reader::object(rows.at(r), rp);
            Reader::checkKeys(ro, rp, {QStringLiteral("id"), QStringLiteral("label")});
            table.rows.append({Reader::id(ro, QStringLiteral("id"), rp),
                               Reader::text(ro, QStringLiteral("label"), rp)});
        }
        checkUnique(table.rows, p.mid(2) + QStringLiteral(".rows"));
        c.tables.append(table);
    }
    checkUnique(c.tables, QStringLiteral("tables"));

    const QJsonArray lists = optionalArray(QStringLiteral("endpointLists"));
    for (int i = 0; i < lists.size(); ++i)
        c.endpointLists.append(
                readEndpointList(lists.at(i), indexed($, QStringLiteral("endpointLists"), i), c, i));
    checkUnique(c.endpointLists, QStringLiteral("endpointLists"));

    const QJsonArray flows = Reader::array(root, QStringLiteral("flows"), $);
    for (int i = 0; i < flows.size(); ++i)
        c.flows.append(readFlow(flows.at(i), indexed($, QStringLiteral("flows"), i), c));
    checkUnique(c.flows, QStringLiteral("flows"));

    // Every list serves a flow, and every table row is the provenance of something: the page's
    // structure stays complete.
    for (int i = 0; i < c.endpointLists.size(); ++i) {
        const QString &id = c.endpointLists.at(i).id;
        if (std::none_of(c.flows.cbegin(), c.flows.cend(),
                         [&id](const Flow &f) { return f.endpointListIds.contains(id); }))
            fail(indexed($, QStringLiteral("endpointLists"), i) + QStringLiteral(".id"),
                 CatalogLoader::tr("endpoint list %1 is used by no flow").arg(quoted(id)));
    }
    for (int t = 0; t < c.tables.size(); ++t) {
        const CatalogTable &table = c.tables.at(t);
        for (int r = 0; r < table.rows.size(); ++r) {
            const Provenance prov{table.id, table.rows.at(r).id};
            const bool used = std::any_of(c.flows.cbegin(), c.flows.cend(),
                                          [&prov](const Flow &f) { return f.provenance.contains(prov); })
                    || std::any_of(c.endpointLists.cbegin(), c.endpointLists.cend(),
                                   [&prov](const EndpointList &l) { return l.provenance.contains(prov); });
            if (!used)
                fail(indexed(indexed($, QStringLiteral("tables"), t), QStringLiteral("rows"), r)
                             + QStringLiteral(".id"),
                     CatalogLoader::tr("table row %1 is the provenance of no flow")
                             .arg(quoted(prov.toString())));
        }
    }
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
    // QFile::size() is 0 for pipes and devices: bound the read itself.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize) {
        Result r;
        r.error.file = fileName;
        r.error.message =
                tr("the file is larger than %1 MiB, the limit for a catalog (about 300,000 endpoints)")
                        .arg(MaxFileSize / (1024 * 1024));
        return r;
    }
    return loadData(data, fileName);
}

CatalogLoader::Result CatalogLoader::loadData(const QByteArray &bytes, const QString &fileName)
{
    // A UTF-8 byte order mark is allowed; leaving it in would shift every location.
    const QByteArray data = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
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
