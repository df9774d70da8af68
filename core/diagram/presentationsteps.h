#pragma once

#include "core/diagram/diagrammodel.h"

#include <QList>

// The order of Present's steps: one arrow each, required flows first, then conditional, then
// optional ones, each kind in the diagram's order — what a customer must open comes first.
class PresentationSteps
{
public:
    // Indices into model.flows, in step order.
    static QList<int> order(const DiagramModel &model);
};
