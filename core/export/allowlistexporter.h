#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// Plain host names and addresses, one a line, grouped under a comment per flow and endpoint list.
class AllowlistExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(AllowlistExporter)

public:
    AllowlistExporter() = default;

    QString id() const override { return QStringLiteral("allowlist"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("txt"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
