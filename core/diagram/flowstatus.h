#pragma once

#include <QString>

// The outcome of the connectivity tests for one catalog flow or one component. Header only, so
// that the headless tester can summarise flows without linking the diagram.
enum class FlowStatus { Untested, Passed, Failed, Partial };

// The stable name, for JSON: "untested", "passed", "failed", "partial".
inline QString flowStatusName(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return QStringLiteral("passed");
    case FlowStatus::Failed:
        return QStringLiteral("failed");
    case FlowStatus::Partial:
        return QStringLiteral("partial");
    case FlowStatus::Untested:
        break;
    }
    return QStringLiteral("untested");
}
