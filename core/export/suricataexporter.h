#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// Suricata "pass" rules, the stateful rule format of AWS Network Firewall (and of Suricata
// itself): TLS SNI and HTTP host matches for host names (a wildcard by its dotted suffix), and
// address rules per port. Load with "aws network-firewall create-rule-group --rules file://…".
class SuricataExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(SuricataExporter)

public:
    SuricataExporter() = default;

    QString id() const override { return QStringLiteral("suricata"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("rules"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
