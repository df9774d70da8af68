// Diagram benchmark: lays out the built-in catalog's ports diagram for the full view and for each
// role, times the layout, counts the points where two arrows cross, and compares with Graphviz:
// the same graph (the same boxes, one edge per arrow, one cluster per zone, left to right) as
// DOT, laid out by `dot -Tplain`, its splines sampled into polylines and counted the same way.
// Needs Debian's graphviz (scripts/install-deps.sh); without `dot` only our counts are printed.

#include "core/catalog/catalog.h"
#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogtext.h"
#include "core/diagram/diagramexporter.h"
#include "core/diagram/diagramlayout.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QLineF>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace {
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// The diagram's graph as DOT: its boxes in one cluster per zone, one edge per arrow.
QString toDot(const DiagramModel &model)
{
    QString dot;
    QTextStream out(&dot);
    out << "digraph ports {\n  rankdir=LR;\n  node [shape=box];\n";
    for (const DiagramZone &zone : model.zones) {
        out << "  subgraph " << quoted(QStringLiteral("cluster_") + zone.label)
            << " {\n    label=" << quoted(zone.label) << ";\n";
        for (const DiagramNode &node : model.nodes) {
            if (node.zone == zone.id)
                out << "    " << quoted(node.id) << " [label=" << quoted(node.label) << "];\n";
        }
        out << "  }\n";
    }
    for (const DiagramFlow &flow : model.flows)
        out << "  " << quoted(flow.from) << " -> " << quoted(flow.to) << " [label=" << quoted(flow.label)
            << "];\n";
    out << "}\n";
    return dot;
}

QPointF bezier(const QPointF &p0, const QPointF &p1, const QPointF &p2, const QPointF &p3, qreal t)
{
    const qreal u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

// Crossings of dot's edges: `edge tail head n x1 y1 … xn yn …` are B-spline control points
// (n = 3k + 1), sampled 24 times per piece; points inside a box do not count.
int dotCrossings(const QString &plain)
{
    QList<QPolygonF> edges;
    QList<QRectF> boxes;
    for (const QString &line : plain.split(QLatin1Char('\n'))) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.value(0) == QLatin1String("node") && f.size() >= 6) {
            const qreal x = f.at(2).toDouble(), y = f.at(3).toDouble();
            const qreal w = f.at(4).toDouble(), h = f.at(5).toDouble();
            boxes.append(QRectF(x - w / 2, y - h / 2, w, h));
        } else if (f.value(0) == QLatin1String("edge") && f.size() >= 4) {
            const int n = f.at(3).toInt();
            QList<QPointF> points;
            for (int k = 0; k < n; ++k)
                points.append(QPointF(f.at(4 + 2 * k).toDouble(), f.at(5 + 2 * k).toDouble()));
            QPolygonF polyline;
            for (int k = 0; k + 3 < points.size(); k += 3) {
                for (int s = 0; s <= 24; ++s) {
                    if (s > 0 || k == 0)
                        polyline << bezier(points.at(k), points.at(k + 1), points.at(k + 2), points.at(k + 3),
                                           s / 24.0);
                }
            }
            edges.append(polyline);
        }
    }
    int count = 0;
    for (int a = 0; a < edges.size(); ++a) {
        for (int b = a + 1; b < edges.size(); ++b) {
            for (int i = 0; i + 1 < edges.at(a).size(); ++i) {
                for (int j = 0; j + 1 < edges.at(b).size(); ++j) {
                    QPointF point;
                    const QLineF p(edges.at(a).at(i), edges.at(a).at(i + 1));
                    const QLineF q(edges.at(b).at(j), edges.at(b).at(j + 1));
                    if (p.intersects(q, &point) != QLineF::BoundedIntersection)
                        continue;
                    const bool inBox = std::any_of(boxes.cbegin(), boxes.cend(), [&](const QRectF &r) {
                        return r.adjusted(-1, -1, 1, 1).contains(point);
                    });
                    if (!inBox)
                        ++count;
                }
            }
        }
    }
    return count;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Diagram layout: time and crossings against dot."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Layouts timed per view."), QStringLiteral("n"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("en or ja."), QStringLiteral("code"),
                      QStringLiteral("en")});
    parser.addOption({QStringLiteral("png"), QStringLiteral("Also write each view as DIR/<view>.png."),
                      QStringLiteral("dir")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const CatalogLoader::Result loaded = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    if (!loaded.isOk()) {
        std::fprintf(stderr, "catalog: %s\n", qPrintable(loaded.error.toString()));
        return 2;
    }
    const Catalog &catalog = *loaded.catalog;
    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));

    QStringList views{QString()};
    for (const Component &component : catalog.components)
        views.append(component.id);
    std::printf("%-20s %6s %8s %6s %6s\n", "view", "arrows", "ms", "ours", "dot");
    bool ok = true;
    for (const QString &role : std::as_const(views)) {
        DiagramOptions options;
        options.role = role;
        options.language = parser.value(QStringLiteral("lang")) == QLatin1String("ja") ? Language::Japanese
                                                                                       : Language::English;
        QElapsedTimer timer;
        timer.start();
        DiagramModel model;
        for (int k = 0; k < runs; ++k)
            model = DiagramLayout::layout(catalog, options);
        const double ms = timer.nsecsElapsed() / 1e6 / runs;
        if (model.flows.isEmpty())
            continue;
        const int ours = DiagramLayout::crossingCount(model);
        if (parser.isSet(QStringLiteral("png"))) {
            const QString name = role.isEmpty() ? QStringLiteral("full") : role;
            DiagramExporter::write(model, DiagramState(), DiagramExporter::Format::Png,
                                   parser.value(QStringLiteral("png")) + QLatin1Char('/') + name
                                           + QStringLiteral(".png"));
            const QString dotFile =
                    parser.value(QStringLiteral("png")) + QLatin1Char('/') + name + QStringLiteral("-dot");
            QFile file(dotFile + QStringLiteral(".gv"));
            if (!dot.isEmpty() && file.open(QIODevice::WriteOnly)) {
                file.write(toDot(model).toUtf8());
                file.close();
                QProcess::execute(dot,
                                  {QStringLiteral("-Tpng"), QStringLiteral("-o"),
                                   dotFile + QStringLiteral(".png"), file.fileName()});
            }
        }
        QString theirs = QStringLiteral("-");
        if (!dot.isEmpty()) {
            QProcess process;
            process.start(dot, {QStringLiteral("-Tplain")});
            process.write(toDot(model).toUtf8());
            process.closeWriteChannel();
            process.waitForFinished(30000);
            const int count = dotCrossings(QString::fromUtf8(process.readAllStandardOutput()));
            theirs = QString::number(count);
            ok = ok && (role.isEmpty() ? ours <= count : ours == 0);
        } else {
            ok = ok && (role.isEmpty() || ours == 0);
        }
        std::printf("%-20s %6d %8.2f %6d %6s\n", role.isEmpty() ? "(full)" : qPrintable(role),
                    int(model.flows.size()), ms, ours, qPrintable(theirs));
    }
    std::printf("target (0 per role, full <= dot): %s\n", ok ? "met" : "missed");
    return ok ? 0 : 1;
}
