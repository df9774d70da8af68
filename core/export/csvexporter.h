#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// One CSV row per rule and port, with every field.
class CsvExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)

public:
    CsvExporter() = default;

    QString id() const override { return QStringLiteral("csv"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("csv"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
