#include "terraformexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include "core/export/uniquenames.h"

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

// A Terraform identifier: letters, digits, underscores, not starting with a digit; short
// enough for a line (a suffix from UniqueNames keeps cut names unique).
QString identifier(const QString &text)
{
    QString id;
    for (const QChar c : text.left(96))
        id += (c.isLetterOrNumber() && c.unicode() < 0x80) ? c : QLatin1Char('_');
    return QStringLiteral("portolan_") + id;
}
} // namespace

QString TerraformExporter::displayName() const
{
    return tr("Terraform (AWS security group rules)");
}

ExportResult TerraformExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
    out += QLatin1Char('\n');
    out += QStringLiteral("variable \"security_group_id\" {\n")
            + QStringLiteral("  description = %1\n").arg(quoted(tr("The security group the rules belong to")))
            + QStringLiteral("  type        = string\n}\n");

    UniqueNames names;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            result.addComment(QLatin1Char('\n') + ExportText::commentLine(*note));
            continue;
        }
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        // AWS takes only ASCII in descriptions: the English purpose stands in for other languages.
        const QString description = ExportText::awsDescription(
                request.language == Language::English ? rule.comment
                                                      : rule.flowId + QStringLiteral(": ")
                                + ExportText::bounded(request.catalog.flows.at(rule.flowIndex).description.en,
                                                      200));
        for (const PortSpec &port : rule.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                const QString name = names.take(
                        identifier(rule.flowId + QLatin1Char('_') + transport + QString::number(port.port)));
                QString block = QLatin1Char('\n') + ExportText::commentLine(rule.comment);
                block += QStringLiteral("resource \"%1\" \"%2\" {\n")
                                 .arg(ingress ? QStringLiteral("aws_vpc_security_group_ingress_rule")
                                              : QStringLiteral("aws_vpc_security_group_egress_rule"),
                                      name);
                block += QStringLiteral("  security_group_id = var.security_group_id\n");
                block += QStringLiteral("  description       = %1\n").arg(quoted(description));
                block += QStringLiteral("  %1 = %2\n")
                                 .arg((rule.isIpv6() ? QStringLiteral("cidr_ipv6")
                                                     : QStringLiteral("cidr_ipv4"))
                                              .leftJustified(17),
                                      quoted(rule.cidr()));
                block += QStringLiteral("  ip_protocol       = %1\n").arg(quoted(transport));
                block += QStringLiteral("  from_port         = %1\n").arg(port.port);
                block += QStringLiteral("  to_port           = %1\n}\n").arg(port.port);
                result.addRule(block);
            }
        }
    }
    return result;
}
