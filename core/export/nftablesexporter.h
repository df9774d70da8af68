#pragma once

#include "core/export/ruleexporter.h"

#include <QCoreApplication>

// An nft -f script: the table inet portolan with an output and an input chain.
class NftablesExporter final : public RuleExporter
{
    Q_DECLARE_TR_FUNCTIONS(NftablesExporter)

public:
    NftablesExporter() = default;

    QString id() const override { return QStringLiteral("nftables"); }
    QString displayName() const override;
    QString fileExtension() const override { return QStringLiteral("nft"); }
    bool needsAddresses() const override { return true; }
    ExportResult exportRules(const ExportRequest &request) const override;
};
