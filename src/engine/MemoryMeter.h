#pragma once

#include <QtGlobal>

namespace reelsmith {

// The process's resident memory, read cheaply enough to poll from a timer
// (/proc/self/statm and getrusage on Linux; no process is started).
class MemoryMeter
{
public:
    static qint64 currentBytes();
    // The kernel's high-water mark for this process (ru_maxrss).
    static qint64 peakBytes();
    static int toMegabytes(qint64 bytes) { return int((bytes + (1 << 19)) >> 20); }
};

} // namespace reelsmith
