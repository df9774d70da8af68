#pragma once

#include "core/export/exportrequest.h"
#include "core/export/exportresult.h"

#include <QString>

// One export format. Exporters are stateless: exportRules() turns a request into the text a
// network engineer pastes or saves, counting what became a rule and what only a comment; every
// rule carries its flow id and purpose as a comment where the format has comments.
class RuleExporter
{
public:
    virtual ~RuleExporter() = default;

    // Stable name for the CLI and settings: "iptables", "aws-sg", ...
    virtual QString id() const = 0;
    // Translated name for the UI.
    virtual QString displayName() const = 0;
    // Without the dot.
    virtual QString fileExtension() const = 0;
    // True for formats that take only addresses (host names become notes, or resolved rules).
    virtual bool needsAddresses() const = 0;
    // True for formats that use ExportRequest::proxy.
    virtual bool usesProxy() const { return false; }
    virtual ExportResult exportRules(const ExportRequest &request) const = 0;
    QString render(const ExportRequest &request) const { return exportRules(request).text; }

protected:
    RuleExporter() = default;
    Q_DISABLE_COPY_MOVE(RuleExporter)
};
