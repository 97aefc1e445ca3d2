// End-to-end renders through RenderJob, decoded back with libavformat.

#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testmedia;

namespace {
const QColor kRed(220, 30, 30);
const QColor kGreen(30, 200, 40);
const QColor kBlue(30, 40, 220);
const QColor kYellow(230, 220, 30);
const QColor kWhite(240, 240, 240);
} // namespace

class RenderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A small project: output 180x320 at 12 fps keeps renders fast.
    Project smallProject(const QString &background) const
    {
        Project p;
        p.baseDir = m_dir.path();
        p.background = background;
        p.output.width = 180;
        p.output.height = 320;
        p.output.fps = 12;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        writeImage(path("blue.png"), solid({400, 300}, kBlue), "PNG");
        writeImage(path("green.jpg"), solid({300, 500}, kGreen), "JPEG");
        // One second: six red frames then six yellow at 12 fps, a keyframe each second.
        VideoSpec halves = colorCycle({96, 160}, 12, 12, {});
        halves.paint = [](QPainter &p, int i, double) {
            p.fillRect(p.window(), i < 6 ? kRed : kYellow);
        };
        writeVideo(path("halves.mp4"), halves);
    }

    void rendersScenesOverBackground()
    {
        Project p = smallProject(QStringLiteral("halves.mp4"));
        p.scenes = {{QStringLiteral("blue.png"), 1.0, QString(), Layout::Center},
                    {QStringLiteral("green.jpg"), 0.5, QString(), Layout::Fill}};
        const RenderResult result = RenderJob(p, path("basic.mp4")).run();
        QCOMPARE(result.frames, 18);

        const VideoFacts facts = probe(path("basic.mp4"));
        QCOMPARE(facts.codec, QStringLiteral("h264"));
        QCOMPARE(facts.pixelFormat, QStringLiteral("yuv420p"));
        QCOMPARE(facts.width, 180);
        QCOMPARE(facts.height, 320);
        QCOMPARE(facts.frames, 18);
        QCOMPARE(facts.audioStreams, 0);
        QVERIFY(facts.faststart);
        QVERIFY(qAbs(facts.duration - 1.5) < 0.1);

        const QList<QImage> f = frames(path("basic.mp4"), {0, 11, 12, 17});
        // Centre: the blue picture; top margin: the (red) background.
        QVERIFY2(near(sample(f[0], {90, 160}), kBlue),
                 qPrintable(describe(sample(f[0], {90, 160}))));
        QVERIFY2(near(sample(f[0], {90, 12}), kRed), qPrintable(describe(sample(f[0], {90, 12}))));
        // Frame 11 is t = 0.917 s, in the second half of the background: yellow.
        QVERIFY2(near(sample(f[1], {90, 12}), kYellow),
                 qPrintable(describe(sample(f[1], {90, 12}))));
        // Frame 12 (t = 1.0) belongs to the fill scene: green edge to edge.
        for (const QPoint at : {QPoint(4, 4), QPoint(175, 315), QPoint(90, 160)})
            QVERIFY2(near(sample(f[2], at), kGreen), qPrintable(describe(sample(f[2], at))));
        QVERIFY(near(sample(f[3], {4, 300}), kGreen));
    }

    void backgroundLoopsAndStartsWhereAsked()
    {
        Project p = smallProject(QStringLiteral("halves.mp4"));
        p.backgroundStart = 2.5; // wraps: 2.5 mod 1.0 = 0.5, the yellow half
        p.scenes = {{QStringLiteral("blue.png"), 2.5, QString(), Layout::Top}};
        RenderJob(p, path("loop.mp4")).run();
        // Frame n shows background time (2.5 + n / 12) mod 1: 0.5, 0.75, 0, 0.25, 0.5, ...
        const QList<QImage> f = frames(path("loop.mp4"), {0, 3, 6, 9, 12, 15, 18, 24});
        const QList<QColor> expected = {kYellow, kYellow, kRed, kRed,
                                        kYellow, kYellow, kRed, kYellow};
        for (qsizetype i = 0; i < f.size(); ++i) {
            const QColor got = sample(f[i], {90, 300});
            QVERIFY2(near(got, expected[i]),
                     qPrintable(QStringLiteral("sample %1: %2").arg(i).arg(describe(got))));
        }
    }

    void landscapeBackgroundIsCroppedToCover()
    {
        // Thirds: red | green | blue. Covering a portrait frame keeps only the middle.
        VideoSpec wide = colorCycle({480, 270}, 12, 6, {});
        wide.paint = [](QPainter &p, int, double) {
            p.fillRect(0, 0, 160, 270, kRed);
            p.fillRect(160, 0, 160, 270, kGreen);
            p.fillRect(320, 0, 160, 270, kBlue);
        };
        writeVideo(path("wide.mp4"), wide);
        Project p = smallProject(QStringLiteral("wide.mp4"));
        p.scenes = {{QStringLiteral("blue.png"), 0.5, QString(), Layout::Top}};
        RenderJob(p, path("cover.mp4")).run();
        const QImage f = frames(path("cover.mp4"), {2}).first();
        for (const QPoint at : {QPoint(6, 300), QPoint(174, 300), QPoint(90, 300)})
            QVERIFY2(near(sample(f, at), kGreen), qPrintable(describe(sample(f, at))));
    }

    // A picture as the background is shown still, covering the frame like a
    // video (centre crop), under every scene, including after a fill scene.
    void pictureBackgroundIsShownStill()
    {
        QImage wide(480, 270, QImage::Format_RGB32);
        {
            QPainter painter(&wide);
            painter.fillRect(0, 0, 160, 270, kRed);
            painter.fillRect(160, 0, 160, 270, kYellow);
            painter.fillRect(320, 0, 160, 270, kBlue);
        }
        writeImage(path("wide-bg.png"), wide, "PNG");
        Project p = smallProject(QStringLiteral("wide-bg.png"));
        p.scenes = {{QStringLiteral("green.jpg"), 0.5, QString(), Layout::Top},
                    {QStringLiteral("green.jpg"), 0.5, QString(), Layout::Fill},
                    {QStringLiteral("green.jpg"), 0.5, QString(), Layout::Top}};
        const RenderResult result = RenderJob(p, path("still-bg.mp4")).run();
        QCOMPARE(result.frames, 18);
        const QList<QImage> f = frames(path("still-bg.mp4"), {0, 5, 8, 12, 17});
        for (int k : {0, 1, 3, 4})
            for (const QPoint at : {QPoint(6, 300), QPoint(174, 300), QPoint(90, 300)})
                QVERIFY2(near(sample(f[k], at), kYellow),
                         qPrintable(QStringLiteral("frame %1 at %2,%3: %4")
                                        .arg(k)
                                        .arg(at.x())
                                        .arg(at.y())
                                        .arg(describe(sample(f[k], at)))));
        QVERIFY(near(sample(f[2], {6, 300}), kGreen)); // the fill scene hides it
    }

    // A background that claims to be a picture but is not one fails naming
    // the key and the file, and nothing is written.
    void brokenPictureBackgroundIsNamed()
    {
        QFile broken(path("broken-bg.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, 'x'));
        broken.close();
        Project p = smallProject(QStringLiteral("broken-bg.png"));
        p.scenes = {{QStringLiteral("green.jpg"), 0.5, QString(), Layout::Top}};
        try {
            RenderJob(p, path("broken-bg.mp4")).run();
            QFAIL("rendered over a broken picture");
        } catch (const Error &e) {
            QVERIFY2(e.message().startsWith(QStringLiteral("background: ")) &&
                         e.message().contains(QStringLiteral("broken-bg.png")),
                     qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(path("broken-bg.mp4")));
    }

    void fullyCoveredScenesSkipTheBackgroundAndResumeInStep()
    {
        // Six seconds, one colour a second, a keyframe a second.
        const QList<QColor> perSecond = {kRed, kGreen, kBlue, kYellow, kWhite, kRed};
        VideoSpec clock = colorCycle({96, 160}, 12, 72, {});
        clock.paint = [perSecond](QPainter &p, int i, double) {
            p.fillRect(p.window(), perSecond[i / 12]);
        };
        writeVideo(path("clock.mp4"), clock);
        Project p = smallProject(QStringLiteral("clock.mp4"));
        // An opaque fill scene hides the background for 4.25 s; the next
        // scene must show the background at 4.25 s (white), not at 0.
        p.scenes = {{QStringLiteral("green.jpg"), 4.25, QString(), Layout::Fill},
                    {QStringLiteral("blue.png"), 1.5, QString(), Layout::Top}};
        RenderJob(p, path("resume.mp4")).run();
        const QList<QImage> f = frames(path("resume.mp4"), {6, 51, 62});
        QVERIFY2(near(sample(f[0], {90, 300}), kGreen),
                 qPrintable(describe(sample(f[0], {90, 300}))));
        QVERIFY2(near(sample(f[1], {90, 300}), kWhite),
                 qPrintable(describe(sample(f[1], {90, 300}))));
        QVERIFY2(near(sample(f[2], {90, 300}), kRed),
                 qPrintable(describe(sample(f[2], {90, 300}))));
    }

    void preflightRefusesAnUnreadableSoundtrack()
    {
        QFile text(path("notes.mp3"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("these are not sounds\n");
        text.close();
        Project p = smallProject(QStringLiteral("halves.mp4"));
        p.version = 1; // a version 1 soundtrack
        p.audio = QStringLiteral("notes.mp3");
        p.scenes = {{QStringLiteral("blue.png"), 0.5, QString(), Layout::Center}};
        RenderJob job(p, path("never.mp4"));
        try {
            job.preflight(); // what the editor calls before queueing an export
            QFAIL("a soundtrack that is not audio must be refused before rendering");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(QStringLiteral("audio: ")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("notes.mp3")), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(path("never.mp4")));
    }

    void cancellingLeavesNoFile()
    {
        Project p = smallProject(QStringLiteral("halves.mp4"));
        p.scenes = {{QStringLiteral("blue.png"), 5.0, QString(), Layout::Center}};
        int calls = 0;
        try {
            RenderJob(p, path("cancelled.mp4")).run({}, [&] { return ++calls > 3; });
            QFAIL("a cancelled render must throw");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Cancelled);
        }
        QVERIFY(calls <= 5);
        QVERIFY(!QFile::exists(path("cancelled.mp4")));
        QVERIFY2(partFiles(m_dir.path()).isEmpty(),
                 qPrintable(partFiles(m_dir.path()).join(QLatin1Char(' '))));
    }

    void failedRenderKeepsExistingOutput()
    {
        const QByteArray precious("an earlier render the creator cares about");
        {
            QFile f(path("keep.mp4"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(precious);
        }
        Project p = smallProject(QStringLiteral("halves.mp4"));
        p.scenes = {{QStringLiteral("blue.png"), 0.5, QString(), Layout::Center},
                    {QStringLiteral("missing.jpg"), 0.5, QString(), Layout::Center}};
        try {
            RenderJob(p, path("keep.mp4")).run();
            QFAIL("a render with a missing picture must throw");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(QStringLiteral("scenes[1].media")),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("missing.jpg")), qPrintable(e.message()));
        }
        QFile f(path("keep.mp4"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), precious);
        QVERIFY(partFiles(m_dir.path()).isEmpty());
    }
};

QTEST_MAIN(RenderTest)
#include "tst_render.moc"
