#pragma once

#include "jobs/Job.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace reelsmith::editor {

// The editor's long jobs (exports, background imports): each runs on a
// private thread pool, so the creator keeps editing while it runs. Jobs start
// in the order they were queued; at most concurrency() run at once, and
// only while their modelled peaks (Job::peakMegabytes()) fit the memory
// budget beside what the editor holds by itself. A job that does not fit
// waits, and so do the ones queued after it (no job is overtaken for ever),
// its row saying why; when nothing else renders it runs anyway, alone.
//
// A paused job that has started keeps its thread parked (an export's encoder
// and temporary file stay open) but gives up its slot: the jobs behind it
// start, at most concurrency() of them rendering at once. Resumed while every
// slot is taken, it waits (Queued) for the next free slot, ahead of the jobs
// queued after it. A paused job that has not started yet holds nothing and
// is skipped until it is resumed.
//
// A job that has passed its point of no return (its last cancel check before
// its file is put in place; the row says so) finishes as Done whatever cancel
// comes later: a file that was put in place is never deleted.
class RenderQueue : public QObject
{
    Q_OBJECT
public:
    enum class State { Queued, Running, Paused, Done, Failed, Cancelled };
    Q_ENUM(State)

    // What a row shows of a job.
    struct JobStatus
    {
        int id = 0;
        Job::Kind kind = Job::Kind::Export;
        QString title;      // the output's file name, "Background from …"
        QString outputPath; // the file the job makes
        State state = State::Queued;
        qint64 framesDone = 0;
        qint64 frameCount = 0;          // 0 while not known yet
        qint64 elapsedMs = 0;           // time spent running, pauses excluded
        qint64 remainingMs = -1;        // estimate; -1 while too early to tell
        bool writing = false;           // past the point of no return: a cancel is refused
        QString detail;                 // what the job is doing now, or what it waits for
        int peakMegabytes = 0;          // modelled peak (Job::peakMegabytes())
        bool waitingForMemory = false;  // Queued with a free slot, but not within the budget
        QString errorText;              // for Failed: the same text the CLI prints after "error: "
        QStringList warnings;           // the job's log of harmless problems
        reelsmith::RenderResult result; // for Done

        bool isFinished() const
        {
            return state == State::Done || state == State::Failed || state == State::Cancelled;
        }
        double fraction() const { return frameCount > 0 ? double(framesDone) / frameCount : 0; }
    };

    explicit RenderQueue(QObject *parent = nullptr);
    // Cancels every job and waits for the running ones to stop: no job
    // outlives the queue and no temporary file is left behind.
    ~RenderQueue() override;

    // Queues `job`; returns its id.
    int enqueue(std::unique_ptr<Job> job);

    void pause(int id);
    void resume(int id);
    // A queued job is cancelled at once; a running one stops at its next
    // frame, unless it is already writing its file.
    void cancel(int id);
    void cancelAll();
    // Forgets the finished jobs (Done, Failed, Cancelled); returns how many.
    int removeFinished();

    QList<JobStatus> jobs() const;
    int count() const { return int(m_entries.size()); }
    const JobStatus &jobAt(int row) const;
    int rowOf(int id) const; // -1 when unknown
    std::optional<JobStatus> job(int id) const;

    int concurrency() const { return m_pool.maxThreadCount(); }
    void setConcurrency(int jobs);

    // The memory the jobs are admitted under, in MB; 0 (the default): only
    // concurrency() limits them. The editor's own memory, read while no job
    // has started, comes off it. Changing it starts what now fits.
    int memoryBudgetMegabytes() const { return m_budgetMb; }
    void setMemoryBudgetMegabytes(int megabytes);
    // Reads the editor's own memory in bytes; MemoryMeter::currentBytes()
    // (/proc/self/statm) unless replaced (tests give a fixed amount).
    void setMemorySampler(std::function<qint64()> currentBytes);

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
    // Jobs using a slot: started, not finished, not parked by a pause.
    int rendering() const;
    // MB the started, unfinished jobs are modelled to hold (a paused one too).
    int heldMegabytes() const;
    void setWaitingForMemory(Entry &entry, bool waiting, int freeMb);
    // A paused job's parked thread gives its slot to the pool, and takes one back.
    void releaseSlot(Entry &entry);
    void retakeSlot(Entry &entry);
    void onProgress(int id);
    void onWarnings(int id, int begin, int end);
    void onFinished(int id);
    void stopClock(Entry &entry);
    void updateBusy();

    std::vector<std::unique_ptr<Entry>> m_entries;
    QThreadPool m_pool;
    int m_nextId = 1;
    int m_budgetMb = 0;
    bool m_holdStarts = false; // while cancelAll() goes through the jobs
    int m_idleMb = 0;          // the editor's memory when it last ran no job
    std::function<qint64()> m_memorySampler;
    bool m_busy = false;
};

} // namespace reelsmith::editor
