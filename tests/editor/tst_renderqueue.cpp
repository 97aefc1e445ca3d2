// The editor's export queue, its table and panel, the export dialog and the
// memory meter, over real renders of small media made here.

#include "TestMedia.h"
#include "export/ExportDialog.h"
#include "jobs/ExportJob.h"
#include "jobs/RenderQueue.h"
#include "jobs/RenderQueueDock.h"
#include "jobs/RenderQueueModel.h"
#include "project/Project.h"
#include "window/MemoryMeterWidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace reelsmith;
using namespace reelsmith::editor;
using State = RenderQueue::State;

namespace {
// Generous: the machines that run these may be busy.
constexpr int kRenderTimeoutMs = 120'000;
constexpr int kStartTimeoutMs = 30'000;
// Renders of these small frames run at thousands of frames a second: a job
// that must still be running when the test acts on it needs many frames. The
// ones only ever cancelled get an hour of video.
constexpr double kUntilCancelled = 3600.0;
constexpr double kLong = 600.0; // 7200 frames
} // namespace

class RenderQueueTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // 160x288 at 12 fps over a solid green clip: a second is 12 frames.
    Project project(double seconds, const QString &image = QStringLiteral("picture.png")) const
    {
        Project p;
        p.baseDir = m_dir.path();
        p.background = QStringLiteral("background.mp4");
        p.output.width = 160;
        p.output.height = 288;
        p.output.fps = 12;
        p.output.threads = 1;
        p.scenes = {{image, seconds, QStringLiteral("Caption"), Layout::Center}};
        return p;
    }

    // Temporary files of unfinished renders, and anything else not expected.
    QStringList partFiles() const
    {
        return QDir(m_dir.path()).entryList({QStringLiteral("*.part")}, QDir::Files | QDir::Hidden);
    }

    static State stateOf(const RenderQueue &queue, int id) { return queue.job(id)->state; }

    // An export as the editor queues it, with the standard background folders.
    static int enqueue(RenderQueue &queue, Project project, const QString &outputPath)
    {
        return queue.enqueue(std::make_unique<ExportJob>(std::move(project), outputPath,
                                                         BackgroundFolders::standard()));
    }

    // Waits until job `id` has reported at least one frame (it is mid-render).
    static bool waitUntilRendering(const RenderQueue &queue, int id)
    {
        return QTest::qWaitFor([&] { return queue.job(id)->framesDone > 0; }, kStartTimeoutMs) &&
               queue.job(id)->framesDone < queue.job(id)->frameCount;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        testmedia::writeImage(path("picture.png"), testmedia::solid({120, 90}, Qt::blue), "PNG");
        testmedia::writeVideo(path("background.mp4"),
                              testmedia::colorCycle({96, 160}, 12, 12, {QColor(30, 170, 60)}));
    }

    void cleanup()
    {
        // Every test leaves its folder without half-written renders.
        QCOMPARE(partFiles(), QStringList());
    }

    void rendersAJob()
    {
        RenderQueue queue;
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        const QString out = path("two-seconds.mp4");
        const int id = enqueue(queue, project(2.0), out);
        QCOMPARE(queue.count(), 1);
        QCOMPARE(stateOf(queue, id), State::Running);
        QVERIFY(queue.isBusy());

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRenderTimeoutMs);
        QCOMPARE(finished.constFirst().constFirst().toInt(), id);
        const RenderQueue::JobStatus job = *queue.job(id);
        QCOMPARE(job.state, State::Done);
        QVERIFY(job.errorText.isEmpty());
        QCOMPARE(job.frameCount, 24);
        QCOMPARE(job.framesDone, 24);
        QCOMPARE(job.result.frames, 24);
        QCOMPARE(job.result.bytes, QFileInfo(out).size());
        QVERIFY(job.result.bytes > 0);
        QCOMPARE(job.remainingMs, 0);
        QVERIFY(!queue.isBusy());

        const testmedia::VideoFacts facts = testmedia::probe(out);
        QCOMPARE(facts.width, 160);
        QCOMPARE(facts.height, 288);
        QCOMPARE(facts.frames, 24);
    }

    void runsOneAtATimeInOrder()
    {
        RenderQueue queue;
        QCOMPARE(queue.concurrency(), 1);
        QList<int> finishedOrder;
        connect(&queue, &RenderQueue::jobFinished, this, [&](int id) { finishedOrder << id; });
        const int first = enqueue(queue, project(kLong), path("first.mp4"));
        const int second = enqueue(queue, project(1.0), path("second.mp4"));
        // The second may only start once the first has finished.
        bool overlapped = false;
        connect(&queue, &RenderQueue::jobChanged, this, [&](int id) {
            if (id == second && stateOf(queue, second) == State::Running &&
                !queue.job(first)->isFinished())
                overlapped = true;
        });
        QCOMPARE(stateOf(queue, first), State::Running);
        QCOMPARE(stateOf(queue, second), State::Queued);
        QVERIFY(waitUntilRendering(queue, first));
        QCOMPARE(stateOf(queue, second), State::Queued);
        QCOMPARE(queue.job(second)->framesDone, 0);

        QTRY_COMPARE_WITH_TIMEOUT(finishedOrder.size(), 2, kRenderTimeoutMs);
        QCOMPARE(finishedOrder, QList<int>({first, second}));
        QVERIFY(!overlapped);
        QCOMPARE(stateOf(queue, first), State::Done);
        QCOMPARE(stateOf(queue, second), State::Done);
        QCOMPARE(queue.job(first)->result.frames, 7200);
        QVERIFY(QFile::exists(path("first.mp4")));
        QCOMPARE(testmedia::probe(path("second.mp4")).frames, 12);
    }

    void concurrencyAllowsParallelJobs()
    {
        RenderQueue queue;
        queue.setConcurrency(2);
        const int a = enqueue(queue, project(kUntilCancelled), path("parallel-a.mp4"));
        const int b = enqueue(queue, project(kUntilCancelled), path("parallel-b.mp4"));
        const int c = enqueue(queue, project(kUntilCancelled), path("parallel-c.mp4"));
        QCOMPARE(stateOf(queue, a), State::Running);
        QCOMPARE(stateOf(queue, b), State::Running);
        QCOMPARE(stateOf(queue, c), State::Queued);
        queue.cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        for (int id : {a, b, c})
            QCOMPARE(stateOf(queue, id), State::Cancelled);
        for (const char *name : {"parallel-a.mp4", "parallel-b.mp4", "parallel-c.mp4"})
            QVERIFY(!QFile::exists(path(name)));
    }

    void cancelRunningLeavesNoFile()
    {
        RenderQueue queue;
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        const QString out = path("cancelled.mp4");
        const int id = enqueue(queue, project(kUntilCancelled), out);
        QVERIFY(waitUntilRendering(queue, id));
        queue.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRenderTimeoutMs);
        QCOMPARE(stateOf(queue, id), State::Cancelled);
        QVERIFY(queue.job(id)->errorText.isEmpty());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(partFiles(), QStringList());
        QVERIFY(!queue.isBusy());
    }

    void cancelQueuedNeverStarts()
    {
        RenderQueue queue;
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        const int running = enqueue(queue, project(kUntilCancelled), path("blocker.mp4"));
        const int queued = enqueue(queue, project(1.0), path("never.mp4"));
        queue.cancel(queued);
        // At once: there is no render to wait for.
        QCOMPARE(stateOf(queue, queued), State::Cancelled);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.constFirst().constFirst().toInt(), queued);

        queue.cancel(running);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRenderTimeoutMs);
        QTest::qWait(200); // nothing may start after the blocker has gone
        QCOMPARE(stateOf(queue, queued), State::Cancelled);
        QCOMPARE(queue.job(queued)->framesDone, 0);
        QVERIFY(!QFile::exists(path("never.mp4")));
        QVERIFY(!QFile::exists(path("blocker.mp4")));
    }

    void pausedQueuedJobIsSkipped()
    {
        RenderQueue queue;
        const int blocker = enqueue(queue, project(kUntilCancelled), path("skip-blocker.mp4"));
        const int held = enqueue(queue, project(1.0), path("held.mp4"));
        const int next = enqueue(queue, project(1.0), path("next.mp4"));
        queue.pause(held);
        QCOMPARE(stateOf(queue, held), State::Paused);
        QVERIFY(queue.isBusy());

        queue.cancel(blocker);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, next), State::Done, kRenderTimeoutMs);
        QCOMPARE(stateOf(queue, held), State::Paused);
        QCOMPARE(queue.job(held)->framesDone, 0);
        // Only a paused job that never started remains: it holds nothing.
        QVERIFY(!queue.isBusy());

        queue.resume(held);
        QVERIFY(stateOf(queue, held) == State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, held), State::Done, kRenderTimeoutMs);
        QCOMPARE(testmedia::probe(path("held.mp4")).frames, 12);
    }

    void pausedJobLetsTheNextOneRun()
    {
        RenderQueue queue;
        QCOMPARE(queue.concurrency(), 1);
        const int paused = enqueue(queue, project(kLong), path("gives-way.mp4"));
        QVERIFY(waitUntilRendering(queue, paused));
        queue.pause(paused);
        QTest::qWait(200); // the frame in hand finishes and the render parks
        const qint64 frames = queue.job(paused)->framesDone;

        // The one slot is free while the first is paused: the next one runs.
        const int next = enqueue(queue, project(1.0), path("after-paused.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, next), State::Done, kRenderTimeoutMs);
        QCOMPARE(testmedia::probe(path("after-paused.mp4")).frames, 12);
        QCOMPARE(stateOf(queue, paused), State::Paused);
        QCOMPARE(queue.job(paused)->framesDone, frames);

        // Resumed while another job has the slot, it waits for it.
        const int blocker = enqueue(queue, project(kUntilCancelled), path("holds-slot.mp4"));
        QVERIFY(waitUntilRendering(queue, blocker));
        queue.resume(paused);
        QCOMPARE(stateOf(queue, paused), State::Queued);
        QTest::qWait(200);
        QCOMPARE(queue.job(paused)->framesDone, frames);
        queue.cancel(blocker);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, paused), State::Done, kRenderTimeoutMs);
        QCOMPARE(stateOf(queue, blocker), State::Cancelled);
        QCOMPARE(testmedia::probe(path("gives-way.mp4")).frames, 7200);
    }

    void cancellingAPausedJobKeepsTheSlotCount()
    {
        // A paused job gives its slot away; cancelled, it must not leave the
        // pool one slot richer (two renders at once with a concurrency of 1).
        RenderQueue queue;
        const int paused = enqueue(queue, project(kUntilCancelled), path("slot-paused.mp4"));
        QVERIFY(waitUntilRendering(queue, paused));
        queue.pause(paused);
        queue.cancel(paused);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, paused), State::Cancelled, kRenderTimeoutMs);
        const int first = enqueue(queue, project(kUntilCancelled), path("slot-first.mp4"));
        const int second = enqueue(queue, project(1.0), path("slot-second.mp4"));
        QVERIFY(waitUntilRendering(queue, first));
        QTest::qWait(300);
        QCOMPARE(stateOf(queue, second), State::Queued);
        queue.cancel(first);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, second), State::Done, kRenderTimeoutMs);
    }

    void pauseStopsProgressAndResumeCompletes()
    {
        RenderQueue queue;
        const QString out = path("paused.mp4");
        const int id = enqueue(queue, project(kLong), out);
        QVERIFY(waitUntilRendering(queue, id));
        queue.pause(id);
        QCOMPARE(stateOf(queue, id), State::Paused);
        QVERIFY(queue.isBusy()); // a started job keeps its place while paused

        QTest::qWait(400); // the frame in hand finishes and the render parks
        const qint64 frames = queue.job(id)->framesDone;
        const qint64 elapsed = queue.job(id)->elapsedMs;
        QTest::qWait(800);
        QCOMPARE(queue.job(id)->framesDone, frames);
        QCOMPARE(queue.job(id)->elapsedMs, elapsed);
        QCOMPARE(stateOf(queue, id), State::Paused);
        QVERIFY(frames < 7200);
        QVERIFY(!QFile::exists(out));

        queue.resume(id);
        QCOMPARE(stateOf(queue, id), State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(queue.job(id)->framesDone > frames, kStartTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), State::Done, kRenderTimeoutMs);
        QCOMPARE(testmedia::probe(out).frames, 7200);
    }

    void cancelWhilePaused()
    {
        RenderQueue queue;
        const QString out = path("paused-cancelled.mp4");
        const int id = enqueue(queue, project(kUntilCancelled), out);
        QVERIFY(waitUntilRendering(queue, id));
        queue.pause(id);
        QTest::qWait(200);
        queue.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), State::Cancelled, kRenderTimeoutMs);
        QVERIFY(!QFile::exists(out));
    }

    void failingJobNamesTheFile()
    {
        RenderQueue queue;
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        const QString out = path("failed.mp4");
        const int id = enqueue(queue, project(1.0, QStringLiteral("missing picture.png")), out);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRenderTimeoutMs);
        const RenderQueue::JobStatus job = *queue.job(id);
        QCOMPARE(job.state, State::Failed);
        QVERIFY2(job.errorText.contains(QStringLiteral("missing picture.png")),
                 qPrintable(job.errorText));
        QVERIFY2(job.errorText.contains(QStringLiteral("scenes[0].media")),
                 qPrintable(job.errorText));
        QVERIFY(!QFile::exists(out));
    }

    void damagedPictureRendersWithAWarning()
    {
        // A photo cut short (an interrupted copy): what decodes is used, and
        // the finished row says what was wrong.
        QImage noise(400, 300, QImage::Format_RGB32);
        quint32 seed = 1;
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, (seed = seed * 1664525u + 1013904223u) >> 8);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(noise.save(&buffer, "JPEG", 90));
        QFile cut(path("cut short.jpg"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() * 6 / 10));
        cut.close();

        RenderQueue queue;
        RenderQueueModel model(&queue);
        RenderQueueDock dock(&queue);
        const QString out = path("warned.mp4");
        const int id = enqueue(queue, project(1.0, QStringLiteral("cut short.jpg")), out);
        QTRY_VERIFY_WITH_TIMEOUT(queue.job(id)->isFinished(), kRenderTimeoutMs);
        const RenderQueue::JobStatus job = *queue.job(id);
        QCOMPARE(job.state, State::Done);
        QVERIFY(QFile::exists(out));
        QCOMPARE(job.warnings.size(), 1);
        QVERIFY2(job.warnings.first().contains(QStringLiteral("cut short.jpg")),
                 qPrintable(job.warnings.first()));
        const QModelIndex status = model.index(0, RenderQueueModel::StatusColumn);
        QVERIFY2(model.data(status).toString().contains(QStringLiteral("warning")),
                 qPrintable(model.data(status).toString()));
        QVERIFY(model.data(status, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("cut short.jpg")));
        // Not only in a tooltip: the dock says it in words under the table.
        dock.selectJob(id);
        auto *message = dock.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(message);
        QVERIFY(!message->isHidden());
        QVERIFY2(message->text().startsWith(QStringLiteral("Warning: ")) &&
                     message->text().contains(QStringLiteral("cut short.jpg")),
                 qPrintable(message->text()));
    }

    void rendersACopyOfTheProject()
    {
        RenderQueue queue;
        Project p = project(2.0);
        const QString out = path("copy.mp4");
        const int id = enqueue(queue, p, out);
        // The creator goes on editing while the job waits or runs.
        p.scenes[0].duration = 5.0;
        p.scenes.append(p.scenes.constFirst());
        p.output.width = 320;
        p.output.fps = 24;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), State::Done, kRenderTimeoutMs);
        const testmedia::VideoFacts facts = testmedia::probe(out);
        QCOMPARE(facts.frames, 24);
        QCOMPARE(facts.width, 160);
        QCOMPARE(queue.job(id)->frameCount, 24);
    }

    // Defect: a cancel that reached the render after its last cancel check
    // (while the encoder flushed) removed the file just put in place, so
    // neither the old nor the new one was left. Once the row says "Writing
    // the file" the render is past its point of no return: cancelling, or
    // quitting the editor (destroying the queue), must leave a complete MP4.
    void cancelWhileWritingKeepsTheFile_data()
    {
        QTest::addColumn<bool>("destroyQueue");
        QTest::newRow("cancel") << false;
        QTest::newRow("quit") << true;
    }

    void cancelWhileWritingKeepsTheFile()
    {
        QFETCH(bool, destroyQueue);
        const QString out = path(destroyQueue ? "written-quit.mp4" : "written-cancel.mp4");
        {
            QFile old(out);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the creator's previous export");
        }
        // Every frame stays in x264's lookahead until the flush, so the flush
        // is most of this render: the cancel lands inside it.
        Project p = project(2.0);
        p.output.width = 480;
        p.output.height = 864;
        p.output.preset = QStringLiteral("slow");
        auto queue = std::make_unique<RenderQueue>();
        const int id = enqueue(*queue, p, out);
        bool acted = false;
        bool finishedAsDone = false;
        connect(queue.get(), &RenderQueue::jobChanged, this, [&](int changed) {
            const auto job = queue ? queue->job(changed) : std::nullopt;
            if (!job || acted || !job->writing)
                return;
            acted = true;
            // Straight from the report, as a click or a quit would come.
            QMetaObject::invokeMethod(
                this,
                [&] {
                    if (destroyQueue) {
                        queue.reset();
                    } else {
                        queue->cancel(id);
                    }
                },
                Qt::QueuedConnection);
        });
        connect(queue.get(), &RenderQueue::jobFinished, this, [&](int finished) {
            finishedAsDone = queue && queue->job(finished)->state == State::Done;
        });
        QTRY_VERIFY_WITH_TIMEOUT(acted, kRenderTimeoutMs);
        if (!destroyQueue)
            QTRY_VERIFY_WITH_TIMEOUT(queue->job(id)->isFinished(), kRenderTimeoutMs);
        else
            QTRY_VERIFY_WITH_TIMEOUT(!queue, kRenderTimeoutMs);
        QVERIFY2(QFile::exists(out), "the finished export was deleted");
        const testmedia::VideoFacts facts = testmedia::probe(out);
        QCOMPARE(facts.width, 480);
        QCOMPARE(facts.frames, 24);
        if (!destroyQueue) {
            QVERIFY(finishedAsDone);
            QCOMPARE(queue->job(id)->state, State::Done);
        }
        QCOMPARE(partFiles(), QStringList());
    }

    void destroyingTheQueueStopsRenders()
    {
        auto queue = std::make_unique<RenderQueue>();
        const QString running = path("destroyed-running.mp4");
        const QString queued = path("destroyed-queued.mp4");
        const int id = enqueue(*queue, project(kUntilCancelled), running);
        enqueue(*queue, project(1.0), queued);
        QVERIFY(waitUntilRendering(*queue, id));
        QElapsedTimer clock;
        clock.start();
        queue.reset();
        QVERIFY2(clock.elapsed() < 10'000, "the running render did not stop promptly");
        QVERIFY(!QFile::exists(running));
        QVERIFY(!QFile::exists(queued));
        QCOMPARE(partFiles(), QStringList());
    }

    void progressIsThrottled()
    {
        RenderQueue queue;
        int changes = 0;
        const int id = enqueue(queue, project(60.0), path("throttled.mp4"));
        connect(&queue, &RenderQueue::jobChanged, this, [&](int changed) {
            if (changed == id)
                ++changes;
        });
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), State::Done, kRenderTimeoutMs);
        // 720 frames, but at most about ten reports a second (plus the last
        // one and the finish).
        const qint64 allowed = clock.elapsed() / 100 + 4;
        QVERIFY2(
            changes <= allowed,
            qPrintable(QStringLiteral("%1 updates in %2 ms").arg(changes).arg(clock.elapsed())));
        QVERIFY(changes >= 1);
    }

    void modelReflectsJobs()
    {
        RenderQueue queue;
        RenderQueueModel model(&queue);
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(RenderQueueModel::OutputColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Job"));
        QCOMPARE(model.headerData(RenderQueueModel::RemainingColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Remaining"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const int done = enqueue(queue, project(1.0), path("model-done.mp4"));
        const int failed =
            enqueue(queue, project(1.0, QStringLiteral("nope.png")), path("model-failed.mp4"));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.jobIdAt(0), done);
        QCOMPARE(model.jobIdAt(1), failed);
        QCOMPARE(model.index(0, RenderQueueModel::OutputColumn).data().toString(),
                 QStringLiteral("model-done.mp4"));
        QCOMPARE(model.index(1, RenderQueueModel::StatusColumn).data().toString(),
                 RenderQueue::stateName(State::Queued));

        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        QCOMPARE(model.index(0, RenderQueueModel::StatusColumn).data().toString(),
                 RenderQueue::stateName(State::Done));
        QCOMPARE(model.index(0, RenderQueueModel::ProgressColumn).data().toInt(), 100);
        QCOMPARE(model.index(0, RenderQueueModel::FramesColumn).data().toString(),
                 QStringLiteral("12 / 12"));
        QCOMPARE(model.index(1, RenderQueueModel::StatusColumn).data().toString(),
                 RenderQueue::stateName(State::Failed));
        QVERIFY(model.index(1, RenderQueueModel::OutputColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("nope.png")));

        const int running = enqueue(queue, project(kUntilCancelled), path("model-running.mp4"));
        QCOMPARE(queue.removeFinished(), 2);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.jobIdAt(0), running);
        queue.cancel(running);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);

        QCOMPARE(RenderQueueModel::formatDuration(65'400), QStringLiteral("1:05"));
        QCOMPARE(RenderQueueModel::formatDuration(3'725'000), QStringLiteral("1:02:05"));
    }

    void dockActsOnTheSelectedJob()
    {
        RenderQueue queue;
        RenderQueueDock dock(&queue);
        QList<QUrl> opened;
        dock.setFolderOpener([&](const QUrl &url) { opened << url; });
        dock.resize(700, 240);
        dock.show();
        auto *pause = dock.findChild<QPushButton *>(QStringLiteral("pauseButton"));
        auto *cancel = dock.findChild<QPushButton *>(QStringLiteral("cancelButton"));
        auto *openFolder = dock.findChild<QPushButton *>(QStringLiteral("openFolderButton"));
        auto *clear = dock.findChild<QPushButton *>(QStringLiteral("clearButton"));
        auto *error = dock.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(pause && cancel && openFolder && clear && error);
        QVERIFY(!pause->isEnabled());
        QVERIFY(!clear->isEnabled());

        const int running = enqueue(queue, project(kUntilCancelled), path("dock-running.mp4"));
        QCOMPARE(dock.selectedJobId(), running); // a new job is selected
        QVERIFY(pause->isEnabled());
        QVERIFY(cancel->isEnabled());
        QVERIFY(!openFolder->isEnabled());
        QVERIFY(waitUntilRendering(queue, running));
        pause->click();
        QCOMPARE(stateOf(queue, running), State::Paused);
        QCOMPARE(pause->text(), QStringLiteral("&Resume"));
        pause->click();
        QCOMPARE(stateOf(queue, running), State::Running);
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, running), State::Cancelled, kRenderTimeoutMs);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(clear->isEnabled());

        const int failed =
            enqueue(queue, project(1.0, QStringLiteral("gone.png")), path("dock-failed.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, failed), State::Failed, kRenderTimeoutMs);
        dock.selectJob(failed);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("gone.png")));

        const QString out = path("dock-done.mp4");
        const int done = enqueue(queue, project(1.0), out);
        // A finished job was selected: the new one is, with its buttons.
        QCOMPARE(dock.selectedJobId(), done);
        QVERIFY(cancel->isEnabled());
        QVERIFY(pause->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, done), State::Done, kRenderTimeoutMs);
        dock.selectJob(done);
        QVERIFY(!error->isVisible());
        QVERIFY(openFolder->isEnabled());
        openFolder->click();
        QCOMPARE(opened, QList<QUrl>({QUrl::fromLocalFile(m_dir.path())}));

        clear->click();
        QCOMPARE(queue.count(), 0);
        QCOMPARE(dock.view()->model()->rowCount(), 0);
        QVERIFY(!clear->isEnabled());
        QVERIFY(!openFolder->isEnabled());
    }

    void exportDialogSummarisesTheProject()
    {
        Project p = project(1.5);
        p.scenes.append({QStringLiteral("picture.png"), 2.0, QString(), Layout::Top});
        p.output.fps = 24;
        p.filePath = path("My Reel.reel.json");
        ExportDialog dialog(p);
        QCOMPARE(dialog.outputPath(), path("My Reel.mp4"));
        // The project's numbers, named as the preset they are not: Custom.
        QVERIFY(sameEncoding(dialog.output(), p.output));
        QCOMPARE(dialog.output().profile, QStringLiteral("custom"));
        QCOMPARE(dialog.frameCount(), 84); // 3.5 s at 24 fps
        QCOMPARE(dialog.durationSeconds(), 3.5);
        QVERIFY(dialog.problem().isEmpty());
        auto *duration = dialog.findChild<QLabel *>(QStringLiteral("durationValue"));
        auto *frames = dialog.findChild<QLabel *>(QStringLiteral("framesValue"));
        QCOMPARE(duration->text(), QStringLiteral("00:03.5"));
        QCOMPARE(frames->text(), QStringLiteral("84"));

        // The summary follows the settings.
        dialog.findChild<QSpinBox *>(QStringLiteral("fpsSpin"))->setValue(30);
        QCOMPARE(dialog.frameCount(), 105);
        QCOMPARE(frames->text(), QStringLiteral("105"));
        QCOMPARE(dialog.output().fps, 30);
        const qint64 atCrf28 = dialog.estimatedBytes();
        dialog.findChild<QSpinBox *>(QStringLiteral("crfSpin"))->setValue(20);
        QVERIFY(dialog.estimatedBytes() > atCrf28);
        QVERIFY(dialog.estimatedBytes() > 0);

        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        dialog.findChild<QSpinBox *>(QStringLiteral("widthSpin"))->setValue(161);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog.problem().contains(QStringLiteral("even")), qPrintable(dialog.problem()));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))
                    ->text()
                    .contains(QStringLiteral("161")));
        dialog.findChild<QSpinBox *>(QStringLiteral("widthSpin"))->setValue(162);
        QVERIFY(ok->isEnabled());

        dialog.setOutputPath(path("no such folder/out.mp4"));
        QVERIFY(!ok->isEnabled());
        dialog.setOutputPath(QString());
        QVERIFY(!ok->isEnabled());
    }

    void exportDialogAsksBeforeReplacing()
    {
        const QString existing = path("existing.mp4");
        {
            QFile file(existing);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("old");
        }
        ExportDialog dialog(project(1.0));
        dialog.setOutputPath(existing);
        QVERIFY(dialog.problem().isEmpty());
        QVERIFY(dialog.warning().contains(QStringLiteral("existing.mp4")));

        // Answer "No" in the question that accept() asks.
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = true;
                box->button(QMessageBox::No)->click();
            }
        });
        dialog.accept();
        QVERIFY(asked);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        dialog.setOutputPath(path("fresh.mp4"));
        QVERIFY(dialog.warning().isEmpty());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void exportDialogDefaultName()
    {
        Project unsaved = project(1.0);
        QVERIFY(ExportDialog::defaultOutputPath(unsaved).endsWith(QStringLiteral(".mp4")));
        Project saved = project(1.0);
        saved.filePath = path("Рилс.reel.json");
        QCOMPARE(ExportDialog::defaultOutputPath(saved), path("Рилс.mp4"));
        saved.filePath = path("plain.json");
        QCOMPARE(ExportDialog::defaultOutputPath(saved), path("plain.mp4"));
    }

    void memoryMeterLevels()
    {
        MemoryMeterWidget meter;
        qint64 bytes = 50ll << 20;
        meter.setSampler([&] { return bytes; });
        meter.setBudgetMegabytes(100);
        QSignalSpy levels(&meter, &MemoryMeterWidget::levelChanged);
        QCOMPARE(meter.currentMegabytes(), 50);
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Normal);

        bytes = 74ll << 20;
        meter.sample();
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Normal);
        bytes = 75ll << 20;
        meter.sample();
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Warning);
        bytes = 89ll << 20;
        meter.sample();
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Warning);
        bytes = 90ll << 20;
        meter.sample();
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Critical);
        QCOMPARE(meter.currentMegabytes(), 90);
        bytes = 40ll << 20;
        meter.sample();
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Normal);
        QCOMPARE(meter.currentMegabytes(), 40);
        QCOMPARE(meter.peakMegabytes(), 90);
        QCOMPARE(levels.count(), 3);
        QVERIFY(meter.toolTip().contains(QStringLiteral("100 MB")));

        // A larger budget brings the same reading back to normal.
        bytes = 80ll << 20;
        meter.sample();
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Warning);
        meter.setBudgetMegabytes(512);
        QCOMPARE(meter.level(), MemoryMeterWidget::Level::Normal);

        for (int i = 0; i < 100; ++i)
            meter.sample();
        QCOMPARE(meter.samples().size(), MemoryMeterWidget::kHistory);
        meter.resize(meter.sizeHint());
        QVERIFY(!meter.grab().isNull()); // paints without a crash

        // The timer drives the samples, faster while busy.
        QCOMPARE(meter.interval(), 500);
        meter.setBusy(true);
        QCOMPARE(meter.interval(), 250);
        QSignalSpy sampled(&meter, &MemoryMeterWidget::sampled);
        bytes = 60ll << 20;
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 2, 5000);
        QCOMPARE(meter.currentMegabytes(), 60);
        meter.setBusy(false);
        QCOMPARE(meter.interval(), 500);
    }

    void memoryMeterReadsTheProcessWhileRendering()
    {
        RenderQueue queue;
        MemoryMeterWidget meter;
        connect(&queue, &RenderQueue::busyChanged, &meter, &MemoryMeterWidget::setBusy);
        QSignalSpy sampled(&meter, &MemoryMeterWidget::sampled);
        const int id = enqueue(queue, project(kUntilCancelled), path("metered.mp4"));
        QVERIFY(meter.isBusy());
        QVERIFY(waitUntilRendering(queue, id));
        const int before = int(sampled.count());
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= before + 2, 5000);
        QVERIFY(meter.currentMegabytes() > 0);
        QVERIFY(meter.peakMegabytes() >= meter.currentMegabytes());
        queue.cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(!meter.isBusy(), kRenderTimeoutMs);
        QCOMPARE(meter.interval(), 500);
    }
};

QTEST_MAIN(RenderQueueTest)
#include "tst_renderqueue.moc"
