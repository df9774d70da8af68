#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// FortiGate (FortiOS 6.2.2 or later) CLI: FQDN addresses (wildcards too), subnet addresses, an
// address group and a custom service per flow, and an accept policy from the internal to the
// WAN interface. IPv6 addresses would need address6 objects and are left as comments.
class FortigateExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(FortigateExporter)

public:
    FortigateExporter() = default;

    QString id() const override { return QStringLiteral("fortigate"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("conf"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
