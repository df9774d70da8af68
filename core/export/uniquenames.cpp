#include "uniquenames.h"

QString UniqueNames::take(const QString &base)
{
    if (!m_used.contains(base)) {
        m_used.insert(base);
        return base;
    }
    // A suffixed name may already be taken as a base of its own ("a_2"): skip it.
    int &next = m_nextSuffix[base];
    if (next < 2)
        next = 2;
    QString name;
    do {
        name = base + QLatin1Char('_') + QString::number(next++);
    } while (m_used.contains(name));
    m_used.insert(name);
    return name;
}
