#pragma once

#include "project/Project.h"
#include "render/RenderJob.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

namespace reelsmith::editor {

// The editor's exports: each job renders its own copy of a project on a
// private thread pool, so the creator keeps editing while it runs. Jobs start
// in the order they were queued; at most concurrency() run at once.
//
// A paused job that has started keeps its thread (its encoder and temporary
// file stay open), so with the default concurrency of 1 the jobs behind it
// wait. A paused job that has not started yet holds nothing and is skipped
// until it is resumed.
class RenderQueue : public QObject
{
    Q_OBJECT
public:
    enum class State { Queued, Running, Paused, Done, Failed, Cancelled };
    Q_ENUM(State)

    struct Job
    {
        int id = 0;
        QString outputPath;
        State state = State::Queued;
        qint64 framesDone = 0;
        qint64 frameCount = 0;
        qint64 elapsedMs = 0;           // time spent rendering, pauses excluded
        qint64 remainingMs = -1;        // estimate; -1 while too early to tell
        QString detail;                 // what the render is doing now
        QString errorText;              // for Failed: the same text the CLI prints after "error: "
        reelsmith::RenderResult result; // for Done

        bool isFinished() const
        {
            return state == State::Done || state == State::Failed || state == State::Cancelled;
        }
        double fraction() const { return frameCount > 0 ? double(framesDone) / frameCount : 0; }
    };

    explicit RenderQueue(QObject *parent = nullptr);
    // Cancels every job and waits for the running ones to stop: no render
    // outlives the queue and no temporary file is left behind.
    ~RenderQueue() override;

    // Queues a render of `project` (copied: later edits to the caller's
    // project do not reach the job) to `outputPath`. Returns the job's id.
    int enqueue(reelsmith::Project project, const QString &outputPath);

    void pause(int id);
    void resume(int id);
    // A queued job is cancelled at once; a running one stops at its next frame.
    void cancel(int id);
    void cancelAll();
    // Forgets the finished jobs (Done, Failed, Cancelled); returns how many.
    int removeFinished();

    QList<Job> jobs() const;
    int count() const { return int(m_entries.size()); }
    const Job &jobAt(int row) const;
    int rowOf(int id) const; // -1 when unknown
    std::optional<Job> job(int id) const;

    int concurrency() const { return m_pool.maxThreadCount(); }
    void setConcurrency(int jobs);

    // True while any job is queued, running or paused mid-render.
    bool isBusy() const;

    static QString stateName(State state);

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);
    void jobFinished(int id);
    void jobAboutToBeRemoved(int id);
    void jobRemoved(int id);
    void busyChanged(bool busy);

private:
    struct Entry;

    Entry *entry(int id) const;
    void startQueued();
    void start(Entry &entry);
    void onProgress(int id);
    void onFinished(int id);
    void stopClock(Entry &entry);
    void updateBusy();

    std::vector<std::unique_ptr<Entry>> m_entries;
    QThreadPool m_pool;
    int m_nextId = 1;
    bool m_busy = false;
};

} // namespace reelsmith::editor
