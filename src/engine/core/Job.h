#pragma once

// The vocabulary every long job shares (a render, a background import, the
// render cache's copies, soon narration and batch rows): how it reports
// progress, how it is asked to stop, what it reports when done. No FFmpeg
// here, so front ends include only this.

#include <QString>
#include <QStringList>

#include <functional>

namespace reelsmith {

struct RenderProgress
{
    qint64 framesDone = 0;
    qint64 frameCount = 0;
    double fraction() const { return frameCount > 0 ? double(framesDone) / frameCount : 0.0; }
};

struct RenderResult
{
    QString outputPath;
    qint64 frames = 0;
    qint64 bytes = 0;
    double seconds = 0; // wall time of the job
    // Wall time of the audio-only loudness pass (part of `seconds`; 0 when
    // the render has no loudness target), so its cost can be watched.
    double loudnessSeconds = 0;
    QStringList warnings; // harmless problems met on the way (a damaged picture, ...)

    // The result for a file now in place at `path`, started `elapsedMs` ago.
    static RenderResult finished(const QString &path, qint64 frames, qint64 elapsedMs);
};

using ProgressFn = std::function<void(const RenderProgress &)>;
// Polled between frames; true asks the job to stop (it throws Error(Cancelled)).
// A job checks it one last time right before it commits its output: after
// that point the job completes and the file is the user's.
using CancelFn = std::function<bool()>;
using WarningFn = std::function<void(const QString &)>;

} // namespace reelsmith
