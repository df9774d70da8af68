#include "exportrule.h"

QString ExportRule::cidr() const
{
    if (kind == Kind::Address)
        return value + (isIpv6() ? QStringLiteral("/128") : QStringLiteral("/32"));
    return value;
}
