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

    // Tunes the C allocator for streaming media; call first thing in main().
    // Frame-sized buffers of several MB come and go (pictures at each scene
    // change, decoded video frames). glibc raises its mmap threshold after the
    // first such free, after which they stay in the heap; a fixed threshold
    // hands them back to the system. Few arenas keep the codec threads from
    // each holding on to freed memory.
    static void tuneAllocator();
};

} // namespace reelsmith
