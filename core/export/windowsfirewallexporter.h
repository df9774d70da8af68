#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// PowerShell New-NetFirewallRule commands, every string single-quoted.
class WindowsFirewallExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(WindowsFirewallExporter)

public:
    WindowsFirewallExporter() = default;

    QString id() const override { return QStringLiteral("windows-firewall"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("ps1"); }
    bool needsAddresses() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
