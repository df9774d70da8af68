#pragma once

#include <QHash>
#include <QSet>
#include <QString>

// Unique identifiers for generated names (Terraform resources, squid ACLs): the first use of a
// base keeps it, later uses get "_2", "_3", ... Linear: each base remembers its next suffix, so
// 20,000 rules with one base do not rescan from 2 every time.
class UniqueNames
{
public:
    QString take(const QString &base);

private:
    QSet<QString> m_used;
    QHash<QString, int> m_nextSuffix;
};
