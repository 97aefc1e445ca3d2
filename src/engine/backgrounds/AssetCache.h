#pragma once

#include "backgrounds/BackgroundOptimizer.h"

#include <QSize>
#include <QString>

namespace reelsmith {

// Optimized copies of heavy backgrounds, kept so that repeated renders decode
// a small output-sized clip instead of the creator's 1080p/60 fps original.
// An entry is named by a hash of the source's identity (absolute path, size,
// modification time) and the recipe, and is written under a temporary name
// until complete, so a half-written entry is never used.
class AssetCache
{
public:
    // <CacheLocation>/backgrounds, or $REELSMITH_CACHE_DIR when set.
    static QString folder();

    // The recipe renders use: cover the output size at the output rate, the
    // whole clip (the loop must stay the same), good quality, no bit-rate
    // cap, tuned for fast decoding.
    static OptimizeSettings renderRecipe(QSize output, int fps);

    // Worth caching: larger than the output, or over 2 MB per 15 s.
    static bool isHeavy(const QString &source, QSize output);

    static QString entryPath(const QString &source, const OptimizeSettings &recipe);
    // The cached copy when one is complete, or an empty string.
    static QString lookup(const QString &source, const OptimizeSettings &recipe);
    // Makes (or returns the existing) cached copy.
    static QString create(const QString &source, const OptimizeSettings &recipe,
                          const ProgressFn &progress = {}, const CancelFn &cancel = {});
};

} // namespace reelsmith
