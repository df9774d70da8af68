#pragma once

#include "core/export/exportrequest.h"
#include "core/export/exportrule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// One named address set of a set-based firewall format (nftables sets, ipset): the host names of
// one flow, direction and port list, which a generated refresher resolves (RefresherScript) and
// which the rules reference. A wildcard cannot be resolved: the set takes the catalog's concrete
// hosts that it covers instead, and its note says so.
struct HostSet
{
    Q_DECLARE_TR_FUNCTIONS(HostSet)

public:
    QString name; // [a-z0-9_], at most MaxNameLength; "_4" and "_6" name the address families
    int flowIndex = -1;
    QString flowId;
    ExportRule::Direction direction = ExportRule::Direction::Egress;
    QList<PortSpec> ports;
    QStringList hosts; // plain host names, lower case, safe as shell words: [a-z0-9.-]
    QStringList notes; // wildcards and what stands in for them; translated, one line each
    QString comment; // the flow's group comment, bounded
    QStringList seedV4; // addresses the request already resolved, to fill the set at load time
    QStringList seedV6;

    // ipset names hold 31 bytes; the refresher's temporary set appends "_n".
    static constexpr int MaxNameLength = 24;

    QString name4() const { return name + QStringLiteral("_4"); }
    QString name6() const { return name + QStringLiteral("_6"); }

    // The sets of the request's host name rules (rules from ExportSelection::rules), in rule
    // order. Rules whose host went into a set are listed in *consumed (by index), so that the
    // format writes them no other way.
    // seedResolved: the addresses resolved at export time fill the sets (and are consumed);
    // else they stay rules of their own.
    static QList<HostSet> build(const ExportRequest &request, const QList<ExportRule> &rules,
                                bool seedResolved, QList<int> *consumed);
    // Comment lines naming the set's hosts and notes, each bounded.
    QStringList describe() const;
};
