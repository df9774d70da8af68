#include "vocabulary.h"

namespace Vocabulary {

template<>
const Table<Zone> &table<Zone>()
{
    static const Table<Zone> t{{Zone::Customer, QLatin1String("customer")},
                               {Zone::Internet, QLatin1String("internet")},
                               {Zone::TrendCloud, QLatin1String("trend-cloud")}};
    return t;
}

template<>
const Table<Transport> &table<Transport>()
{
    static const Table<Transport> t{{Transport::Tcp, QLatin1String("tcp")},
                                    {Transport::Udp, QLatin1String("udp")},
                                    {Transport::Unstated, QLatin1String("unstated")}};
    return t;
}

template<>
const Table<Requirement> &table<Requirement>()
{
    static const Table<Requirement> t{{Requirement::Required, QLatin1String("required")},
                                      {Requirement::Optional, QLatin1String("optional")},
                                      {Requirement::Conditional, QLatin1String("conditional")}};
    return t;
}

template<>
const Table<Section> &table<Section>()
{
    static const Table<Section> t{{Section::Ports, QLatin1String("ports")},
                                  {Section::Urls, QLatin1String("urls")},
                                  {Section::Ips, QLatin1String("ips")}};
    return t;
}

template<>
const Table<SiteKey> &table<SiteKey>()
{
    // SiteKey::None has no name: it is the absence of a key.
    static const Table<SiteKey> t{
            {SiteKey::Dns, QLatin1String("dns")},       {SiteKey::Ntp, QLatin1String("ntp")},
            {SiteKey::Syslog, QLatin1String("syslog")}, {SiteKey::Relay, QLatin1String("relay")},
            {SiteKey::Sps, QLatin1String("sps")},       {SiteKey::Vcenter, QLatin1String("vcenter")}};
    return t;
}

template<>
const Table<Feature> &table<Feature>()
{
    static const Table<Feature> t{
            {Feature::ManagerInitiated, QLatin1String("manager-initiated")},
            {Feature::WebReputation, QLatin1String("web-reputation")},
            {Feature::FileReputation, QLatin1String("file-reputation")},
            {Feature::BehaviorMonitoring, QLatin1String("behavior-monitoring")},
            {Feature::MachineLearning, QLatin1String("machine-learning")},
            {Feature::SmartFeedback, QLatin1String("smart-feedback")},
            {Feature::XdrActivityMonitoring, QLatin1String("xdr-activity-monitoring")},
            {Feature::Relay, QLatin1String("relay")},
            {Feature::DataCenterGateway, QLatin1String("data-center-gateway")},
            {Feature::SiemForwarding, QLatin1String("siem-forwarding")},
            {Feature::SmartProtectionServer, QLatin1String("smart-protection-server")},
    };
    return t;
}

template<>
const Table<Direction> &table<Direction>()
{
    static const Table<Direction> t{{Direction::None, QLatin1String("none")},
                                    {Direction::Outbound, QLatin1String("outbound")},
                                    {Direction::Inbound, QLatin1String("inbound")},
                                    {Direction::Both, QLatin1String("both")},
                                    {Direction::Local, QLatin1String("local")}};
    return t;
}

} // namespace Vocabulary
