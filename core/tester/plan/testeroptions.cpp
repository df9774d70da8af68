#include "testeroptions.h"

#include "core/catalog/networksyntax.h"
#include "core/util/boundedread.h"

std::optional<QString> TesterOptions::addResolveOverride(const QString &mapping)
{
    const qsizetype colon = mapping.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return tr("\"%1\" is not HOST:ADDRESS").arg(mapping);
    const QString host = mapping.left(colon).trimmed().toLower();
    QString address = mapping.mid(colon + 1).trimmed();
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (!NetworkSyntax::isValidHostName(host))
        return tr("\"%1\" in \"%2\" is not a host name").arg(host, mapping);
    const auto parsed = NetworkSyntax::parseAddress(address);
    if (!parsed)
        return tr("\"%1\" in \"%2\" is not an IP address").arg(address, mapping);
    resolveOverrides[host].append(*parsed);
    return std::nullopt;
}

std::variant<TesterOptions::DnsServer, QString> TesterOptions::parseDnsServer(const QString &text)
{
    QString address = text.trimmed();
    int port = 53;
    if (address.startsWith(QLatin1Char('['))) {
        const qsizetype close = address.indexOf(QLatin1Char(']'));
        if (close < 0)
            return tr("DNS server \"%1\": missing \"]\"").arg(text);
        const QString rest = address.mid(close + 1);
        address = address.mid(1, close - 1);
        if (!rest.isEmpty()) {
            bool ok = false;
            port = rest.startsWith(QLatin1Char(':')) ? rest.mid(1).toInt(&ok) : 0;
            if (!ok)
                return tr("DNS server \"%1\": bad port").arg(text);
        }
    } else if (address.count(QLatin1Char(':')) == 1) {
        bool ok = false;
        port = address.section(QLatin1Char(':'), 1).toInt(&ok);
        address = address.section(QLatin1Char(':'), 0, 0);
        if (!ok)
            return tr("DNS server \"%1\": bad port").arg(text);
    }
    if (port < 1 || port > 65535)
        return tr("DNS server \"%1\": port out of range").arg(text);
    const auto parsed = NetworkSyntax::parseAddress(address);
    if (!parsed)
        return tr("DNS server \"%1\" is not an IP address").arg(text);
    return DnsServer{*parsed, quint16(port)};
}

std::optional<QString> TesterOptions::addCaFile(const QString &fileName)
{
    const auto read = BoundedRead::readFile(fileName, MaxCaFileSize);
    if (const auto *error = std::get_if<QString>(&read))
        return tr("CA file: %1").arg(*error);
    const QList<QSslCertificate> certificates =
            QSslCertificate::fromData(std::get<QByteArray>(read), QSsl::Pem);
    if (certificates.isEmpty())
        return tr("%1 contains no PEM certificate").arg(fileName);
    extraCaCertificates.append(certificates);
    return std::nullopt;
}

bool TesterOptions::isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}
