#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// AWS CLI input (--cli-input-json) for authorize-security-group-egress and -ingress: the
// IpPermissions grouped by protocol and port, one range per address with its description.
class AwsSgExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(AwsSgExporter)

public:
    AwsSgExporter() = default;

    QString id() const override { return QStringLiteral("aws-sg"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("json"); }
    bool needsAddresses() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
