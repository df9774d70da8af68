#include "core/catalog/catalogloader.h"
#include "core/catalog/networksyntax.h"
#include "core/export/exporterregistry.h"
#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The exporters against the real validators (iptables-restore, nft, squid, node) where Debian
// has them, golden files where it has none, and a hostile catalog for every format.
class TestExporters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void registry();
    void scope_data();
    void scope();
    void directions();
    void roleDirections_data();
    void roleDirections();
    void counts_data();
    void counts();
    void longText_data();
    void longText();
    void terraformManyAddresses();
    void everyEntryCommented_data();
    void everyEntryCommented();
    void expiredMarked_data();
    void expiredMarked();
    void hostNamesInAddressFormats_data();
    void hostNamesInAddressFormats();
    void resolvedHosts_data();
    void resolvedHosts();
    void resolverAsksOnlyPlainNames();
    void siteProfile_data();
    void siteProfile();
    void siteGapSaidOnce();
    void escaping_data();
    void escaping();
    void proxySyntax_data();
    void proxySyntax();

    void iptablesRestore_data();
    void iptablesRestore();
    void nftCheck_data();
    void nftCheck();
    void refresherFillsSets_data();
    void refresherFillsSets();
    void suricataParse_data();
    void suricataParse();
    void squidParse_data();
    void squidParse();
    void pacDecisions_data();
    void pacDecisions();
    void awsShape_data();
    void awsShape();
    void golden_data();
    void golden();

    void hostileLoads();
    void hostile_data();
    void hostile();
    void newlineRejectedByLoader();
    void newlineEscapedByExporters_data();
    void newlineEscapedByExporters();

private:
    // A catalog file of tests/data/export, or "hostile-long": hostile.json with every text near
    // the loader's cap (CatalogLoader::MaxTextLength), made of 3-byte characters so that each
    // is longer than squid's and iptables-restore's line buffers.
    ExportRequest request(const QString &catalogFile = QStringLiteral("catalog.json")) const;
    QString render(const QString &format, const ExportRequest &request) const;
    QString writeTemp(const QString &name, const QString &text);
    // Runs a shell script in a private network namespace (unshare -rn): exit code and output.
    struct Run
    {
        int exitCode = -1;
        QString output;
    };
    Run runInNamespace(const QString &script, const QStringList &arguments);
    // Why a validator cannot run in a private network namespace here, or empty.
    QString namespaceProblem(const QString &tool) const;

    ExporterRegistry m_registry;
    QTemporaryDir m_dir;
    QString m_namespaceProblem; // empty when namespaces work
};

namespace {
const QString Proxy = QStringLiteral("127.0.0.1:3128");

QString data(const QString &name)
{
    return QStringLiteral(PORTOLAN_TEST_DATA "/export/") + name;
}

QList<QHostAddress> fakeResolve(const QString &host)
{
    static const QHash<QString, QStringList> table{
            {QStringLiteral("app.example.test"), {QStringLiteral("127.0.0.20")}},
            {QStringLiteral("files.example.test"),
             {QStringLiteral("127.0.0.21"), QStringLiteral("127.0.0.22")}},
            {QStringLiteral("ipv6.example.test"), {QStringLiteral("::1")}},
    };
    QList<QHostAddress> result;
    for (const QString &a : table.value(host))
        result.append(QHostAddress(a));
    return result;
}

QDateTime fixedTime()
{
    return QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
}

QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(name,
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                           QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

// The comment-free lines of a text.
QStringList codeLines(const QString &text, const QString &commentPrefix)
{
    QStringList result;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(commentPrefix))
            result.append(line);
    }
    return result;
}

// AWS CLI input for authorize-security-group-egress/-ingress: nothing but IpPermissions whose
// items have the fields and value ranges the API takes. Returns the problem, or empty.
QString awsProblem(const QJsonObject &root, int *rangeCount)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]*$"));
    *rangeCount = 0;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == QLatin1String("portolan"))
            continue;
        if (it.key() != QLatin1String("authorize-security-group-egress")
            && it.key() != QLatin1String("authorize-security-group-ingress"))
            return QStringLiteral("unexpected key ") + it.key();
        const QJsonObject command = it.value().toObject();
        if (command.keys() != QStringList{QStringLiteral("IpPermissions")})
            return QStringLiteral("command object must hold only IpPermissions");
        const QJsonArray permissions = command.value(QStringLiteral("IpPermissions")).toArray();
        if (permissions.isEmpty())
            return QStringLiteral("empty IpPermissions");
        for (const QJsonValue &pv : permissions) {
            const QJsonObject p = pv.toObject();
            for (const QString &key : p.keys()) {
                if (!QStringList{"IpProtocol", "FromPort", "ToPort", "IpRanges", "Ipv6Ranges"}.contains(key))
                    return QStringLiteral("unexpected permission key ") + key;
            }
            const QString protocol = p.value(QStringLiteral("IpProtocol")).toString();
            if (protocol != QLatin1String("tcp") && protocol != QLatin1String("udp"))
                return QStringLiteral("bad IpProtocol ") + protocol;
            const QJsonValue from = p.value(QStringLiteral("FromPort"));
            const QJsonValue to = p.value(QStringLiteral("ToPort"));
            if (!from.isDouble() || !to.isDouble() || from.toInt() < 1 || to.toInt() > 65535
                || from.toInt() > to.toInt())
                return QStringLiteral("bad port range");
            if (!p.contains(QStringLiteral("IpRanges")) && !p.contains(QStringLiteral("Ipv6Ranges")))
                return QStringLiteral("permission without ranges");
            for (const QString &key : {QStringLiteral("IpRanges"), QStringLiteral("Ipv6Ranges")}) {
                const QString cidrKey = key == QLatin1String("IpRanges") ? QStringLiteral("CidrIp")
                                                                         : QStringLiteral("CidrIpv6");
                QSet<QString> cidrs;
                for (const QJsonValue &rv : p.value(key).toArray()) {
                    const QJsonObject range = rv.toObject();
                    if (range.keys() != QStringList{cidrKey, QStringLiteral("Description")})
                        return QStringLiteral("bad range keys");
                    const auto cidr = NetworkSyntax::parseCidr(range.value(cidrKey).toString());
                    if (!cidr
                        || (cidrKey == QLatin1String("CidrIpv6"))
                                != (cidr->first.protocol() == QAbstractSocket::IPv6Protocol))
                        return QStringLiteral("bad CIDR ") + range.value(cidrKey).toString();
                    if (cidrs.contains(range.value(cidrKey).toString()))
                        return QStringLiteral("duplicate CIDR in one permission");
                    cidrs.insert(range.value(cidrKey).toString());
                    const QString description = range.value(QStringLiteral("Description")).toString();
                    if (description.size() > 255 || !allowed.match(description).hasMatch())
                        return QStringLiteral("description AWS rejects: ") + description;
                    ++*rangeCount;
                }
            }
        }
    }
    return {};
}

QStringList rfc4180Rows(const QString &text, bool *ok)
{
    QStringList rows; // cells joined with \x1f
    QStringList cells;
    QString cell;
    bool quoted = false;
    *ok = true;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"') && cell.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            cells << cell;
            cell.clear();
            rows << cells.join(QChar(0x1f));
            cells.clear();
            ++i;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            *ok = false;
        } else {
            cell += c;
        }
    }
    if (quoted || !cell.isEmpty() || !cells.isEmpty())
        *ok = false;
    return rows;
}
// After the cut of a reader's line buffer, this would be read as a directive.
const QString LongPayload = QStringLiteral(" http_access allow all -A OUTPUT -j ACCEPT");

// hostile.json with every catalog text (title, services, descriptions, conditions) at the
// loader's cap: 3-byte characters then a directive, so that one text is 12,000 bytes of UTF-8.
QByteArray longCatalog()
{
    QFile file(data(QStringLiteral("hostile.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read hostile.json");
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const int fill = CatalogLoader::MaxTextLength - int(LongPayload.size());
    const QString text = QString(fill, QChar(0x65e5)) + LongPayload;
    const auto longText = [&text]() {
        return QJsonObject{{QStringLiteral("en"), text}, {QStringLiteral("ja"), text}};
    };
    root.insert(QStringLiteral("title"), longText());
    for (const QString &key : {QStringLiteral("flows"), QStringLiteral("endpointLists")}) {
        QJsonArray items = root.value(key).toArray();
        for (int i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            for (const QString &field : {QStringLiteral("service"), QStringLiteral("description")})
                item.insert(field, longText());
            items[i] = item;
        }
        root.insert(key, items);
    }
    QJsonArray components = root.value(QStringLiteral("components")).toArray();
    for (int i = 0; i < components.size(); ++i) {
        QJsonObject c = components.at(i).toObject();
        c.insert(QStringLiteral("name"), longText());
        components[i] = c;
    }
    root.insert(QStringLiteral("components"), components);
    return QJsonDocument(root).toJson();
}

// The UTF-8 size of the longest line.
int longestLine(const QString &text)
{
    int longest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        longest = std::max(longest, int(line.toUtf8().size()));
    return longest;
}
} // namespace

void TestExporters::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString unshare = findTool(QStringLiteral("unshare"));
    if (unshare.isEmpty()) {
        m_namespaceProblem = QStringLiteral("unshare is not installed");
        return;
    }
    QProcess probe;
    probe.start(unshare, {QStringLiteral("-rn"), QStringLiteral("true")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        m_namespaceProblem = QStringLiteral("cannot create a private network namespace (unshare -rn): ")
                + QString::fromLocal8Bit(probe.readAllStandardError()).trimmed();
}

ExportRequest TestExporters::request(const QString &catalogFile) const
{
    const CatalogLoader::Result loaded = catalogFile == QLatin1String("hostile-long")
            ? CatalogLoader::loadData(longCatalog(), QStringLiteral("hostile-long.json"))
            : CatalogLoader::loadFile(data(catalogFile));
    if (!loaded.isOk())
        qFatal("test catalog rejected: %s", qPrintable(loaded.error.toString()));
    ExportRequest r;
    r.catalog = *loaded.catalog;
    r.today = QDate(2024, 5, 1);
    return r;
}

QString TestExporters::render(const QString &format, const ExportRequest &request) const
{
    const RuleExporter *exporter = m_registry.find(format);
    if (!exporter)
        qFatal("no exporter %s", qPrintable(format));
    return exporter->render(request);
}

QString TestExporters::writeTemp(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestExporters::namespaceProblem(const QString &tool) const
{
    if (findTool(tool).isEmpty())
        return tool + QStringLiteral(" is not installed");
    return m_namespaceProblem;
}

TestExporters::Run TestExporters::runInNamespace(const QString &script, const QStringList &arguments)
{
    Run run;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The validators live in sbin, which a normal user's PATH may lack.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"),
                       QStringLiteral("/usr/sbin:/sbin:") + environment.value(QStringLiteral("PATH")));
    process.setProcessEnvironment(environment);
    process.start(findTool(QStringLiteral("unshare")),
                  QStringList{QStringLiteral("-rn"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                              QStringLiteral("sh")}
                          + arguments);
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

void TestExporters::registry()
{
    const QStringList expected{"iptables", "nftables",  "windows-firewall",
                               "aws-sg",   "terraform", "fortigate",
                               "asa",      "panos",     "azure-firewall",
                               "aws-nf",   "suricata",  "squid",
                               "pac",      "allowlist", "csv",
                               "markdown"};
    QCOMPARE(m_registry.ids(), expected);
    QCOMPARE(m_registry.find(QStringLiteral("nope")), nullptr);
    QSet<QString> addressOnly;
    for (const RuleExporter *exporter : m_registry.exporters()) {
        QCOMPARE(m_registry.find(exporter->id()), exporter);
        QVERIFY(!exporter->displayName().isEmpty());
        QVERIFY(!exporter->fileExtension().isEmpty());
        if (exporter->needsAddresses())
            addressOnly.insert(exporter->id());
    }
    QCOMPARE(addressOnly, (QSet<QString>{"iptables", "nftables", "windows-firewall", "aws-sg", "terraform"}));
}

void TestExporters::scope_data()
{
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<bool>("requiredOnly");
    QTest::addColumn<bool>("includeExpired");
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<QStringList>("entries");

    const QStringList all{"url-heartbeat", "url-update",        "url-feedback", "agent-out-dns",
                          "ip-in-agent",   "ip-out-v6",         "relay-local",  "relay-update",
                          "relay-relay",   "agent-out-unstated"};
    QTest::addRow("everything but expired") << QStringList() << false << false << QStringList() << all;
    QStringList withExpired = all;
    withExpired.insert(5, QStringLiteral("ip-out-gui"));
    QTest::addRow("with expired") << QStringList() << false << true << QStringList() << withExpired;
    QTest::addRow("relay") << QStringList{"relay"} << false << false << QStringList()
                           << QStringList{"url-heartbeat", "relay-local", "relay-update", "relay-relay"};
    QTest::addRow("relay required") << QStringList{"relay"} << true << false << QStringList()
                                    << QStringList{"url-heartbeat", "relay-update"};
    QTest::addRow("two roles required")
            << QStringList{"relay", "workload-security"} << true << false << QStringList()
            << QStringList{"url-heartbeat", "ip-out-v6", "relay-update"};
    QTest::addRow("selected") << QStringList() << false << false << QStringList{"url-feedback", "ip-out-gui"}
                              << QStringList{"url-feedback"};
    QTest::addRow("selected expired")
            << QStringList() << false << true << QStringList{"url-feedback", "ip-out-gui"}
            << QStringList{"url-feedback", "ip-out-gui"};
}

void TestExporters::scope()
{
    QFETCH(QStringList, roles);
    QFETCH(bool, requiredOnly);
    QFETCH(bool, includeExpired);
    QFETCH(QStringList, selected);
    QFETCH(QStringList, entries);

    ExportRequest r = request();
    r.scope.roles = roles;
    r.scope.requiredOnly = requiredOnly;
    r.scope.includeExpired = includeExpired;
    r.scope.flowIds = QSet<QString>(selected.cbegin(), selected.cend());
    QStringList ids;
    for (const ExportRule &rule : ExportSelection::rules(r)) {
        if (!ids.contains(rule.flowId))
            ids.append(rule.flowId);
    }
    QCOMPARE(ids, entries);
}

void TestExporters::directions()
{
    ExportRequest r = request();
    const QList<ExportRule> rules = ExportSelection::rules(r);
    const auto find = [&rules](const QString &id) {
        QList<ExportRule> found;
        for (const ExportRule &rule : rules) {
            if (rule.flowId == id)
                found.append(rule);
        }
        return found;
    };
    // All roles: relative to the customer network. Workload Security -> Agent comes in from its
    // subnet (the flow's endpoints describe the initiator).
    const QList<ExportRule> in = find(QStringLiteral("ip-in-agent"));
    QCOMPARE(in.size(), 1);
    QCOMPARE(in.first().direction, ExportRule::Direction::Ingress);
    QCOMPARE(in.first().kind, ExportRule::Kind::Network);
    QCOMPARE(in.first().value, QStringLiteral("127.10.0.0/24"));
    const ExportRule dns = find(QStringLiteral("agent-out-dns")).value(0);
    QCOMPARE(dns.kind, ExportRule::Kind::SiteSpecific);
    QVERIFY2(
            dns.comment.contains(QStringLiteral("is in your network: its address (site key dns) is not set")),
            qPrintable(dns.comment));
    QCOMPARE(find(QStringLiteral("relay-local")).size(), 1);
    QCOMPARE(find(QStringLiteral("relay-local")).first().direction, ExportRule::Direction::Local);
    QCOMPARE(find(QStringLiteral("url-update")).first().direction, ExportRule::Direction::Egress);
    // The old advice to allow a peer "by the host names in the catalog's URL entries" is gone.
    for (const ExportRule &rule : rules)
        QVERIFY2(!rule.comment.contains(QStringLiteral("URL entries")), qPrintable(rule.comment));
    // Endpoint ports come from the endpoint's list: the static update address is 443 only.
    for (const ExportRule &rule : find(QStringLiteral("url-update"))) {
        if (rule.value == QLatin1String("127.0.0.13"))
            QCOMPARE(rule.ports.size(), 1);
        else
            QCOMPARE(rule.ports.size(), 2);
    }
    // A port without a stated transport says so.
    QVERIFY(find(QStringLiteral("agent-out-unstated"))
                    .first()
                    .comment.contains(QStringLiteral("states no transport")));
    // Two URLs on one host make one host rule.
    int api = 0;
    for (const ExportRule &rule : rules)
        api += rule.value == QLatin1String("api.example.test") ? 1 : 0;
    QCOMPARE(api, 1);
    // iptables: ingress from the network as source, egress to the endpoint; no transport stated
    // gives rules for both.
    const QString ipt = render(QStringLiteral("iptables"), r);
    QVERIFY(ipt.contains(QStringLiteral("-A INPUT -s 127.10.0.0/24 -p tcp -m tcp --dport 4118 ")));
    QVERIFY(ipt.contains(QStringLiteral("-A OUTPUT -d 127.0.0.12/32 -p tcp -m tcp --dport 443 ")));
    QVERIFY(ipt.contains(QStringLiteral("-A OUTPUT -d 127.0.0.30/32 -p tcp -m tcp --dport 4119 ")));
    QVERIFY(ipt.contains(QStringLiteral("-A OUTPUT -d 127.0.0.30/32 -p udp -m udp --dport 4119 ")));
    QVERIFY(ipt.contains(QStringLiteral("-A OUTPUT -d 127.0.0.13/32 -p tcp -m tcp --dport 443 ")));
    QVERIFY(!ipt.contains(QStringLiteral("-A OUTPUT -d 127.0.0.13/32 -p tcp -m tcp --dport 80 ")));
    const QString ps = render(QStringLiteral("windows-firewall"), r);
    QVERIFY(ps.contains(QStringLiteral("-Direction Inbound -Action Allow -Protocol TCP -LocalPort 4118 "
                                       "-RemoteAddress '127.10.0.0/24'")));

    // The relay both opens and accepts relay -> relay: both directions, site-specific.
    r.scope.roles = {QStringLiteral("relay")};
    QList<ExportRule::Direction> relay;
    for (const ExportRule &rule : ExportSelection::rules(r)) {
        if (rule.flowId == QLatin1String("relay-relay")) {
            relay.append(rule.direction);
            QCOMPARE(rule.kind, ExportRule::Kind::SiteSpecific);
        }
    }
    QCOMPARE(relay,
             (QList<ExportRule::Direction>{ExportRule::Direction::Egress, ExportRule::Direction::Ingress}));
    r.scope.direction = Direction::Outbound;
    relay.clear();
    for (const ExportRule &rule : ExportSelection::rules(r)) {
        if (rule.flowId == QLatin1String("relay-relay"))
            relay.append(rule.direction);
    }
    QCOMPARE(relay, QList<ExportRule::Direction>{ExportRule::Direction::Egress});

    // Workload Security's own view: it accepts the agents' connections (site-specific sources)
    // and opens the one to the agent (to a site-specific agent, not from its own subnet).
    r.scope = ExportScope();
    r.scope.roles = {QStringLiteral("workload-security")};
    for (const ExportRule &rule : ExportSelection::rules(r)) {
        if (rule.flowId == QLatin1String("ip-in-agent"))
            QCOMPARE(rule.direction, ExportRule::Direction::Egress);
        else
            QCOMPARE(rule.direction, ExportRule::Direction::Ingress);
        QCOMPARE(rule.kind, ExportRule::Kind::SiteSpecific);
    }
}

void TestExporters::roleDirections_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("mustMatch"); // each: some code line matches
    QTest::addColumn<QStringList>("mustNotMatch"); // each: no code line matches
    const QString subnet = QStringLiteral("127\\.10\\.0\\.0/24");
    QTest::addRow("iptables") << "iptables"
                              << QStringList{"^-A INPUT -s " + subnet + " -p tcp -m tcp --dport 4118 "}
                              << QStringList{"^-A OUTPUT .*--dport 4118 ", "^-A INPUT -s (?!" + subnet + ")",
                                             "--dport 4123 ", "^-A INPUT .*--dport (?!4118 )"};
    QTest::addRow("nftables") << "nftables" << QStringList{"ip saddr " + subnet + " tcp dport 4118 accept"}
                              << QStringList{"daddr \\S+ \\w+ dport 4118 ", "saddr (?!" + subnet + ")",
                                             "dport 4123 "};
    QTest::addRow("windows-firewall")
            << "windows-firewall"
            << QStringList{"-Direction Inbound -Action Allow -Protocol TCP -LocalPort 4118 -RemoteAddress '"
                           + subnet + "'"}
            << QStringList{"-Direction Outbound .*-RemotePort 4118 ",
                           "-Direction Inbound (?!.*'" + subnet + "')", "Port 4123 "};
    QTest::addRow("squid") << "squid" << QStringList{"^acl portolan_url-update dstdomain "}
                           << QStringList{"127\\.10\\.0\\.", "relay-local", "^acl portolan_ip-in-agent"};
    QTest::addRow("pac") << "pac" << QStringList{"host == \"files\\.example\\.test\""}
                         << QStringList{"127\\.10\\.0\\."};
    QTest::addRow("allowlist") << "allowlist" << QStringList{"^" + subnet + "$", "^files\\.example\\.test$"}
                               << QStringList{};
    QTest::addRow("markdown") << "markdown" << QStringList{"^\\| ip-in-agent \\| Inbound \\| " + subnet}
                              << QStringList{"^\\| ip-in-agent \\| Outbound", "^\\| url-update \\| Inbound",
                                             "^\\| relay-local \\| (?!Local)"};
    // Checked structurally below.
    QTest::addRow("aws-sg") << "aws-sg" << QStringList() << QStringList();
    QTest::addRow("terraform") << "terraform" << QStringList() << QStringList();
    QTest::addRow("csv") << "csv" << QStringList() << QStringList();
}

// For the Agent role: no egress rule for the flow the agent listens on (Workload Security ->
// Agent 4118), no ingress rule for a flow it opens, inbound rules only from Workload Security's
// subnet, the local relay flow (4123) never a rule, the expired endpoint only when asked for.
void TestExporters::roleDirections()
{
    QFETCH(QString, format);
    QFETCH(QStringList, mustMatch);
    QFETCH(QStringList, mustNotMatch);
    ExportRequest r = request();
    r.scope.roles = {QStringLiteral("agent")};
    r.proxy = Proxy;
    const QString text = render(format, r);
    const QString commentPrefix = format == QLatin1String("pac") ? QStringLiteral("//") : QStringLiteral("#");
    const QStringList lines = codeLines(text, commentPrefix);
    for (const QString &pattern : mustMatch) {
        const QRegularExpression re(pattern);
        QVERIFY2(re.isValid(), qPrintable(pattern));
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                             [&re](const QString &l) { return re.match(l).hasMatch(); }),
                 qPrintable(pattern + QStringLiteral(" in\n") + text));
    }
    for (const QString &pattern : mustNotMatch) {
        const QRegularExpression re(pattern);
        QVERIFY2(re.isValid(), qPrintable(pattern));
        for (const QString &line : lines)
            QVERIFY2(!re.match(line).hasMatch(), qPrintable(pattern + QStringLiteral(": ") + line));
    }
    // The local flow: a comment at most (pac and csv leave it out).
    QVERIFY(text.contains(QStringLiteral("relay-local")) || format == QLatin1String("pac")
            || format == QLatin1String("csv"));
    if (format == QLatin1String("aws-sg")) {
        const QJsonObject root = QJsonDocument::fromJson(text.toUtf8()).object();
        for (const QString &command : {QStringLiteral("authorize-security-group-egress"),
                                       QStringLiteral("authorize-security-group-ingress")}) {
            const bool ingress = command.endsWith(QLatin1String("ingress"));
            for (const QJsonValue &pv :
                 root.value(command).toObject().value(QStringLiteral("IpPermissions")).toArray()) {
                const QJsonObject p = pv.toObject();
                const int port = p.value(QStringLiteral("FromPort")).toInt();
                QVERIFY(port != 4123);
                QCOMPARE(port == 4118, ingress);
                if (ingress) {
                    const QJsonArray ranges = p.value(QStringLiteral("IpRanges")).toArray();
                    QCOMPARE(ranges.size(), 1);
                    QCOMPARE(ranges.at(0).toObject().value(QStringLiteral("CidrIp")).toString(),
                             QStringLiteral("127.10.0.0/24"));
                    QVERIFY(!p.contains(QStringLiteral("Ipv6Ranges")));
                }
            }
        }
        QVERIFY(root.contains(QStringLiteral("authorize-security-group-ingress")));
    } else if (format == QLatin1String("terraform")) {
        const QStringList blocks = text.split(QStringLiteral("\nresource \""));
        int ingress = 0;
        for (const QString &block : blocks.mid(1)) {
            const QString resource = block.left(block.indexOf(QLatin1Char('}')));
            QVERIFY(!resource.contains(QStringLiteral("= 4123")));
            if (resource.startsWith(QLatin1String("aws_vpc_security_group_ingress_rule"))) {
                ++ingress;
                QVERIFY2(resource.contains(QStringLiteral("cidr_ipv4         = \"127.10.0.0/24\"")),
                         qPrintable(resource));
                QVERIFY(resource.contains(QStringLiteral("from_port         = 4118")));
            } else {
                QVERIFY2(!resource.contains(QStringLiteral("= 4118")), qPrintable(resource));
            }
        }
        QCOMPARE(ingress, 1);
    } else if (format == QLatin1String("csv")) {
        bool ok = false;
        const QStringList rows = rfc4180Rows(text, &ok);
        QVERIFY(ok);
        int ingress = 0;
        for (const QString &row : rows.mid(1)) {
            const QStringList cells = row.split(QChar(0x1f));
            QVERIFY(cells.at(5) != QLatin1String("4123"));
            QVERIFY(cells.at(0) != QLatin1String("relay-local"));
            if (cells.at(1) == QLatin1String("ingress")) {
                ++ingress;
                QCOMPARE(cells.at(3), QStringLiteral("127.10.0.0/24"));
                QCOMPARE(cells.at(5), QStringLiteral("4118"));
            } else {
                QCOMPARE(cells.at(1), QStringLiteral("egress"));
                QVERIFY(cells.at(5) != QLatin1String("4118"));
            }
        }
        QCOMPARE(ingress, 1);
    }
    // The expired static addresses only when asked for.
    QVERIFY(!text.contains(QStringLiteral("127.0.0.10")));
    r.scope.includeExpired = true;
    const QString withExpired = render(format, r);
    QVERIFY(withExpired.contains(QStringLiteral("127.0.0.10")));
    QVERIFY(withExpired.contains(QStringLiteral("EXPIRED")));
}

void TestExporters::counts_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("rulePattern"); // what one rule looks like, or empty
    QTest::addRow("iptables") << "iptables"
                              << "(?m)^-A ";
    QTest::addRow("nftables") << "nftables"
                              << "(?m)^ +ip6? [sd]addr ";
    QTest::addRow("windows-firewall") << "windows-firewall"
                                      << "(?m)^New-NetFirewallRule ";
    QTest::addRow("aws-sg") << "aws-sg"
                            << "\"CidrIp(v6)?\": ";
    QTest::addRow("terraform") << "terraform"
                               << "(?m)^resource ";
    QTest::addRow("squid") << "squid"
                           << "(?m)^http_access allow ";
    QTest::addRow("pac") << "pac"
                         << "(?m)^    if \\(";
    QTest::addRow("allowlist") << "allowlist"
                               << "(?m)^[^#\\n]";
    QTest::addRow("csv") << "csv" << QString();
    QTest::addRow("markdown") << "markdown" << QString();
}

// Every format counts its real rules and the items it could only write as comments.
void TestExporters::counts()
{
    QFETCH(QString, format);
    QFETCH(QString, rulePattern);
    ExportRequest r = request();
    r.proxy = Proxy;
    const ExportResult result = m_registry.find(format)->exportRules(r);
    QCOMPARE(result.text, render(format, r));
    QVERIFY(result.ruleCount > 0);
    if (!rulePattern.isEmpty())
        QCOMPARE(result.ruleCount, int(result.text.count(QRegularExpression(rulePattern))));
    // Host names (address formats), the site-specific DNS server, relay -> relay, the local flow.
    if (format != QLatin1String("pac"))
        QVERIFY2(result.commentCount >= 3, qPrintable(result.summary()));
    QCOMPARE(result.summary(),
             QStringLiteral("%1 rules, %2 comments").arg(result.ruleCount).arg(result.commentCount));
    const ExportResult one{QString(), 1, 1};
    QCOMPARE(one.summary(), QStringLiteral("1 rule, 1 comment"));
}

void TestExporters::longText_data()
{
    hostile_data();
}

// Catalog text at the loader's cap never makes a line long enough for a reader to cut it
// (squid 5.7: 8,191 bytes, iptables-restore 1.8.9: 10,239): comments end in "...".
void TestExporters::longText()
{
    QFETCH(QString, format);
    ExportRequest r = request(QStringLiteral("hostile-long"));
    QCOMPARE(r.catalog.flows.first().description.en.size(), CatalogLoader::MaxTextLength);
    r.scope.includeExpired = true;
    r.proxy = Proxy;
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    const QString text = render(format, r);
    QVERIFY2(longestLine(text) <= ExportText::MaxLineBytes, qPrintable(QString::number(longestLine(text))));
    const QString marker = format == QLatin1String("pac") ? QStringLiteral("//")
            : format == QLatin1String("asa")              ? QStringLiteral("!")
                                                          : QStringLiteral("#");
    int cut = 0;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(marker)) {
            QVERIFY2(trimmed.toUtf8().size() <= ExportText::MaxCommentBytes + 3,
                     qPrintable(trimmed.left(80)));
            cut += trimmed.endsWith(QLatin1String("...")) ? 1 : 0;
        }
        QVERIFY2(!line.contains(QStringLiteral("http_access allow all")), qPrintable(line.right(80)));
    }
    if (format != QLatin1String("aws-sg") && format != QLatin1String("csv")
        && format != QLatin1String("markdown") && format != QLatin1String("aws-nf"))
        QVERIFY(cut > 0);
}

// Issue 21 item 7: unique Terraform names for one list of 20,000 addresses, in linear time.
void TestExporters::terraformManyAddresses()
{
    ExportRequest r = request();
    Catalog &catalog = r.catalog;
    const int flow = catalog.flowIndex(QStringLiteral("ip-out-v6"));
    EndpointList list;
    list.id = QStringLiteral("many");
    const int listIndex = int(catalog.endpointLists.size());
    for (int i = 0; i < 20000; ++i) {
        Endpoint endpoint;
        endpoint.kind = Endpoint::Kind::Address;
        endpoint.value = QStringLiteral("127.%1.%2.%3").arg(1 + i / 65536).arg((i / 256) % 256).arg(i % 256);
        endpoint.list = listIndex;
        list.endpoints.append(endpoint);
    }
    catalog.endpointLists.append(list);
    catalog.flows[flow].endpointListIds.append(list.id);
    catalog.flows[flow].endpoints += list.endpoints;
    r.scope.flowIds = {QStringLiteral("ip-out-v6")};

    QElapsedTimer timer;
    timer.start();
    const ExportResult result = m_registry.find(QStringLiteral("terraform"))->exportRules(r);
    const qint64 ms = timer.elapsed();
    qInfo("bench: terraform, 20,002 addresses of one flow: %lld ms", ms);
    static const QRegularExpression name(QStringLiteral("(?m)^resource \"\\w+\" \"(\\w+)\""));
    QSet<QString> names;
    int resources = 0;
    for (auto it = name.globalMatch(result.text); it.hasNext(); ++resources)
        names.insert(it.next().captured(1));
    QCOMPARE(resources, 20002);
    QCOMPARE(int(names.size()), 20002);
    QCOMPARE(result.ruleCount, 20002);
}

void TestExporters::everyEntryCommented_data()
{
    QTest::addColumn<QString>("format");
    for (const QString &id : m_registry.ids())
        QTest::addRow("%s", qPrintable(id)) << id;
}

void TestExporters::everyEntryCommented()
{
    QFETCH(QString, format);
    if (format == QLatin1String("aws-nf"))
        QSKIP("create-rule-group's input takes no keys but its own: no place for a comment");
    ExportRequest r = request();
    r.proxy = Proxy;
    const QString text = render(format, r);
    for (const char *idText :
         {"url-heartbeat", "url-update", "url-feedback", "agent-out-dns", "ip-in-agent", "ip-out-v6",
          "relay-local", "relay-update", "relay-relay", "agent-out-unstated"}) {
        const QString id = QString::fromLatin1(idText);
        QVERIFY2(text.contains(id)
                         || (format == QLatin1String("pac")
                             && (id == QLatin1String("agent-out-dns") || id == QLatin1String("ip-in-agent")
                                 || id == QLatin1String("relay-local") || id == QLatin1String("relay-relay")))
                         || (format == QLatin1String("csv") && id == QLatin1String("relay-local")),
                 qPrintable(QStringLiteral("%1 missing from %2").arg(id, format)));
    }
    // The purpose in the request's language, framing or not.
    if (format != QLatin1String("aws-sg")) {
        QVERIFY(text.contains(QStringLiteral("Security updates")));
        r.language = Language::Japanese;
        QVERIFY(render(format, r).contains(QStringLiteral("セキュリティアップデート")));
    }
    // Rules of address formats each carry their entry id.
    if (format == QLatin1String("iptables")) {
        for (const QString &line : codeLines(text, QStringLiteral("#"))) {
            if (line.startsWith(QLatin1String("-A ")))
                QVERIFY2(line.contains(QRegularExpression(QStringLiteral("--comment \"[a-z0-9.-]+: "))),
                         qPrintable(line));
        }
    }
}

void TestExporters::expiredMarked_data()
{
    QTest::addColumn<QString>("format");
    for (const QString &id : m_registry.ids())
        QTest::addRow("%s", qPrintable(id)) << id;
}

void TestExporters::expiredMarked()
{
    QFETCH(QString, format);
    if (format == QLatin1String("aws-nf"))
        QSKIP("a domain list holds no addresses");
    ExportRequest r = request();
    QVERIFY(!render(format, r).contains(QStringLiteral("127.0.0.10")));
    r.scope.includeExpired = true;
    const QString text = render(format, r);
    QVERIFY(text.contains(QStringLiteral("127.0.0.10")));
    QVERIFY(text.contains(QStringLiteral("EXPIRED")));
    // Every line naming an expired address says so (for line formats).
    if (format != QLatin1String("aws-sg") && format != QLatin1String("terraform")) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            // Grouped formats mark the group's comment, above its objects.
            if (line.contains(QStringLiteral("127.0.0.10")) && format != QLatin1String("allowlist")
                && format != QLatin1String("pac") && format != QLatin1String("squid")
                && format != QLatin1String("fortigate") && format != QLatin1String("asa")
                && format != QLatin1String("panos") && format != QLatin1String("azure-firewall")
                && format != QLatin1String("suricata"))
                QVERIFY2(line.contains(QStringLiteral("EXPIRED")), qPrintable(line));
        }
    }
}

void TestExporters::hostNamesInAddressFormats_data()
{
    QTest::addColumn<QString>("format");
    for (const RuleExporter *exporter : m_registry.exporters()) {
        if (exporter->needsAddresses())
            QTest::addRow("%s", qPrintable(exporter->id())) << exporter->id();
    }
}

void TestExporters::hostNamesInAddressFormats()
{
    QFETCH(QString, format);
    const QString text = render(format, request());
    if (format == QLatin1String("iptables") || format == QLatin1String("nftables")) {
        // Set-based: the host names go into the flow's set, a wildcard's covered hosts too.
        QVERIFY2(text.contains(
                         QStringLiteral("# hosts: app.example.test, agents.example.test, api.example.test, "
                                        "gw.cloud.example.test")),
                 qPrintable(text));
        QVERIFY(text.contains(
                QStringLiteral("*.cloud.example.test is a wildcard and cannot be resolved: the set "
                               "holds the catalog's hosts it covers (gw.cloud.example.test)")));
        QVERIFY(text.contains(
                QStringLiteral("*.feedback.example.test is a wildcard host name, not an address")));
        QVERIFY(text.contains(QStringLiteral("the address is site-specific"))
                || text.contains(QStringLiteral("(site key dns) is not set")));
        QVERIFY(!text.contains(QStringLiteral("127.0.0.20")));
        return;
    }
    QVERIFY(text.contains(QStringLiteral("app.example.test is a host name, not an address: allow it at the "
                                         "proxy, or resolve host names at export")));
    QVERIFY(!text.contains(QStringLiteral("--resolve-hosts")));
    QVERIFY(text.contains(QStringLiteral("*.cloud.example.test is a wildcard host name, not an address")));
    QVERIFY(text.contains(QStringLiteral("the address is site-specific")));
    QVERIFY(!text.contains(QStringLiteral("127.0.0.20")));
}

void TestExporters::resolvedHosts_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::addRow("iptables") << "iptables"
                              << "-A OUTPUT -d 127.0.0.21/32 -p tcp -m tcp --dport 80 -m comment --comment "
                                 "\"url-update: Security updates (files.example.test resolved at "
                                 "2024-05-01T12:00:00Z)\" -j ACCEPT";
    QTest::addRow("nftables") << "nftables"
                              << "elements = { ::1 timeout 3600s }";
    QTest::addRow("windows-firewall") << "windows-firewall"
                                      << "-RemoteAddress '127.0.0.20/32'";
    QTest::addRow("aws-sg") << "aws-sg"
                            << "\"CidrIp\": \"127.0.0.22/32\"";
    QTest::addRow("terraform") << "terraform"
                               << "cidr_ipv6         = \"::1/128\"";
    QTest::addRow("csv") << "csv"
                         << "address,127.0.0.20,,443,tcp";
    QTest::addRow("markdown") << "markdown"
                              << "127.0.0.20 (resolved from app.example.test)";
}

void TestExporters::resolvedHosts()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    ExportRequest r = request();
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    const QString text = render(format, r);
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("2024-05-01T12:00:00Z")));
    // A name that did not resolve says so; a wildcard cannot be resolved.
    if (format != QLatin1String("csv"))
        QVERIFY(text.contains(QStringLiteral("agents.example.test did not resolve at 2024-05-01T12:00:00Z")));
}

void TestExporters::resolverAsksOnlyPlainNames()
{
    ExportRequest r = request();
    r.scope.roles = {QStringLiteral("agent")};
    QStringList asked;
    ExportSelection::resolveHosts(
            r,
            [&asked](const QString &host) {
                asked.append(host);
                return QList<QHostAddress>();
            },
            fixedTime());
    QCOMPARE(asked,
             (QStringList{"agents.example.test", "api.example.test", "app.example.test", "files.example.test",
                          "gw.cloud.example.test", "ipv6.example.test"}));
    QCOMPARE(r.resolvedAt, fixedTime());
}

void TestExporters::siteProfile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected"); // with dns=127.0.0.53
    QTest::addRow("iptables") << "iptables"
                              << "-A OUTPUT -d 127.0.0.53/32 -p udp -m udp --dport 53 -m comment --comment "
                                 "\"agent-out-dns: Name resolution (DNS server on your site: 127.0.0.53 "
                                 "(site key dns))\" -j ACCEPT";
    QTest::addRow("nftables") << "nftables"
                              << "ip daddr 127.0.0.53/32 tcp dport 53 accept";
    QTest::addRow("windows-firewall") << "windows-firewall"
                                      << "-Protocol UDP -RemotePort 53 -RemoteAddress '127.0.0.53/32'";
    QTest::addRow("aws-sg") << "aws-sg"
                            << "\"CidrIp\": \"127.0.0.53/32\"";
    QTest::addRow("terraform") << "terraform"
                               << "cidr_ipv4         = \"127.0.0.53/32\"";
    QTest::addRow("csv") << "csv"
                         << "agent-out-dns,egress,address,127.0.0.53";
}

// The site profile's addresses make the customer-side flows real rules for the agent.
void TestExporters::siteProfile()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    ExportRequest r = request();
    r.scope.roles = {QStringLiteral("agent")};
    const ExportResult without = m_registry.find(format)->exportRules(r);
    QVERIFY(!without.text.contains(QStringLiteral("127.0.0.53")));
    r.siteAddresses = {{QStringLiteral("dns"), QStringLiteral("127.0.0.53")}};
    const ExportResult with = m_registry.find(format)->exportRules(r);
    QVERIFY2(with.text.contains(expected), qPrintable(with.text));
    QVERIFY(with.ruleCount > without.ruleCount);
    QVERIFY(!with.text.contains(QStringLiteral("No site address")));
    QVERIFY(with.text.contains(QStringLiteral("dns = 127.0.0.53")) || format == QLatin1String("aws-sg")
            || format == QLatin1String("csv"));
    // A host name as the site's address is a host name rule, resolvable like the catalog's.
    r.siteAddresses = {{QStringLiteral("dns"), QStringLiteral("NS.Site.test")}};
    bool found = false;
    for (const ExportRule &rule : ExportSelection::rules(r)) {
        if (rule.flowId == QLatin1String("agent-out-dns")) {
            QCOMPARE(rule.kind, ExportRule::Kind::HostName);
            QCOMPARE(rule.value, QStringLiteral("ns.site.test"));
            QCOMPARE(rule.siteKey, QStringLiteral("dns"));
            found = true;
        }
    }
    QVERIFY(found);
    // A value no firewall takes is no rule.
    r.siteAddresses = {{QStringLiteral("dns"), QStringLiteral("not an address; rm -rf")}};
    QVERIFY(!render(format, r).contains(QStringLiteral("rm -rf")));
}

// A missing site address is said once in the header, whatever the number of its flows.
void TestExporters::siteGapSaidOnce()
{
    ExportRequest r = request();
    r.scope.roles = {QStringLiteral("agent")};
    // A second flow to the DNS server.
    Flow second = r.catalog.flows.at(r.catalog.flowIndex(QStringLiteral("agent-out-dns")));
    second.id = QStringLiteral("agent-out-dns-2");
    r.catalog.flows.append(second);
    const QList<ExportSelection::SiteGap> gaps = ExportSelection::siteGaps(r);
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps.first().siteKey, QStringLiteral("dns"));
    QCOMPARE(gaps.first().flowIds, (QStringList{"agent-out-dns", "agent-out-dns-2"}));
    for (const QString &format : m_registry.ids()) {
        const QString text = render(format, r);
        // CSV has no header: its rows carry the note; a domain list has no place for one.
        QCOMPARE(int(text.count(QStringLiteral("No site address for DNS server (site key dns)"))),
                 format == QLatin1String("csv") || format == QLatin1String("aws-nf") ? 0 : 1);
        QVERIFY2(!text.contains(QStringLiteral("--site")), qPrintable(format));
    }
    r.siteAddresses = {{QStringLiteral("dns"), QStringLiteral("127.0.0.53")}};
    QVERIFY(ExportSelection::siteGaps(r).isEmpty());
}

void TestExporters::escaping_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("oneLine");
    QTest::addRow("newline") << "a\nb\r\nc"
                             << "a b c";
    QTest::addRow("separators") << QString::fromUtf8("a\u2028b\u2029c\u0085d") << "a b c d";
    QTest::addRow("tabs and spaces") << " a\t\t b  "
                                     << "a b";
    QTest::addRow("non-ASCII kept") << QString::fromUtf8("日本語 ‘x’") << QString::fromUtf8("日本語 ‘x’");
}

void TestExporters::escaping()
{
    QFETCH(QString, input);
    QFETCH(QString, oneLine);
    QCOMPARE(ExportText::oneLine(input), oneLine);
    const QString cut = ExportText::truncateUtf8(QString(100, QChar(0x65e5)), 127);
    QVERIFY(cut.toUtf8().size() <= 127);
    QVERIFY(cut.endsWith(QStringLiteral("...")));
    QCOMPARE(ExportText::awsDescription(QStringLiteral("a\"b'c `d` $(e) 日本 ;#")),
             QStringLiteral("abc d $(e) ;#"));
}

void TestExporters::proxySyntax_data()
{
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<bool>("valid");
    QTest::addRow("address") << "127.0.0.1:3128" << true;
    QTest::addRow("name") << "proxy.example.test:8080" << true;
    QTest::addRow("ipv6") << "[::1]:3128" << true;
    QTest::addRow("no port") << "proxy.example.test" << false;
    QTest::addRow("port 0") << "proxy.example.test:0" << false;
    QTest::addRow("port too big") << "proxy.example.test:65536" << false;
    QTest::addRow("quote") << "proxy\".example.test:80" << false;
    QTest::addRow("semicolon") << "a;b:80" << false;
    QTest::addRow("bare ipv6") << "::1:80" << false;
}

void TestExporters::proxySyntax()
{
    QFETCH(QString, proxy);
    QFETCH(bool, valid);
    QCOMPARE(ExportText::isValidProxy(proxy), valid);
}

void TestExporters::iptablesRestore_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::addRow("catalog") << "catalog.json";
    QTest::addRow("hostile") << "hostile.json";
    QTest::addRow("hostile-long") << "hostile-long";
}

void TestExporters::iptablesRestore()
{
    QFETCH(QString, catalog);
    ExportRequest r = request(catalog);
    r.scope.includeExpired = true;
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    if (const QString problem = namespaceProblem(QStringLiteral("iptables-restore")); !problem.isEmpty())
        QSKIP(qPrintable(problem));
    if (const QString problem = namespaceProblem(QStringLiteral("ipset")); !problem.isEmpty())
        QSKIP(qPrintable(problem));
    const ExportResult result = m_registry.find(QStringLiteral("iptables"))->exportRules(r);
    const QString text = result.text;
    const QString file = writeTemp(QStringLiteral("rules.v4"), text);
    QCOMPARE(result.files.size(), 3);
    const QString refresher = writeTemp(result.files.first().fileName, result.files.first().text);
    // The refresher creates the (empty) ipsets the rules reference, then iptables-restore loads.
    const Run check = runInNamespace(QStringLiteral("sh \"$2\" --create && iptables-restore --test \"$1\""),
                                     {file, refresher});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output + text));
    // Loaded for real (in the private namespace), every rule is there with its comment intact.
    const Run load = runInNamespace(
            QStringLiteral(
                    "sh \"$2\" --create && iptables-restore --noflush \"$1\" && iptables-save -t filter"),
            {file, refresher});
    QVERIFY2(load.exitCode == 0, qPrintable(load.output));
    int expected = 0;
    for (const QString &line : codeLines(text, QStringLiteral("#")))
        expected += line.startsWith(QLatin1String("-A ")) ? 1 : 0;
    QVERIFY(expected >= 8);
    QCOMPARE(load.output.count(QStringLiteral("-j ACCEPT")), expected);
    QCOMPARE(load.output.count(QStringLiteral("--comment")), expected);
    QVERIFY(load.output.contains(QStringLiteral("-A INPUT -s 127.10.0.0/24")));
    QVERIFY(load.output.contains(QStringLiteral("-m set --match-set pl_url_heartbeat_4 dst")));
}

void TestExporters::nftCheck_data()
{
    iptablesRestore_data();
}

void TestExporters::nftCheck()
{
    QFETCH(QString, catalog);
    ExportRequest r = request(catalog);
    r.scope.includeExpired = true;
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    if (const QString problem = namespaceProblem(QStringLiteral("nft")); !problem.isEmpty())
        QSKIP(qPrintable(problem));
    const QString text = render(QStringLiteral("nftables"), r);
    const QString file = writeTemp(QStringLiteral("rules.nft"), text);
    const Run check = runInNamespace(QStringLiteral("nft -c -f \"$1\""), {file});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output + text));
    const Run load = runInNamespace(QStringLiteral("nft -f \"$1\" && nft list table inet portolan"), {file});
    QVERIFY2(load.exitCode == 0, qPrintable(load.output));
    int expected = 0;
    for (const QString &line : codeLines(text, QStringLiteral("#")))
        expected += line.contains(QLatin1String(" accept comment ")) ? 1 : 0;
    QVERIFY(expected >= 10);
    QCOMPARE(load.output.count(QStringLiteral(" accept comment ")), expected);
    QVERIFY(load.output.contains(QStringLiteral("ip6 daddr ::1 tcp dport 443 accept")));
}

void TestExporters::refresherFillsSets_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("nftables") << "nftables";
    QTest::addRow("iptables") << "iptables";
}

// The set-based output loaded in a private network namespace, its refresher run against dnsmasq
// on that namespace's loopback (fixed answers, no upstream): the sets fill with the final
// addresses of CNAME chains, a second refresh replaces them, a refresh that resolves nothing
// keeps them.
void TestExporters::refresherFillsSets()
{
    QFETCH(QString, format);
    const bool nft = format == QLatin1String("nftables");
    for (const QString &tool :
         {nft ? QStringLiteral("nft") : QStringLiteral("ipset"), QStringLiteral("dnsmasq"),
          QStringLiteral("dig"), QStringLiteral("iptables-restore")}) {
        if (const QString problem = namespaceProblem(tool); !problem.isEmpty())
            QSKIP(qPrintable(problem));
    }
    ExportRequest r = request();
    r.scope.roles = {QStringLiteral("agent")};
    const ExportResult result = m_registry.find(format)->exportRules(r);
    QCOMPARE(result.files.size(), 3);
    QStringList names;
    for (const ExportFile &file : result.files)
        names << file.fileName;
    QCOMPARE(names,
             (QStringList{"portolan-refresh.sh", "portolan-refresh.service", "portolan-refresh.timer"}));
    QVERIFY(result.files.at(0).isExecutable);
    QVERIFY(result.files.at(2).text.contains(QStringLiteral("OnUnitActiveSec=5min")));
    QVERIFY(result.files.at(1).text.contains(
            QStringLiteral("ExecStart=/usr/local/sbin/portolan-refresh.sh")));
    const QString rules = writeTemp(QStringLiteral("sets.") + format, result.text);
    const QString refresher =
            writeTemp(QStringLiteral("refresh-") + format + QStringLiteral(".sh"), result.files.first().text);
    const QString dnsmasqOptions = QStringLiteral(
            "--keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --listen-address=127.0.0.1 "
            "--bind-interfaces --port=53 --user=root --group= --pid-file= --log-facility=- "
            "--host-record=node.cdn.test,127.0.0.21 --host-record=node.cdn.test,127.0.0.22 "
            "--cname=edge.cdn.test,node.cdn.test "
            "--cname=files.example.test,edge.cdn.test --address=/ipv6.example.test/::1 "
            "--address=/api.example.test/127.0.0.23 --address=/gw.cloud.example.test/127.0.0.24");
    const QString list = nft ? QStringLiteral("nft list set inet portolan") : QStringLiteral("ipset list");
    const QString script =
            QStringLiteral("set -e\n"
                           "ip link set lo up\n"
                           "serve() {\n"
                           "    dnsmasq %1 \"$@\" 2>/dev/null &\n"
                           "    pid=$!\n"
                           "    for i in $(seq 100); do\n"
                           "        dig +short +time=1 +tries=1 @127.0.0.1 api.example.test A | grep -q 127 "
                           "&& return 0\n"
                           "        sleep 0.05\n"
                           "    done\n"
                           "    return 1\n"
                           "}\n"
                           "%2\n"
                           "serve --address=/app.example.test/127.0.0.20\n"
                           "PORTOLAN_DNS_SERVER=127.0.0.1 sh \"$2\"\n"
                           "echo '== first'; %3 pl_url_heartbeat_4; %3 pl_url_update_4\n"
                           "%4"
                           "kill $pid; wait $pid || true\n"
                           "serve --address=/app.example.test/127.0.0.25\n"
                           "PORTOLAN_DNS_SERVER=127.0.0.1 sh \"$2\"\n"
                           "echo '== second'; %3 pl_url_heartbeat_4\n"
                           "kill $pid; wait $pid || true\n"
                           "PORTOLAN_DNS_SERVER=127.0.0.1 sh \"$2\" 2>&1\n"
                           "echo '== third'; %3 pl_url_heartbeat_4\n")
                    .arg(dnsmasqOptions,
                         nft ? QStringLiteral("nft -f \"$1\"")
                             : QStringLiteral("sh \"$2\" --create; iptables-restore --noflush \"$1\""),
                         list, nft ? QStringLiteral("%1 pl_url_update_6\n").arg(list) : QString());
    const Run run = runInNamespace(script, {rules, refresher});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    const QString first =
            run.output.section(QStringLiteral("== first"), 1).section(QStringLiteral("== second"), 0, 0);
    const QString second =
            run.output.section(QStringLiteral("== second"), 1).section(QStringLiteral("== third"), 0, 0);
    const QString third = run.output.section(QStringLiteral("== third"), 1);
    // The heartbeat set: app, api and gw.cloud (the host the wildcard *.cloud covers); agents.*
    // has no answer. The update set: files.example.test through two CNAMEs.
    for (const char *address : {"127.0.0.20", "127.0.0.23", "127.0.0.24", "127.0.0.21", "127.0.0.22"})
        QVERIFY2(first.contains(QLatin1String(address)),
                 qPrintable(address + QStringLiteral(" in ") + run.output));
    if (nft)
        QVERIFY2(first.contains(QStringLiteral("::1")), qPrintable(first));
    QVERIFY(first.contains(QStringLiteral("timeout")));
    QVERIFY2(second.contains(QStringLiteral("127.0.0.25")) && !second.contains(QStringLiteral("127.0.0.20")),
             qPrintable(second));
    QVERIFY2(third.contains(QStringLiteral("127.0.0.25")), qPrintable(third));
    QVERIFY2(run.output.contains(QStringLiteral("pl_url_heartbeat_4: no A address resolved, contents kept")),
             qPrintable(run.output));
    // Hostile catalog text is only ever in comments of the script.
    ExportRequest hostile = request(QStringLiteral("hostile.json"));
    hostile.scope.includeExpired = true;
    for (const ExportFile &file : m_registry.find(format)->exportRules(hostile).files) {
        for (const QString &line : codeLines(file.text, QStringLiteral("#")))
            QVERIFY2(!line.contains(QStringLiteral("touch")) && !line.contains(QStringLiteral("pwned")),
                     qPrintable(line));
    }
}

void TestExporters::suricataParse_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::addRow("catalog") << "catalog.json";
    QTest::addRow("hostile") << "hostile.json";
    QTest::addRow("hostile-long") << "hostile-long";
}

// suricata-update's rule parser reads every line as a pass rule with its own sid; only the flow
// id reaches msg.
void TestExporters::suricataParse()
{
    QFETCH(QString, catalog);
    const QString python = QStringLiteral("/usr/bin/python3");
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import suricata.update.rule")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        QSKIP("suricata-update is not installed");
    ExportRequest r = request(catalog);
    r.scope.includeExpired = true;
    r.siteAddresses = {{QStringLiteral("dns"), QStringLiteral("127.0.0.53")},
                       {QStringLiteral("ntp"), QStringLiteral("::1")}};
    const QString text = render(QStringLiteral("suricata"), r);
    const QString file = writeTemp(QStringLiteral("portolan.rules"), text);
    QProcess process;
    process.start(python, {data(QStringLiteral("suricataparse.py")), file});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    QSet<int> sids;
    int rules = 0;
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const QJsonObject parsed = QJsonDocument::fromJson(line).object();
        QVERIFY2(!parsed.contains(QStringLiteral("error")), line.constData());
        QCOMPARE(parsed.value(QStringLiteral("action")).toString(), QStringLiteral("pass"));
        QCOMPARE(parsed.value(QStringLiteral("direction")).toString(), QStringLiteral("->"));
        QVERIFY2(parsed.value(QStringLiteral("msg"))
                         .toString()
                         .contains(QRegularExpression(QStringLiteral("^portolan [a-z0-9._-]+$"))),
                 line.constData());
        sids.insert(parsed.value(QStringLiteral("sid")).toInt());
        ++rules;
    }
    QCOMPARE(rules, int(text.count(QStringLiteral("\npass "))));
    QCOMPARE(int(sids.size()), rules);
    QVERIFY(rules >= 5);
}

void TestExporters::squidParse_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<QStringList>("sources");
    QTest::addRow("catalog") << "catalog.json" << QString() << QStringList();
    QTest::addRow("catalog via parent") << "catalog.json" << Proxy << QStringList();
    QTest::addRow("catalog, two client subnets")
            << "catalog.json" << QString() << QStringList{"10.0.0.0/8", "fd00::/8", "192.168.1.5"};
    QTest::addRow("hostile via parent") << "hostile.json" << Proxy << QStringList{"10.0.0.0/8"};
    QTest::addRow("hostile-long via parent") << "hostile-long" << Proxy << QStringList();
}

void TestExporters::squidParse()
{
    QFETCH(QString, catalog);
    QFETCH(QString, proxy);
    QFETCH(QStringList, sources);
    const QString squid = findTool(QStringLiteral("squid"));
    if (squid.isEmpty())
        QSKIP("squid is not installed");
    ExportRequest r = request(catalog);
    r.scope.includeExpired = true;
    r.proxy = proxy;
    r.squidSources = sources;
    const QString text = render(QStringLiteral("squid"), r);
    // Every allow line names its method and one port; with sources, the clients too.
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("http_access allow ")))
            continue;
        QVERIFY2(line.contains(QRegularExpression(QStringLiteral("^http_access allow !?portolan_connect "))),
                 qPrintable(line));
        QVERIFY2(line.contains(QRegularExpression(QStringLiteral(" portolan_port_[0-9]+$"))),
                 qPrintable(line));
        QCOMPARE(line.contains(QLatin1String(" portolan_clients ")), !sources.isEmpty());
    }
    // Plain HTTP flows are plain requests, HTTPS ones CONNECT, never the other way round.
    if (catalog == QLatin1String("catalog.json")) {
        QVERIFY(text.contains(QStringLiteral("http_access allow portolan_connect")));
        QVERIFY(text.contains(QStringLiteral("http_access allow !portolan_connect")));
        QVERIFY(!text.contains(
                QRegularExpression(QStringLiteral("allow portolan_connect[^\n]* portolan_port_80\n"))));
    }
    QVERIFY(text.contains(QStringLiteral(" .cloud.example.test")));
    QVERIFY(!text.contains(QStringLiteral(" gw.cloud.example.test"))); // covered by the wildcard
    QCOMPARE(text.contains(QStringLiteral("cache_peer 127.0.0.1 parent 3128")), !proxy.isEmpty());
    const QString exported = writeTemp(QStringLiteral("portolan.conf"), text);
    // Where the comment says: after Debian's stock deny lines, before "deny all".
    const QString config = writeTemp(QStringLiteral("squid.conf"),
                                     QStringLiteral("http_port 127.0.0.1:3128\n"
                                                    "pid_filename none\n"
                                                    "cache_log /dev/null\n"
                                                    "acl SSL_ports port 443\n"
                                                    "acl Safe_ports port 80\n"
                                                    "acl Safe_ports port 443\n"
                                                    "acl CONNECT method CONNECT\n"
                                                    "http_access deny !Safe_ports\n"
                                                    "http_access deny CONNECT !SSL_ports\n"
                                                    "include %1\n"
                                                    "http_access deny all\n")
                                             .arg(exported));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(squid, {QStringLiteral("-k"), QStringLiteral("parse"), QStringLiteral("-f"), config});
    QVERIFY(process.waitForFinished(30000));
    const QString output = QString::fromUtf8(process.readAll());
    QVERIFY2(process.exitCode() == 0, qPrintable(output));
    QVERIFY2(!output.contains(QRegularExpression(QStringLiteral("WARNING|ERROR|FATAL|Bungled"))),
             qPrintable(output));
    // Every http_access line was read from the exported file.
    const int accessLines = text.count(QStringLiteral("\nhttp_access allow "));
    QVERIFY(accessLines >= 4);
    QCOMPARE(output.count(QStringLiteral("Processing: http_access allow ")), accessLines);
}

void TestExporters::pacDecisions_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<bool>("inverse");
    QTest::addRow("through proxy") << "catalog.json" << Proxy << false;
    QTest::addRow("direct") << "catalog.json" << QString() << false;
    QTest::addRow("hostile") << "hostile.json" << Proxy << false;
    // Get-PacFile -Type 2: the catalog DIRECT, everything else through the proxy.
    QTest::addRow("inverse") << "catalog.json" << Proxy << true;
    QTest::addRow("inverse, hostile") << "hostile.json" << Proxy << true;
}

void TestExporters::pacDecisions()
{
    QFETCH(QString, catalog);
    QFETCH(QString, proxy);
    QFETCH(bool, inverse);
    const QString node = findTool(QStringLiteral("node"));
    if (node.isEmpty())
        QSKIP("node is not installed");
    ExportRequest r = request(catalog);
    r.proxy = proxy;
    r.pacDirectForCatalog = inverse;
    r.scope.includeExpired = true;
    const QString file = writeTemp(QStringLiteral("proxy.pac"), render(QStringLiteral("pac"), r));

    const QString viaProxy = proxy.isEmpty() ? QStringLiteral("DIRECT") : QStringLiteral("PROXY ") + proxy;
    const QString through = inverse ? QStringLiteral("DIRECT") : viaProxy; // the catalog's hosts
    const QString others = inverse ? viaProxy : QStringLiteral("DIRECT");
    QHash<QString, QString> expected;
    for (const Flow &flow : r.catalog.flows) {
        if (FlowFilter::directionOf(r.catalog, flow, {}) != Direction::Outbound)
            continue;
        for (const Endpoint &endpoint : flow.endpoints) {
            QString host = endpoint.kind == Endpoint::Kind::Address ? endpoint.value : endpoint.hostName();
            if (host.isEmpty())
                continue;
            if (endpoint.isWildcard()) {
                expected.insert(QStringLiteral("deep.x") + host.mid(1), through);
                host = host.mid(2); // the apex
            }
            expected.insert(host, through);
        }
    }
    QVERIFY(expected.size() >= 12);
    expected.insert(QStringLiteral("unrelated.example.org"), others);
    expected.insert(QStringLiteral("evilcloud.example.test"), others);
    expected.insert(QStringLiteral("127.10.0.5"), others); // inbound network
    expected.insert(QStringLiteral("APP.example.test"), through);

    QProcess process;
    process.start(node, QStringList{data(QStringLiteral("pachost.js")), file} + expected.keys());
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject decisions = result.value(QStringLiteral("decisions")).toObject();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QVERIFY2(decisions.value(it.key()).toString() == it.value(),
                 qPrintable(it.key() + QStringLiteral(": ") + decisions.value(it.key()).toString()));
    // No DNS lookups, no stray globals.
    QCOMPARE(result.value(QStringLiteral("lookups")).toArray().size(), 0);
    QCOMPARE(result.value(QStringLiteral("globals")).toArray().toVariantList(),
             QVariantList{QStringLiteral("FindProxyForURL")});
}

void TestExporters::awsShape_data()
{
    iptablesRestore_data();
}

void TestExporters::awsShape()
{
    QFETCH(QString, catalog);
    ExportRequest r = request(catalog);
    r.scope.includeExpired = true;
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    const QString text = render(QStringLiteral("aws-sg"), r);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    int ranges = 0;
    const QString problem = awsProblem(doc.object(), &ranges);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // 127.0.0.10, .11, .12, .20, .21 x2 ports, .22 x2, ::1 (address and resolved), 127.10.0.0/24
    // and .13 (443 only: its list's subset of the flow's 80 and 443), .30 twice (no transport stated:
    // tcp and udp)
    QCOMPARE(ranges, catalog == QLatin1String("catalog.json") ? 14 : 11); // hostile: without .13 and .30
    const QJsonArray ingress = doc.object()
                                       .value(QStringLiteral("authorize-security-group-ingress"))
                                       .toObject()
                                       .value(QStringLiteral("IpPermissions"))
                                       .toArray();
    QCOMPARE(ingress.size(), 1);
    QCOMPARE(ingress.at(0).toObject().value(QStringLiteral("FromPort")).toInt(), 4118);
    QVERIFY(text.contains(QStringLiteral("not an address")));
}

void TestExporters::golden_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("language");
    for (const char *format : {"windows-firewall", "terraform", "fortigate", "asa", "panos", "azure-firewall",
                               "aws-nf", "suricata", "allowlist", "csv", "markdown"})
        QTest::addRow("%s", format) << QString::fromLatin1(format) << QStringLiteral("en");
    QTest::addRow("terraform-ja") << "terraform"
                                  << "ja";
}

void TestExporters::golden()
{
    QFETCH(QString, format);
    QFETCH(QString, language);
    ExportRequest r = request();
    r.scope.includeExpired = true;
    r.language = *languageFromCode(language);
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    const QString text = render(format, r);
    const QString suffix = language == QLatin1String("en") ? QString() : QLatin1Char('-') + language;
    const QString golden = data(
            QStringLiteral("golden/%1%2.%3").arg(format, suffix, m_registry.find(format)->fileExtension()));
    if (qEnvironmentVariableIntValue("PORTOLAN_UPDATE_GOLDEN")) {
        QFile out(golden);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(text.toUtf8());
        qInfo("updated %s", qPrintable(golden));
    }
    QFile file(golden);
    QVERIFY2(file.open(QIODevice::ReadOnly),
             qPrintable(golden + QStringLiteral(" (PORTOLAN_UPDATE_GOLDEN=1)")));
    QCOMPARE(text, QString::fromUtf8(file.readAll()));
}

void TestExporters::hostileLoads()
{
    const CatalogLoader::Result loaded = CatalogLoader::loadFile(data(QStringLiteral("hostile.json")));
    QVERIFY2(loaded.isOk(), qPrintable(loaded.error.toString()));
    QVERIFY(loaded.catalog->flows.first().description.en.contains(QStringLiteral("$(touch")));
}

void TestExporters::hostile_data()
{
    QTest::addColumn<QString>("format");
    for (const QString &id : m_registry.ids())
        QTest::addRow("%s", qPrintable(id)) << id;
}

// The real validators run on the hostile catalog above (iptablesRestore, nftCheck, squidParse,
// pacDecisions, awsShape); here every format's code lines keep the shape they must have, so no
// catalog text became code.
void TestExporters::hostile()
{
    QFETCH(QString, format);
    ExportRequest r = request(QStringLiteral("hostile.json"));
    r.scope.includeExpired = true;
    r.proxy = Proxy;
    ExportSelection::resolveHosts(r, &fakeResolve, fixedTime());
    const QString text = render(format, r);
    QVERIFY(!text.contains(QChar(0x2028)));
    QVERIFY(!text.contains(QLatin1Char('\r')) || format == QLatin1String("csv"));

    QRegularExpression shape;
    QString commentPrefix = QStringLiteral("#");
    if (format == QLatin1String("iptables")) {
        shape.setPattern(QStringLiteral(
                "^(\\*filter|COMMIT|-A (OUTPUT|INPUT) (-[sd] [0-9./]+|-m set --match-set pl_\\w+ (src|dst)) "
                "-p "
                "(tcp|udp) -m (tcp|udp) --dport \\d+ -m comment --comment \"[^\"\\\\]*\" -j ACCEPT)$"));
    } else if (format == QLatin1String("nftables")) {
        shape.setPattern(
                QStringLiteral("^(table inet portolan \\{|    chain (output|input) \\{|        type filter "
                               "hook (output|input) priority filter; policy accept;|    \\}|\\}|        "
                               "ip6? [sd]addr ([0-9a-f.:/]+|@pl_\\w+) (tcp|udp) dport \\d+ accept comment "
                               "\"[^\"\\\\]*\"|    set "
                               "pl_\\w+ \\{|        type ipv[46]_addr|        flags timeout|        elements "
                               "= \\{ [0-9a-f.:]+ "
                               "timeout \\d+s(, [0-9a-f.:]+ timeout \\d+s)* \\})$"));
    } else if (format == QLatin1String("windows-firewall")) {
        const QString str = QStringLiteral("'(?:[^'\\x{2018}-\\x{201B}]|'')*'");
        shape.setPattern(
                QStringLiteral("^New-NetFirewallRule -DisplayName %1 -Group 'Portolan' -Direction "
                               "(Inbound|Outbound) -Action Allow -Protocol (TCP|UDP) -(Local|Remote)Port "
                               "\\d+ -RemoteAddress '[0-9a-f.:/]+' -Description %1$")
                        .arg(str));
    } else if (format == QLatin1String("terraform")) {
        const QString str =
                QStringLiteral("\"(?:[^\"\\\\$%]|\\\\[\\\\\"]|\\$\\$\\{|%%\\{|\\$(?!\\{)|%(?!\\{))*\"");
        shape.setPattern(
                QStringLiteral("^(variable \"security_group_id\" \\{|resource "
                               "\"aws_vpc_security_group_(egress|ingress)_rule\" \"portolan_\\w+\" \\{|\\}|"
                               "  (description|ip_protocol|cidr_ipv4|cidr_ipv6) +=  ?%1|  type +="
                               " string|  security_group_id = var.security_group_id|  (from|to)_port +"
                               "= \\d+)$")
                        .arg(str));
    } else if (format == QLatin1String("fortigate")) {
        // Only FortiOS CLI lines; names and values from the catalog only inside quotes, and
        // only host names, addresses and numbers there.
        shape.setPattern(QStringLiteral(
                "^(config firewall (address|addrgrp|service custom|policy)|end|    next|    edit 0|"
                "        append member( \"portolan-[\\w-]+\")+|"
                "    edit \"portolan-[\\w-]+\"|        set type fqdn|        set fqdn \"[\\w.*-]+\"|"
                "        set subnet [0-9.]+ [0-9.]+|        set member( \"portolan-[\\w-]+\")+|"
                "        set (tcp|udp)-portrange [0-9]+|        set name \"portolan-[\\w-]+\"|"
                "        set (srcintf \"internal\"|dstintf \"wan1\"|srcaddr \"all\"|action accept|schedule "
                "\"always\")|"
                "        set dstaddr \"portolan-[\\w-]+\"|        set service( "
                "\"portolan-(tcp|udp)-[0-9]+\")+)$"));
    } else if (format == QLatin1String("suricata")) {
        // Names only inside content:"…", checked as host names; msg holds only a flow id.
        shape.setPattern(QStringLiteral(
                "^pass ((tls|http) \\$HOME_NET any -> \\$EXTERNAL_NET [0-9]+ \\((tls\\.sni|http\\.host); "
                "(dotprefix; )?"
                "content:\"[\\w.-]+\"; nocase; (startswith; )?endswith; flow:to_server, established; |"
                "(tcp|udp) \\$HOME_NET any -> (\\[[0-9a-fA-F.:/,]+\\]|[0-9a-fA-F.:/]+) [0-9]+ "
                "\\((flow:to_server; )?)"
                "msg:\"portolan [\\w-]+\"; sid:[0-9]+; rev:1;\\)$"));
        const QRegularExpression sid(QStringLiteral("sid:([0-9]+);"));
        QSet<QString> sids;
        for (auto m = sid.globalMatch(text); m.hasNext();)
            sids.insert(m.next().captured(1));
        QCOMPARE(sids.size(), int(text.count(QStringLiteral("sid:")))); // unique
    } else if (format == QLatin1String("panos")) {
        // Catalog text only in double-quoted descriptions, without quotes or backslashes.
        shape.setPattern(QStringLiteral(
                "^set (service portolan-(tcp|udp)-[0-9]+ protocol (tcp|udp) port [0-9]+|"
                "address portolan-[\\w-]+ (fqdn [\\w.-]+|ip-netmask [0-9a-fA-F.:/]+)|"
                "address-group portolan-[\\w-]+ static \\[( portolan-[\\w-]+)+ \\]|"
                "rulebase security rules portolan-[\\w-]+ from trust to untrust source any destination "
                "(portolan-[\\w-]+|any category portolan-[\\w-]+) application any service \\[( "
                "portolan-(tcp|udp)-[0-9]+)+ "
                "\\] action allow|rulebase security rules portolan-[\\w-]+ description \"[^\"\\\\]*\"|"
                "profiles custom-url-category portolan-[\\w-]+ type \"URL List\"|"
                "profiles custom-url-category portolan-[\\w-]+ list \\[( \\*\\.[\\w.-]+)+ \\])$"));
    } else if (format == QLatin1String("azure-firewall")) {
        // A shell script: catalog values only single-quoted, and only names and addresses there.
        shape.setPattern(QStringLiteral("^(#!/bin/sh|set -eu|: \"\\$\\{(RG|FW):\\?set (RG to the resource "
                                        "group|FW to the firewall)\\}\"|"
                                        "az network firewall application-rule create --resource-group "
                                        "\"\\$RG\" --firewall-name \"\\$FW\" "
                                        "--collection-name portolan-app (--priority 200 --action Allow "
                                        ")?--name [\\w-]+ --protocols( Https?=[0-9]+)+ "
                                        "--source-addresses '\\*' --target-fqdns( '[\\w.*-]+')+|"
                                        "az network firewall network-rule create --resource-group \"\\$RG\" "
                                        "--firewall-name \"\\$FW\" "
                                        "--collection-name portolan-net (--priority 210 --action Allow "
                                        ")?--name [\\w-]+ --protocols( (TCP|UDP|Any))+ "
                                        "--source-addresses '\\*' --destination-(addresses|fqdns)( "
                                        "'[\\w.:/-]+')+ --destination-ports( [0-9]+)+)$"));
    } else if (format == QLatin1String("asa")) {
        commentPrefix = QStringLiteral("!");
        shape.setPattern(QStringLiteral(
                "^(object network portolan-[\\w-]+| fqdn [\\w.-]+| host [0-9a-fA-F.:]+| subnet [0-9.]+ "
                "[0-9.]+|"
                " subnet [0-9a-fA-F:]+/[0-9]+|object-group (network|service) portolan-[\\w-]+|"
                " network-object object portolan-[\\w-]+| service-object (tcp|udp) destination eq [0-9]+|"
                "access-list portolan-egress remark [ -~]{1,100}|access-list portolan-egress extended permit "
                "object-group portolan-[\\w-]+ any object-group portolan-[\\w-]+)$"));
    } else if (format == QLatin1String("squid")) {
        shape.setPattern(QStringLiteral(
                "^(acl portolan_[\\w.-]+ (dstdomain|dst|src)( [\\w.:/*-]+)+|acl portolan_port_[0-9]+ "
                "port [0-9]+|acl portolan_connect method CONNECT|http_access allow "
                "!?portolan_connect( portolan_clients)? portolan_[\\w.-]+ portolan_port_[0-9]+|cache_peer "
                "127\\.0\\.0\\.1 parent 3128 0 no-query "
                "no-digest name=portolan_parent|cache_peer_access portolan_parent "
                "(allow portolan_[\\w.-]+|deny all)|never_direct allow portolan_[\\w.-]+)$"));
    } else if (format == QLatin1String("pac")) {
        commentPrefix = QStringLiteral("//");
        shape.setPattern(QStringLiteral(
                "^(function FindProxyForURL\\(url, host\\) \\{|    host = "
                "host.toLowerCase\\(\\);|    var isIpv4 = .*;|    if \\(.*|        .*(\\)| \\|\\|)|"
                "        return \"[A-Z0-9 .:]+\";|    return \"DIRECT\";|\\})$"));
        for (const QString &line : codeLines(text, commentPrefix)) {
            // Conditions hold only quoted host names and addresses.
            QString rest = line;
            rest.remove(QRegularExpression(QStringLiteral("\"[A-Za-z0-9.: -]*\"")));
            QVERIFY2(!rest.contains(QLatin1Char('"')) && !rest.contains(QLatin1Char('\'')), qPrintable(line));
        }
    } else if (format == QLatin1String("allowlist")) {
        for (const QString &line : codeLines(text, commentPrefix)) {
            QVERIFY2(NetworkSyntax::isValidHostName(line, true) || NetworkSyntax::parseAddress(line)
                             || NetworkSyntax::parseCidr(line),
                     qPrintable(line));
        }
        return;
    } else if (format == QLatin1String("csv")) {
        bool ok = false;
        const QStringList rows = rfc4180Rows(text, &ok);
        QVERIFY(ok);
        QVERIFY(rows.size() > 10);
        for (const QString &row : rows) {
            const QStringList cells = row.split(QChar(0x1f));
            QCOMPARE(cells.size(), 14);
            for (const QString &cell : cells)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.at(0)), qPrintable(cell));
            QVERIFY(cells.last().isEmpty() || cells.last().contains(QStringLiteral("$(touch"))
                    || rows.first() == row);
        }
        return;
    } else if (format == QLatin1String("markdown")) {
        int rows = 0;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            QString bare = line;
            bare.remove(QStringLiteral("\\\\")).remove(QStringLiteral("\\`"));
            QVERIFY2(!line.contains(QLatin1Char('<')) && !bare.contains(QLatin1Char('`')), qPrintable(line));
            if (!line.startsWith(QLatin1Char('|')))
                continue;
            ++rows;
            QString unescaped = line;
            unescaped.remove(QStringLiteral("\\\\")).remove(QStringLiteral("\\|"));
            QCOMPARE(unescaped.count(QLatin1Char('|')), 7);
        }
        QVERIFY(rows > 10);
        return;
    } else if (format == QLatin1String("aws-nf")) {
        // Exactly the keys of create-rule-group's input; targets are host names or ".domain".
        const QJsonObject root = QJsonDocument::fromJson(text.toUtf8()).object();
        QCOMPARE(root.keys(), (QStringList{"Capacity", "Description", "RuleGroup", "RuleGroupName", "Type"}));
        const QJsonObject list = root.value(QStringLiteral("RuleGroup"))
                                         .toObject()
                                         .value(QStringLiteral("RulesSource"))
                                         .toObject()
                                         .value(QStringLiteral("RulesSourceList"))
                                         .toObject();
        QCOMPARE(list.keys(), (QStringList{"GeneratedRulesType", "TargetTypes", "Targets"}));
        const QJsonArray targets = list.value(QStringLiteral("Targets")).toArray();
        QVERIFY(targets.size() > 3);
        for (const QJsonValue &t : targets)
            QVERIFY2(NetworkSyntax::isValidHostName(
                             t.toString().startsWith(QLatin1Char('.')) ? t.toString().mid(1) : t.toString()),
                     qPrintable(t.toString()));
        QVERIFY(root.value(QStringLiteral("Description")).toString().size() <= 512);
        QVERIFY(!text.contains(QStringLiteral("touch"))); // no catalog text at all
        return;
    } else if (format == QLatin1String("aws-sg")) {
        int ranges = 0;
        const QString problem = awsProblem(QJsonDocument::fromJson(text.toUtf8()).object(), &ranges);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(ranges > 5);
        // Notes for what has no address are JSON strings, not rules.
        QVERIFY(text.contains(QStringLiteral("$(touch /tmp/portolan-pwned)")));
        return;
    }
    QVERIFY(shape.isValid());
    const QStringList lines = codeLines(text, commentPrefix);
    QVERIFY(lines.size() > 4);
    for (const QString &line : lines)
        QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
    // The hostile text is there, but only in comments and quoted strings.
    QVERIFY(text.contains(QStringLiteral("touch /tmp/portolan-pwned")));
}

void TestExporters::newlineRejectedByLoader()
{
    const CatalogLoader::Result loaded =
            CatalogLoader::loadFile(data(QStringLiteral("hostile-newline.json")));
    QVERIFY(!loaded.isOk());
    QVERIFY2(loaded.error.path.startsWith(QStringLiteral("$.flows[0].description")),
             qPrintable(loaded.error.toString()));
}

void TestExporters::newlineEscapedByExporters_data()
{
    hostile_data();
}

// Exporters do not rely on the loader: text with line breaks built in memory stays on its line.
void TestExporters::newlineEscapedByExporters()
{
    QFETCH(QString, format);
    ExportRequest r = request();
    const QString payload = QStringLiteral("-A OUTPUT -j DROP");
    for (Flow &flow : r.catalog.flows) {
        flow.description = {QStringLiteral("x\n") + payload + QStringLiteral("\r\n}\n") + payload,
                            QStringLiteral("y\n") + payload};
        flow.service = flow.description;
    }
    const QString text = render(format, r);
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        QVERIFY2(!trimmed.startsWith(payload) && !trimmed.startsWith(QLatin1Char('}') + payload),
                 qPrintable(line));
        QVERIFY2(!(line.startsWith(payload.left(3)) && format != QLatin1String("iptables")),
                 qPrintable(line));
    }
    QVERIFY(text.contains(payload) || format == QLatin1String("aws-sg") || format == QLatin1String("pac")
            || format == QLatin1String("aws-nf"));
}

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
