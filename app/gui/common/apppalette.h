#pragma once

#include <QPalette>

// The Fusion palettes the explorer offers: the style's light standard palette and a dark one.
class AppPalette
{
public:
    static QPalette light();
    static QPalette dark();
    // Whether the platform palette in effect before the style was set is a dark one.
    static bool systemPrefersDark();
    static void apply(bool dark);
    static bool isDark();
};
