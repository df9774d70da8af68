#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// Azure Firewall classic rules as an az CLI script (the azure-firewall extension): an
// application rule per flow for its HTTP and HTTPS ports (target FQDNs, wildcards too), a
// network rule for its other ports and for addresses. Network rules with FQDNs need the
// firewall's DNS proxy.
class AzureFirewallExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(AzureFirewallExporter)

public:
    AzureFirewallExporter() = default;

    QString id() const override { return QStringLiteral("azure-firewall"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("sh"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
