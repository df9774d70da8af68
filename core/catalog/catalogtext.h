#pragma once

#include "core/catalog/catalog.h"

#include <QCoreApplication>

// The words the UI, the CLI and the exporters use for catalog values, in the UI language
// (tr()) and, for catalog text, in the requested language.
class CatalogText
{
    Q_DECLARE_TR_FUNCTIONS(CatalogText)

public:
    static QString direction(Direction direction);
    static QString requirement(Requirement requirement);
    // "Expired" for an expired endpoint, else the flow's requirement.
    static QString requirement(const Catalog &catalog, const Flow &flow, int endpoint, const QDate &today);
    static QString section(Section section);
    static QString zone(Zone zone);
    static QString transport(Transport transport);
    static QString feature(Feature feature);
    static QString features(const QList<Feature> &features);
    // "443/TCP (HTTPS), 80/TCP (HTTP)"; "4123 (transport not stated)"
    static QString ports(const QList<PortSpec> &ports);
    static QString port(const PortSpec &port);
    static QString componentNames(const Catalog &catalog, const QStringList &ids, Language language);
    // "Deep Security Agent, Deep Security Relay → Workload Security"
    static QString flowSummary(const Catalog &catalog, const Flow &flow, Language language);
    // The endpoint's value, or for a flow without endpoints a description of its far side.
    static QString endpoint(const Catalog &catalog, const Flow &flow, int endpoint, Language language);
    // The service name of a row: its endpoint list's, else the flow's.
    static QString service(const Catalog &catalog, const Flow &flow, int endpoint, Language language);
    // "expired 2022-12-31", "valid until 2022-12-31" or empty.
    static QString validity(const Catalog &catalog, const Endpoint &endpoint, const QDate &today);
    // "Deep Security Agent outbound ports; Workload Security URLs": the page's tables that state it.
    static QString provenance(const Catalog &catalog, const QList<Provenance> &provenance, Language language);
    // Every table row, "Table: row label", one per line.
    static QStringList provenanceRows(const Catalog &catalog, const QList<Provenance> &provenance,
                                      Language language);
    // The agent versions of an endpoint list: "20.0 and later", "12.0 up to 20.0"; or empty.
    static QString agentVersions(const AgentVersionRange &range);
};
