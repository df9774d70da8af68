#include "terraformexporter.h"

#include "exportselection.h"
#include "exporttext.h"

#include <QSet>

namespace {
// An HCL quoted string: backslash escapes, and "${" / "%{" doubled so nothing interpolates.
QString quoted(const QString &text)
{
    QString value = ExportText::oneLine(text);
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    value.replace(QStringLiteral("${"), QStringLiteral("$${"));
    value.replace(QStringLiteral("%{"), QStringLiteral("%%{"));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

// A Terraform identifier: letters, digits, underscores, not starting with a digit.
QString identifier(const QString &text)
{
    QString id;
    for (const QChar c : text)
        id += (c.isLetterOrNumber() && c.unicode() < 0x80) ? c : QLatin1Char('_');
    return QStringLiteral("portolan_") + id;
}
} // namespace

QString TerraformExporter::displayName() const
{
    return tr("Terraform (AWS security group rules)");
}

QString TerraformExporter::render(const ExportRequest &request) const
{
    QString out = ExportText::headerComments(request, displayName());
    out += QLatin1Char('\n');
    out += QStringLiteral("variable \"security_group_id\" {\n")
            + QStringLiteral("  description = %1\n").arg(quoted(tr("The security group the rules belong to")))
            + QStringLiteral("  type        = string\n}\n");

    QSet<QString> names;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            out += QLatin1Char('\n') + ExportText::commentLine(*note);
            continue;
        }
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        for (const PortSpec &port : rule.ports) {
            const QString base = identifier(rule.entryId + QLatin1Char('_') + port.transport.toLower()
                                            + QString::number(port.port));
            QString name = base;
            for (int n = 2; names.contains(name); ++n)
                name = base + QLatin1Char('_') + QString::number(n);
            names.insert(name);
            const QString description = rule.comment;
            out += QLatin1Char('\n') + ExportText::commentLine(rule.comment);
            out += QStringLiteral("resource \"%1\" \"%2\" {\n")
                           .arg(ingress ? QStringLiteral("aws_vpc_security_group_ingress_rule")
                                        : QStringLiteral("aws_vpc_security_group_egress_rule"),
                                name);
            out += QStringLiteral("  security_group_id = var.security_group_id\n");
            out += QStringLiteral("  description       = %1\n")
                           .arg(quoted(ExportText::awsDescription(
                                   request.language == Language::English ? description
                                                                         : rule.entryId + QStringLiteral(": ")
                                                   + request.catalog.entries.at(rule.entryIndex)
                                                             .description.en)));
            out += QStringLiteral("  %1 = %2\n")
                           .arg((rule.isIpv6() ? QStringLiteral("cidr_ipv6") : QStringLiteral("cidr_ipv4"))
                                        .leftJustified(17),
                                quoted(rule.cidr()));
            out += QStringLiteral("  ip_protocol       = %1\n").arg(quoted(port.transport.toLower()));
            out += QStringLiteral("  from_port         = %1\n").arg(port.port);
            out += QStringLiteral("  to_port           = %1\n}\n").arg(port.port);
        }
    }
    return out;
}
