#include "jobs/RenderQueue.h"

#include "core/Error.h"
#include "core/MemoryMeter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QPromise>
#include <QScopedValueRollback>
#include <QtConcurrent>

#include <algorithm>
#include <climits>
#include <new>

namespace reelsmith::editor {

namespace {

// Below this much progress a remaining-time guess swings too wildly to show.
constexpr double kMinFractionForEstimate = 0.02;
constexpr qint64 kMinElapsedForEstimateMs = 500;

// What run() left behind, written on the pool's thread before the future
// finishes and read on the UI thread after. Not the promise's result: Qt
// drops a result reported after a cancel, and a job that passed its point of
// no return reports its result whatever cancel came in the meantime.
struct Outcome
{
    std::optional<reelsmith::RenderResult> result;
    std::exception_ptr error;
};

} // namespace

struct RenderQueue::Entry
{
    JobStatus status;
    std::shared_ptr<Job> job; // shared with the running task
    std::shared_ptr<Outcome> outcome = std::make_shared<Outcome>();
    bool started = false;
    QFuture<QString> future; // its results are the job's warnings
    std::unique_ptr<QFutureWatcher<QString>> watcher;
    QElapsedTimer clock;   // runs while the job runs, stopped while paused
    qint64 previousMs = 0; // running time before the last pause
    // Paused after it started: its thread is parked and the pool was told it
    // may run another task in its place (QThreadPool::releaseThread()).
    bool slotReleased = false;
};

RenderQueue::RenderQueue(QObject *parent)
    : QObject(parent), m_memorySampler(&reelsmith::MemoryMeter::currentBytes)
{
    m_pool.setObjectName(QStringLiteral("RenderQueue"));
    m_pool.setMaxThreadCount(1);
}

RenderQueue::~RenderQueue()
{
    for (const auto &e : m_entries) {
        if (e->watcher)
            e->watcher->disconnect(this);
        // Also wakes a paused job so it can stop. A job past its point of no
        // return does not look any more and finishes its file.
        // A parked job takes its slot back before it wakes, so the pool's
        // count of busy threads is right when it waits for them below.
        retakeSlot(*e);
        if (e->started && !e->future.isFinished())
            e->future.cancel();
    }
    // Each job checks for cancellation every frame, so this is short; and it
    // must finish before the files it writes can be considered settled.
    m_pool.waitForDone();
}

int RenderQueue::enqueue(std::unique_ptr<Job> job)
{
    auto e = std::make_unique<Entry>();
    e->status.id = m_nextId++;
    e->status.kind = job->kind();
    e->status.title = job->title();
    e->status.outputPath = job->outputPath();
    e->status.frameCount = job->expectedFrames();
    e->status.peakMegabytes = std::max(0, job->peakMegabytes());
    e->job = std::move(job);
    const int id = e->status.id;
    m_entries.push_back(std::move(e));
    Q_EMIT jobAdded(id);
    startQueued();
    updateBusy();
    return id;
}

RenderQueue::Entry *RenderQueue::entry(int id) const
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [id](const auto &e) { return e->status.id == id; });
    return it == m_entries.end() ? nullptr : it->get();
}

void RenderQueue::pause(int id)
{
    Entry *e = entry(id);
    if (!e || (e->status.state != State::Queued && e->status.state != State::Running))
        return;
    if (e->started) {
        if (e->future.isFinished() || e->status.writing)
            return; // its finished() report is on its way, or it only writes its file
        e->future.suspend();
        stopClock(*e);
        releaseSlot(*e);
    }
    setWaitingForMemory(*e, false, 0);
    e->status.state = State::Paused;
    e->status.remainingMs = -1;
    Q_EMIT jobChanged(id);
    // Its slot, or the place it held at the head of the queue, is free.
    startQueued();
    updateBusy();
}

void RenderQueue::resume(int id)
{
    Entry *e = entry(id);
    if (!e || e->status.state != State::Paused)
        return;
    // Queued: a started job wakes in startQueued() when a slot is free,
    // before the jobs queued after it.
    e->status.state = State::Queued;
    Q_EMIT jobChanged(id);
    startQueued();
    updateBusy();
}

void RenderQueue::cancel(int id)
{
    Entry *e = entry(id);
    if (!e || e->status.isFinished())
        return;
    if (!e->started) {
        e->job.reset();
        setWaitingForMemory(*e, false, 0);
        e->status.state = State::Cancelled;
        Q_EMIT jobChanged(id);
        Q_EMIT jobFinished(id);
        startQueued(); // the jobs behind a cancelled one waiting for memory
        updateBusy();
        return;
    }
    // Past its point of no return the job only writes its file: the row
    // says so and the job finishes Done. (A cancel that crosses that point
    // is safe too: the job no longer looks, and its result stands.)
    if (e->future.isFinished() || e->status.writing)
        return;
    e->future.cancel();
    // The row keeps its state until the job has really stopped and its
    // temporary file is gone; onFinished() reports that.
}

void RenderQueue::cancelAll()
{
    // Queued ones first, so none of them starts in the gap a cancelled running job leaves
    // (nor in the memory a cancelled queued one was waiting for).
    const QScopedValueRollback holdStarts(m_holdStarts, true);
    for (int pass = 0; pass < 2; ++pass)
        for (const auto &e : m_entries)
            if (e->started == (pass == 1))
                cancel(e->status.id);
}

int RenderQueue::removeFinished()
{
    int removed = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!(*it)->status.isFinished()) {
            ++it;
            continue;
        }
        const int id = (*it)->status.id;
        Q_EMIT jobAboutToBeRemoved(id);
        it = m_entries.erase(it);
        Q_EMIT jobRemoved(id);
        ++removed;
    }
    return removed;
}

QList<RenderQueue::JobStatus> RenderQueue::jobs() const
{
    QList<JobStatus> list;
    list.reserve(qsizetype(m_entries.size()));
    for (const auto &e : m_entries)
        list.append(e->status);
    return list;
}

const RenderQueue::JobStatus &RenderQueue::jobAt(int row) const
{
    return m_entries.at(size_t(row))->status;
}

int RenderQueue::rowOf(int id) const
{
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i]->status.id == id)
            return int(i);
    return -1;
}

std::optional<RenderQueue::JobStatus> RenderQueue::job(int id) const
{
    if (const Entry *e = entry(id))
        return e->status;
    return std::nullopt;
}

void RenderQueue::setConcurrency(int jobs)
{
    m_pool.setMaxThreadCount(std::max(1, jobs));
    startQueued();
    updateBusy();
}

void RenderQueue::setMemoryBudgetMegabytes(int megabytes)
{
    m_budgetMb = std::max(0, megabytes);
    startQueued();
    updateBusy();
}

void RenderQueue::setMemorySampler(std::function<qint64()> currentBytes)
{
    m_memorySampler = std::move(currentBytes);
    startQueued();
    updateBusy();
}

bool RenderQueue::isBusy() const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [](const auto &e) {
        return e->status.state == State::Queued || e->status.state == State::Running ||
               (e->status.state == State::Paused && e->started);
    });
}

QString RenderQueue::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return tr("Queued");
    case State::Running:
        return tr("Running");
    case State::Paused:
        return tr("Paused");
    case State::Done:
        return tr("Done");
    case State::Failed:
        return tr("Failed");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

int RenderQueue::rendering() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [](const auto &e) {
        return e->started && !e->status.isFinished() && !e->slotReleased;
    }));
}

int RenderQueue::heldMegabytes() const
{
    int held = 0;
    for (const auto &e : m_entries)
        if (e->started && !e->status.isFinished())
            held += e->status.peakMegabytes;
    return held;
}

void RenderQueue::setWaitingForMemory(Entry &e, bool waiting, int freeMb)
{
    if (!waiting && !e.status.waitingForMemory)
        return;
    const QString detail =
        waiting ? tr("Waiting for memory: needs ~%1 MB, %2 MB free of the %3 MB budget")
                      .arg(e.status.peakMegabytes)
                      .arg(std::max(0, freeMb))
                      .arg(m_budgetMb)
                : QString();
    if (waiting == e.status.waitingForMemory && detail == e.status.detail)
        return;
    e.status.waitingForMemory = waiting;
    e.status.detail = detail; // only a job that has not started waits: it had no other text
    Q_EMIT jobChanged(e.status.id);
}

void RenderQueue::releaseSlot(Entry &e)
{
    if (e.slotReleased)
        return;
    // Without a reserveThread() before it, this lets the pool run one task
    // more than maxThreadCount() until retakeSlot(): the parked thread's place.
    m_pool.releaseThread();
    e.slotReleased = true;
}

void RenderQueue::retakeSlot(Entry &e)
{
    if (!e.slotReleased)
        return;
    m_pool.reserveThread();
    e.slotReleased = false;
}

void RenderQueue::startQueued()
{
    if (m_holdStarts)
        return;
    const bool anyStarted = std::any_of(m_entries.begin(), m_entries.end(), [](const auto &e) {
        return e->started && !e->status.isFinished();
    });
    // What the editor holds by itself, read while no job adds to it.
    if (!anyStarted && m_memorySampler)
        m_idleMb = reelsmith::MemoryMeter::toMegabytes(m_memorySampler());
    // Paused jobs hold a parked thread each but no slot (see releaseSlot()),
    // and their memory.
    int running = rendering();
    int freeMb = m_budgetMb - m_idleMb - heldMegabytes();
    // Blocked by memory: the jobs behind keep their order, but a paused one
    // resumed still wakes (it holds its memory already).
    bool blocked = false;
    for (const auto &e : m_entries) {
        if (e->status.state != State::Queued)
            continue;
        if ((blocked && !e->started) || running >= m_pool.maxThreadCount()) {
            setWaitingForMemory(*e, false, 0);
            continue;
        }
        // A paused job resumed holds its memory already. Any job runs when
        // nothing else renders, however big: it could never run otherwise.
        const bool fits =
            m_budgetMb <= 0 || e->started || running == 0 || e->status.peakMegabytes <= freeMb;
        if (!fits) {
            setWaitingForMemory(*e, true, freeMb);
            blocked = true;
            continue;
        }
        setWaitingForMemory(*e, false, 0);
        if (e->started) {
            // Resumed after a pause: it wakes in the slot that is free.
            retakeSlot(*e);
            e->status.state = State::Running;
            e->clock.start();
            e->future.resume();
            Q_EMIT jobChanged(e->status.id);
        } else {
            freeMb -= e->status.peakMegabytes;
            start(*e);
        }
        ++running;
    }
}

void RenderQueue::start(Entry &e)
{
    const int id = e.status.id;
    e.started = true;
    e.status.state = State::Running;
    e.status.detail = e.job->startingText();
    e.clock.start();

    e.watcher = std::make_unique<QFutureWatcher<QString>>();
    connect(e.watcher.get(), &QFutureWatcherBase::progressValueChanged, this,
            [this, id] { onProgress(id); });
    // Qt drops a report that follows the previous one too closely; the one
    // made just before parking could be it, so read the count again then.
    connect(e.watcher.get(), &QFutureWatcherBase::suspended, this, [this, id] { onProgress(id); });
    connect(e.watcher.get(), &QFutureWatcherBase::resultsReadyAt, this,
            [this, id](int begin, int end) { onWarnings(id, begin, end); });
    connect(e.watcher.get(), &QFutureWatcherBase::finished, this, [this, id] { onFinished(id); });
    // The task shares the job and its outcome, and touches nothing else of
    // the queue's: the queue may be destroyed while it is still unwinding.
    e.future =
        QtConcurrent::run(&m_pool, [job = e.job, outcome = e.outcome](QPromise<QString> &promise) {
            try {
                outcome->result = job->run(promise);
            } catch (...) {
                // Turned into the row's state and text on the UI thread.
                outcome->error = std::current_exception();
            }
        });
    e.watcher->setFuture(e.future);
    Q_EMIT jobChanged(id);
}

void RenderQueue::onProgress(int id)
{
    Entry *e = entry(id);
    if (!e || e->status.isFinished())
        return;
    // The range is the frames and one last step, "writing the file".
    const int maximum = e->future.progressMaximum();
    const int value = e->future.progressValue();
    if (maximum > 0)
        e->status.frameCount = maximum - 1;
    e->status.framesDone = std::min<qint64>(value, e->status.frameCount);
    e->status.writing = maximum > 0 && value >= maximum;
    if (!e->future.progressText().isEmpty())
        e->status.detail = e->future.progressText();
    if (e->status.state == State::Running) {
        e->status.elapsedMs = e->previousMs + e->clock.elapsed();
        // Time per fraction so far, projected over what is left (no smoothing:
        // frames cost about the same from start to end).
        const double f = e->status.fraction();
        if (f >= kMinFractionForEstimate && e->status.elapsedMs >= kMinElapsedForEstimateMs)
            e->status.remainingMs = qint64(e->status.elapsedMs * (1.0 - f) / f);
    }
    Q_EMIT jobChanged(id);
}

void RenderQueue::onWarnings(int id, int begin, int end)
{
    Entry *e = entry(id);
    if (!e)
        return;
    for (int i = begin; i < end; ++i)
        e->status.warnings.append(e->future.resultAt(i));
    Q_EMIT jobChanged(id);
}

void RenderQueue::onFinished(int id)
{
    Entry *e = entry(id);
    if (!e)
        return;
    stopClock(*e);
    // Its thread is back in the pool (a paused job cancelled, or one that
    // finished before the pause parked it): the released slot is balanced.
    retakeSlot(*e);
    JobStatus &status = e->status;
    const Outcome &outcome = *e->outcome;
    if (outcome.result) {
        status.state = State::Done;
        status.result = *outcome.result;
        status.framesDone = status.frameCount = status.result.frames;
        // Warnings reported just before a late cancel never reached the log.
        for (const QString &warning : std::as_const(status.result.warnings))
            if (!status.warnings.contains(warning))
                status.warnings.append(warning);
    } else if (outcome.error) {
        status.state = State::Failed;
        try {
            std::rethrow_exception(outcome.error);
        } catch (const reelsmith::Error &error) {
            if (error.kind() == reelsmith::ErrorKind::Cancelled)
                status.state = State::Cancelled;
            else
                status.errorText = error.message();
        } catch (const std::bad_alloc &) {
            status.errorText = tr("out of memory");
        } catch (const std::exception &error) {
            status.errorText = QString::fromLocal8Bit(error.what());
        } catch (...) {
            status.errorText = tr("the job stopped unexpectedly");
        }
    } else {
        status.state = State::Cancelled; // cancelled before it began
    }
    status.detail.clear();
    status.writing = false;
    status.remainingMs = status.state == State::Done ? 0 : -1;
    e->job.reset(); // its memory (an export's project copy) is not needed any more

    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
    startQueued();
    updateBusy();
}

void RenderQueue::stopClock(Entry &e)
{
    if (!e.clock.isValid())
        return;
    e.previousMs += e.clock.elapsed();
    e.clock.invalidate();
    e.status.elapsedMs = e.previousMs;
}

void RenderQueue::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace reelsmith::editor
