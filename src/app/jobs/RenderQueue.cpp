#include "jobs/RenderQueue.h"

#include "core/Error.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent>

#include <algorithm>
#include <climits>
#include <new>

namespace reelsmith::editor {

namespace {

// The UI thread repaints a row per report: ten a second looks live without
// flooding the event loop, however fast small renders go.
constexpr qint64 kReportIntervalMs = 100;
// Below this much progress a remaining-time guess swings too wildly to show.
constexpr double kMinFractionForEstimate = 0.02;
constexpr qint64 kMinElapsedForEstimateMs = 500;

// Runs on the pool's thread. Owns nothing the queue owns: the project and the
// path are copies, so the queue may be destroyed while this is still unwinding.
void renderWithPromise(QPromise<reelsmith::RenderResult> &promise,
                       const reelsmith::Project &project, const QString &outputPath)
{
    const qint64 total = project.frameCount();
    promise.setProgressRange(0, int(std::clamp<qint64>(total, 0, INT_MAX)));
    QElapsedTimer sinceReport;
    sinceReport.start();
    const auto onProgress = [&](const reelsmith::RenderProgress &p) {
        const bool last = p.framesDone >= p.frameCount;
        // Before parking on a pause, report where we are, so the paused row
        // shows the frames really done rather than the last throttled report.
        if (last || sinceReport.hasExpired(kReportIntervalMs) || promise.future().isSuspending()) {
            promise.setProgressValueAndText(int(std::min<qint64>(p.framesDone, INT_MAX)),
                                            last ? RenderQueue::tr("Writing the file")
                                                 : RenderQueue::tr("Encoding frame %1 of %2")
                                                       .arg(p.framesDone)
                                                       .arg(p.frameCount));
            sinceReport.start();
        }
        if (!last) // nothing is left to pause for; a cancel there would be refused
            promise.suspendIfRequested();
    };
    const auto isCancelled = [&] { return promise.isCanceled(); };

    try {
        reelsmith::RenderJob job(project, outputPath);
        const reelsmith::RenderResult result = job.run(onProgress, isCancelled);
        if (promise.isCanceled()) {
            // The cancel came after the last frame was checked: the user still
            // asked for no file, and a Cancelled row must not leave one.
            QFile::remove(result.outputPath);
            return;
        }
        promise.addResult(result);
    } catch (const reelsmith::Error &error) {
        if (error.kind() != reelsmith::ErrorKind::Cancelled)
            promise.setException(std::current_exception());
    } catch (...) {
        // Handed to the UI thread, which turns it into the row's error text.
        promise.setException(std::current_exception());
    }
}

} // namespace

struct RenderQueue::Entry
{
    Job job;
    std::optional<reelsmith::Project> project; // held until the job starts
    bool started = false;
    QFuture<reelsmith::RenderResult> future;
    std::unique_ptr<QFutureWatcher<reelsmith::RenderResult>> watcher;
    QElapsedTimer clock;   // runs while the job renders, stopped while paused
    qint64 previousMs = 0; // rendering time before the last pause
};

RenderQueue::RenderQueue(QObject *parent) : QObject(parent)
{
    m_pool.setObjectName(QStringLiteral("RenderQueue"));
    m_pool.setMaxThreadCount(1);
}

RenderQueue::~RenderQueue()
{
    for (const auto &e : m_entries) {
        if (e->watcher)
            e->watcher->disconnect(this);
        if (e->started && !e->future.isFinished())
            e->future.cancel(); // also wakes a paused render so it can stop
    }
    // Each render checks for cancellation every frame, so this is short; and
    // it must finish before the files it writes can be considered settled.
    m_pool.waitForDone();
}

int RenderQueue::enqueue(reelsmith::Project project, const QString &outputPath)
{
    auto e = std::make_unique<Entry>();
    e->job.id = m_nextId++;
    e->job.outputPath = outputPath;
    e->job.frameCount = project.frameCount();
    e->project = std::move(project);
    const int id = e->job.id;
    m_entries.push_back(std::move(e));
    Q_EMIT jobAdded(id);
    startQueued();
    updateBusy();
    return id;
}

RenderQueue::Entry *RenderQueue::entry(int id) const
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [id](const auto &e) { return e->job.id == id; });
    return it == m_entries.end() ? nullptr : it->get();
}

void RenderQueue::pause(int id)
{
    Entry *e = entry(id);
    if (!e || (e->job.state != State::Queued && e->job.state != State::Running))
        return;
    if (e->started) {
        if (e->future.isFinished())
            return; // its finished() report is on its way
        e->future.suspend();
        stopClock(*e);
    }
    e->job.state = State::Paused;
    e->job.remainingMs = -1;
    Q_EMIT jobChanged(id);
    updateBusy();
}

void RenderQueue::resume(int id)
{
    Entry *e = entry(id);
    if (!e || e->job.state != State::Paused)
        return;
    if (e->started) {
        e->job.state = State::Running;
        e->clock.start();
        e->future.resume();
        Q_EMIT jobChanged(id);
    } else {
        e->job.state = State::Queued;
        Q_EMIT jobChanged(id);
        startQueued();
    }
    updateBusy();
}

void RenderQueue::cancel(int id)
{
    Entry *e = entry(id);
    if (!e || e->job.isFinished())
        return;
    if (!e->started) {
        e->project.reset();
        e->job.state = State::Cancelled;
        Q_EMIT jobChanged(id);
        Q_EMIT jobFinished(id);
        updateBusy();
        return;
    }
    // Once every frame is encoded only the file's last bytes remain: let it
    // finish rather than throw the whole render away.
    if (e->future.isFinished() || (e->future.progressMaximum() > 0 &&
                                   e->future.progressValue() >= e->future.progressMaximum()))
        return;
    e->future.cancel();
    // The row keeps its state until the render has really stopped and its
    // temporary file is gone; onFinished() reports that.
}

void RenderQueue::cancelAll()
{
    // Queued ones first, so none of them starts in the gap a cancelled running job leaves.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto &e : m_entries)
            if (e->started == (pass == 1))
                cancel(e->job.id);
}

int RenderQueue::removeFinished()
{
    int removed = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!(*it)->job.isFinished()) {
            ++it;
            continue;
        }
        const int id = (*it)->job.id;
        Q_EMIT jobAboutToBeRemoved(id);
        it = m_entries.erase(it);
        Q_EMIT jobRemoved(id);
        ++removed;
    }
    return removed;
}

QList<RenderQueue::Job> RenderQueue::jobs() const
{
    QList<Job> list;
    list.reserve(qsizetype(m_entries.size()));
    for (const auto &e : m_entries)
        list.append(e->job);
    return list;
}

const RenderQueue::Job &RenderQueue::jobAt(int row) const
{
    return m_entries.at(size_t(row))->job;
}

int RenderQueue::rowOf(int id) const
{
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i]->job.id == id)
            return int(i);
    return -1;
}

std::optional<RenderQueue::Job> RenderQueue::job(int id) const
{
    if (const Entry *e = entry(id))
        return e->job;
    return std::nullopt;
}

void RenderQueue::setConcurrency(int jobs)
{
    m_pool.setMaxThreadCount(std::max(1, jobs));
    startQueued();
    updateBusy();
}

bool RenderQueue::isBusy() const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [](const auto &e) {
        return e->job.state == State::Queued || e->job.state == State::Running ||
               (e->job.state == State::Paused && e->started);
    });
}

QString RenderQueue::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return tr("Queued");
    case State::Running:
        return tr("Rendering");
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

void RenderQueue::startQueued()
{
    // Started jobs that are not finished hold a pool thread, paused or not.
    auto running = std::count_if(m_entries.begin(), m_entries.end(),
                                 [](const auto &e) { return e->started && !e->job.isFinished(); });
    for (const auto &e : m_entries) {
        if (running >= m_pool.maxThreadCount())
            break;
        if (!e->started && e->job.state == State::Queued) {
            start(*e);
            ++running;
        }
    }
}

void RenderQueue::start(Entry &e)
{
    const int id = e.job.id;
    e.started = true;
    e.job.state = State::Running;
    e.job.detail = tr("Checking pictures and background");
    e.clock.start();

    e.watcher = std::make_unique<QFutureWatcher<reelsmith::RenderResult>>();
    connect(e.watcher.get(), &QFutureWatcherBase::progressValueChanged, this,
            [this, id] { onProgress(id); });
    // Qt drops a report that follows the previous one too closely; the one
    // made just before parking could be it, so read the count again then.
    connect(e.watcher.get(), &QFutureWatcherBase::suspended, this, [this, id] { onProgress(id); });
    connect(e.watcher.get(), &QFutureWatcherBase::finished, this, [this, id] { onFinished(id); });
    e.future = QtConcurrent::run(
        &m_pool,
        [](QPromise<reelsmith::RenderResult> &promise, const reelsmith::Project &project,
           const QString &outputPath) { renderWithPromise(promise, project, outputPath); },
        std::move(*e.project), e.job.outputPath);
    e.project.reset();
    e.watcher->setFuture(e.future);
    Q_EMIT jobChanged(id);
}

void RenderQueue::onProgress(int id)
{
    Entry *e = entry(id);
    if (!e || e->job.isFinished())
        return;
    e->job.framesDone = e->future.progressValue();
    e->job.detail = e->future.progressText();
    if (e->job.state == State::Running) {
        e->job.elapsedMs = e->previousMs + e->clock.elapsed();
        // Time per fraction so far, projected over what is left (no smoothing:
        // frames cost about the same from start to end).
        const double f = e->job.fraction();
        if (f >= kMinFractionForEstimate && e->job.elapsedMs >= kMinElapsedForEstimateMs)
            e->job.remainingMs = qint64(e->job.elapsedMs * (1.0 - f) / f);
    }
    Q_EMIT jobChanged(id);
}

void RenderQueue::onFinished(int id)
{
    Entry *e = entry(id);
    if (!e)
        return;
    stopClock(*e);
    bool failed = false;
    QString errorText;
    try {
        e->future.waitForFinished(); // rethrows what the render threw
    } catch (const reelsmith::Error &error) {
        failed = true;
        errorText = error.message();
    } catch (const std::bad_alloc &) {
        failed = true;
        errorText = tr("out of memory");
    } catch (const std::exception &error) {
        failed = true;
        errorText = QString::fromLocal8Bit(error.what());
    } catch (...) {
        failed = true;
        errorText = tr("the render stopped unexpectedly");
    }

    if (failed) {
        e->job.state = State::Failed;
        e->job.errorText = errorText;
    } else if (e->future.resultCount() > 0) {
        e->job.state = State::Done;
        e->job.result = e->future.result();
        e->job.framesDone = e->job.result.frames;
    } else {
        e->job.state = State::Cancelled;
    }
    e->job.detail.clear();
    e->job.remainingMs = e->job.state == State::Done ? 0 : -1;

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
    e.job.elapsedMs = e.previousMs;
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
