#include "memoryusage.h"

#include <QByteArray>
#include <QFile>
#include <QList>

namespace {
qint64 statusValueKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

qint64 MemoryUsage::peakRssKiB()
{
    return statusValueKiB("VmHWM:");
}

qint64 MemoryUsage::virtualSizeKiB()
{
    return statusValueKiB("VmSize:");
}

bool MemoryUsage::resetPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

MemoryUsage::Cap::Cap(qint64 extraBytes)
{
    const qint64 current = virtualSizeKiB();
    if (current < 0 || getrlimit(RLIMIT_AS, &m_saved) != 0)
        return;
    rlimit capped = m_saved;
    capped.rlim_cur = rlim_t(current * 1024 + extraBytes);
    if (m_saved.rlim_max != RLIM_INFINITY && capped.rlim_cur > m_saved.rlim_max)
        capped.rlim_cur = m_saved.rlim_max;
    m_active = setrlimit(RLIMIT_AS, &capped) == 0;
}

MemoryUsage::Cap::~Cap()
{
    if (m_active)
        setrlimit(RLIMIT_AS, &m_saved);
}
