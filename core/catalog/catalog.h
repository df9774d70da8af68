#pragma once

#include "core/catalog/endpoint.h"
#include "core/catalog/localizedtext.h"
#include "core/catalog/vocabulary.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVersionNumber>

// The catalog's value types. They mirror resources/catalog/FORMAT.md one to one; the loader
// guarantees that every reference between them resolves.
//
// Portolan models the network, not the vendor's page: a Flow is one network requirement
// (initiators -> listener on some ports), stated once however many of the page's tables state
// it; its provenance points back to those tables' rows. Direction is not stored: it is computed
// for the role the user looks at (Flow::directionFor).

struct PortSpec
{
    int port = 0;
    Transport transport = Transport::Tcp;
    QString protocol; // application protocol: "HTTPS", "DNS", ...; empty when the page states none

    QString transportName() const { return Vocabulary::name(transport); }
    bool operator==(const PortSpec &other) const
    {
        return port == other.port && transport == other.transport && protocol == other.protocol;
    }
};

struct Component
{
    QString id;
    LocalizedText name;
    Zone zone = Zone::Customer;
    bool isRole = false;
    bool isCustomerSide = false; // lives in the customer's network, no fixed address in the catalog
    SiteKey siteKey = SiteKey::None;
};

// One row of one of the page's tables: what provenance points at.
struct TableRow
{
    QString id;
    LocalizedText label;
};

struct CatalogTable
{
    QString id;
    Section section = Section::Ports;
    LocalizedText title;
    QList<TableRow> rows;

    const TableRow *row(const QString &id) const;
};

// "ports.agent-outbound#dns": a row of a table of the page.
struct Provenance
{
    QString table;
    QString row;

    QString toString() const { return table + QLatin1Char('#') + row; }
    bool operator==(const Provenance &other) const { return table == other.table && row == other.row; }
};

struct ValidityRule
{
    QString id;
    LocalizedText appliesTo;
    QDate accountsCreatedBefore;
    QDate validUntil; // last valid day
    LocalizedText afterwards;
    LocalizedText howToCheck;

    bool isExpired(const QDate &today) const { return today > validUntil; }
};

struct CatalogNote
{
    QString id;
    LocalizedText title;
    LocalizedText text;
};

// Where the catalog departs from the page's words, and why (machine-translation artifacts).
struct Correction
{
    QString id;
    QString pageText; // as the page writes it
    QString corrected; // what the catalog holds
    LocalizedText reason;
};

// A range of agent versions: from <= version < before; either bound may be absent.
struct AgentVersionRange
{
    QVersionNumber from;
    QVersionNumber before;

    bool isEmpty() const { return from.isNull() && before.isNull(); }
    bool contains(const QVersionNumber &version) const
    {
        return (from.isNull() || version >= from) && (before.isNull() || version < before);
    }
};

// A list of the fixed (Trend Micro) side's endpoints as the page gives it: one row of a URL or
// IP table. Its attributes hold for each of its endpoints. Several flows may share a list.
struct EndpointList
{
    QString id;
    LocalizedText service; // overrides the flow's service name for these endpoints
    LocalizedText description;
    LocalizedText condition; // when these endpoints are needed, beyond the flow's condition
    QList<Feature> features;
    AgentVersionRange agentVersions;
    QList<int> ports; // the flow's ports these endpoints use; empty: all of them
    QString validity; // ValidityRule id, or empty: valid
    QList<Provenance> provenance;
    QList<Endpoint> endpoints; // Endpoint::list is this list's index
};

struct Flow
{
    QString id;
    QStringList initiators; // components that open the connection
    QString listener; // the component that accepts it
    QList<PortSpec> ports;
    Requirement requirement = Requirement::Required;
    LocalizedText condition;
    QList<Feature> features;
    LocalizedText service;
    LocalizedText description;
    LocalizedText notes;
    LocalizedText configurable;
    // One sentence for a customer, read out in Present: what the connection is for, in plain words.
    LocalizedText narration;
    bool needsNetworkRule = true; // false: never leaves its host (4123), never exported as a rule
    QList<Provenance> provenance;
    QStringList endpointListIds;
    // Every endpoint of every list, in order: one table row each. Filled by the loader.
    QList<Endpoint> endpoints;

    bool involves(const QString &componentId) const
    {
        return listener == componentId || initiators.contains(componentId);
    }
    bool isInitiatedBy(const QString &componentId) const { return initiators.contains(componentId); }
    // Outbound where the role initiates, inbound where it listens; Local for a flow that
    // needs no network rule; None when the role takes no part.
    Direction directionFor(const QString &role) const;
};

// A catalog row as the models show it: one endpoint of one flow, or the flow itself when it has
// no endpoints (endpoint == -1).
struct CatalogRowRef
{
    int flow = -1;
    int endpoint = -1;
};

class Catalog
{
public:
    int schemaVersion = 2;
    LocalizedText title;
    LocalizedText source; // the URL of the page in each language
    // Identity: how current the data is.
    QString catalogVersion; // YYYYMMDDNN, or empty for an unversioned user catalog
    QDate retrieved; // the day the page was read
    QString pageSha256; // of the saved copy of the page that was transcribed (hex), or empty
    LocalizedText edition; // optional region or edition label
    QList<CatalogNote> notes;
    QList<Correction> corrections;
    QList<ValidityRule> validityRules;
    QList<Component> components;
    QList<CatalogTable> tables;
    QList<EndpointList> endpointLists;
    QList<Flow> flows;

    const Component *component(const QString &id) const;
    const CatalogTable *table(const QString &id) const;
    const ValidityRule *validityRule(const QString &id) const;
    const EndpointList *endpointList(const QString &id) const;
    const Flow *flow(const QString &id) const;
    int flowIndex(const QString &id) const;

    // The list an endpoint of a flow comes from.
    const EndpointList &listOf(const Endpoint &endpoint) const { return endpointLists.at(endpoint.list); }

    // The side the flow's endpoints describe: its listener, or for a flow into the customer
    // network from outside (Workload Security -> Agent) its initiators.
    bool endpointsDescribeInitiator(const Flow &flow) const;

    // The last valid day of an endpoint, or a null date when it does not expire.
    QDate validUntil(const Endpoint &endpoint) const;
    bool isExpired(const Endpoint &endpoint, const QDate &today) const;
    // Every endpoint of the flow is expired (a flow without endpoints never is).
    bool isFullyExpired(const Flow &flow, const QDate &today) const;

    // The ports an endpoint uses: its list's subset of the flow's ports.
    QList<PortSpec> portsOf(const Flow &flow, const Endpoint &endpoint) const;
    // The flow's features and those of the endpoint's list.
    QList<Feature> featuresOf(const Flow &flow, const Endpoint *endpoint) const;

    // Agent versions the catalog distinguishes (the lower bounds of its version ranges), sorted.
    QList<QVersionNumber> agentVersions() const;

    QList<CatalogRowRef> rows() const;
    int endpointCount() const;
};
