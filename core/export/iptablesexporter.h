#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// iptables-restore input for the filter table: OUTPUT rules for egress, INPUT rules for ingress.
// Host names become comments (or rules for their resolved addresses); IPv6 rules are written as
// comments for ip6tables-restore.
class IptablesExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(IptablesExporter)

public:
    IptablesExporter() = default;

    QString id() const override { return QStringLiteral("iptables"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("rules"); }
    bool needsAddresses() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
