#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// A proxy auto-config file: FindProxyForURL sends the catalog's hosts through the given proxy (or
// DIRECT without one) and every other host DIRECT.
class PacExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(PacExporter)

public:
    PacExporter() = default;

    QString id() const override { return QStringLiteral("pac"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("pac"); }
    bool needsAddresses() const override { return false; }
    bool usesProxy() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
