#pragma once

#include "core/export/ruleexporter.h"

#include <QStringList>

#include <memory>
#include <vector>

// Every export format, in the order the UI lists them.
class ExporterRegistry
{
public:
    ExporterRegistry();
    ~ExporterRegistry();
    Q_DISABLE_COPY_MOVE(ExporterRegistry)

    QList<const RuleExporter *> exporters() const;
    QStringList ids() const;
    // nullptr for an unknown id.
    const RuleExporter *find(const QString &id) const;

private:
    std::vector<std::unique_ptr<RuleExporter>> m_exporters;
};
