#pragma once

#include "core/util/statusrole.h"

#include <QColor>

// The one palette of check states, for every view that colours them: the results table, the
// catalog table's check column and the diagram (lines and fills, light and dark). A state maps
// to a role (Verdict::colorRole, the row and flow summaries); the role picks the colour.
namespace StatusPalette {

using Role = StatusRole;

// A line, symbol or swatch colour.
QColor line(Role role, bool dark = false);
// A box's fill behind text in the palette's text colour.
QColor fill(Role role, bool dark = false);

} // namespace StatusPalette
