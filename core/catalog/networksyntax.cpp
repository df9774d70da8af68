#include "networksyntax.h"

#include <QRegularExpression>

namespace NetworkSyntax {

bool isValidHostName(const QString &name, bool allowWildcard)
{
    QString host = name;
    if (allowWildcard && host.startsWith(QLatin1String("*.")))
        host = host.mid(2);
    if (host.isEmpty() || host.size() > 253)
        return false;
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    const QStringList labels = host.split(QLatin1Char('.'));
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch())
            return false;
    }
    // A name made only of digits and dots would be read as an IPv4 address.
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    return !numeric.match(host).hasMatch();
}

std::optional<QHostAddress> parseAddress(const QString &text)
{
    static const QRegularExpression ipv4(QStringLiteral("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.("
                                                        "25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"));
    if (text.contains(QLatin1Char(':'))) {
        if (text.contains(QLatin1Char('%')) || text.contains(QLatin1Char('/')))
            return std::nullopt;
        QHostAddress address;
        if (address.setAddress(text) && address.protocol() == QAbstractSocket::IPv6Protocol)
            return address;
        return std::nullopt;
    }
    if (!ipv4.match(text).hasMatch())
        return std::nullopt;
    return QHostAddress(text);
}

std::optional<QPair<QHostAddress, int>> parseCidr(const QString &text)
{
    const int slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    const auto address = parseAddress(text.left(slash));
    const QString prefixText = text.mid(slash + 1);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
    if (!address || !digits.match(prefixText).hasMatch())
        return std::nullopt;
    const int prefix = prefixText.toInt();
    const int maxPrefix = address->protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
    if (prefix > maxPrefix)
        return std::nullopt;
    // The network address itself must be given: 34.205.5.1/27 is a typo, not a subnet.
    const auto subnet = QHostAddress::parseSubnet(text);
    if (subnet.first != *address)
        return std::nullopt;
    return qMakePair(*address, prefix);
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

} // namespace NetworkSyntax
