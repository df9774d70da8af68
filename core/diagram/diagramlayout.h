#pragma once

#include "core/catalog/flowfilter.h"
#include "core/diagram/diagrammodel.h"
#include "core/i18n/language.h"

#include <QCoreApplication>
#include <QDate>

class Catalog;
struct Flow;
struct PortSpec;

// What to lay out: the language of the texts, the role filter, expired flows, the type size.
struct DiagramOptions
{
    Language language = Language::English;
    QString role; // a component id: only its flows; empty: every flow
    bool includeExpired = false; // draw flows whose endpoints are all expired, marked so
    QDate today; // for validity; null: the current date
    qreal fontScale = 1.0; // everything larger: type, boxes, lines, gaps
    qreal textScale = 1.0; // the type alone larger (presentation mode), the geometry as it is
    bool showResultsLegend = false; // room for the results' legend and symbols
    // Under each arrow's ports, the key host names (or addresses) its firewall rules name.
    bool showHosts = false;

    // The flows the diagram draws: those of the role, without fully expired ones unless asked.
    FlowFilter filter() const;
    QDate date() const { return today.isValid() ? today : QDate::currentDate(); }
};

// Lays out the ports diagram of a catalog, deterministically, from the catalog data alone:
// zones are columns (customer network | internet | Trend Micro cloud); a zone's components that
// only talk inside the zone get their own outer column; components are stacked in their column
// in the order that reduces crossings; the flows the filter accepts between one initiator and
// one listener share one orthogonal arrow that lists their ports, with its own slot on both
// boxes and its own vertical track, and its label sits on the arrow's last segment, next to the
// listener. Nothing overlaps by construction. A LayoutBuilder does it in phases; those that
// depend on how arrows that cross a column are routed run once per routing rule, and the
// routing with the fewest crossings is kept.
class DiagramLayout
{
    Q_DECLARE_TR_FUNCTIONS(DiagramLayout)

public:
    static DiagramModel layout(const Catalog &catalog, const DiagramOptions &options = {});

    // "80/TCP HTTP, 443/TCP HTTPS"; "4123" for a port whose transport the page does not state.
    static QString flowLabel(const Flow &flow);
    static QString flowLabel(const QList<PortSpec> &ports);
    // The ports of the flows an arrow draws, each port and transport once; where the flows name
    // its protocol differently, the names joined: "443/TCP HTTPS/TLS".
    static QList<PortSpec> bundledPorts(const QList<const Flow *> &flows);
    // The catalog flows an arrow draws, in the arrow's order.
    static QList<const Flow *> flowsOf(const Catalog &catalog, const DiagramFlow &arrow);

    static QFont nodeFont(qreal scale = 1.0);
    static QFont labelFont(qreal scale = 1.0);
    static QFont zoneFont(qreal scale = 1.0);
    // Where a line of text may begin: QTextBoundaryFinder::Line opportunities, except inside a
    // run of one Japanese script (katakana, kanji, hiragana): "アップデートサーバー" is one word,
    // "管理者のコンピューター" breaks only around "の". Ascending positions, 0 < p < text.size().
    static QList<int> lineBreaks(const QString &text);
    // The text broken into lines no wider than width at lineBreaks() only; a word wider than
    // width gets a line of its own.
    static QStringList wrapText(const QFont &font, qreal width, const QString &text);
    // The widest run of text between two lineBreaks().
    static qreal widestWord(const QFont &font, const QString &text);
    // Height of text wrapped to width as the painter draws it (wrapText()).
    static qreal wrappedTextHeight(const QFont &font, qreal width, const QString &text);
    // An arrow's key destinations, for showHosts: the first host name (a URL's host, an address
    // or a subnet) of each endpoint list of its flows, valid on the date and accepted by the
    // filter, at most two (so that a role's view keeps 18 px type at Fit on 1920x1080), then
    // "+N more" for the other distinct ones.
    static QStringList keyHosts(const Catalog &catalog, const DiagramFlow &arrow,
                                const DiagramOptions &options);
    // A long host name as drawn under the ports: broken after its dots into lines of about width
    // characters, each but the last ending in "." ("gateway-control.workload.us-1.cloudone."
    // "trendmicro.com"), so that labels grow down rather than across.
    static QStringList hostLines(const QString &host, int width = 40);
    // Points where two arrows cross.
    static int crossingCount(const DiagramModel &model);
};
