#pragma once

#include "core/tester/result/checkresult.h"

#include "core/diagram/diagramresults.h"

#include <QList>

// Check results as the diagram shows them: one FlowStatus per flow (FlowResultSummary).
class DiagramResultsAdapter
{
public:
    static DiagramResults fromResults(const QList<CheckResult> &results);
};
