#include "diagramlayout.h"

#include "core/catalog/catalog.h"
#include "core/catalog/catalogtext.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLineF>
#include <QSet>
#include <QTextBoundaryFinder>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace {
enum Side { Left = 0, Right = 1 };

// One end of a flow on a side of a node.
struct FlowEnd
{
    int flow = -1;
    bool isSource = false;
    int slotCount = 1; // a listener's end: one slot per line of the label above it
};

struct NodeGeometry
{
    int column = 0;
    qreal top = 0;
    qreal height = 0;
    QList<FlowEnd> ends[2];
    QList<qreal> slotY[2]; // parallel to ends
};

struct Route
{
    int from = -1; // node index
    int to = -1;
    Side fromSide = Right;
    Side toSide = Left;
    int gapA = 0; // gap of the vertical next to the source
    int gapB = 0; // gap of the vertical next to the destination
    bool skips = false; // crosses intermediate columns
    qreal ys = 0;
    qreal yd = 0;
    qreal yc = 0; // corridor through intermediate columns
    int trackA = -1;
    int trackB = -1;
};

struct VerticalSegment
{
    int route = -1;
    bool second = false;
    qreal lo = 0;
    qreal hi = 0;
    QList<qreal> leftY; // ends whose horizontal continues to the left of the track
    QList<qreal> rightY;

    bool spans(qreal y) const { return y > lo && y < hi; }
};

int slotsOf(const QList<FlowEnd> &ends)
{
    int count = 0;
    for (const FlowEnd &end : ends)
        count += end.slotCount;
    return count;
}

QFont diagramFont(qreal pixelSize, QFont::Weight weight)
{
    QFont font;
    font.setFamilies(
            {QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    font.setPixelSize(qMax(6, qRound(pixelSize)));
    font.setWeight(weight);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}
} // namespace

QFont DiagramLayout::nodeFont(qreal scale)
{
    return diagramFont(22 * scale, QFont::DemiBold);
}

QFont DiagramLayout::labelFont(qreal scale)
{
    return diagramFont(22 * scale, QFont::Normal);
}

QFont DiagramLayout::zoneFont(qreal scale)
{
    return diagramFont(26 * scale, QFont::Bold);
}

namespace {
enum class JapaneseScript { None, Katakana, Kanji, Hiragana };

JapaneseScript japaneseScript(QChar c)
{
    const char16_t u = c.unicode();
    // The prolonged sound mark belongs to the word before it: katakana here, as in 「サーバー」.
    if ((u >= 0x30A1 && u <= 0x30FA) || u == 0x30FC || (u >= 0x31F0 && u <= 0x31FF)
        || (u >= 0xFF66 && u <= 0xFF9F))
        return JapaneseScript::Katakana;
    if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || u == 0x3005)
        return JapaneseScript::Kanji;
    if (u >= 0x3041 && u <= 0x309F)
        return JapaneseScript::Hiragana;
    return JapaneseScript::None;
}
} // namespace

QList<int> DiagramLayout::lineBreaks(const QString &text)
{
    QList<int> breaks;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    for (qsizetype p = finder.toNextBoundary(); p > 0 && p < text.size(); p = finder.toNextBoundary()) {
        const JapaneseScript before = japaneseScript(text.at(p - 1));
        if (before != JapaneseScript::None && before == japaneseScript(text.at(p)))
            continue; // inside a word of one script
        breaks.append(int(p));
    }
    return breaks;
}

qreal DiagramLayout::widestWord(const QFont &font, const QString &text)
{
    const QFontMetricsF metrics(font);
    qreal widest = 0;
    int start = 0;
    QList<int> ends = lineBreaks(text);
    ends.append(int(text.size()));
    for (int end : std::as_const(ends)) {
        widest = std::max(widest, metrics.horizontalAdvance(text.mid(start, end - start).trimmed()));
        start = end;
    }
    return widest;
}

QStringList DiagramLayout::wrapText(const QFont &font, qreal width, const QString &text)
{
    const QFontMetricsF metrics(font);
    QStringList lines;
    QList<int> ends = lineBreaks(text);
    ends.append(int(text.size()));
    int lineStart = 0;
    int lastFit = -1; // the last break where the line still fits
    for (int end : std::as_const(ends)) {
        const QString candidate = text.mid(lineStart, end - lineStart).trimmed();
        if (metrics.horizontalAdvance(candidate) <= width || lastFit < 0) {
            lastFit = end;
            continue;
        }
        lines.append(text.mid(lineStart, lastFit - lineStart).trimmed());
        lineStart = lastFit;
        lastFit =
                metrics.horizontalAdvance(text.mid(lineStart, end - lineStart).trimmed()) <= width ? end : -1;
        if (lastFit < 0) { // a word wider than the line: alone on its own
            lines.append(text.mid(lineStart, end - lineStart).trimmed());
            lineStart = end;
        }
    }
    if (lineStart < text.size())
        lines.append(text.mid(lineStart).trimmed());
    lines.removeAll(QString());
    return lines;
}

qreal DiagramLayout::wrappedTextHeight(const QFont &font, qreal width, const QString &text)
{
    return wrapText(font, width, text).size() * QFontMetricsF(font).lineSpacing();
}

FlowFilter DiagramOptions::filter() const
{
    FlowFilter filter;
    if (!role.isEmpty())
        filter.roles = QStringList{role};
    filter.includeExpired = includeExpired;
    return filter;
}

QString DiagramLayout::flowLabel(const Flow &flow)
{
    return flowLabel(flow.ports);
}

QString DiagramLayout::flowLabel(const QList<PortSpec> &portList)
{
    // By port number; one port with one protocol over TCP and UDP is written once: "53/TCP+UDP DNS".
    QList<PortSpec> ports = portList;
    std::stable_sort(ports.begin(), ports.end(), [](const PortSpec &a, const PortSpec &b) {
        return a.port != b.port ? a.port < b.port : a.transport < b.transport;
    });
    QStringList parts;
    for (int i = 0; i < ports.size(); ++i) {
        const PortSpec &p = ports.at(i);
        if (p.transport == Transport::Unstated) {
            // The page names the port only: no transport is invented.
            parts.append(p.protocol.isEmpty() ? QString::number(p.port)
                                              : QStringLiteral("%1 %2").arg(p.port).arg(p.protocol));
            continue;
        }
        QString transports = p.transportName().toUpper();
        while (i + 1 < ports.size() && ports.at(i + 1).port == p.port
               && ports.at(i + 1).transport != Transport::Unstated
               && ports.at(i + 1).protocol == p.protocol) {
            transports += QLatin1Char('+') + ports.at(i + 1).transportName().toUpper();
            ++i;
        }
        parts.append(p.protocol.isEmpty()
                             ? QStringLiteral("%1/%2").arg(p.port).arg(transports)
                             : QStringLiteral("%1/%2 %3").arg(p.port).arg(transports, p.protocol));
    }
    return parts.join(QStringLiteral(", "));
}

QList<PortSpec> DiagramLayout::bundledPorts(const QList<const Flow *> &flows)
{
    QList<PortSpec> ports;
    QList<QStringList> protocols; // parallel to ports
    for (const Flow *flow : flows) {
        for (const PortSpec &spec : flow->ports) {
            int k = 0;
            while (k < ports.size()
                   && !(ports.at(k).port == spec.port && ports.at(k).transport == spec.transport))
                ++k;
            if (k == ports.size()) {
                ports.append(spec);
                protocols.append(QStringList());
            }
            if (!spec.protocol.isEmpty() && !protocols.at(k).contains(spec.protocol))
                protocols[k].append(spec.protocol);
        }
    }
    for (int k = 0; k < ports.size(); ++k) {
        QStringList names = protocols.at(k);
        names.sort();
        ports[k].protocol = names.join(QLatin1Char('/'));
    }
    return ports;
}

QList<const Flow *> DiagramLayout::flowsOf(const Catalog &catalog, const DiagramFlow &arrow)
{
    QList<const Flow *> flows;
    for (const QString &id : arrow.allFlowIds()) {
        if (const Flow *flow = catalog.flow(id))
            flows.append(flow);
    }
    return flows;
}

QStringList DiagramLayout::keyHosts(const Catalog &catalog, const DiagramFlow &arrow,
                                    const DiagramOptions &options)
{
    const FlowFilter filter = options.filter();
    const QDate today = options.date();
    constexpr int Shown = 2;
    QStringList keys;
    QSet<QString> seen;
    int more = 0;
    for (const Flow *flow : flowsOf(catalog, arrow)) {
        QSet<int> listsWithKey;
        for (const Endpoint &e : flow->endpoints) {
            if (!filter.acceptsEndpoint(catalog, *flow, e, today))
                continue;
            const QString host = e.hostName();
            const QString key = host.isEmpty() ? e.value : host;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            if (listsWithKey.contains(e.list) || keys.size() >= Shown) {
                ++more;
                continue;
            }
            listsWithKey.insert(e.list);
            keys.append(key);
        }
    }
    if (keys.isEmpty())
        return {};
    if (more > 0)
        keys.append(tr("+%n more", "host names and addresses not shown", more));
    return keys;
}

QStringList DiagramLayout::hostLines(const QString &host, int width)
{
    QStringList lines;
    QString line;
    qsizetype start = 0;
    while (start < host.size()) {
        const qsizetype dot = host.indexOf(QLatin1Char('.'), start);
        const qsizetype end = dot < 0 ? host.size() : dot + 1;
        const QString part = host.mid(start, end - start);
        if (!line.isEmpty() && line.size() + part.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += part;
        start = end;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

int DiagramLayout::crossingCount(const DiagramModel &model)
{
    int count = 0;
    for (int a = 0; a < model.flows.size(); ++a) {
        const QPolygonF &p = model.flows.at(a).path;
        for (int b = a + 1; b < model.flows.size(); ++b) {
            const QPolygonF &q = model.flows.at(b).path;
            for (int i = 0; i + 1 < p.size(); ++i) {
                for (int j = 0; j + 1 < q.size(); ++j) {
                    if (QLineF(p.at(i), p.at(i + 1)).intersects(QLineF(q.at(j), q.at(j + 1)))
                        == QLineF::BoundedIntersection)
                        ++count;
                }
            }
        }
    }
    return count;
}

namespace {
// Where an arrow that crosses a column runs through it: at the source's height, at the
// listener's, or on the side where it passes fewer other arrows' ends.
enum class CorridorRule { NearSource, NearListener, Fewest };

struct Corridor
{
    int lo = 0;
    int hi = 0;
    qreal y = 0;
};

// Builds a DiagramModel in phases. The phases up to assignSlots() depend only on the catalog
// and the options and run once; the corridor rule decides the rest, which runs once per rule
// on a copy of the builder.
class LayoutBuilder
{
public:
    LayoutBuilder(const Catalog &catalog, const DiagramOptions &options);

    // Independent of the corridor rule.
    void collectArrows();
    void collectNodes();
    void makeColumns();
    void orderColumns();
    void chooseSides();
    void stackBoxes();
    void assignSlots(bool byCorridor = false);
    // Repeated per corridor rule.
    void routeCorridors(CorridorRule rule);
    void assignTracks();
    void sizeGaps();
    void placeArrows();
    void placeLegend();
    void placeZones();

    const DiagramModel &model() const { return m_model; }
    DiagramModel takeModel() { return std::move(m_model); }

private:
    qreal trackX(int gap, int track) const { return m_trackBase.at(gap) + (track + 0.5) * m_trackPitch; }
    qreal centre(int n) const { return m_geometry.at(n).top + m_geometry.at(n).height / 2; }
    int slotsBetween(int route, int gap, qreal y1, qreal y2) const;
    bool isCorridorFree(int route, int lo, int hi, qreal y) const;

    const Catalog *m_catalog;
    DiagramOptions m_options;
    DiagramModel m_model;
    qreal m_scale = 1;
    qreal m_labelHeight = 0;
    qreal m_pitch = 0; // distance between slots
    qreal m_nodeWidth = 0; // the narrowest box
    QList<qreal> m_columnWidths; // of the boxes in each column
    qreal m_pad = 0;
    qreal m_margin = 0;
    qreal m_trackPitch = 0;
    qreal m_arrowClear = 0; // between a box and the labels next to it
    qreal m_labelGap = 0; // between labels and tracks
    qreal m_minGap = 0;
    qreal m_tolerance = 0;

    QHash<QString, QStringList> m_localFlows; // listener -> flow ids
    QList<Route> m_routes; // parallel to m_model.flows
    QList<Zone> m_zones;
    QList<QList<int>> m_columns;
    QList<Zone> m_columnZones;
    QList<NodeGeometry> m_geometry;
    qreal m_contentTop = 0;
    qreal m_contentBottom = 0;
    qreal m_boxesBottom = 0; // below the boxes, before any corridor
    QList<Corridor> m_corridors;
    QList<QList<VerticalSegment>> m_segments; // per gap
    QList<int> m_trackCounts;
    QList<qreal> m_labelWidths;
    QList<qreal> m_trackBase;
    qreal m_totalWidth = 0;
};

LayoutBuilder::LayoutBuilder(const Catalog &catalog, const DiagramOptions &options)
    : m_catalog(&catalog)
    , m_options(options)
{
    m_scale = options.fontScale > 0 ? options.fontScale : 1.0;
    const qreal textScale = m_scale * (options.textScale > 0 ? options.textScale : 1.0);
    m_model.nodeFont = DiagramLayout::nodeFont(textScale);
    m_model.labelFont = DiagramLayout::labelFont(textScale);
    m_model.zoneFont = DiagramLayout::zoneFont(textScale);
    m_model.lineWidth = 1.5 * m_scale;
    m_model.role = options.role;
    m_labelHeight = std::ceil(QFontMetricsF(m_model.labelFont).height());
    m_pitch = std::ceil(m_labelHeight + 8 * m_scale);
    m_nodeWidth = std::round(190 * m_scale);
    m_pad = std::round(10 * m_scale);
    m_margin = std::round(24 * m_scale);
    m_trackPitch = std::round(9 * m_scale);
    m_arrowClear = std::round(14 * m_scale);
    m_labelGap = std::round(10 * m_scale);
    m_minGap = std::round(56 * m_scale);
    m_tolerance = 3 * m_scale;
    if (options.showResultsLegend)
        m_model.symbolSize = std::round(m_labelHeight * 0.7);
}

// The arrows: one per initiator and listener the filter accepts flows between (only the
// role's initiator, when the role initiates), listing the ports of all of them, required when
// any of them is. Flows whose endpoints are all expired only when asked, on an arrow of their
// own, marked so; a flow that never crosses the network (4123) gets no arrow, its listener
// names it.
void LayoutBuilder::collectArrows()
{
    const Catalog &catalog = *m_catalog;
    const FlowFilter filter = m_options.filter();
    const QDate today = m_options.date();
    const auto rank = [](Requirement requirement) {
        if (requirement == Requirement::Required)
            return 0;
        return requirement == Requirement::Optional ? 1 : 2;
    };
    QHash<QString, int> bundleIndex;
    for (const Flow &flow : catalog.flows) {
        if (!catalog.component(flow.listener) || !filter.acceptsFlow(catalog, flow))
            continue;
        const bool anyEndpoint = flow.endpoints.isEmpty()
                || std::any_of(flow.endpoints.cbegin(), flow.endpoints.cend(), [&](const Endpoint &e) {
                                     return filter.acceptsEndpoint(catalog, flow, e, today);
                                 });
        if (!anyEndpoint)
            continue;
        if (!flow.needsNetworkRule) {
            m_localFlows[flow.listener].append(flow.id);
            continue;
        }
        const bool expired = catalog.isFullyExpired(flow, today);
        QString validity;
        if (expired) {
            // The last day any of its endpoints was valid.
            const Endpoint *last = &flow.endpoints.first();
            for (const Endpoint &e : flow.endpoints) {
                if (catalog.validUntil(e) > catalog.validUntil(*last))
                    last = &e;
            }
            validity = CatalogText::validity(catalog, *last, today);
        }
        const bool roleInitiates = !m_options.role.isEmpty() && flow.isInitiatedBy(m_options.role);
        for (const QString &source : flow.initiators) {
            if (!catalog.component(source) || (roleInitiates && source != m_options.role))
                continue;
            const QString bundle = source + QLatin1Char('\n') + flow.listener
                    + (expired ? QStringLiteral("\nexpired\n") + validity : QString());
            const auto found = bundleIndex.constFind(bundle);
            if (found == bundleIndex.constEnd()) {
                DiagramFlow arrow;
                arrow.flowId = flow.id;
                arrow.flowIds = QStringList{flow.id};
                arrow.from = source;
                arrow.to = flow.listener;
                arrow.requirement = flow.requirement;
                arrow.direction = FlowFilter::directionOf(catalog, flow, filter.roles);
                arrow.isExpired = expired;
                arrow.validity = validity;
                bundleIndex.insert(bundle, m_model.flows.size());
                m_model.flows.append(arrow);
                continue;
            }
            DiagramFlow &arrow = m_model.flows[found.value()];
            if (arrow.flowIds.contains(flow.id))
                continue;
            arrow.flowIds.append(flow.id);
            if (rank(flow.requirement) < rank(arrow.requirement))
                arrow.requirement = flow.requirement;
        }
    }
    for (DiagramFlow &arrow : m_model.flows) {
        arrow.label =
                DiagramLayout::flowLabel(DiagramLayout::bundledPorts(DiagramLayout::flowsOf(catalog, arrow)));
        if (arrow.isExpired)
            //: An expired arrow's label: its ports, then "expired 2022-12-31".
            arrow.label = DiagramLayout::tr("%1 (%2)").arg(arrow.label, arrow.validity);
        // One port a line: the labels stay narrow, so the type can be large.
        arrow.labelLines = arrow.label.split(QStringLiteral(", "), Qt::SkipEmptyParts);
        if (m_options.showHosts) {
            for (const QString &host : DiagramLayout::keyHosts(catalog, arrow, m_options))
                arrow.labelLines += DiagramLayout::hostLines(host);
        }
    }
}

// The nodes: every component with a flow (all of them without a role filter).
void LayoutBuilder::collectNodes()
{
    QHash<QString, int> nodeIndex;
    for (const Component &component : m_catalog->components) {
        bool used = m_options.role.isEmpty() || component.id == m_options.role
                || m_localFlows.contains(component.id);
        for (const DiagramFlow &flow : std::as_const(m_model.flows))
            used = used || flow.from == component.id || flow.to == component.id;
        if (!used)
            continue;
        DiagramNode node;
        node.id = component.id;
        node.label = component.name.text(m_options.language);
        node.zone = component.zone;
        node.isFocus = component.id == m_options.role;
        node.localFlowIds = m_localFlows.value(component.id);
        nodeIndex.insert(node.id, m_model.nodes.size());
        m_model.nodes.append(node);
    }
    m_routes.resize(m_model.flows.size());
    for (int i = 0; i < m_model.flows.size(); ++i) {
        m_routes[i].from = nodeIndex.value(m_model.flows.at(i).from);
        m_routes[i].to = nodeIndex.value(m_model.flows.at(i).to);
    }
    m_geometry.resize(m_model.nodes.size());
}

// Columns: one per zone, in the zones' fixed order, then any other zone in order of appearance;
// the first and last zones put their components that only talk inside the zone into an outer
// column.
void LayoutBuilder::makeColumns()
{
    const QList<DiagramNode> &nodes = m_model.nodes;
    for (Zone zone : Vocabulary::values<Zone>()) {
        if (std::any_of(nodes.cbegin(), nodes.cend(),
                        [zone](const DiagramNode &n) { return n.zone == zone; }))
            m_zones.append(zone);
    }
    for (const DiagramNode &node : nodes) {
        if (!m_zones.contains(node.zone))
            m_zones.append(node.zone);
    }
    const int nodeCount = nodes.size();
    QList<bool> talksOutside(nodeCount, false);
    for (const Route &r : std::as_const(m_routes)) {
        if (nodes.at(r.from).zone != nodes.at(r.to).zone) {
            talksOutside[r.from] = true;
            talksOutside[r.to] = true;
        }
    }
    for (int z = 0; z < m_zones.size(); ++z) {
        QList<int> inner;
        QList<int> outer;
        QList<int> all;
        for (int n = 0; n < nodeCount; ++n) {
            if (nodes.at(n).zone != m_zones.at(z))
                continue;
            (talksOutside.at(n) ? inner : outer).append(n);
            all.append(n);
        }
        const bool split = m_zones.size() > 1 && !inner.isEmpty() && !outer.isEmpty()
                && (z == 0 || z == m_zones.size() - 1);
        if (!split) {
            m_columns.append(all);
            m_columnZones.append(m_zones.at(z));
        } else if (z == 0) {
            m_columns << outer << inner;
            m_columnZones << m_zones.at(z) << m_zones.at(z);
        } else {
            m_columns << inner << outer;
            m_columnZones << m_zones.at(z) << m_zones.at(z);
        }
    }
    for (int c = 0; c < m_columns.size(); ++c) {
        for (int n : std::as_const(m_columns.at(c)))
            m_geometry[n].column = c;
    }
}

// Order each column by the barycentre of its neighbours in other columns, a few sweeps.
void LayoutBuilder::orderColumns()
{
    const int columnCount = m_columns.size();
    QList<qreal> position(m_model.nodes.size(), 0.0);
    const auto updatePositions = [&](int c) {
        const QList<int> &column = m_columns.at(c);
        for (int i = 0; i < column.size(); ++i)
            position[column.at(i)] = (i + 0.5) / column.size();
    };
    for (int c = 0; c < columnCount; ++c)
        updatePositions(c);
    for (int sweep = 0; sweep < 8; ++sweep) {
        for (int step = 0; step < columnCount; ++step) {
            const int c = sweep % 2 == 0 ? step : columnCount - 1 - step;
            QList<QPair<qreal, int>> keyed;
            for (int n : std::as_const(m_columns.at(c))) {
                qreal sum = 0;
                int count = 0;
                for (const Route &r : std::as_const(m_routes)) {
                    const int other = r.from == n ? r.to : (r.to == n ? r.from : -1);
                    if (other < 0 || m_geometry.at(other).column == c)
                        continue;
                    sum += position.at(other);
                    ++count;
                }
                keyed.append({count > 0 ? sum / count : position.at(n), n});
            }
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (int i = 0; i < keyed.size(); ++i)
                m_columns[c][i] = keyed.at(i).second;
            updatePositions(c);
        }
    }
}

// Sides: towards the other column; inside a column, on the outer side.
void LayoutBuilder::chooseSides()
{
    const int columnCount = m_columns.size();
    for (int i = 0; i < m_routes.size(); ++i) {
        Route &r = m_routes[i];
        const int cf = m_geometry.at(r.from).column;
        const int ct = m_geometry.at(r.to).column;
        if (cf < ct) {
            r.fromSide = Right;
            r.toSide = Left;
            r.gapA = cf + 1;
            r.gapB = ct;
        } else if (cf > ct) {
            r.fromSide = Left;
            r.toSide = Right;
            r.gapA = cf;
            r.gapB = ct + 1;
        } else {
            const Side side = (cf == columnCount - 1 && cf != 0) ? Right : Left;
            r.fromSide = side;
            r.toSide = side;
            r.gapA = r.gapB = side == Left ? cf : cf + 1;
        }
        r.skips = std::abs(cf - ct) >= 2;
        m_geometry[r.from].ends[r.fromSide].append({i, true});
        m_geometry[r.to].ends[r.toSide].append(
                {i, false, std::max(1, int(m_model.flows.at(i).labelLines.size()))});
    }
}

// Box heights (whole slots) and vertical stacking, each column centred.
void LayoutBuilder::stackBoxes()
{
    const int columnCount = m_columns.size();
    const qreal zoneHeaderHeight = std::ceil(QFontMetricsF(m_model.zoneFont).height() + 2 * m_pad);
    m_contentTop = zoneHeaderHeight + m_pitch;
    QList<qreal> columnHeights(columnCount, 0.0);
    // A column's boxes as wide as the widest word of their names needs: names break at words only.
    m_columnWidths = QList<qreal>(columnCount, m_nodeWidth);
    for (int c = 0; c < columnCount; ++c) {
        for (int n : std::as_const(m_columns.at(c)))
            m_columnWidths[c] =
                    std::max(m_columnWidths.at(c),
                             std::ceil(DiagramLayout::widestWord(m_model.nodeFont, m_model.nodes.at(n).label)
                                       + 2 * m_pad));
    }
    const qreal lineSpacing = QFontMetricsF(m_model.nodeFont).lineSpacing();
    for (int c = 0; c < columnCount; ++c) {
        for (int n : std::as_const(m_columns.at(c))) {
            DiagramNode &node = m_model.nodes[n];
            node.labelLines =
                    DiagramLayout::wrapText(m_model.nodeFont, m_columnWidths.at(c) - 2 * m_pad, node.label);
            const qreal textHeight = node.labelLines.size() * lineSpacing;
            const int slotCount = std::max({int(std::ceil((textHeight + 2 * m_pad) / m_pitch)),
                                            slotsOf(m_geometry.at(n).ends[Left]),
                                            slotsOf(m_geometry.at(n).ends[Right]), 2});
            m_geometry[n].height = slotCount * m_pitch;
            columnHeights[c] += m_geometry.at(n).height;
        }
        columnHeights[c] += std::max<qsizetype>(0, m_columns.at(c).size() - 1) * m_pitch;
    }
    const qreal tallest =
            columnHeights.isEmpty() ? 0 : *std::max_element(columnHeights.begin(), columnHeights.end());
    m_contentBottom = m_contentTop;
    for (int c = 0; c < columnCount; ++c) {
        // Each column on its own quarter-slot grid: slots of neighbouring columns never line up,
        // so horizontal segments of different flows never coincide.
        qreal y = m_contentTop + std::round((tallest - columnHeights.at(c)) / 2 / m_pitch) * m_pitch
                + (c % 4) * m_pitch / 4;
        for (int n : std::as_const(m_columns.at(c))) {
            m_geometry[n].top = y;
            y += m_geometry.at(n).height + m_pitch;
        }
        m_contentBottom = std::max(m_contentBottom, y - m_pitch);
    }
    m_boxesBottom = m_contentBottom;
}

// Slots: ordered by the height the arrow heads to, centred on the side. First by the other box's
// centre, then refined by the other end's slot (or, once the corridors are known, the
// corridor's height), so that arrows between the same two boxes (or into neighbouring slots) do
// not cross each other; a loop's two ends stay next to each other. Arrows between boxes of one column nest:
// of those that come from above, the one from farthest gets the lowest slot; from below, the highest.
void LayoutBuilder::assignSlots(bool byCorridor)
{
    for (int pass = 0; pass < (byCorridor ? 1 : 3); ++pass) {
        for (int n = 0; n < m_model.nodes.size(); ++n) {
            for (int side : {Left, Right}) {
                QList<FlowEnd> &ends = m_geometry[n].ends[side];
                const auto otherNode = [&](const FlowEnd &end) {
                    const Route &r = m_routes.at(end.flow);
                    return end.isSource ? r.to : r.from;
                };
                const auto key = [&](const FlowEnd &end) {
                    const Route &r = m_routes.at(end.flow);
                    // A loop keeps its two ends next to each other, at the box's middle.
                    if ((pass == 0 && !byCorridor) || r.from == r.to)
                        return centre(otherNode(end));
                    if (byCorridor && r.skips)
                        return r.yc;
                    return end.isSource ? r.yd : r.ys;
                };
                // 0: from a box of the column above, 1: from another column (or itself), 2: below.
                const auto group = [&](const FlowEnd &end) {
                    const int other = otherNode(end);
                    if (other == n || m_geometry.at(other).column != m_geometry.at(n).column)
                        return 1;
                    return centre(other) < centre(n) ? 0 : 2;
                };
                std::stable_sort(ends.begin(), ends.end(), [&](const FlowEnd &a, const FlowEnd &b) {
                    const int ga = group(a);
                    const int gb = group(b);
                    if (ga != gb)
                        return ga < gb;
                    const qreal ka = key(a);
                    const qreal kb = key(b);
                    if (ka != kb)
                        return ga == 1 ? ka < kb : ka > kb;
                    const qreal ca = centre(otherNode(a));
                    const qreal cb = centre(otherNode(b));
                    if (ca != cb)
                        return ga == 1 ? ca < cb : ca > cb;
                    if (a.flow == b.flow)
                        return a.isSource && !b.isSource;
                    return a.flow < b.flow;
                });
                const NodeGeometry &g = m_geometry.at(n);
                const int total = int(std::round(g.height / m_pitch));
                const int first = (total - slotsOf(ends)) / 2;
                m_geometry[n].slotY[side].clear();
                int used = 0; // a label of several lines takes the slots above its arrow
                for (int k = 0; k < ends.size(); ++k) {
                    used += ends.at(k).slotCount;
                    const qreal y = g.top + (first + used - 1 + 0.5) * m_pitch;
                    m_geometry[n].slotY[side].append(y);
                    Route &r = m_routes[ends.at(k).flow];
                    (ends.at(k).isSource ? r.ys : r.yd) = y;
                }
            }
        }
    }
}

// Whether a corridor at y, from column lo to hi, keeps clear of the boxes it passes, of other
// arrows' slots and labels, and of other corridors.
bool LayoutBuilder::isCorridorFree(int route, int lo, int hi, qreal y) const
{
    if (y < m_contentTop)
        return false;
    for (int c = lo; c <= hi; ++c) {
        for (int n : std::as_const(m_columns.at(c))) {
            const NodeGeometry &g = m_geometry.at(n);
            if (c != lo && c != hi && y > g.top - m_pitch / 2 && y < g.top + g.height + m_pitch / 2)
                return false;
            for (int side : {Left, Right}) {
                for (int k = 0; k < g.ends[side].size(); ++k) {
                    const FlowEnd &end = g.ends[side].at(k);
                    if (end.flow == route)
                        continue;
                    const qreal slot = g.slotY[side].at(k);
                    if (std::abs(slot - y) < m_tolerance)
                        return false;
                    // The label above a listener's slot.
                    if (!end.isSource && y > slot - end.slotCount * m_labelHeight - 2 * m_scale - m_tolerance
                        && y < slot)
                        return false;
                }
            }
        }
    }
    for (const Corridor &other : m_corridors) {
        if (std::max(lo, other.lo) < std::min(hi, other.hi) && std::abs(other.y - y) < m_pitch / 2)
            return false;
    }
    return true;
}

// Ends of other arrows in a gap between two heights.
int LayoutBuilder::slotsBetween(int route, int gap, qreal y1, qreal y2) const
{
    int count = 0;
    for (const NodeGeometry &g : m_geometry) {
        const int side = g.column == gap - 1 ? Right : (g.column == gap ? Left : -1);
        if (side < 0)
            continue;
        for (int k = 0; k < g.ends[side].size(); ++k) {
            const qreal y = g.slotY[side].at(k);
            if (g.ends[side].at(k).flow != route && y > std::min(y1, y2) && y < std::max(y1, y2))
                ++count;
        }
    }
    return count;
}

// Corridors for flows that cross intermediate columns: a height free of boxes there, of other
// flows' slots and labels and of other corridors.
void LayoutBuilder::routeCorridors(CorridorRule rule)
{
    m_corridors.clear();
    m_contentBottom = m_boxesBottom;
    for (int i = 0; i < m_routes.size(); ++i) {
        Route &r = m_routes[i];
        r.yc = r.ys;
        if (!r.skips)
            continue;
        const int lo = std::min(m_geometry.at(r.from).column, m_geometry.at(r.to).column);
        const int hi = std::max(m_geometry.at(r.from).column, m_geometry.at(r.to).column);
        // Near the source's height the vertical part runs next to the listener, near the
        // listener's height next to the source: take the side where it crosses fewer arrows.
        const bool nearSource = rule == CorridorRule::NearSource
                || (rule == CorridorRule::Fewest
                    && slotsBetween(i, r.gapB, r.ys, r.yd) <= slotsBetween(i, r.gapA, r.ys, r.yd));
        const qreal anchor = nearSource ? r.ys : r.yd;
        QList<qreal> candidates{anchor, nearSource ? r.yd : r.ys};
        for (int k = 1; k < 4000; ++k)
            candidates << anchor + k * m_pitch / 2 << anchor - k * m_pitch / 2;
        for (qreal y : std::as_const(candidates)) {
            if (isCorridorFree(i, lo, hi, y)) {
                r.yc = y;
                break;
            }
        }
        m_corridors.append({lo, hi, r.yc});
        m_contentBottom = std::max(m_contentBottom, r.yc + m_pitch / 2);
    }
}

// Vertical tracks: each gap orders its vertical segments left to right so that few horizontals
// cross other verticals, then packs them into as few tracks as it can.
void LayoutBuilder::assignTracks()
{
    const int gapCount = m_columns.size() + 1;
    m_segments = QList<QList<VerticalSegment>>(gapCount);
    const auto addSegment = [&](int gap, int route, bool second, qreal y1, bool left1, qreal y2, bool left2) {
        if (std::abs(y1 - y2) <= 0.01)
            return;
        VerticalSegment segment{route, second, std::min(y1, y2), std::max(y1, y2), {}, {}};
        (left1 ? segment.leftY : segment.rightY).append(y1);
        (left2 ? segment.leftY : segment.rightY).append(y2);
        m_segments[gap].append(segment);
    };
    for (int i = 0; i < m_routes.size(); ++i) {
        const Route &r = m_routes.at(i);
        const int cf = m_geometry.at(r.from).column;
        const int ct = m_geometry.at(r.to).column;
        if (!r.skips) {
            addSegment(r.gapA, i, false, r.ys, cf < r.gapA, r.yd, ct < r.gapA);
            continue;
        }
        addSegment(r.gapA, i, false, r.ys, cf < r.gapA, r.yc, r.gapB < r.gapA);
        addSegment(r.gapB, i, true, r.yc, r.gapA < r.gapB, r.yd, ct < r.gapB);
    }
    m_trackCounts = QList<int>(gapCount, 0);
    // Crossings when a is left of b: b's left horizontals across a, a's right ones across b.
    const auto cost = [](const VerticalSegment &a, const VerticalSegment &b) {
        int n = 0;
        for (qreal y : b.leftY)
            n += a.spans(y) ? 1 : 0;
        for (qreal y : a.rightY)
            n += b.spans(y) ? 1 : 0;
        return n;
    };
    for (int g = 0; g < gapCount; ++g) {
        const QList<VerticalSegment> &list = m_segments.at(g);
        const int size = list.size();
        QList<QList<int>> costs(size, QList<int>(size, 0));
        for (int a = 0; a < size; ++a) {
            for (int b = 0; b < size; ++b)
                costs[a][b] = a == b ? 0 : cost(list.at(a), list.at(b));
        }
        // A first order by score, then moves of one segment to a better place while any helps.
        QList<QPair<int, int>> scored; // (score, index)
        for (int a = 0; a < size; ++a) {
            int score = 0;
            for (int b = 0; b < size; ++b)
                score += costs.at(a).at(b) - costs.at(b).at(a);
            scored.append({score, a});
        }
        std::stable_sort(scored.begin(), scored.end(),
                         [](const auto &x, const auto &y) { return x.first < y.first; });
        QList<int> order;
        for (const auto &entry : std::as_const(scored))
            order.append(entry.second);
        for (bool improved = true; improved;) {
            improved = false;
            for (int from = 0; from < size; ++from) {
                const int s = order.at(from);
                // The change in crossings of moving s to each other place, relative to now.
                int bestDelta = 0;
                int bestTo = from;
                int delta = 0;
                for (int to = from - 1; to >= 0; --to) {
                    const int o = order.at(to);
                    delta += costs.at(s).at(o) - costs.at(o).at(s);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestTo = to;
                    }
                }
                delta = 0;
                for (int to = from + 1; to < size; ++to) {
                    const int o = order.at(to);
                    delta += costs.at(o).at(s) - costs.at(s).at(o);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestTo = to;
                    }
                }
                if (bestTo != from) {
                    order.move(from, bestTo);
                    improved = true;
                }
            }
        }
        QList<int> assigned;
        QList<const VerticalSegment *> placed;
        int count = 0;
        for (int index : std::as_const(order)) {
            const VerticalSegment &s = list.at(index);
            int t = 0;
            for (int k = 0; k < placed.size(); ++k) {
                const VerticalSegment &o = *placed.at(k);
                if (!(s.lo > o.hi + m_pitch || s.hi < o.lo - m_pitch))
                    t = std::max(t, assigned.at(k) + 1);
            }
            placed.append(&s);
            assigned.append(t);
            count = std::max(count, t + 1);
            (s.second ? m_routes[s.route].trackB : m_routes[s.route].trackA) = t;
        }
        m_trackCounts[g] = count;
    }
}

// Widths of the gaps: labels next to the boxes on either side, tracks in the middle.
void LayoutBuilder::sizeGaps()
{
    const int columnCount = m_columns.size();
    const int gapCount = columnCount + 1;
    const QFontMetricsF labelMetrics(m_model.labelFont);
    m_labelWidths = QList<qreal>(m_model.flows.size());
    for (int i = 0; i < m_model.flows.size(); ++i) {
        qreal widest = 0;
        for (const QString &line : m_model.flows.at(i).labelLines)
            widest = std::max(widest, labelMetrics.horizontalAdvance(line));
        m_labelWidths[i] = std::ceil(widest + 6 * m_scale)
                + (m_model.symbolSize > 0 ? m_model.symbolSize + 3 * m_scale : 0);
    }
    QList<qreal> leftLabels(gapCount, 0.0);
    QList<qreal> rightLabels(gapCount, 0.0);
    for (int i = 0; i < m_routes.size(); ++i) {
        const Route &r = m_routes.at(i);
        const int c = m_geometry.at(r.to).column;
        const qreal needed = m_labelWidths.at(i) + m_arrowClear + m_labelGap;
        if (r.toSide == Left)
            rightLabels[c] = std::max(rightLabels.at(c), needed);
        else
            leftLabels[c + 1] = std::max(leftLabels.at(c + 1), needed);
    }
    m_trackBase = QList<qreal>(gapCount);
    QList<qreal> columnX(columnCount);
    qreal x = 0;
    for (int g = 0; g < gapCount; ++g) {
        const qreal tracks = m_trackCounts.at(g) * m_trackPitch;
        const bool outer = g == 0 || g == columnCount;
        const qreal width =
                std::max(outer ? m_margin : m_minGap,
                         leftLabels.at(g) + tracks + rightLabels.at(g) + (tracks > 0 ? 2 * m_pad : 0));
        // Centre the tracks in the room the labels leave.
        const qreal room = width - leftLabels.at(g) - rightLabels.at(g);
        m_trackBase[g] = x + leftLabels.at(g) + (room - tracks) / 2;
        x += width;
        if (g < columnCount) {
            columnX[g] = x;
            x += m_columnWidths.at(g);
        }
    }
    m_totalWidth = std::max(x, 2 * m_margin + 200 * m_scale);
    for (int n = 0; n < m_model.nodes.size(); ++n) {
        const NodeGeometry &g = m_geometry.at(n);
        DiagramNode &node = m_model.nodes[n];
        node.rect = QRectF(columnX.at(g.column), g.top, m_columnWidths.at(g.column), g.height);
        node.textRect = node.rect.adjusted(m_pad, m_pad, -m_pad, -m_pad);
    }
}

// Arrows and their labels: each label above the arrow's last segment, next to the listener.
void LayoutBuilder::placeArrows()
{
    for (int i = 0; i < m_routes.size(); ++i) {
        const Route &r = m_routes.at(i);
        DiagramFlow &flow = m_model.flows[i];
        const QRectF &from = m_model.nodes.at(r.from).rect;
        const QRectF &to = m_model.nodes.at(r.to).rect;
        const qreal xs = r.fromSide == Right ? from.right() : from.left();
        const qreal xd = r.toSide == Right ? to.right() : to.left();
        QPolygonF path;
        path << QPointF(xs, r.ys);
        if (!r.skips) {
            if (r.trackA >= 0)
                path << QPointF(trackX(r.gapA, r.trackA), r.ys) << QPointF(trackX(r.gapA, r.trackA), r.yd);
        } else {
            if (r.trackA >= 0)
                path << QPointF(trackX(r.gapA, r.trackA), r.ys) << QPointF(trackX(r.gapA, r.trackA), r.yc);
            if (r.trackB >= 0)
                path << QPointF(trackX(r.gapB, r.trackB), r.yc) << QPointF(trackX(r.gapB, r.trackB), r.yd);
        }
        path << QPointF(xd, r.yd);
        flow.path = path;
        const qreal w = m_labelWidths.at(i);
        const qreal left = r.toSide == Left ? xd - m_arrowClear - w : xd + m_arrowClear;
        const qreal height = std::max<qsizetype>(1, flow.labelLines.size()) * m_labelHeight;
        flow.labelRect = QRectF(left, r.yd - height - 2 * m_scale, w, height);
    }
}

// Legend, below everything.
void LayoutBuilder::placeLegend()
{
    DiagramLegend &legend = m_model.legend;
    legend.title = DiagramLayout::tr("Legend");
    const qreal legendTop = m_contentBottom + m_pitch + m_pitch / 2;
    const qreal swatchWidth = std::round(40 * m_scale);
    QList<QPair<DiagramLegendItem::Kind, QString>> items{
            {DiagramLegendItem::Kind::Required, DiagramLayout::tr("Required")},
            {DiagramLegendItem::Kind::Optional, DiagramLayout::tr("Optional or conditional")},
    };
    if (std::any_of(m_model.flows.cbegin(), m_model.flows.cend(),
                    [](const DiagramFlow &f) { return f.isExpired; }))
        items.append({DiagramLegendItem::Kind::Expired, DiagramLayout::tr("Expired (no longer needed)")});
    items.append({DiagramLegendItem::Kind::Note,
                  DiagramLayout::tr(
                          "Each arrow points from the side that opens the connection to the listener.")});
    if (m_options.showResultsLegend) {
        items.append({DiagramLegendItem::Kind::Passed, DiagramLayout::tr("Passed")});
        items.append({DiagramLegendItem::Kind::Failed, DiagramLayout::tr("Failed")});
        items.append({DiagramLegendItem::Kind::Partial, DiagramLayout::tr("Partly passed")});
        items.append({DiagramLegendItem::Kind::Untested, DiagramLayout::tr("Untested")});
    }
    const QFontMetricsF labelMetrics(m_model.labelFont);
    const QFontMetricsF titleMetrics(m_model.nodeFont);
    const qreal rowHeight = std::max(m_labelHeight, std::ceil(titleMetrics.height()));
    qreal lx = m_margin + m_pad;
    qreal ly = legendTop + m_pad;
    legend.titleRect = QRectF(lx, ly, std::ceil(titleMetrics.horizontalAdvance(legend.title) + 2), rowHeight);
    lx = legend.titleRect.right() + 2 * m_pad;
    qreal legendRight = lx;
    for (const auto &[kind, text] : std::as_const(items)) {
        const qreal textWidth = std::ceil(labelMetrics.horizontalAdvance(text) + 2);
        const qreal swatch = kind == DiagramLegendItem::Kind::Note ? 0 : swatchWidth;
        const qreal itemWidth = swatch + m_pad / 2 + textWidth;
        if (lx + itemWidth > m_totalWidth - m_margin - m_pad && lx > legend.titleRect.right() + 2 * m_pad) {
            lx = legend.titleRect.right() + 2 * m_pad;
            ly += rowHeight + m_pad / 2;
        }
        DiagramLegendItem item;
        item.kind = kind;
        item.text = text;
        item.swatchRect = QRectF(lx, ly, swatch, rowHeight);
        item.textRect = QRectF(lx + swatch + m_pad / 2, ly, textWidth, rowHeight);
        legend.items.append(item);
        legendRight = std::max(legendRight, item.textRect.right());
        lx = item.textRect.right() + 2 * m_pad;
    }
    legend.rect =
            QRectF(m_margin, legendTop, legendRight + m_pad - m_margin, ly + rowHeight + m_pad - legendTop);
}

// Zones: from boundary to boundary, the boundary between the tracks in the middle of the gap
// (never on one, so that the firewall line drawn there covers no arrow).
void LayoutBuilder::placeZones()
{
    const int columnCount = m_columns.size();
    const qreal zoneBottom = m_contentBottom + m_pitch;
    const qreal labelHeight = std::ceil(QFontMetricsF(m_model.zoneFont).height());
    const auto boundary = [&](int g) {
        return m_trackBase.at(g) + std::ceil(m_trackCounts.at(g) / 2.0) * m_trackPitch;
    };
    for (Zone zone : std::as_const(m_zones)) {
        const int first = int(m_columnZones.indexOf(zone));
        const int last = int(m_columnZones.lastIndexOf(zone));
        const qreal left = first == 0 ? 0 : boundary(first);
        const qreal right = last == columnCount - 1 ? m_totalWidth : boundary(last + 1);
        DiagramZone z;
        z.id = zone;
        z.label = CatalogText::zone(zone);
        z.rect = QRectF(left, 0, right - left, zoneBottom);
        z.labelRect = QRectF(left + m_pad, m_pad, std::max<qreal>(0, right - left - 2 * m_pad), labelHeight);
        m_model.zones.append(z);
    }
    // The firewall or proxy: where the customer network ends, in the free band below every
    // box and corridor, its label centred on the line.
    const int lastCustomer = int(m_columnZones.lastIndexOf(Zone::Customer));
    if (lastCustomer >= 0 && lastCustomer < columnCount - 1) {
        DiagramBoundary &b = m_model.boundary;
        b.label = DiagramLayout::tr("Firewall or proxy");
        const qreal x = boundary(lastCustomer + 1);
        QFont bold = m_model.labelFont;
        bold.setBold(true);
        const qreal width = std::ceil(QFontMetricsF(bold).horizontalAdvance(b.label) + 4 * m_scale);
        const qreal left = std::clamp(x - width / 2, 0.0, std::max(0.0, m_totalWidth - width));
        b.labelRect = QRectF(left, m_contentBottom + (m_pitch - m_labelHeight) / 2, width, m_labelHeight);
        b.line = QLineF(x, m_pad, x, b.labelRect.top() - 2 * m_scale);
    }
    m_model.bounds = QRectF(0, 0, m_totalWidth, m_model.legend.rect.bottom() + m_margin / 2);
}
} // namespace

DiagramModel DiagramLayout::layout(const Catalog &catalog, const DiagramOptions &options)
{
    LayoutBuilder base(catalog, options);
    base.collectArrows();
    base.collectNodes();
    base.makeColumns();
    base.orderColumns();
    base.chooseSides();
    base.stackBoxes();
    base.assignSlots();
    // Each way to route the arrows that cross a column is valid, with the slots ordered by the
    // other ends or, after a first routing, by the corridors: keep the clearest.
    DiagramModel best;
    int fewest = -1;
    for (CorridorRule rule : {CorridorRule::NearSource, CorridorRule::NearListener, CorridorRule::Fewest}) {
        for (bool byCorridor : {false, true}) {
            LayoutBuilder builder = base;
            builder.routeCorridors(rule);
            if (byCorridor) {
                builder.assignSlots(true);
                builder.routeCorridors(rule);
            }
            builder.assignTracks();
            builder.sizeGaps();
            builder.placeArrows();
            const int crossings = crossingCount(builder.model());
            if (fewest >= 0 && crossings >= fewest)
                continue;
            builder.placeLegend();
            builder.placeZones();
            best = builder.takeModel();
            fewest = crossings;
        }
    }
    return best;
}
