#include "triagereport.h"

#include <QDateTime>

QStringList TriageReport::flowIds(const Catalog &catalog) const
{
    QStringList ids;
    for (const FlowHit &hit : flows)
        ids.append(catalog.flows.at(hit.flow).id);
    return ids;
}

QString TriageReport::timeText(qint64 msecs)
{
    if (msecs < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODate);
}
