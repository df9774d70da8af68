#include "catalogerror.h"

QString CatalogError::toString() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    if (!path.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(": ")) + path;
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}
