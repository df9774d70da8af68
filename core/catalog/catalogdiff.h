#pragma once

#include "core/catalog/catalog.h"

#include <QCoreApplication>
#include <QJsonObject>

// What changed between two catalogs, per stable flow id: flows added and removed, every changed
// field with its old and new value, and the endpoints added, removed or changed (their list,
// validity, ports, features or agent versions).
class CatalogDiff
{
    Q_DECLARE_TR_FUNCTIONS(CatalogDiff)

public:
    enum class Change { Added, Removed, Changed };

    struct Field
    {
        QString name; // "ports", "requirement", "condition.ja", "endpoint 34.196.38.94", ...
        QString oldValue;
        QString newValue;
    };

    struct FlowChange
    {
        QString id;
        Change change = Change::Changed;
        QList<Field> fields;
        QStringList endpointsAdded;
        QStringList endpointsRemoved;
    };

    static QList<FlowChange> compare(const Catalog &oldCatalog, const Catalog &newCatalog);

    static QString changeName(Change change); // "added", "removed", "changed"
    // How many flows were added, removed or changed.
    static int count(const QList<FlowChange> &changes, Change change);
    static QString text(const QList<FlowChange> &changes);
    static QJsonObject json(const QList<FlowChange> &changes);
};
