#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// squid.conf lines: a dstdomain (or dst) ACL and an http_access line per flow and endpoint list; with a
// proxy, a parent cache_peer that the catalog hosts go through.
class SquidExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(SquidExporter)

public:
    SquidExporter() = default;

    QString id() const override { return QStringLiteral("squid"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("conf"); }
    bool needsAddresses() const override { return false; }
    bool usesProxy() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
