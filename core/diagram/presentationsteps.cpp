#include "presentationsteps.h"

#include <algorithm>
#include <numeric>

namespace {
int rank(Requirement requirement)
{
    switch (requirement) {
    case Requirement::Required:
        return 0;
    case Requirement::Conditional:
        return 1;
    case Requirement::Optional:
        return 2;
    }
    return 3;
}
} // namespace

QList<int> PresentationSteps::order(const DiagramModel &model)
{
    QList<int> order(model.flows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&model](int a, int b) {
        return rank(model.flows.at(a).requirement) < rank(model.flows.at(b).requirement);
    });
    return order;
}
