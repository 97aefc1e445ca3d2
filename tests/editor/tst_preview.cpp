// The editor's live preview and timeline, offscreen, over real media: a
// background clip played by Qt Multimedia and pictures decoded by the engine.

#include "TestMedia.h"
#include "captions/Caption.h"
#include "captions/CaptionTrack.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewPictureCache.h"
#include "preview/PreviewWidget.h"
#include "preview/TimelineWidget.h"
#include "project/Project.h"
#include "render/RenderJob.h"
#include "render/SceneCaptions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace reelsmith;
using namespace reelsmith::editor;
using namespace testmedia;

namespace {

const QColor kBlue(0, 0, 255);
const QColor kYellow(255, 255, 0);
const QColor kRed(255, 0, 0);
const QColor kGreen(0, 200, 0);
// Video goes through 4:2:0 YUV and back, and edges are smoothed when scaled.
constexpr int kTolerance = 48;
constexpr int kWait = 10000;

// A wide widget: the 9:16 frame (360x640) sits in the middle with bars either side.
const QSize kWidgetSize(600, 640);

Scene scene(const QString &image, double seconds, Layout layout = Layout::Center,
            const QString &caption = {})
{
    Scene s;
    s.media = image;
    s.duration = seconds;
    s.layout = layout;
    s.caption = caption;
    return s;
}

QPoint at(const QRect &frame, double fx, double fy)
{
    return QPoint(frame.x() + int(fx * frame.width()), frame.y() + int(fy * frame.height()));
}

QColor colourAt(PreviewWidget &preview, double fx, double fy)
{
    return sample(preview.grab().toImage(), at(preview.frameRect(), fx, fy), 2);
}

bool colourAtIs(PreviewWidget &preview, double fx, double fy, QColor expected)
{
    return near(colourAt(preview, fx, fy), expected, kTolerance);
}

int countPixels(const QImage &image, const QRect &area, const std::function<bool(QRgb)> &test)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (image.valid(x, y) && test(image.pixel(x, y)))
                ++n;
    return n;
}

bool isWhite(QRgb px)
{
    return qRed(px) > 225 && qGreen(px) > 225 && qBlue(px) > 225;
}

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_blue;       // 2 s of solid blue
    QString m_blueYellow; // 1 s blue, then 1 s yellow
    QString m_red, m_green;

    Project project(const QList<Scene> &scenes, const QString &background) const
    {
        Project p;
        p.background = background;
        p.baseDir = m_dir.path();
        p.scenes = scenes;
        return p;
    }

    // Shows `p` at `seconds` and waits until the background is there.
    void show(PreviewWidget &preview, const Project &p, double seconds)
    {
        preview.resize(kWidgetSize);
        preview.show();
        preview.setProject(p);
        preview.seek(seconds);
        QTRY_VERIFY_WITH_TIMEOUT(preview.hasBackgroundFrame(), kWait);
        QVERIFY2(preview.backgroundProblem().isEmpty(), qPrintable(preview.backgroundProblem()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_blue = m_dir.filePath(QStringLiteral("blue background.mp4"));
        writeVideo(m_blue, colorCycle({96, 160}, 24, 48, {kBlue}));
        m_blueYellow = m_dir.filePath(QStringLiteral("blue-yellow.mp4"));
        VideoSpec halves;
        halves.size = {96, 160};
        halves.fps = 24;
        halves.frames = 48;
        halves.paint = [](QPainter &p, int, double seconds) {
            p.fillRect(p.window(), seconds < 1.0 ? kBlue : kYellow);
        };
        writeVideo(m_blueYellow, halves);
        // Landscape pictures: in the centre layout they are as wide as the box
        // and leave the background visible above and below.
        m_red =
            writeImage(m_dir.filePath(QStringLiteral("red.png")), solid({400, 300}, kRed), "png");
        m_green = writeImage(m_dir.filePath(QStringLiteral("green.png")), solid({400, 300}, kGreen),
                             "png");
    }

    void letterboxedFrameShowsBackgroundAndPicture()
    {
        PreviewWidget preview;
        preview.resize(kWidgetSize);
        const Project p = project({scene(QStringLiteral("red.png"), 2.0)}, m_blue);
        preview.setProject(p);

        const QRect frame = preview.frameRect();
        QCOMPARE(frame, QRect(120, 0, 360, 640));
        // Pictures are decoded on a worker thread: until the event loop has
        // delivered the result, only the background can be painted.
        QVERIFY(!colourAtIs(preview, 0.5, 0.5, kRed));

        show(preview, p, 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);
        const QImage image = preview.grab().toImage();
        QVERIFY2(near(sample(image, at(frame, 0.5, 0.04)), kBlue, kTolerance),
                 qPrintable(describe(sample(image, at(frame, 0.5, 0.04)))));
        QVERIFY(near(sample(image, at(frame, 0.5, 0.95)), kBlue, kTolerance));
        // Centre layout: a 4:3 picture fills 90 % of the width, centred.
        QVERIFY(near(sample(image, at(frame, 0.08, 0.5)), kRed, kTolerance));
        QVERIFY(near(sample(image, at(frame, 0.02, 0.5)), kBlue, kTolerance));
        QVERIFY(near(sample(image, at(frame, 0.5, 0.33)), kRed, kTolerance));
        QVERIFY(near(sample(image, at(frame, 0.5, 0.28)), kBlue, kTolerance));
        // Outside the 9:16 frame: the letterbox, on both sides.
        QCOMPARE(sample(image, QPoint(40, 320)), PreviewWidget::letterboxColor());
        QCOMPARE(sample(image, QPoint(560, 320)), PreviewWidget::letterboxColor());
    }

    void fillLayoutCoversFrame()
    {
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("red.png"), 2.0, Layout::Fill)}, m_blue), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);
        const QImage image = preview.grab().toImage();
        for (double fy : {0.02, 0.5, 0.98})
            for (double fx : {0.02, 0.5, 0.98})
                QVERIFY2(near(sample(image, at(preview.frameRect(), fx, fy)), kRed, kTolerance),
                         qPrintable(QStringLiteral("%1,%2").arg(fx).arg(fy)));
    }

    void captionIsPaintedWhereTheExportPutsIt()
    {
        PreviewWidget preview;
        const QString text = QStringLiteral("Hello preview world");
        show(preview, project({scene(QStringLiteral("red.png"), 2.0)}, m_blue), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);
        const QRect frame = preview.frameRect();
        const QRect lowerThird(frame.x(), frame.y() + frame.height() * 2 / 3, frame.width(),
                               frame.height() / 3);
        QCOMPARE(countPixels(preview.grab().toImage(), lowerThird, isWhite), 0);

        preview.setProject(
            project({scene(QStringLiteral("red.png"), 2.0, Layout::Center, text)}, m_blue));
        const QImage image = preview.grab().toImage();

        // Where the export's caption goes (its caption module, at output
        // size), scaled from output to preview size.
        QImage output(720, 1280, QImage::Format_ARGB32_Premultiplied);
        output.fill(Qt::transparent);
        QPainter painter(&output);
        const Project shown =
            project({scene(QStringLiteral("red.png"), 2.0, Layout::Center, text)}, m_blue);
        const CaptionTrack track = sceneCaptionTrack(shown, 0, std::nullopt, output.size());
        const QRect outputRect = track.paint(painter, track.stateAt(0.5));
        painter.end();
        QVERIFY(!outputRect.isEmpty());
        const double s = frame.width() / 720.0;
        const QRect expected(frame.x() + int(outputRect.x() * s),
                             frame.y() + int(outputRect.y() * s), int(outputRect.width() * s),
                             int(outputRect.height() * s));
        const int inside = countPixels(image, expected.adjusted(-2, -2, 2, 2), isWhite);
        QVERIFY2(inside > 100, qPrintable(QString::number(inside)));
        QCOMPARE(countPixels(image, lowerThird, isWhite), inside);
        // The picture is still under it.
        QVERIFY(near(sample(image, at(frame, 0.5, 0.5)), kRed, kTolerance));
    }

    // The preview asks the export's caption module at its clock's frame:
    // grabbed at t, it highlights the word the exported frame at t does.
    void captionWordMatchesTheExport()
    {
        Project p = project(
            {scene(QString(), 3.0, Layout::Center, QStringLiteral("one two three four five six"))},
            m_blue);
        p.output.width = 360;
        p.output.height = 640;
        p.captions.mode = CaptionMode::Words;
        p.captions.highlight = QColor(0, 255, 0);
        const auto greenCentre = [](const QImage &image, const QRect &frame, int *count) {
            double sx = 0, sy = 0;
            *count = 0;
            for (int y = frame.top(); y <= frame.bottom(); ++y)
                for (int x = frame.left(); x <= frame.right(); ++x) {
                    const QRgb px = image.pixel(x, y);
                    if (qGreen(px) > 170 && qRed(px) < 110 && qBlue(px) < 110) {
                        ++*count;
                        sx += x - frame.x();
                        sy += y - frame.y();
                    }
                }
            return *count ? QPointF(sx / *count / frame.width(), sy / *count / frame.height())
                          : QPointF();
        };
        const QString out = m_dir.filePath(QStringLiteral("words.mp4"));
        RenderJob(p, out).run();
        PreviewWidget preview;
        show(preview, p, 0.2);
        // Six one-syllable words over 3 s: a word each 0.5 s, three a page.
        for (double t : {0.2, 0.7, 1.6, 2.6}) {
            preview.seek(t);
            const QRect frame = preview.frameRect();
            int previewCount = 0, exportCount = 0;
            const QPointF inPreview = greenCentre(preview.grab().toImage(), frame, &previewCount);
            const QImage exported = frames(out, {int(std::floor(t * 24))}).value(0);
            const QPointF inExport = greenCentre(exported, exported.rect(), &exportCount);
            const QString where =
                QStringLiteral("t=%1: preview %2,%3 (%4 px), export %5,%6 (%7 px)")
                    .arg(t)
                    .arg(inPreview.x())
                    .arg(inPreview.y())
                    .arg(previewCount)
                    .arg(inExport.x())
                    .arg(inExport.y())
                    .arg(exportCount);
            QVERIFY2(previewCount > 10 && exportCount > 10, qPrintable(where));
            QVERIFY2(QLineF(inPreview, inExport).length() < 0.02, qPrintable(where));
        }
    }

    void seekingChangesScene()
    {
        PreviewWidget preview;
        QSignalSpy sceneSpy(&preview, &PreviewWidget::currentSceneChanged);
        const Project p = project(
            {scene(QStringLiteral("red.png"), 1.0), scene(QStringLiteral("green.png"), 1.0)},
            m_blue);
        show(preview, p, 0.5);
        QCOMPARE(preview.duration(), 2.0);
        QCOMPARE(preview.currentScene(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);

        preview.seek(1.5);
        QCOMPARE(preview.position(), 1.5);
        QCOMPARE(preview.currentScene(), 1);
        QCOMPARE(sceneSpy.last().at(0).toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kGreen), kWait);

        // Boundaries follow the export's frame rule: 1.0 s is the second scene.
        preview.seek(1.0);
        QCOMPARE(preview.currentScene(), 1);
        preview.seek(0.99);
        QCOMPARE(preview.currentScene(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);

        // Editing a duration moves the boundary without a reload.
        QList<Scene> longer = p.scenes;
        longer[0].duration = 0.5;
        preview.setProject(project(longer, m_blue));
        QCOMPARE(preview.currentScene(), 1);
        QCOMPARE(preview.duration(), 1.5);
        QVERIFY(preview.hasBackgroundFrame());
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kGreen), kWait);
    }

    void backgroundTimeFollowsStartAndLoops()
    {
        PreviewWidget preview;
        // Top layout: the lower half of the frame is background only.
        Project p = project({scene(QStringLiteral("red.png"), 6.0, Layout::Top)}, m_blueYellow);
        show(preview, p, 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        preview.seek(1.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        // Past the clip's end it wraps where the export wraps (after the last
        // frame's own duration): 2.5 s is 0.5 s into the clip, 4.1 s is 0.1 s.
        preview.seek(4.1);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        preview.seek(3.9);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        preview.seek(2.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        // background_start shifts it: 0.5 + 1.0 is in the yellow second.
        p.backgroundStart = 1.0;
        preview.setProject(p);
        preview.seek(0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        // A start past the end wraps too (3.0 + 0.5 = 1.5 in a 2 s clip).
        p.backgroundStart = 3.0;
        preview.setProject(p);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        preview.seek(1.0); // 4.0 -> 0.0
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
    }

    void scrubbingKeepsTheUiResponsive()
    {
        // GStreamer blocks a seek until the previous one has prerolled, and
        // prerolling needs the UI thread: seeks must be coalesced, not stacked.
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("red.png"), 6.0, Layout::Top)}, m_blueYellow),
             0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        QElapsedTimer timer;
        timer.start();
        qint64 slowest = 0;
        for (int i = 0; i <= 30; ++i) {
            QElapsedTimer step;
            step.start();
            preview.seek(0.05 * i);
            if (i % 10 == 5) {
                preview.play();
                QTest::qWait(20);
                preview.pause();
            }
            QTest::qWait(10);
            slowest = std::max(slowest, step.elapsed());
        }
        // A stalled seek costs 300 ms or more; the rest is slack for a busy machine.
        QVERIFY2(slowest < 250, qPrintable(QStringLiteral("%1 ms").arg(slowest)));
        QCOMPARE(preview.position(), 1.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        preview.seek(0.2);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
    }

    void rotatedBackgroundIsShownUpright()
    {
        // Stored 96x160 with the left half blue; shown turned a quarter
        // clockwise, so blue is on top, as the export draws it.
        const QString path = m_dir.filePath(QStringLiteral("rotated.mp4"));
        VideoSpec spec;
        spec.size = {96, 160};
        spec.frames = 24;
        spec.rotation = 90;
        spec.paint = [](QPainter &p, int, double) {
            p.fillRect(0, 0, 48, 160, kBlue);
            p.fillRect(48, 0, 48, 160, kYellow);
        };
        writeVideo(path, spec);
        const QString clear =
            writeImage(m_dir.filePath(QStringLiteral("clear.png")),
                       solid({4, 4}, Qt::transparent, QImage::Format_ARGB32), "png");
        PreviewWidget preview;
        show(preview, project({scene(clear, 1.0)}, path), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.25, kBlue) &&
                                     colourAtIs(preview, 0.5, 0.75, kYellow),
                                 kWait);
    }

    void safeZonesToggleChangesPixels()
    {
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("red.png"), 2.0)}, m_blue), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);
        const QImage without = preview.grab().toImage();
        preview.setSafeZonesVisible(true);
        QVERIFY(preview.safeZonesVisible());
        const QImage with = preview.grab().toImage();
        const QRect frame = preview.frameRect();
        // Top bar, buttons column and description area are tinted; the middle is not.
        for (const QPoint &p : {at(frame, 0.5, 0.04), at(frame, 0.97, 0.74), at(frame, 0.3, 0.9)}) {
            QVERIFY(near(sample(without, p), kBlue, kTolerance));
            QVERIFY2(!near(sample(with, p), kBlue, kTolerance),
                     qPrintable(describe(sample(with, p))));
            QVERIFY(sample(with, p).red() > 50);
        }
        QCOMPARE(sample(with, at(frame, 0.5, 0.5)), sample(without, at(frame, 0.5, 0.5)));
        QCOMPARE(sample(with, QPoint(40, 320)), PreviewWidget::letterboxColor());
        preview.setSafeZonesVisible(false);
        QCOMPARE(preview.grab().toImage(), without);
    }

    void missingBackgroundIsReportedInTheWidget()
    {
        PreviewWidget preview;
        preview.resize(kWidgetSize);
        preview.setProject(project({scene(QStringLiteral("red.png"), 2.0)},
                                   m_dir.filePath(QStringLiteral("no such clip.mp4"))));
        QVERIFY(!preview.backgroundProblem().isEmpty());
        // The message is drawn over the frame, and the picture still shows.
        const QRect frame = preview.frameRect();
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.15, 0.35, kRed), kWait);
        const QImage image = preview.grab().toImage();
        QVERIFY(countPixels(image, frame, [](QRgb px) { return qGray(px) > 200; }) > 50);

        // Fixing it clears the message.
        preview.setProject(project({scene(QStringLiteral("red.png"), 2.0)}, m_blue));
        QVERIFY(preview.backgroundProblem().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(preview.hasBackgroundFrame(), kWait);
    }

    void playlistBackgroundIsRefusedLikeTheRender()
    {
        // An HLS playlist named like a clip, pointing at another local video:
        // the render refuses it, and the preview must not play its target.
        const QString playlist = m_dir.filePath(QStringLiteral("playlist.mp4"));
        QFile file(playlist);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                   "#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.0,\n" +
                   QFile::encodeName(m_blue) + "\n#EXT-X-ENDLIST\n");
        file.close();
        PreviewWidget preview;
        preview.resize(kWidgetSize);
        preview.setProject(project({scene(QStringLiteral("red.png"), 2.0)}, playlist));
        QVERIFY2(preview.backgroundProblem().contains(QStringLiteral("playlist.mp4")),
                 qPrintable(preview.backgroundProblem()));
        QTest::qWait(500);
        QVERIFY(!preview.hasBackgroundFrame());
    }

    // A picture as the background is shown still, as the export shows it:
    // covering the frame, the same at any time, with no problem reported.
    void pictureBackgroundIsShownStill()
    {
        const QString picture = writeImage(m_dir.filePath(QStringLiteral("green background.png")),
                                           solid({300, 400}, kGreen), "png");
        PreviewWidget preview;
        const Project p = project({scene(QStringLiteral("red.png"), 2.0)}, picture);
        show(preview, p, 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.04, kGreen), kWait);
        QVERIFY(colourAtIs(preview, 0.5, 0.95, kGreen));
        preview.seek(1.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);
        QVERIFY2(colourAtIs(preview, 0.5, 0.04, kGreen),
                 qPrintable(describe(colourAt(preview, 0.5, 0.04))));
        QVERIFY(preview.backgroundProblem().isEmpty());
    }

    void unreadablePictureShowsBackground()
    {
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("missing.png"), 2.0)}, m_blue), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.04, kBlue), kWait);
        QVERIFY(!colourAtIs(preview, 0.5, 0.5, kRed));
    }

    void playingAdvancesAndStopsAtTheEnd()
    {
        PreviewWidget preview;
        QSignalSpy playing(&preview, &PreviewWidget::playingChanged);
        QSignalSpy positions(&preview, &PreviewWidget::positionChanged);
        show(preview,
             project(
                 {scene(QStringLiteral("red.png"), 0.6), scene(QStringLiteral("green.png"), 0.6)},
                 m_blue),
             0.0);
        preview.play();
        QVERIFY(preview.isPlaying());
        QCOMPARE(playing.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(preview.position() > 0.2, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(preview.currentScene(), 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlaying(), kWait);
        QCOMPARE(playing.count(), 2);
        // It stops where the exported video ends: 1.2 s at 24 fps is 28.8
        // frames, rounded to 29, so the last frame ends at 29 / 24 s.
        QCOMPARE(preview.position(), 29 / 24.0);
        QCOMPARE(preview.duration(), 29 / 24.0);
        QCOMPARE(positions.last().at(0).toDouble(), 29 / 24.0);
        QVERIFY(positions.count() > 3);

        // Play at the end starts over; pause holds the position.
        preview.play();
        QVERIFY(preview.position() < 0.1);
        QTRY_VERIFY_WITH_TIMEOUT(preview.position() > 0.1, kWait);
        preview.pause();
        QVERIFY(!preview.isPlaying());
        const double held = preview.position();
        QTest::qWait(150);
        QCOMPARE(preview.position(), held);
    }

    void suspendedPlayerIsUnloadedAndThePictureStays()
    {
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("red.png"), 2.0)}, m_blue), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.5, kRed), kWait);
        QVERIFY(preview.isPlayerLoaded());
        QVERIFY(!preview.isPlayerSuspended());

        preview.setPlayerSuspended(true);
        QVERIFY(preview.isPlayerSuspended());
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlayerLoaded(), kWait);
        QTest::qWait(300);
        QVERIFY(!preview.isPlayerLoaded()); // and nothing loads it again by itself
        QVERIFY(preview.hasBackgroundFrame());
        QCOMPARE(preview.position(), 0.5);

        const QRect frame = preview.frameRect();
        const QImage image = preview.grab().toImage();
        for (double fy : {0.04, 0.2, 0.8, 0.95})
            for (double fx : {0.02, 0.5, 0.98})
                QVERIFY2(near(sample(image, at(frame, fx, fy)), kBlue, kTolerance),
                         qPrintable(QStringLiteral("%1,%2: %3")
                                        .arg(fx)
                                        .arg(fy)
                                        .arg(describe(sample(image, at(frame, fx, fy))))));
        QVERIFY(near(sample(image, at(frame, 0.5, 0.5)), kRed, kTolerance));
        QCOMPARE(sample(image, QPoint(40, 320)), PreviewWidget::letterboxColor());

        // Resized, the kept frame still covers the frame.
        preview.resize(400, 500);
        QVERIFY(colourAtIs(preview, 0.5, 0.04, kBlue));
        QVERIFY(colourAtIs(preview, 0.5, 0.95, kBlue));
        QVERIFY(!preview.isPlayerLoaded());
    }

    void seekWhileSuspendedShowsTheRightFrame()
    {
        PreviewWidget preview;
        // Top layout: the lower half of the frame is background only.
        show(preview, project({scene(QStringLiteral("red.png"), 6.0, Layout::Top)}, m_blueYellow),
             1.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        preview.setPlayerSuspended(true);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlayerLoaded(), kWait);
        QVERIFY(colourAtIs(preview, 0.5, 0.8, kYellow));

        // Reloaded, the player starts from the clip's blue beginning; the kept
        // yellow frame stays until the yellow one at the new position comes.
        preview.seek(1.7);
        QVERIFY(preview.isPlayerLoaded());
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 1000) {
            QVERIFY2(colourAtIs(preview, 0.5, 0.8, kYellow),
                     qPrintable(describe(colourAt(preview, 0.5, 0.8))));
            QTest::qWait(5);
        }
        preview.seek(0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        // Loaded for the seek, it stays loaded until suspended again.
        QTest::qWait(200);
        QVERIFY(preview.isPlayerLoaded());
        preview.setPlayerSuspended(true);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlayerLoaded(), kWait);
        QVERIFY(colourAtIs(preview, 0.5, 0.8, kBlue));
        preview.seek(1.2);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
    }

    void playWhileSuspendedAdvances()
    {
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("red.png"), 6.0, Layout::Top)}, m_blueYellow),
             0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        preview.setPlayerSuspended(true);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlayerLoaded(), kWait);

        preview.play();
        QVERIFY(preview.isPlaying());
        QVERIFY(preview.isPlayerLoaded());
        QTRY_VERIFY_WITH_TIMEOUT(preview.position() > 1.2, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        preview.pause();
        QVERIFY(preview.isPlayerLoaded());

        // Suspended while playing: the player plays on, and goes at the pause,
        // once the paused frame is shown.
        preview.seek(0.2);
        preview.play();
        preview.setPlayerSuspended(true);
        QTest::qWait(200);
        QVERIFY(preview.isPlaying());
        QVERIFY(preview.isPlayerLoaded());
        QTRY_VERIFY_WITH_TIMEOUT(preview.position() > 1.3, kWait);
        preview.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlayerLoaded(), kWait);
        QVERIFY(colourAtIs(preview, 0.5, 0.8, kYellow));
        QVERIFY(colourAtIs(preview, 0.5, 0.5, kRed) || colourAtIs(preview, 0.5, 0.3, kRed));
    }

    void resumedPlayerKeepsTheFrameAndSeeks()
    {
        PreviewWidget preview;
        show(preview, project({scene(QStringLiteral("red.png"), 6.0, Layout::Top)}, m_blueYellow),
             1.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        preview.setPlayerSuspended(true);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isPlayerLoaded(), kWait);

        preview.setPlayerSuspended(false);
        QVERIFY(!preview.isPlayerSuspended());
        QVERIFY(preview.isPlayerLoaded());
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 800) {
            QVERIFY2(colourAtIs(preview, 0.5, 0.8, kYellow),
                     qPrintable(describe(colourAt(preview, 0.5, 0.8))));
            QTest::qWait(5);
        }
        preview.seek(0.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kBlue), kWait);
        preview.seek(1.5);
        QTRY_VERIFY_WITH_TIMEOUT(colourAtIs(preview, 0.5, 0.8, kYellow), kWait);
        QVERIFY(preview.isPlayerLoaded());
    }

    void pictureCacheDecodesOffTheUiThread()
    {
        PreviewPictureCache cache;
        QSignalSpy ready(&cache, &PreviewPictureCache::ready);
        const QSize frame(360, 640);
        const PreviewPictureCache::Key key{m_red, {200, 200}, Fit::Contain};
        QVERIFY(!cache.picture(key, frame));
        QVERIFY(cache.isDecoding(key));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QVERIFY(!cache.isDecoding(key));
        const auto picture = cache.picture(key, frame);
        QVERIFY(picture);
        QCOMPARE(picture->image.size(), QSize(200, 150));
        QVERIFY(near(sample(picture->image, QPoint(100, 75)), kRed, kTolerance));
        QCOMPARE(picture->frame, frame);
        QVERIFY(picture->problem.isEmpty());

        // Another size decodes; meanwhile the one at hand stands in.
        const PreviewPictureCache::Key larger{m_red, {320, 320}, Fit::Contain};
        const auto standIn = cache.picture(larger, frame);
        QVERIFY(standIn);
        QCOMPARE(standIn->image.size(), QSize(200, 150));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, kWait);
        QCOMPARE(cache.picture(larger, frame)->image.size(), QSize(320, 240));

        // An unreadable file gives its reason, once decoded.
        const PreviewPictureCache::Key missing{
            m_dir.filePath(QStringLiteral("none.png")), {200, 200}, Fit::Contain};
        QVERIFY(!cache.picture(missing, frame));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, kWait);
        const auto failed = cache.picture(missing, frame);
        QVERIFY(failed);
        QVERIFY(failed->image.isNull());
        QVERIFY(!failed->problem.isEmpty());
        QCOMPARE(cache.count(), 3);
        QVERIFY(!cache.picture({}, frame));
    }

    void pictureCacheStaysWithinBoundsAndDropsStaleDecodes()
    {
        PreviewPictureCache cache;
        QSignalSpy ready(&cache, &PreviewPictureCache::ready);
        const QSize frame(360, 640);
        const int total = PreviewPictureCache::kMaxPictures + 4;
        for (int i = 0; i < total; ++i) {
            const PreviewPictureCache::Key key{m_green, {40 + 8 * i, 40 + 8 * i}, Fit::Cover};
            cache.prefetch({key}, frame);
            QTRY_COMPARE_WITH_TIMEOUT(ready.count(), i + 1, kWait);
        }
        QCOMPARE(cache.count(), PreviewPictureCache::kMaxPictures);
        QVERIFY(cache.bytes() <= PreviewPictureCache::kMaxBytes);
        // Least recently used went first.
        const PreviewPictureCache::Key last{
            m_green, {40 + 8 * (total - 1), 40 + 8 * (total - 1)}, Fit::Cover};
        QVERIFY(cache.picture(last, frame));
        QVERIFY(!cache.isDecoding(last));
        const PreviewPictureCache::Key first{m_green, {40, 40}, Fit::Cover};
        QVERIFY(cache.picture(first, frame)); // another size stands in ...
        QVERIFY(cache.isDecoding(first));     // ... while the exact one decodes again

        // Scrubbing on: decodes nobody waits for any more are dropped.
        const PreviewPictureCache::Key a{m_red, {100, 100}, Fit::Contain};
        const PreviewPictureCache::Key b{m_red, {110, 110}, Fit::Contain};
        const PreviewPictureCache::Key c{m_red, {120, 120}, Fit::Contain};
        cache.prefetch({a, b, c}, frame);
        QVERIFY(cache.isDecoding(a) && cache.isDecoding(b) && cache.isDecoding(c));
        QVERIFY(!cache.isDecoding(first));
        cache.prefetch({c}, frame);
        QVERIFY(!cache.isDecoding(a) && !cache.isDecoding(b) && cache.isDecoding(c));
        const int before = ready.count();
        QTRY_VERIFY_WITH_TIMEOUT(!cache.isDecoding(c), kWait);
        QCOMPARE(ready.count(), before + 1);

        cache.prefetch({a}, frame);
        cache.clear();
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.bytes(), 0);
        QVERIFY(!cache.isDecoding(a));
        QTest::qWait(200);
        QCOMPARE(ready.count(), before + 1);
    }

    void timelineScrubs_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("scene");
        QTest::newRow("start of first") << 0.02 << 0.1 << 0;
        QTest::newRow("inside first") << 0.3 << 1.5 << 0;
        QTest::newRow("inside second") << 0.5 << 2.5 << 1;
        QTest::newRow("near the end") << 0.95 << 4.75 << 1;
    }

    void timelineScrubs()
    {
        QFETCH(double, fraction);
        QFETCH(double, seconds);
        QFETCH(int, scene);
        TimelineWidget timeline;
        timeline.resize(500, 40);
        timeline.setTimeline(Timeline({2.0, 3.0}, 24));
        timeline.show();
        QCOMPARE(timeline.duration(), 5.0);
        QSignalSpy scrubbed(&timeline, &TimelineWidget::scrubbed);
        QSignalSpy clicked(&timeline, &TimelineWidget::sceneClicked);
        const QRect track = timeline.trackRect();
        QVERIFY(track.width() > 300);
        const QPoint point(track.left() + int(fraction * track.width()), track.center().y());
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, point);
        QCOMPARE(scrubbed.count(), 1);
        // Within one pixel's worth of time.
        const double pixel = 5.0 / track.width();
        QVERIFY2(std::abs(scrubbed.last().at(0).toDouble() - seconds) <= pixel,
                 qPrintable(QString::number(scrubbed.last().at(0).toDouble())));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.last().at(0).toInt(), scene);
        QVERIFY(std::abs(timeline.position() - seconds) <= pixel);
    }

    void timelineDrags()
    {
        TimelineWidget timeline;
        timeline.resize(500, 40);
        timeline.setTimeline(Timeline({1.0, 1.0, 2.0}, 24));
        timeline.show();
        QSignalSpy scrubbed(&timeline, &TimelineWidget::scrubbed);
        const QRect track = timeline.trackRect();
        const int y = track.center().y();
        QTest::mousePress(&timeline, Qt::LeftButton, {},
                          QPoint(track.left() + track.width() / 10, y));
        // Drags move with the button held, and past the end clamp to it.
        for (int x : {track.width() / 2, track.width() * 3 / 4, track.width() + 50}) {
            const QPointF local(track.left() + x, y);
            QMouseEvent move(QEvent::MouseMove, local, timeline.mapToGlobal(local), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&timeline, &move);
        }
        QTest::mouseRelease(&timeline, Qt::LeftButton, {}, QPoint(track.right() + 50, y));
        QCOMPARE(scrubbed.count(), 4);
        QVERIFY(std::abs(scrubbed.at(0).at(0).toDouble() - 0.4) < 0.02);
        QVERIFY(std::abs(scrubbed.at(1).at(0).toDouble() - 2.0) < 0.02);
        QVERIFY(std::abs(scrubbed.at(2).at(0).toDouble() - 3.0) < 0.02);
        QCOMPARE(scrubbed.at(3).at(0).toDouble(), 4.0);
    }

    void timelinePaintsPlayheadAndCurrentScene()
    {
        TimelineWidget timeline;
        timeline.resize(500, 40);
        timeline.setTimeline(Timeline({1.0, 3.0}, 24));
        const QImage start = timeline.grab().toImage();
        timeline.setPosition(2.0);
        const QImage moved = timeline.grab().toImage();
        QVERIFY(moved != start);
        const int x = timeline.xAt(2.0);
        QVERIFY(sample(moved, QPoint(x, timeline.trackRect().center().y()), 0).red() > 150);
        timeline.setCurrentScene(1);
        QVERIFY(timeline.grab().toImage() != moved);
    }

    void timeFormat_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << QStringLiteral("00:00.0");
        QTest::newRow("tenths") << 12.34 << QStringLiteral("00:12.3");
        QTest::newRow("rounds up a minute") << 59.96 << QStringLiteral("01:00.0");
        QTest::newRow("minutes") << 125.25 << QStringLiteral("02:05.3");
        QTest::newRow("hours") << 10800.0 << QStringLiteral("180:00.0");
    }

    void timeFormat()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(TimelineWidget::formatTime(seconds), text);
    }

    void panelWiresTimelineToPreview()
    {
        PreviewPanel panel;
        panel.resize(400, 800);
        panel.show();
        panel.setProject(project(
            {scene(QStringLiteral("red.png"), 1.0), scene(QStringLiteral("green.png"), 3.0)},
            m_blue));
        QCOMPARE(panel.timeline()->duration(), 4.0);
        QCOMPARE(panel.preview()->duration(), 4.0);
        const QRect track = panel.timeline()->trackRect();
        QTest::mouseClick(panel.timeline(), Qt::LeftButton, {},
                          QPoint(track.left() + track.width() / 2, track.center().y()));
        QVERIFY(std::abs(panel.preview()->position() - 2.0) < 0.05);
        QCOMPARE(panel.preview()->currentScene(), 1);
        QCOMPARE(panel.timeline()->currentScene(), 1);
        panel.safeZonesButton()->click();
        QVERIFY(panel.preview()->safeZonesVisible());
        panel.playButton()->click();
        QVERIFY(panel.preview()->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(panel.timeline()->position() > 2.1, kWait);
        panel.playButton()->click();
        QVERIFY(!panel.preview()->isPlaying());
    }
};

QTEST_MAIN(TestPreview)
#include "tst_preview.moc"
