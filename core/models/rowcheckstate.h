#pragma once

#include <QString>

// What the connectivity test found for one catalog row, as the tables show it.
struct RowCheckState
{
    enum class Status { Untested, Running, Passed, Failed, Partial, Skipped };

    Status status = Status::Untested;
    qint64 latencyMs = -1; // the slowest check of the row that ran; -1 when none did
    QString summary; // translated, e.g. "Reachable" or "Timed out"

    bool operator==(const RowCheckState &other) const
    {
        return status == other.status && latencyMs == other.latencyMs && summary == other.summary;
    }
    bool operator!=(const RowCheckState &other) const { return !(*this == other); }
};
