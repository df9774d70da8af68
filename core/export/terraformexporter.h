#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// Terraform aws_vpc_security_group_egress_rule / ingress_rule resources, one per address and port.
class TerraformExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(TerraformExporter)

public:
    TerraformExporter() = default;

    QString id() const override { return QStringLiteral("terraform"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("tf"); }
    bool needsAddresses() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
