#include "resolver.h"

#include "core/catalog/networksyntax.h"

#include <QHostInfo>

namespace {
QString addressList(const QList<QHostAddress> &addresses)
{
    QStringList texts;
    for (const QHostAddress &address : addresses)
        texts.append(address.toString());
    return texts.join(QStringLiteral(", "));
}
} // namespace

Resolver::Resolver(const QString &host, Use use, ProbeContext *context, QObject *parent)
    : Probe(Stage::Dns, context, parent)
    , m_host(host)
    , m_use(use)
{ }

Resolver::~Resolver()
{
    if (m_hostLookupId >= 0)
        QHostInfo::abortHostLookup(m_hostLookupId);
}

void Resolver::stop()
{
    if (m_hostLookupId >= 0) {
        QHostInfo::abortHostLookup(m_hostLookupId);
        m_hostLookupId = -1;
    }
    if (m_dns) {
        m_dns->disconnect(this);
        m_dns->deleteLater();
        m_dns = nullptr;
    }
}

std::optional<QString> Resolver::refuseNonLoopback(const QList<QHostAddress> &addresses) const
{
    if (!options().allowOnlyLoopback)
        return std::nullopt;
    for (const QHostAddress &address : addresses) {
        if (!TesterOptions::isLoopback(address)) {
            qWarning("portolan tester: refusing non-loopback address %s (loopback-only mode)",
                     qPrintable(address.toString()));
            return tr("Refused to contact %1: only loopback addresses are allowed").arg(address.toString());
        }
    }
    return std::nullopt;
}

void Resolver::resolved(const QList<QHostAddress> &addresses, const QString &detail)
{
    if (const auto refusal = refuseNonLoopback(addresses)) {
        fail(Verdict::DnsFailed, *refusal);
        return;
    }
    m_addresses = addresses;
    if (m_use == Use::Destination) {
        context().addresses = addresses;
        for (const QHostAddress &address : addresses)
            result().resolvedAddresses.append(address.toString());
    }
    // An address literal: nothing was resolved, so the stage did not run (never "passed").
    if (detail.isEmpty())
        passWithoutRunning(tr("An address: nothing to resolve"));
    else
        pass(detail);
}

void Resolver::start()
{
    if (const auto literal = NetworkSyntax::parseAddress(m_host)) {
        resolved({*literal}, {});
        return;
    }
    const QString name = m_host.toLower();
    const auto override = options().resolveOverrides.constFind(name);
    if (override != options().resolveOverrides.cend()) {
        resolved(*override, tr("%1 (given with --resolve)").arg(addressList(*override)));
        return;
    }
    if (options().dnsServer) {
        askDnsServer(*options().dnsServer);
        return;
    }
    if (options().allowOnlyLoopback && name != QLatin1String("localhost")) {
        qWarning("portolan tester: refusing to look up %s with the system resolver (loopback-only mode)",
                 qPrintable(name));
        fail(Verdict::DnsFailed,
             tr("Refused to look up %1 with the system resolver: only loopback destinations are allowed")
                     .arg(name));
        return;
    }
    m_hostLookupId = QHostInfo::lookupHost(name, this, [this](const QHostInfo &info) {
        m_hostLookupId = -1;
        if (isFinished())
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(Verdict::DnsFailed, info.errorString());
            return;
        }
        resolved(info.addresses(), tr("%1 (system resolver)").arg(addressList(info.addresses())));
    });
}

void Resolver::askDnsServer(const TesterOptions::DnsServer &server)
{
    if (const auto refusal = refuseNonLoopback({server.address})) {
        fail(Verdict::DnsFailed, *refusal);
        return;
    }
    m_dns = new DnsClient(this);
    connect(m_dns, &DnsClient::finished, this,
            [this](const QList<QHostAddress> &addresses, DnsClient::Error error, int) {
                onDnsFinished(addresses, error);
            });
    m_dns->lookup(m_host.toLower(), server.address, server.port);
}

void Resolver::onDnsFinished(const QList<QHostAddress> &addresses, DnsClient::Error error)
{
    const TesterOptions::DnsServer server = *options().dnsServer;
    const QString serverText = server.address.toString();
    const QString name = m_host.toLower();
    const QStringList cnames = m_dns->cnameChain();
    const bool overTcp = m_dns->retriedOverTcp();
    switch (error) {
    case DnsClient::Error::None: {
        if (m_use == Use::Destination)
            result().cnames = cnames;
        QString detail = tr("%1 (from DNS server %2)").arg(addressList(addresses), serverText);
        if (!cnames.isEmpty())
            detail += QLatin1String("; ")
                    + tr("%1 is an alias: %2")
                              .arg(name, (QStringList{name} + cnames).join(QStringLiteral(" > ")));
        if (overTcp)
            detail += QLatin1String("; ") + tr("the UDP reply was truncated, asked again over TCP");
        resolved(addresses, detail);
        return;
    }
    case DnsClient::Error::NoSuchName:
        fail(Verdict::DnsFailed, tr("No such name (DNS server %1)").arg(serverText));
        return;
    case DnsClient::Error::NoAddress:
        fail(Verdict::DnsFailed, tr("The name has no address (DNS server %1)").arg(serverText));
        return;
    case DnsClient::Error::Refused:
        fail(Verdict::DnsFailed, tr("The DNS server %1 refused the query").arg(serverText));
        return;
    case DnsClient::Error::Unreachable:
        fail(Verdict::DnsFailed, tr("No DNS server at %1 port %2").arg(serverText).arg(server.port));
        return;
    case DnsClient::Error::ServerFailure:
        fail(Verdict::DnsFailed, tr("The DNS server %1 failed").arg(serverText));
        return;
    case DnsClient::Error::Truncated:
        fail(Verdict::DnsFailed,
             tr("The DNS server %1 sent a truncated reply (TC flag) and does not answer over TCP port %2: "
                "names with that many records need DNS over TCP")
                     .arg(serverText)
                     .arg(server.port));
        return;
    }
}

void Resolver::timeOut()
{
    if (isFinished())
        return;
    if (m_dns && m_dns->rejectedReplies() > 0)
        fail(Verdict::DnsFailed,
             tr("No valid answer from the DNS server within %1 s (%n malformed or unrelated replies ignored)",
                nullptr, m_dns->rejectedReplies())
                     .arg(waitedText()));
    else
        fail(Verdict::DnsFailed, tr("No answer from the resolver within %1 s").arg(waitedText()));
}
