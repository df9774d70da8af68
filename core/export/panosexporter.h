#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// Palo Alto Networks PAN-OS (9.0 or later) configure-mode "set" commands: FQDN and ip-netmask
// address objects, an address group, services and a security rule per flow. An FQDN object
// cannot take a wildcard: wildcards go into a custom URL category matched by a rule of its own.
class PanosExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(PanosExporter)

public:
    PanosExporter() = default;

    QString id() const override { return QStringLiteral("panos"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("txt"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
