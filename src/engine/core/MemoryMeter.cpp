#include "core/MemoryMeter.h"

#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace reelsmith {

qint64 MemoryMeter::currentBytes()
{
    std::FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    long long size = 0, resident = 0;
    const int read = std::fscanf(statm, "%lld %lld", &size, &resident);
    std::fclose(statm);
    if (read != 2)
        return 0;
    return qint64(resident) * sysconf(_SC_PAGESIZE);
}

qint64 MemoryMeter::peakBytes()
{
    struct rusage usage
    {
    };
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return currentBytes();
    return qint64(usage.ru_maxrss) * 1024; // kilobytes on Linux
}

void MemoryMeter::tuneAllocator()
{
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
}

} // namespace reelsmith
