#include "exporterregistry.h"

#include "core/export/allowlistexporter.h"
#include "core/export/asaexporter.h"
#include "core/export/awsnetworkfirewallexporter.h"
#include "core/export/awssgexporter.h"
#include "core/export/azurefirewallexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/fortigateexporter.h"
#include "core/export/iptablesexporter.h"
#include "core/export/markdownexporter.h"
#include "core/export/nftablesexporter.h"
#include "core/export/pacexporter.h"
#include "core/export/panosexporter.h"
#include "core/export/squidexporter.h"
#include "core/export/suricataexporter.h"
#include "core/export/terraformexporter.h"
#include "core/export/windowsfirewallexporter.h"

ExporterRegistry::ExporterRegistry()
{
    m_exporters.push_back(std::make_unique<IptablesExporter>());
    m_exporters.push_back(std::make_unique<NftablesExporter>());
    m_exporters.push_back(std::make_unique<WindowsFirewallExporter>());
    m_exporters.push_back(std::make_unique<AwsSgExporter>());
    m_exporters.push_back(std::make_unique<TerraformExporter>());
    m_exporters.push_back(std::make_unique<FortigateExporter>());
    m_exporters.push_back(std::make_unique<AsaExporter>());
    m_exporters.push_back(std::make_unique<PanosExporter>());
    m_exporters.push_back(std::make_unique<AzureFirewallExporter>());
    m_exporters.push_back(std::make_unique<AwsNetworkFirewallExporter>());
    m_exporters.push_back(std::make_unique<SuricataExporter>());
    m_exporters.push_back(std::make_unique<SquidExporter>());
    m_exporters.push_back(std::make_unique<PacExporter>());
    m_exporters.push_back(std::make_unique<AllowlistExporter>());
    m_exporters.push_back(std::make_unique<CsvExporter>());
    m_exporters.push_back(std::make_unique<MarkdownExporter>());
}

ExporterRegistry::~ExporterRegistry() = default;

QList<const RuleExporter *> ExporterRegistry::exporters() const
{
    QList<const RuleExporter *> result;
    for (const auto &exporter : m_exporters)
        result.append(exporter.get());
    return result;
}

QStringList ExporterRegistry::ids() const
{
    QStringList result;
    for (const auto &exporter : m_exporters)
        result.append(exporter->id());
    return result;
}

const RuleExporter *ExporterRegistry::find(const QString &id) const
{
    for (const auto &exporter : m_exporters) {
        if (exporter->id() == id)
            return exporter.get();
    }
    return nullptr;
}
