#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// Cisco ASA (9.x) CLI: network objects (fqdn, host, subnet), an object group and a service
// group per flow, and one extended access list "portolan-egress". FQDN objects cannot take a
// wildcard: wildcards stay comments.
class AsaExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(AsaExporter)

public:
    AsaExporter() = default;

    QString id() const override { return QStringLiteral("asa"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("txt"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
