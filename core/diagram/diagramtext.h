#pragma once

#include "core/diagram/diagrammodel.h"
#include "core/diagram/diagramresults.h"
#include "core/i18n/language.h"

#include <QCoreApplication>

class Catalog;

// The words around the diagram: tooltips and the presentation narration, in the UI language
// (tr()) with catalog text in the requested language. Directions are those of the diagram's
// role (DiagramModel::role): outbound where it initiates, inbound where it listens.
class DiagramText
{
    Q_DECLARE_TR_FUNCTIONS(DiagramText)

public:
    // Rich text for an arrow's tooltip.
    static QString flowToolTip(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                               Language language, const DiagramResults &results = {});
    static QString nodeToolTip(const Catalog &catalog, const DiagramModel &model, const DiagramNode &node,
                               Language language, const DiagramResults &results = {});
    // "Deep Security Agent → Workload Security"
    static QString flowTitle(const Catalog &catalog, const DiagramFlow &flow, Language language);
    // "Outbound for Deep Security Agent"; without a role, as seen from the customer network.
    static QString directionText(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                                 Language language);
    // What a presenter reads out for the arrow, for a customer: the catalog's narration of each
    // flow it draws (Flow::narration), else their descriptions.
    static QString narration(const Catalog &catalog, const DiagramFlow &flow, Language language);
    // The step's facts under its title: "443/TCP (HTTPS) · Required · Outbound for Deep Security
    // Agent".
    static QString stepFacts(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                             Language language);
    static QString statusText(FlowStatus status);
};
