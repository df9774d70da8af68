#pragma once

// How a check state is painted, without saying in what colour: headless code (verdicts, row
// and flow summaries) names the role, StatusPalette (portolan_models) picks the colour.
enum class StatusRole {
    Good, // reachable
    Bad, // failed
    Warning, // partly passed, or sent and not verifiable
    Active, // being checked now
    Neutral, // not tested, skipped, cancelled
};
