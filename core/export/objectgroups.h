#pragma once

#include "core/export/exportrequest.h"
#include "core/export/exportresult.h"
#include "core/export/exportrule.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// The export rules of a request as the object-based firewalls take them (FortiGate, Cisco ASA):
// one group per flow, endpoint list and direction, with its host names, wildcards, IPv4
// addresses and networks, IPv6 ones, ports, and the notes of what has no object (site-specific
// peers without an address, local flows, ingress). Addresses resolved from a host name are left
// out: these firewalls resolve the name themselves.
struct ObjectGroup
{
    Q_DECLARE_TR_FUNCTIONS(ObjectGroup)

public:
    QString flowId;
    QString comment; // the flow's group comment, one line
    QStringList hosts;
    QStringList wildcards; // "*.example.com"
    QStringList ipv4; // addresses and CIDR networks
    QStringList ipv6;
    QList<PortSpec> ports;
    QStringList notes; // one line each

    // The group's comment line after a blank line, then its notes, each counted as a comment.
    void writeComments(ExportResult &result, const QString &marker = QStringLiteral("# ")) const;
    bool isEmpty() const
    {
        return hosts.isEmpty() && wildcards.isEmpty() && ipv4.isEmpty() && ipv6.isEmpty();
    }

    // Egress groups of the request, in catalog order; others become notes of their group.
    static QList<ObjectGroup> egress(const ExportRequest &request);
    // A name safe in every format: letters, digits, "-" and "_", at most maxLength.
    static QString safeName(const QString &text, int maxLength);
    // Lists cut into pieces of at most n, so that no line grows past a reader's buffer.
    static QList<QStringList> chunks(const QStringList &values, int n = 20);
    // "255.255.255.224" for 27.
    static QString netmask(int prefixLength);
};
