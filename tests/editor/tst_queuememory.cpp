// The render queue's admission by the memory budget: real small exports,
// their modelled peaks, and a budget and editor memory given by the test so
// the outcome does not depend on the machine's RAM.

#include "TestMedia.h"
#include "jobs/ExportJob.h"
#include "jobs/RenderQueue.h"
#include "jobs/RenderQueueModel.h"
#include "project/Project.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace reelsmith;
using namespace reelsmith::editor;
using State = RenderQueue::State;

namespace {
constexpr int kRenderTimeoutMs = 120'000;
constexpr qint64 kMB = 1024 * 1024;
} // namespace

class QueueMemoryTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // 180x320 at 12 fps over a solid clip: a second is 12 frames.
    Project project(double seconds) const
    {
        Project p;
        p.baseDir = m_dir.path();
        p.background = QStringLiteral("background.mp4");
        p.output.width = 180;
        p.output.height = 320;
        p.output.fps = 12;
        p.output.threads = 1;
        p.scenes = {
            {QStringLiteral("picture.png"), seconds, QStringLiteral("Caption"), Layout::Center}};
        return p;
    }

    std::unique_ptr<ExportJob> exportJob(double seconds, const QString &name) const
    {
        return std::make_unique<ExportJob>(project(seconds), path(name),
                                           BackgroundFolders::standard());
    }

    // What one of these exports is modelled to hold at its peak.
    int peak() const { return exportJob(1.0, QStringLiteral("peak.mp4"))->peakMegabytes(); }

    // A queue whose editor holds `idleMb` by itself, under `budgetMb`.
    static void configure(RenderQueue &queue, int budgetMb, int idleMb = 0)
    {
        queue.setConcurrency(2);
        queue.setMemorySampler([idleMb] { return idleMb * kMB; });
        queue.setMemoryBudgetMegabytes(budgetMb);
    }

    // When each job started rendering and when it finished, from the queue's
    // signals on one clock.
    struct Intervals
    {
        QElapsedTimer clock;
        QHash<int, qint64> started;
        QHash<int, qint64> finished;

        void watch(RenderQueue &queue)
        {
            clock.start();
            QObject::connect(&queue, &RenderQueue::jobChanged, &queue, [this, &queue](int id) {
                if (queue.job(id)->state == State::Running && !started.contains(id))
                    started.insert(id, clock.nsecsElapsed());
            });
            QObject::connect(&queue, &RenderQueue::jobFinished, &queue,
                             [this](int id) { finished.insert(id, clock.nsecsElapsed()); });
        }
        bool overlap(int a, int b) const
        {
            return started.value(a) < finished.value(b) && started.value(b) < finished.value(a);
        }
    };

    // What the row's status column says.
    static QString statusText(RenderQueue &queue, int id)
    {
        RenderQueueModel model(&queue);
        return model
            .data(model.index(queue.rowOf(id), RenderQueueModel::StatusColumn), Qt::DisplayRole)
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        testmedia::writeImage(path("picture.png"), testmedia::solid({120, 90}, Qt::blue), "PNG");
        testmedia::writeVideo(path("background.mp4"),
                              testmedia::colorCycle({96, 160}, 12, 12, {QColor(30, 170, 60)}));
        QVERIFY(peak() > 0);
    }

    void exportPeakFollowsTheOutputSize()
    {
        Project big = project(1.0);
        big.output.width = 1080;
        big.output.height = 1920;
        const ExportJob bigJob(big, path("big.mp4"), BackgroundFolders::standard());
        QVERIFY2(bigJob.peakMegabytes() > peak(),
                 qPrintable(QStringLiteral("%1 MB at 1080x1920, %2 MB at 180x320")
                                .arg(bigJob.peakMegabytes())
                                .arg(peak())));
    }

    void budgetForOneRunsThemOneAfterTheOther()
    {
        const int p = peak();
        const int budget = p + p / 2;
        RenderQueue queue;
        configure(queue, budget);
        Intervals intervals;
        intervals.watch(queue);
        const int a = queue.enqueue(exportJob(1.0, QStringLiteral("one-a.mp4")));
        const int b = queue.enqueue(exportJob(1.0, QStringLiteral("one-b.mp4")));
        QCOMPARE(queue.job(a)->state, State::Running);
        QCOMPARE(queue.job(b)->state, State::Queued);
        QVERIFY(queue.job(b)->waitingForMemory);
        const QString waiting =
            QStringLiteral("Waiting for memory: needs ~%1 MB, %2 MB free of the %3 MB budget")
                .arg(p)
                .arg(budget - p)
                .arg(budget);
        QCOMPARE(queue.job(b)->detail, waiting);
        QCOMPARE(statusText(queue, b), waiting);

        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        QCOMPARE(queue.job(a)->state, State::Done);
        QCOMPARE(queue.job(b)->state, State::Done);
        QVERIFY(!queue.job(b)->waitingForMemory);
        QVERIFY2(intervals.finished.value(a) <= intervals.started.value(b),
                 "the second export started before the first had finished");
        QCOMPARE(testmedia::probe(path("one-a.mp4")).frames, 12);
        QCOMPARE(testmedia::probe(path("one-b.mp4")).frames, 12);
    }

    void largeBudgetRunsThemTogether()
    {
        RenderQueue queue;
        configure(queue, 100 * peak());
        Intervals intervals;
        intervals.watch(queue);
        const int a = queue.enqueue(exportJob(1.0, QStringLiteral("two-a.mp4")));
        const int b = queue.enqueue(exportJob(1.0, QStringLiteral("two-b.mp4")));
        QCOMPARE(queue.job(b)->state, State::Running);
        QVERIFY(!queue.job(b)->waitingForMemory);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        QCOMPARE(queue.job(a)->state, State::Done);
        QCOMPARE(queue.job(b)->state, State::Done);
        QVERIFY(intervals.overlap(a, b));
        QCOMPARE(testmedia::probe(path("two-b.mp4")).frames, 12);
    }

    void editorsOwnMemoryComesOffTheBudget()
    {
        // Twice a job's peak would admit two, but the editor holds half of one.
        const int p = peak();
        RenderQueue queue;
        configure(queue, 2 * p, p / 2);
        const int a = queue.enqueue(exportJob(1.0, QStringLiteral("idle-a.mp4")));
        const int b = queue.enqueue(exportJob(1.0, QStringLiteral("idle-b.mp4")));
        QCOMPARE(queue.job(a)->state, State::Running);
        QCOMPARE(queue.job(b)->state, State::Queued);
        QVERIFY(queue.job(b)->detail.contains(
            QStringLiteral("%1 MB free of the %2 MB budget").arg(2 * p - p / 2 - p).arg(2 * p)));
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        QCOMPARE(queue.job(b)->state, State::Done);
    }

    void jobBiggerThanTheBudgetRunsAlone()
    {
        const int p = peak();
        const int budget = p / 2;
        RenderQueue queue;
        configure(queue, budget);
        Intervals intervals;
        intervals.watch(queue);
        const int a = queue.enqueue(exportJob(1.0, QStringLiteral("alone-a.mp4")));
        const int b = queue.enqueue(exportJob(1.0, QStringLiteral("alone-b.mp4")));
        QCOMPARE(queue.job(a)->state, State::Running);
        QCOMPARE(queue.job(b)->state, State::Queued);
        QCOMPARE(queue.job(b)->detail,
                 QStringLiteral("Waiting for memory: needs ~%1 MB, 0 MB free of the %2 MB budget")
                     .arg(p)
                     .arg(budget));
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        QCOMPARE(queue.job(a)->state, State::Done);
        QCOMPARE(queue.job(b)->state, State::Done);
        QVERIFY(!intervals.overlap(a, b));
        QCOMPARE(testmedia::probe(path("alone-b.mp4")).frames, 12);
    }

    void raisingTheBudgetStartsTheWaitingJob()
    {
        const int p = peak();
        RenderQueue queue;
        configure(queue, p + p / 2);
        // Long enough to be running still when the budget changes: it is
        // cancelled below.
        const int a = queue.enqueue(exportJob(3600.0, QStringLiteral("raise-a.mp4")));
        const int b = queue.enqueue(exportJob(1.0, QStringLiteral("raise-b.mp4")));
        QCOMPARE(queue.job(b)->state, State::Queued);
        queue.setMemoryBudgetMegabytes(3 * p);
        QCOMPARE(queue.job(a)->state, State::Running);
        QCOMPARE(queue.job(b)->state, State::Running);
        QVERIFY(!queue.job(b)->waitingForMemory);
        QVERIFY(!queue.job(b)->detail.startsWith(QStringLiteral("Waiting for memory")));
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(b)->state, State::Done, kRenderTimeoutMs);
        queue.cancel(a);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(a)->state, State::Cancelled, kRenderTimeoutMs);
        QVERIFY(!QFile::exists(path("raise-a.mp4")));
    }

    void pausingTheWaitingJobLetsTheNextOneTry()
    {
        // A queued job paused gives up its place at the head: a job behind it
        // that fits starts. Here the budget admits nothing beside the first,
        // so the third still waits, and says so.
        const int p = peak();
        RenderQueue queue;
        configure(queue, p + p / 2);
        const int a = queue.enqueue(exportJob(3600.0, QStringLiteral("pause-a.mp4")));
        const int b = queue.enqueue(exportJob(1.0, QStringLiteral("pause-b.mp4")));
        const int c = queue.enqueue(exportJob(1.0, QStringLiteral("pause-c.mp4")));
        QVERIFY(queue.job(b)->waitingForMemory);
        QVERIFY(!queue.job(c)->waitingForMemory);
        queue.pause(b);
        QCOMPARE(queue.job(b)->state, State::Paused);
        QVERIFY(!queue.job(b)->waitingForMemory);
        QVERIFY(queue.job(b)->detail.isEmpty());
        QVERIFY(queue.job(c)->waitingForMemory);
        queue.cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), kRenderTimeoutMs);
        for (int id : {a, b, c})
            QCOMPARE(queue.job(id)->state, State::Cancelled);
        QVERIFY(!QFile::exists(path("pause-a.mp4")));
    }
};

QTEST_MAIN(QueueMemoryTest)
#include "tst_queuememory.moc"
