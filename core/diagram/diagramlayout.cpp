#include "diagramlayout.h"

#include "catalog/catalog.h"
#include "catalog/catalogtext.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLineF>
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
    return diagramFont(13 * scale, QFont::DemiBold);
}

QFont DiagramLayout::labelFont(qreal scale)
{
    return diagramFont(12 * scale, QFont::Normal);
}

QFont DiagramLayout::zoneFont(qreal scale)
{
    return diagramFont(16 * scale, QFont::Bold);
}

qreal DiagramLayout::wrappedTextHeight(const QFont &font, qreal width, const QString &text)
{
    QTextLayout textLayout(text, font);
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    textLayout.setTextOption(option);
    textLayout.beginLayout();
    qreal height = 0;
    for (;;) {
        QTextLine line = textLayout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        height += line.height();
    }
    textLayout.endLayout();
    return height;
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

DiagramModel DiagramLayout::layout(const Catalog &catalog, const DiagramOptions &options)
{
    // Each way to route the arrows that cross a column is valid; keep the clearest.
    DiagramModel best;
    int fewest = -1;
    for (CorridorRule rule : {CorridorRule::NearSource, CorridorRule::NearListener, CorridorRule::Fewest}) {
        DiagramModel model = layout(catalog, options, rule);
        const int crossings = crossingCount(model);
        if (fewest < 0 || crossings < fewest) {
            best = std::move(model);
            fewest = crossings;
        }
    }
    return best;
}

DiagramModel DiagramLayout::layout(const Catalog &catalog, const DiagramOptions &options,
                                   CorridorRule corridorRule)
{
    const qreal scale = options.fontScale > 0 ? options.fontScale : 1.0;
    DiagramModel model;
    model.nodeFont = nodeFont(scale);
    model.labelFont = labelFont(scale);
    model.zoneFont = zoneFont(scale);
    model.lineWidth = 1.5 * scale;
    const QFontMetricsF labelMetrics(model.labelFont);
    const QFontMetricsF zoneMetrics(model.zoneFont);

    const qreal labelHeight = std::ceil(labelMetrics.height());
    const qreal pitch = std::ceil(labelHeight + 8 * scale); // distance between slots
    const qreal nodeWidth = std::round(190 * scale);
    const qreal pad = std::round(10 * scale);
    const qreal margin = std::round(24 * scale);
    const qreal trackPitch = std::round(9 * scale);
    const qreal arrowClear = std::round(14 * scale); // between a box and the labels next to it
    const qreal labelGap = std::round(10 * scale); // between labels and tracks
    const qreal minGap = std::round(56 * scale);
    const qreal tolerance = 3 * scale;

    // The arrows: one per flow the filter accepts and initiator (only the role's, when the role
    // initiates). A flow whose endpoints are all expired only when asked, marked so; a flow that
    // never crosses the network (4123) gets no arrow, its listener names it. Flows with the same
    // initiator, listener and ports (port and transport) would share one arrow, required when
    // any of them is.
    model.role = options.role;
    const FlowFilter filter = options.filter();
    const QDate today = options.date();
    const auto portSet = [](const Flow &flow) {
        QStringList ports;
        for (const PortSpec &p : flow.ports)
            ports.append(QStringLiteral("%1/%2").arg(p.port).arg(p.transportName()));
        ports.sort();
        ports.removeDuplicates();
        return ports.join(QLatin1Char(','));
    };
    const auto rank = [](Requirement requirement) {
        if (requirement == Requirement::Required)
            return 0;
        return requirement == Requirement::Optional ? 1 : 2;
    };
    QHash<QString, int> bundleIndex;
    QHash<QString, QStringList> localFlows; // listener -> flow ids
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
            localFlows[flow.listener].append(flow.id);
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
        const QString ports = portSet(flow);
        const bool roleInitiates = !options.role.isEmpty() && flow.isInitiatedBy(options.role);
        for (const QString &source : flow.initiators) {
            if (!catalog.component(source) || (roleInitiates && source != options.role))
                continue;
            const QString bundle = source + QLatin1Char('\n') + flow.listener + QLatin1Char('\n') + ports
                    + (expired ? QStringLiteral("\nexpired") : QString());
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
                bundleIndex.insert(bundle, model.flows.size());
                model.flows.append(arrow);
                continue;
            }
            DiagramFlow &arrow = model.flows[found.value()];
            if (arrow.flowIds.contains(flow.id))
                continue;
            arrow.flowIds.append(flow.id);
            if (rank(flow.requirement) < rank(arrow.requirement))
                arrow.requirement = flow.requirement;
        }
    }
    for (DiagramFlow &arrow : model.flows) {
        arrow.label = flowLabel(bundledPorts(flowsOf(catalog, arrow)));
        if (arrow.isExpired)
            //: An expired arrow's label: its ports, then "expired 2022-12-31".
            arrow.label = tr("%1 (%2)").arg(arrow.label, arrow.validity);
    }

    // The nodes: every component with a flow (all of them without a role filter).
    QHash<QString, int> nodeIndex;
    for (const Component &component : catalog.components) {
        bool used =
                options.role.isEmpty() || component.id == options.role || localFlows.contains(component.id);
        for (const DiagramFlow &flow : std::as_const(model.flows))
            used = used || flow.from == component.id || flow.to == component.id;
        if (!used)
            continue;
        DiagramNode node;
        node.id = component.id;
        node.label = component.name.text(options.language);
        node.zone = component.zone;
        node.isFocus = component.id == options.role;
        node.localFlowIds = localFlows.value(component.id);
        nodeIndex.insert(node.id, model.nodes.size());
        model.nodes.append(node);
    }
    const int nodeCount = model.nodes.size();
    QList<Route> routes(model.flows.size());
    for (int i = 0; i < model.flows.size(); ++i) {
        routes[i].from = nodeIndex.value(model.flows.at(i).from);
        routes[i].to = nodeIndex.value(model.flows.at(i).to);
    }

    // Zones in their fixed order, then any other zone in order of appearance.
    QList<Zone> zones;
    for (Zone zone : Vocabulary::values<Zone>()) {
        for (const DiagramNode &node : std::as_const(model.nodes)) {
            if (node.zone == zone) {
                zones.append(zone);
                break;
            }
        }
    }
    for (const DiagramNode &node : std::as_const(model.nodes)) {
        if (!zones.contains(node.zone))
            zones.append(node.zone);
    }

    // Columns: one per zone; the first and last zones put their components that only talk
    // inside the zone into an outer column.
    QList<bool> talksOutside(nodeCount, false);
    for (const Route &r : std::as_const(routes)) {
        if (model.nodes.at(r.from).zone != model.nodes.at(r.to).zone) {
            talksOutside[r.from] = true;
            talksOutside[r.to] = true;
        }
    }
    QList<QList<int>> columns;
    QList<Zone> columnZones;
    for (int z = 0; z < zones.size(); ++z) {
        QList<int> inner;
        QList<int> outer;
        for (int n = 0; n < nodeCount; ++n) {
            if (model.nodes.at(n).zone == zones.at(z))
                (talksOutside.at(n) ? inner : outer).append(n);
        }
        const bool split =
                zones.size() > 1 && !inner.isEmpty() && !outer.isEmpty() && (z == 0 || z == zones.size() - 1);
        if (!split) {
            QList<int> all;
            for (int n = 0; n < nodeCount; ++n) {
                if (model.nodes.at(n).zone == zones.at(z))
                    all.append(n);
            }
            columns.append(all);
            columnZones.append(zones.at(z));
        } else if (z == 0) {
            columns << outer << inner;
            columnZones << zones.at(z) << zones.at(z);
        } else {
            columns << inner << outer;
            columnZones << zones.at(z) << zones.at(z);
        }
    }
    const int columnCount = columns.size();
    QList<NodeGeometry> geometry(nodeCount);
    for (int c = 0; c < columnCount; ++c) {
        for (int n : std::as_const(columns.at(c)))
            geometry[n].column = c;
    }

    // Order each column by the barycentre of its neighbours in other columns, a few sweeps.
    QList<qreal> position(nodeCount, 0.0);
    const auto updatePositions = [&](int c) {
        const QList<int> &column = columns.at(c);
        for (int i = 0; i < column.size(); ++i)
            position[column.at(i)] = (i + 0.5) / column.size();
    };
    for (int c = 0; c < columnCount; ++c)
        updatePositions(c);
    for (int sweep = 0; sweep < 8; ++sweep) {
        for (int step = 0; step < columnCount; ++step) {
            const int c = sweep % 2 == 0 ? step : columnCount - 1 - step;
            QList<QPair<qreal, int>> keyed;
            for (int n : std::as_const(columns.at(c))) {
                qreal sum = 0;
                int count = 0;
                for (const Route &r : std::as_const(routes)) {
                    const int other = r.from == n ? r.to : (r.to == n ? r.from : -1);
                    if (other < 0 || geometry.at(other).column == c)
                        continue;
                    sum += position.at(other);
                    ++count;
                }
                keyed.append({count > 0 ? sum / count : position.at(n), n});
            }
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (int i = 0; i < keyed.size(); ++i)
                columns[c][i] = keyed.at(i).second;
            updatePositions(c);
        }
    }

    // Sides: towards the other column; inside a column, on the outer side.
    for (int i = 0; i < routes.size(); ++i) {
        Route &r = routes[i];
        const int cf = geometry.at(r.from).column;
        const int ct = geometry.at(r.to).column;
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
        geometry[r.from].ends[r.fromSide].append({i, true});
        geometry[r.to].ends[r.toSide].append({i, false});
    }

    // Box heights (whole slots) and vertical stacking, each column centred.
    const QFontMetricsF nodeMetrics(model.nodeFont);
    const qreal zoneHeaderHeight = std::ceil(zoneMetrics.height() + 2 * pad);
    const qreal contentTop = zoneHeaderHeight + pitch;
    QList<qreal> columnHeights(columnCount, 0.0);
    for (int c = 0; c < columnCount; ++c) {
        for (int n : std::as_const(columns.at(c))) {
            const qreal textHeight =
                    wrappedTextHeight(model.nodeFont, nodeWidth - 2 * pad, model.nodes.at(n).label);
            const int slotCount = std::max({int(std::ceil((textHeight + 2 * pad) / pitch)),
                                            int(geometry.at(n).ends[Left].size()),
                                            int(geometry.at(n).ends[Right].size()), 2});
            geometry[n].height = slotCount * pitch;
            columnHeights[c] += geometry.at(n).height;
        }
        columnHeights[c] += std::max<qsizetype>(0, columns.at(c).size() - 1) * pitch;
    }
    const qreal tallest =
            columnHeights.isEmpty() ? 0 : *std::max_element(columnHeights.begin(), columnHeights.end());
    qreal contentBottom = contentTop;
    for (int c = 0; c < columnCount; ++c) {
        // Each column on its own quarter-slot grid: slots of neighbouring columns never line up,
        // so horizontal segments of different flows never coincide.
        qreal y = contentTop + std::round((tallest - columnHeights.at(c)) / 2 / pitch) * pitch
                + (c % 4) * pitch / 4;
        for (int n : std::as_const(columns.at(c))) {
            geometry[n].top = y;
            y += geometry.at(n).height + pitch;
        }
        contentBottom = std::max(contentBottom, y - pitch);
    }

    // Slots: ordered by the height of the other end, centred on the side. First by the other
    // box's centre, then refined by the other end's slot, so that arrows between the same two
    // boxes (or into neighbouring slots) do not cross each other.
    const auto centre = [&](int n) { return geometry.at(n).top + geometry.at(n).height / 2; };
    for (int pass = 0; pass < 3; ++pass) {
        for (int n = 0; n < nodeCount; ++n) {
            for (int side : {Left, Right}) {
                QList<FlowEnd> &ends = geometry[n].ends[side];
                const auto otherY = [&](const FlowEnd &end) {
                    const Route &r = routes.at(end.flow);
                    return end.isSource ? r.yd : r.ys;
                };
                const auto otherCentre = [&](const FlowEnd &end) {
                    const Route &r = routes.at(end.flow);
                    return centre(end.isSource ? r.to : r.from);
                };
                std::stable_sort(ends.begin(), ends.end(), [&](const FlowEnd &a, const FlowEnd &b) {
                    const qreal ka = pass == 0 ? otherCentre(a) : otherY(a);
                    const qreal kb = pass == 0 ? otherCentre(b) : otherY(b);
                    if (ka != kb)
                        return ka < kb;
                    if (otherCentre(a) != otherCentre(b))
                        return otherCentre(a) < otherCentre(b);
                    return a.flow < b.flow;
                });
                const int total = int(std::round(geometry.at(n).height / pitch));
                const int first = (total - int(ends.size())) / 2;
                geometry[n].slotY[side].clear();
                for (int k = 0; k < ends.size(); ++k) {
                    const qreal y = geometry.at(n).top + (first + k + 0.5) * pitch;
                    geometry[n].slotY[side].append(y);
                    Route &r = routes[ends.at(k).flow];
                    (ends.at(k).isSource ? r.ys : r.yd) = y;
                }
            }
        }
    }

    // Corridors for flows that cross intermediate columns: a height free of boxes there, of
    // other flows' slots and of other corridors.
    struct Corridor
    {
        int lo;
        int hi;
        qreal y;
    };
    QList<Corridor> corridors;
    for (int i = 0; i < routes.size(); ++i) {
        Route &r = routes[i];
        r.yc = r.ys;
        if (!r.skips)
            continue;
        const int lo = std::min(geometry.at(r.from).column, geometry.at(r.to).column);
        const int hi = std::max(geometry.at(r.from).column, geometry.at(r.to).column);
        const auto isFree = [&](qreal y) {
            if (y < contentTop)
                return false;
            for (int c = lo; c <= hi; ++c) {
                for (int n : std::as_const(columns.at(c))) {
                    const NodeGeometry &g = geometry.at(n);
                    if (c != lo && c != hi && y > g.top - pitch / 2 && y < g.top + g.height + pitch / 2)
                        return false;
                    for (int side : {Left, Right}) {
                        for (int k = 0; k < g.ends[side].size(); ++k) {
                            if (g.ends[side].at(k).flow == i)
                                continue;
                            if (std::abs(g.slotY[side].at(k) - y) < tolerance)
                                return false;
                        }
                    }
                }
            }
            for (const Corridor &other : std::as_const(corridors)) {
                if (std::max(lo, other.lo) < std::min(hi, other.hi) && std::abs(other.y - y) < pitch / 2)
                    return false;
            }
            return true;
        };
        // Near the source's height the vertical part runs next to the listener, near the
        // listener's height next to the source: take the side where it crosses fewer arrows.
        const auto slotsBetween = [&](int gap, qreal y1, qreal y2) {
            int count = 0;
            for (int n = 0; n < nodeCount; ++n) {
                const NodeGeometry &g = geometry.at(n);
                const int side = g.column == gap - 1 ? Right : (g.column == gap ? Left : -1);
                if (side < 0)
                    continue;
                for (int k = 0; k < g.ends[side].size(); ++k) {
                    const qreal y = g.slotY[side].at(k);
                    if (g.ends[side].at(k).flow != i && y > std::min(y1, y2) && y < std::max(y1, y2))
                        ++count;
                }
            }
            return count;
        };
        const bool nearSource = corridorRule == CorridorRule::NearSource
                || (corridorRule == CorridorRule::Fewest
                    && slotsBetween(r.gapB, r.ys, r.yd) <= slotsBetween(r.gapA, r.ys, r.yd));
        const qreal anchor = nearSource ? r.ys : r.yd;
        QList<qreal> candidates{anchor, nearSource ? r.yd : r.ys};
        for (int k = 1; k < 4000; ++k) {
            candidates << anchor + k * pitch / 2 << anchor - k * pitch / 2;
        }
        for (qreal y : std::as_const(candidates)) {
            if (isFree(y)) {
                r.yc = y;
                break;
            }
        }
        corridors.append({lo, hi, r.yc});
        contentBottom = std::max(contentBottom, r.yc + pitch / 2);
    }

    // Vertical tracks: each gap packs its vertical segments into as few tracks as it can.
    const int gapCount = columnCount + 1;
    QList<QList<VerticalSegment>> segments(gapCount);
    const auto addSegment = [&](int gap, int route, bool second, qreal y1, bool left1, qreal y2, bool left2) {
        if (std::abs(y1 - y2) <= 0.01)
            return;
        VerticalSegment segment{route, second, std::min(y1, y2), std::max(y1, y2), {}, {}};
        (left1 ? segment.leftY : segment.rightY).append(y1);
        (left2 ? segment.leftY : segment.rightY).append(y2);
        segments[gap].append(segment);
    };
    for (int i = 0; i < routes.size(); ++i) {
        const Route &r = routes.at(i);
        const int cf = geometry.at(r.from).column;
        const int ct = geometry.at(r.to).column;
        if (!r.skips) {
            addSegment(r.gapA, i, false, r.ys, cf < r.gapA, r.yd, ct < r.gapA);
            continue;
        }
        addSegment(r.gapA, i, false, r.ys, cf < r.gapA, r.yc, r.gapB < r.gapA);
        addSegment(r.gapB, i, true, r.yc, r.gapA < r.gapB, r.yd, ct < r.gapB);
    }
    // Order the segments of a gap left to right so that few horizontals cross other verticals,
    // then give each the first track right of every earlier segment it would touch.
    QList<int> trackCounts(gapCount, 0);
    for (int g = 0; g < gapCount; ++g) {
        QList<VerticalSegment> &list = segments[g];
        // Crossings when a is left of b: b's left horizontals across a, a's right ones across b.
        const auto cost = [](const VerticalSegment &a, const VerticalSegment &b) {
            int n = 0;
            for (qreal y : b.leftY)
                n += a.spans(y) ? 1 : 0;
            for (qreal y : a.rightY)
                n += b.spans(y) ? 1 : 0;
            return n;
        };
        QList<QPair<int, int>> scored; // (score, index)
        for (int a = 0; a < list.size(); ++a) {
            int score = 0;
            for (int b = 0; b < list.size(); ++b) {
                if (a != b)
                    score += cost(list.at(a), list.at(b)) - cost(list.at(b), list.at(a));
            }
            scored.append({score, a});
        }
        std::stable_sort(scored.begin(), scored.end(),
                         [](const auto &x, const auto &y) { return x.first < y.first; });
        QList<int> assigned;
        QList<const VerticalSegment *> placed;
        int count = 0;
        for (const auto &[score, index] : std::as_const(scored)) {
            const VerticalSegment &s = list.at(index);
            int t = 0;
            for (int k = 0; k < placed.size(); ++k) {
                const VerticalSegment &o = *placed.at(k);
                if (!(s.lo > o.hi + pitch || s.hi < o.lo - pitch))
                    t = std::max(t, assigned.at(k) + 1);
            }
            placed.append(&s);
            assigned.append(t);
            count = std::max(count, t + 1);
            (s.second ? routes[s.route].trackB : routes[s.route].trackA) = t;
        }
        trackCounts[g] = count;
    }

    // Widths of the gaps: labels next to the boxes on either side, tracks in the middle.
    QList<qreal> labelWidths(model.flows.size());
    for (int i = 0; i < model.flows.size(); ++i)
        labelWidths[i] = std::ceil(labelMetrics.horizontalAdvance(model.flows.at(i).label) + 6 * scale);
    QList<qreal> leftLabels(gapCount, 0.0);
    QList<qreal> rightLabels(gapCount, 0.0);
    for (int i = 0; i < routes.size(); ++i) {
        const Route &r = routes.at(i);
        const int c = geometry.at(r.to).column;
        const qreal needed = labelWidths.at(i) + arrowClear + labelGap;
        if (r.toSide == Left)
            rightLabels[c] = std::max(rightLabels.at(c), needed);
        else
            leftLabels[c + 1] = std::max(leftLabels.at(c + 1), needed);
    }
    QList<qreal> gapStart(gapCount);
    QList<qreal> trackBase(gapCount);
    QList<qreal> columnX(columnCount);
    qreal x = 0;
    for (int g = 0; g < gapCount; ++g) {
        const qreal tracks = trackCounts.at(g) * trackPitch;
        const bool outer = g == 0 || g == columnCount;
        const qreal width =
                std::max(outer ? margin : minGap,
                         leftLabels.at(g) + tracks + rightLabels.at(g) + (tracks > 0 ? 2 * pad : 0));
        gapStart[g] = x;
        // Centre the tracks in the room the labels leave.
        const qreal room = width - leftLabels.at(g) - rightLabels.at(g);
        trackBase[g] = x + leftLabels.at(g) + (room - tracks) / 2;
        x += width;
        if (g < columnCount) {
            columnX[g] = x;
            x += nodeWidth;
        }
    }
    const qreal totalWidth = std::max(x, 2 * margin + 200 * scale);
    const auto trackX = [&](int gap, int track) { return trackBase.at(gap) + (track + 0.5) * trackPitch; };

    // Boxes.
    for (int n = 0; n < nodeCount; ++n) {
        const NodeGeometry &g = geometry.at(n);
        DiagramNode &node = model.nodes[n];
        node.rect = QRectF(columnX.at(g.column), g.top, nodeWidth, g.height);
        node.textRect = node.rect.adjusted(pad, pad, -pad, -pad);
    }

    // Arrows and their labels.
    for (int i = 0; i < routes.size(); ++i) {
        const Route &r = routes.at(i);
        DiagramFlow &flow = model.flows[i];
        const QRectF &from = model.nodes.at(r.from).rect;
        const QRectF &to = model.nodes.at(r.to).rect;
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
        const qreal w = labelWidths.at(i);
        const qreal left = r.toSide == Left ? xd - arrowClear - w : xd + arrowClear;
        flow.labelRect = QRectF(left, r.yd - labelHeight - 2 * scale, w, labelHeight);
    }

    // Legend, below everything.
    DiagramLegend &legend = model.legend;
    legend.title = tr("Legend");
    const qreal zoneBottom = contentBottom + pitch;
    const qreal legendTop = zoneBottom + pitch / 2;
    const qreal swatchWidth = std::round(40 * scale);
    QList<QPair<DiagramLegendItem::Kind, QString>> items{
            {DiagramLegendItem::Kind::Required, tr("Required")},
            {DiagramLegendItem::Kind::Optional, tr("Optional or conditional")},
    };
    if (std::any_of(model.flows.cbegin(), model.flows.cend(),
                    [](const DiagramFlow &f) { return f.isExpired; }))
        items.append({DiagramLegendItem::Kind::Expired, tr("Expired (no longer needed)")});
    items.append({DiagramLegendItem::Kind::Note,
                  tr("Each arrow points from the side that opens the connection to the listener.")});
    if (options.showResultsLegend) {
        items.append({DiagramLegendItem::Kind::Passed, tr("Passed")});
        items.append({DiagramLegendItem::Kind::Failed, tr("Failed")});
        items.append({DiagramLegendItem::Kind::Partial, tr("Partly passed")});
        items.append({DiagramLegendItem::Kind::Untested, tr("Untested")});
    }
    const QFontMetricsF titleMetrics(model.nodeFont);
    const qreal rowHeight = std::max(labelHeight, std::ceil(titleMetrics.height()));
    qreal lx = margin + pad;
    qreal ly = legendTop + pad;
    legend.titleRect = QRectF(lx, ly, std::ceil(titleMetrics.horizontalAdvance(legend.title) + 2), rowHeight);
    lx = legend.titleRect.right() + 2 * pad;
    qreal legendRight = lx;
    for (const auto &[kind, text] : std::as_const(items)) {
        const qreal textWidth = std::ceil(labelMetrics.horizontalAdvance(text) + 2);
        const qreal swatch = kind == DiagramLegendItem::Kind::Note ? 0 : swatchWidth;
        const qreal itemWidth = swatch + pad / 2 + textWidth;
        if (lx + itemWidth > totalWidth - margin - pad && lx > legend.titleRect.right() + 2 * pad) {
            lx = legend.titleRect.right() + 2 * pad;
            ly += rowHeight + pad / 2;
        }
        DiagramLegendItem item;
        item.kind = kind;
        item.text = text;
        item.swatchRect = QRectF(lx, ly, swatch, rowHeight);
        item.textRect = QRectF(lx + swatch + pad / 2, ly, textWidth, rowHeight);
        legend.items.append(item);
        legendRight = std::max(legendRight, item.textRect.right());
        lx = item.textRect.right() + 2 * pad;
    }
    legend.rect = QRectF(margin, legendTop, legendRight + pad - margin, ly + rowHeight + pad - legendTop);

    // Zones: from boundary to boundary, the boundary in the middle of the tracks between them.
    for (Zone zone : std::as_const(zones)) {
        const int first = int(columnZones.indexOf(zone));
        const int last = int(columnZones.lastIndexOf(zone));
        const auto boundary = [&](int g) { return trackBase.at(g) + trackCounts.at(g) * trackPitch / 2; };
        const qreal left = first == 0 ? 0 : boundary(first);
        const qreal right = last == columnCount - 1 ? totalWidth : boundary(last + 1);
        DiagramZone z;
        z.id = zone;
        z.label = CatalogText::zone(zone);
        z.rect = QRectF(left, 0, right - left, zoneBottom);
        z.labelRect = QRectF(left + pad, pad, std::max<qreal>(0, right - left - 2 * pad),
                             std::ceil(zoneMetrics.height()));
        model.zones.append(z);
    }

    model.bounds = QRectF(0, 0, totalWidth, legend.rect.bottom() + margin / 2);
    return model;
}
