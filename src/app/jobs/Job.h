#pragma once

#include "core/OutputSettings.h"
#include "render/RenderJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPromise>
#include <QString>

namespace reelsmith::editor {

// One long piece of work the editor runs off the UI thread through the
// RenderQueue: an export, a background import, later a batch. The queue owns
// it, runs run() on its pool and shows its row; the job only does the work.
class Job
{
    Q_DECLARE_TR_FUNCTIONS(Job)
public:
    enum class Kind { Export, Import };

    virtual ~Job() = default;

    virtual Kind kind() const = 0;
    // What the row says the job is (the file it makes, the clip it imports).
    virtual QString title() const = 0;
    // The file the job makes; the row's "Open Folder" shows its folder.
    virtual QString outputPath() const = 0;
    // Frames the job will handle when known before it starts, else 0.
    virtual qint64 expectedFrames() const { return 0; }
    // What the row says until the first progress report.
    virtual QString startingText() const = 0;
    // What the job is expected to hold at its peak, in MB: the queue starts
    // it only while the running jobs' peaks and this one fit the memory budget.
    virtual int peakMegabytes() const = 0;

    // Runs on a pool thread. Reports progress on `promise` (see FrameReporter),
    // parks in promise.suspendIfRequested() while paused, adds each warning
    // as a result (the row's log), and throws Error(Cancelled) once it sees
    // promise.isCanceled(). Throws Error on failure, leaving no output behind.
    // Returning means the output is in place: it is the user's from then on,
    // whatever cancel arrives later.
    virtual RenderResult run(QPromise<QString> &promise) = 0;
};

// The engine's model of a whole render's peak (core/OutputSettings.cpp) for
// an encode with `encoding`, under the x264 plan Mp4Writer picks for it on
// this machine. It counts the process's own base (code, FFmpeg and Qt
// libraries, ~115 MB measured for the CLI), much of which the editor holds
// anyway: an admission by it errs on the side of memory.
int modelledEncodePeakMegabytes(const OutputSettings &encoding);

// Turns the engine's per-frame callbacks (RenderJob, BackgroundOptimizer)
// into reports on a job's promise. The progress range is the frames plus one
// final step that means "past the point of no return, writing the file".
class FrameReporter
{
public:
    explicit FrameReporter(QPromise<QString> &promise) : m_promise(promise) {}

    // The engine's progress callback: throttled reports, and the place a
    // paused job parks.
    void frameDone(const RenderProgress &progress);
    // The engine's cancel check. Once every frame is done and no cancel was
    // asked for, this check is the last one before the commit: the job
    // reports the final step, and a cancel that comes later changes nothing
    // (later checks, if the engine makes any, say "go on").
    bool cancelRequested();

    RenderJob::ProgressFn progressFn()
    {
        return [this](const RenderProgress &p) { frameDone(p); };
    }
    RenderJob::CancelFn cancelFn()
    {
        return [this] { return cancelRequested(); };
    }

    static QString writingText() { return Job::tr("Writing the file"); }

private:
    QPromise<QString> &m_promise;
    QElapsedTimer m_sinceReport;
    qint64 m_framesDone = 0;
    qint64 m_frameCount = 0;
    bool m_pastPointOfNoReturn = false;
};

} // namespace reelsmith::editor
