// The timeline: scene positions in whole frames, the one answer the renderer,
// the preview and the timeline widget share. (The frame arithmetic rows that
// read a project live in tst_project.)

#include "project/Project.h"
#include "project/Timeline.h"

#include <QTest>

using namespace reelsmith;

class TimelineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondsMapToTheFrameShownThen_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<qint64>("frame");
        QTest::addColumn<int>("scene");
        // Scenes of 1.0, 0.5 and 2.0 s at 24 fps: frames [0, 24), [24, 36), [36, 84).
        QTest::newRow("start") << 0.0 << qint64(0) << 0;
        QTest::newRow("negative clamps") << -3.0 << qint64(0) << 0;
        QTest::newRow("just before the cut") << 0.999 << qint64(23) << 0;
        QTest::newRow("at the cut") << 1.0 << qint64(24) << 1;
        QTest::newRow("typed 1.5 lands on the third scene") << 1.5 << qint64(36) << 2;
        QTest::newRow("last frame") << 3.49 << qint64(83) << 2;
        QTest::newRow("the end shows the last frame") << 3.5 << qint64(83) << 2;
        QTest::newRow("past the end") << 100.0 << qint64(83) << 2;
    }

    void secondsMapToTheFrameShownThen()
    {
        QFETCH(double, seconds);
        QFETCH(qint64, frame);
        QFETCH(int, scene);
        const Timeline t({1.0, 0.5, 2.0}, 24);
        QCOMPARE(t.frameCount(), qint64(84));
        QCOMPARE(t.frameAt(seconds), frame);
        QCOMPARE(t.sceneAtSeconds(seconds), scene);
        QCOMPARE(t.sceneAt(frame), scene);
    }

    void everySceneStartIsItsFirstFrame()
    {
        // Durations that are not whole frames at 30 fps, typed as people do.
        const QList<double> durations{0.1, 2.35, 0.7, 1.0 / 3, 4.2};
        const Timeline t(durations, 30);
        QCOMPARE(t.sceneCount(), durations.size());
        for (int s = 0; s < t.sceneCount(); ++s) {
            if (t.sceneStart(s) == t.sceneEnd(s))
                continue;
            QCOMPARE(t.sceneAt(t.sceneStart(s)), s);
            QCOMPARE(t.sceneAt(t.sceneEnd(s) - 1), s);
            // Seeking to a scene's first frame (what selecting it in the editor
            // does) shows that frame, and the instant the scene starts shows
            // either that frame or, between frames, the one before it.
            QCOMPARE(t.frameAt(t.secondsAt(t.sceneStart(s))), t.sceneStart(s));
            double start = 0;
            for (int i = 0; i < s; ++i)
                start += durations[i];
            QVERIFY(t.frameAt(start) == t.sceneStart(s) || t.frameAt(start) == t.sceneStart(s) - 1);
            QVERIFY(t.secondsAt(t.sceneStart(s)) >= start - 1e-9);
        }
        QCOMPARE(t.sceneEnd(t.sceneCount() - 1), t.frameCount());
    }

    void aSceneShorterThanAFrameOwnsNone()
    {
        // 1.01 s to 1.02 s lies between frames 24 (1.0 s) and 25 (1.0417 s).
        const Timeline t({1.01, 0.01, 1.0}, 24);
        QCOMPARE(t.sceneStart(1), t.sceneStart(2));
        QCOMPARE(t.sceneAt(t.sceneStart(1)), 2);
        for (qint64 f = 0; f < t.frameCount(); ++f)
            QVERIFY(t.sceneAt(f) != 1);
    }

    void emptyAndBrokenDurations()
    {
        const Timeline none({}, 24);
        QCOMPARE(none.sceneCount(), 0);
        QCOMPARE(none.frameCount(), qint64(0));
        QCOMPARE(none.sceneAt(0), -1);
        QCOMPARE(none.frameAt(5.0), qint64(0));

        // An editor draft may hold a zero or negative duration: it owns no frame
        // and moves nothing after it.
        const Timeline odd({2.0, -1.0, 0.0, 1.0}, 10);
        QCOMPARE(odd.frameCount(), qint64(30));
        QCOMPARE(odd.sceneStart(3), qint64(20));
        QCOMPARE(odd.sceneAt(25), 3);
    }

    void projectTimelineFollowsItsOutputRate()
    {
        Project p;
        p.output.fps = 60;
        p.scenes = {{QStringLiteral("a.png"), 1.5, QString(), Layout::Center},
                    {QStringLiteral("b.png"), 0.25, QString(), Layout::Fill}};
        const Timeline t = p.timeline();
        QCOMPARE(t.fps(), 60);
        QCOMPARE(t.frameCount(), qint64(105));
        QCOMPARE(t.sceneStart(1), qint64(90));
        QCOMPARE(p.frameCount(), t.frameCount());
    }
};

QTEST_GUILESS_MAIN(TimelineTest)
#include "tst_timeline.moc"
