#include "localizedtext.h"

QString LocalizedText::combined() const
{
    return en + QLatin1Char('\n') + ja;
}
