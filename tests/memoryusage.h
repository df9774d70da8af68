#pragma once

// Memory use of the test process, for tests of hostile input: the peak resident set size
// (VmHWM in /proc/self/status) and a cap on the address space, so that a regression fails with
// bad_alloc instead of taking the machine's memory.

#include <QtGlobal>

#include <sys/resource.h>

class MemoryUsage
{
public:
    // Peak resident set size in KiB, or -1 where /proc is not available.
    static qint64 peakRssKiB();
    // Virtual size in KiB, or -1.
    static qint64 virtualSizeKiB();
    // Resets the peak to the current resident size (Linux 4.0+); false where not allowed.
    static bool resetPeak();

    // Caps the address space at its current size plus extraBytes while alive.
    class Cap
    {
    public:
        explicit Cap(qint64 extraBytes);
        ~Cap();
        Q_DISABLE_COPY_MOVE(Cap)

    private:
        rlimit m_saved{};
        bool m_active = false;
    };
};
