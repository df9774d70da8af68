#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// AWS Network Firewall domain list: the input of "aws network-firewall create-rule-group
// --cli-input-json", a stateful ALLOWLIST of the host names (a wildcard as ".domain", which AWS
// matches with its subdomains) read from TLS SNI and the HTTP Host header. A domain list has no
// ports and no addresses: those go to the Suricata format ("suricata"), which AWS takes too.
class AwsNetworkFirewallExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(AwsNetworkFirewallExporter)

public:
    AwsNetworkFirewallExporter() = default;

    QString id() const override { return QStringLiteral("aws-nf"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("json"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
