#pragma once

#include "core/export/exportresult.h"
#include "core/export/hostset.h"

#include <QCoreApplication>
#include <QList>

// The refresher of a set-based export: a POSIX sh script that resolves each set's host names
// and replaces the set's contents atomically, and a systemd service and timer that run it.
//
// Names are resolved with dig: it follows CNAME chains (the chain's names are dropped, the final
// addresses kept), asks A and AAAA separately, bounds every wait (+time, +tries), and can be
// pointed at one DNS server (PORTOLAN_DNS_SERVER) - the same one the protected hosts use.
// getent would follow the chains too but cannot be pointed at a server, and answers from
// /etc/hosts and caches that the hosts behind the firewall may not share.
// A set whose names all fail to resolve keeps its contents (and says so on standard error):
// a DNS outage never empties the allow list at once; the elements' timeout ages them out.
class RefresherScript
{
    Q_DECLARE_TR_FUNCTIONS(RefresherScript)

public:
    enum class Backend { Nftables, Ipset };

    static constexpr int ElementTimeoutSeconds = 3600;
    static constexpr int RefreshMinutes = 5;

    static QString scriptName() { return QStringLiteral("portolan-refresh.sh"); }
    static QString serviceName() { return QStringLiteral("portolan-refresh.service"); }
    static QString timerName() { return QStringLiteral("portolan-refresh.timer"); }

    // The script, the service and the timer.
    static QList<ExportFile> files(const QList<HostSet> &sets, Backend backend);
    static QString script(const QList<HostSet> &sets, Backend backend);
    static QString service();
    static QString timer();
};
