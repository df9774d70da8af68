#include "statuspalette.h"

namespace StatusPalette {

namespace {
// Per role: the line colour, then the fill; light, then dark.
struct Colours
{
    QColor line[2];
    QColor fill[2];
};

Colours colours(Role role)
{
    switch (role) {
    case Role::Good:
        return {{QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84)},
                {QColor(0xd4, 0xed, 0xd6), QColor(0x1e, 0x3a, 0x22)}};
    case Role::Bad:
        return {{QColor(0xc6, 0x28, 0x28), QColor(0xff, 0x8a, 0x80)},
                {QColor(0xfc, 0xd5, 0xd8), QColor(0x4a, 0x1f, 0x1f)}};
    case Role::Warning:
        return {{QColor(0xb2, 0x5e, 0x00), QColor(0xff, 0xb7, 0x4d)},
                {QColor(0xff, 0xe6, 0xc2), QColor(0x47, 0x33, 0x12)}};
    case Role::Active:
        return {{QColor(0x19, 0x76, 0xd2), QColor(0x64, 0xb5, 0xf6)},
                {QColor(0xd6, 0xe6, 0xf8), QColor(0x1a, 0x2c, 0x44)}};
    case Role::Neutral:
        break;
    }
    return {{QColor(0x75, 0x75, 0x75), QColor(0x9e, 0x9e, 0x9e)},
            {QColor(0xee, 0xee, 0xee), QColor(0x33, 0x33, 0x33)}};
}
} // namespace

QColor line(Role role, bool dark)
{
    return colours(role).line[dark ? 1 : 0];
}

QColor fill(Role role, bool dark)
{
    return colours(role).fill[dark ? 1 : 0];
}

} // namespace StatusPalette
