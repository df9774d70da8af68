#include "siteprofile.h"

#include "core/catalog/networksyntax.h"

QStringList SiteProfile::keys()
{
    return Vocabulary::names<SiteKey>();
}

std::optional<QString> SiteProfile::set(const QString &key, const QString &address)
{
    if (!keys().contains(key))
        return tr("unknown site key \"%1\" (%2)").arg(key, keys().join(QStringLiteral(", ")));
    QString value = address.trimmed();
    if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']')))
        value = value.mid(1, value.size() - 2);
    if (!NetworkSyntax::parseAddress(value) && !NetworkSyntax::isValidHostName(value))
        return tr("\"%1\" is neither an IP address nor a host name (site key %2)").arg(address, key);
    m_addresses.insert(key, value);
    return std::nullopt;
}

std::optional<QString> SiteProfile::parseAssignment(const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return tr("\"%1\" is not KEY=ADDRESS").arg(assignment);
    return set(assignment.left(eq).trimmed().toLower(), assignment.mid(eq + 1));
}
