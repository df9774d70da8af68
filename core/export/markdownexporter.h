#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// A Markdown table of the rules, for change requests and wikis.
class MarkdownExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(MarkdownExporter)

public:
    MarkdownExporter() = default;

    QString id() const override { return QStringLiteral("markdown"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("md"); }
    bool needsAddresses() const override { return false; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
