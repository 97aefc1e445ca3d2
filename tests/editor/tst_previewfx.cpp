// The preview shows transitions and clip scenes as the export will: pixels
// sampled in the preview widget's grab against the expected colours and
// edges, and against the exported frame at the same time.

#include "TestMedia.h"
#include "preview/PreviewWidget.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace reelsmith;
using namespace reelsmith::editor;
using namespace testmedia;

namespace {

constexpr int kWidth = 180;
constexpr int kHeight = 320;
constexpr int kFps = 24;
// The widget is twice the output: the frame fills it, 2 preview px an output px.
const QSize kWidgetSize(2 * kWidth, 2 * kHeight);
const QColor kRed(220, 30, 30);
const QColor kBlue(30, 40, 220);
const QColor kGreen(30, 200, 40);
const QColor kYellow(230, 220, 30);
// Pictures and clips go through 4:2:0 YUV in the export and the clip reader.
constexpr int kTolerance = 24;
constexpr int kWait = 10000;

QColor mix(QColor a, QColor b, double t)
{
    return QColor(int(std::lround(a.red() * (1 - t) + b.red() * t)),
                  int(std::lround(a.green() * (1 - t) + b.green() * t)),
                  int(std::lround(a.blue() * (1 - t) + b.blue() * t)));
}

// The middle of output frame `frame`: the clock shows frame floor(t * fps).
double timeOf(int frame)
{
    return (frame + 0.5) / kFps;
}

QPoint at(const QRect &frame, double fx, double fy)
{
    return QPoint(frame.x() + int(fx * frame.width()), frame.y() + int(fy * frame.height()));
}

double distance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
           std::abs(a.blue() - b.blue());
}

// Where, as a fraction of the line from `from` to `to` (fractions of the
// frame), the colour turns from nearer `first` to nearer `second`; -1 when
// it never does.
double edgeAlong(const QImage &image, const QRect &frame, QPointF from, QPointF to, QColor first,
                 QColor second)
{
    const int steps = int(std::max(std::abs(to.x() - from.x()) * frame.width(),
                                   std::abs(to.y() - from.y()) * frame.height()));
    for (int i = 0; i <= steps; ++i) {
        const double f = double(i) / steps;
        const QPointF p = from + (to - from) * f;
        const QColor c = image.pixelColor(at(frame, p.x(), p.y()));
        if (distance(c, second) < distance(c, first))
            return f;
    }
    return -1;
}

QString describeAt(const QString &what, double value, double expected)
{
    return QStringLiteral("%1: %2, expected %3").arg(what).arg(value).arg(expected);
}

} // namespace

class TestPreviewFx : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Project project(const QList<Scene> &scenes) const
    {
        Project p;
        p.background = QStringLiteral("green.mp4");
        p.baseDir = m_dir.path();
        p.scenes = scenes;
        p.output.width = kWidth;
        p.output.height = kHeight;
        p.output.fps = kFps;
        p.output.crf = 10;
        return p;
    }

    static Scene scene(const QString &media, double seconds, Layout layout = Layout::Fill)
    {
        Scene s;
        s.media = media;
        s.duration = seconds;
        s.layout = layout;
        return s;
    }

    // Red then blue, 2 s each, filling the frame; the first gives way to
    // the second by `type` over 1 s: frames 37..59, the boundary at 48.
    Project redThenBlue(TransitionType type) const
    {
        Scene red = scene(QStringLiteral("red.png"), 2.0);
        red.transition.type = type;
        red.transition.duration = 1.0;
        return project({red, scene(QStringLiteral("blue.png"), 2.0)});
    }

    QString exported(const Project &p, const QString &name)
    {
        const QString out = m_dir.filePath(name);
        RenderJob(p, out).run();
        return out;
    }

    // Shows `p` and waits until the background and every scene's picture are
    // there (each scene seen once outside any transition).
    void show(PreviewWidget &preview, const Project &p, const QList<double> &solidTimes,
              const QList<QColor> &solidColours)
    {
        preview.resize(kWidgetSize);
        preview.show();
        preview.setProject(p);
        QTRY_VERIFY_WITH_TIMEOUT(preview.hasBackgroundFrame(), kWait);
        for (qsizetype i = 0; i < solidTimes.size(); ++i) {
            preview.seek(solidTimes[i]);
            QTRY_VERIFY2_WITH_TIMEOUT(
                near(colourAt(preview, 0.5, 0.5), solidColours[i], kTolerance),
                qPrintable(describe(colourAt(preview, 0.5, 0.5))), kWait);
        }
    }

    // Frame `frame` of redThenBlue(type): its progress through the 1 s
    // transition, the exported frame, and the preview's grab at its time.
    struct TransitionFrame
    {
        double progress = 0;
        QImage exported;
        QImage grabbed;
        QRect frameRect; // where the preview paints the frame in `grabbed`
    };
    void showTransitionFrame(TransitionType type, int frame, TransitionFrame *shown)
    {
        shown->progress = double(frame - 48) / 24 + 0.5;
        const Project p = redThenBlue(type);
        const QString out =
            exported(p, QStringLiteral("%1-%2.mp4").arg(transitionTypeName(type)).arg(frame));
        shown->exported = frames(out, {frame}).value(0);
        QVERIFY(!shown->exported.isNull());

        PreviewWidget preview;
        show(preview, p, {0.5, 3.5}, {kRed, kBlue});
        preview.seek(timeOf(frame));
        QVERIFY(preview.transitionShown().has_value());
        shown->grabbed = preview.grab().toImage();
        shown->frameRect = preview.frameRect();
    }

    // Shows `p` at output frame `frame`, once the clip's frame for it is there.
    void showClipFrame(PreviewWidget &preview, const Project &p, int frame)
    {
        preview.resize(kWidgetSize);
        preview.show();
        preview.setProject(p);
        QTRY_VERIFY_WITH_TIMEOUT(preview.hasBackgroundFrame(), kWait);
        preview.seek(timeOf(frame));
        QTRY_VERIFY_WITH_TIMEOUT(preview.clip().isCurrent(), kWait);
        QVERIFY2(preview.clip().problem().isEmpty(), qPrintable(preview.clip().problem()));
    }

    // At each point (fractions of the frame), the preview shows the colour
    // expected and the export's, within the tolerance.
    static void expectColours(const QImage &grabbed, const QRect &frameRect,
                              const QImage &exportedFrame,
                              const QList<std::pair<QPointF, QColor>> &points)
    {
        for (const auto &[f, want] : points) {
            const QColor shown = sample(grabbed, at(frameRect, f.x(), f.y()), 2);
            const QColor inExport = sample(
                exportedFrame,
                QPoint(int(f.x() * exportedFrame.width()), int(f.y() * exportedFrame.height())), 1);
            const QString where = QStringLiteral("at %1,%2: preview %3, export %4, expected %5")
                                      .arg(f.x())
                                      .arg(f.y())
                                      .arg(describe(shown), describe(inExport), describe(want));
            QVERIFY2(near(shown, want, kTolerance), qPrintable(where));
            QVERIFY2(near(shown, inExport, kTolerance), qPrintable(where));
        }
    }

    static QColor colourAt(PreviewWidget &preview, double fx, double fy)
    {
        return sample(preview.grab().toImage(), at(preview.frameRect(), fx, fy), 2);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeVideo(m_dir.filePath(QStringLiteral("green.mp4")),
                   colorCycle({96, 160}, kFps, 48, {kGreen}));
        writeImage(m_dir.filePath(QStringLiteral("red.png")), solid({kWidth, kHeight}, kRed),
                   "png");
        writeImage(m_dir.filePath(QStringLiteral("blue.png")), solid({kWidth, kHeight}, kBlue),
                   "png");
        // Three seconds, a colour each: the colour tells the clip's time.
        VideoSpec clip;
        clip.size = {120, 120};
        clip.fps = kFps;
        clip.frames = 3 * kFps;
        clip.paint = [](QPainter &p, int, double seconds) {
            const QColor colours[] = {kRed, kBlue, kYellow};
            p.fillRect(p.window(), colours[std::clamp(int(seconds), 0, 2)]);
        };
        writeVideo(m_dir.filePath(QStringLiteral("clock.mp4")), clip);
    }

    void mixingTransitionsMixTheScenes_data()
    {
        QTest::addColumn<TransitionType>("type");
        QTest::addColumn<int>("frame");
        // progress = (frame - 48) / 24 + 0.5
        QTest::newRow("crossfade 1/4") << TransitionType::Crossfade << 42;
        QTest::newRow("crossfade 1/2") << TransitionType::Crossfade << 48;
        QTest::newRow("crossfade 3/4") << TransitionType::Crossfade << 54;
        QTest::newRow("zoom 1/3") << TransitionType::Zoom << 44;
        QTest::newRow("zoom 2/3") << TransitionType::Zoom << 52;
    }

    void mixingTransitionsMixTheScenes()
    {
        QFETCH(TransitionType, type);
        QFETCH(int, frame);
        TransitionFrame shownFrame;
        showTransitionFrame(type, frame, &shownFrame);
        if (QTest::currentTestFailed())
            return;
        const auto &[progress, exportedFrame, grabbed, frameRect] = shownFrame;
        const QColor expected = mix(kRed, kBlue, progress);
        // The middle, and a point off-centre that the zoom's shrunken
        // incoming picture still covers.
        expectColours(grabbed, frameRect, exportedFrame,
                      {{QPointF(0.5, 0.5), expected}, {QPointF(0.3, 0.35), expected}});
    }

    void movingEdgesAreWhereTheTimeSays_data()
    {
        QTest::addColumn<TransitionType>("type");
        QTest::addColumn<int>("frame");
        QTest::newRow("slide_left 1/4") << TransitionType::SlideLeft << 42;
        QTest::newRow("slide_left 2/3") << TransitionType::SlideLeft << 52;
        QTest::newRow("slide_up 1/3") << TransitionType::SlideUp << 44;
        QTest::newRow("slide_up 3/4") << TransitionType::SlideUp << 54;
        QTest::newRow("wipe 1/4") << TransitionType::Wipe << 42;
        QTest::newRow("wipe 2/3") << TransitionType::Wipe << 52;
    }

    void movingEdgesAreWhereTheTimeSays()
    {
        QFETCH(TransitionType, type);
        QFETCH(int, frame);
        TransitionFrame shownFrame;
        showTransitionFrame(type, frame, &shownFrame);
        if (QTest::currentTestFailed())
            return;
        const auto &[progress, exportedFrame, grabbed, frameRect] = shownFrame;

        // Slides: the outgoing (red) scene leaves by the left or the top and
        // the incoming (blue) one follows it, their edge at 1 - progress.
        // The wipe: blue uncovered from the left, its edge at progress.
        QPointF from(0, 0.5), to(1, 0.5);
        QColor first = kRed, second = kBlue;
        double expected = 1 - progress;
        if (type == TransitionType::SlideUp) {
            from = QPointF(0.5, 0);
            to = QPointF(0.5, 1);
        } else if (type == TransitionType::Wipe) {
            std::swap(first, second);
            expected = progress;
        }
        const double inPreview = edgeAlong(grabbed, frameRect, from, to, first, second);
        const double inExport =
            edgeAlong(exportedFrame, exportedFrame.rect(), from, to, first, second);
        const QString where = QStringLiteral("preview %1, export %2, expected %3")
                                  .arg(inPreview)
                                  .arg(inExport)
                                  .arg(expected);
        // Two output pixels of the frame's width (180) or height (320).
        const double pixel = type == TransitionType::SlideUp ? 1.0 / kHeight : 1.0 / kWidth;
        QVERIFY2(std::abs(inPreview - expected) <= 2 * pixel, qPrintable(where));
        QVERIFY2(std::abs(inPreview - inExport) <= 2 * pixel, qPrintable(where));
    }

    void noTransitionOutsideItsWindow()
    {
        // Frames 36 and 60 are outside the 1 s crossfade: one scene each.
        const Project p = redThenBlue(TransitionType::Crossfade);
        PreviewWidget preview;
        show(preview, p, {0.5, 3.5}, {kRed, kBlue});
        preview.seek(timeOf(36));
        QVERIFY(!preview.transitionShown());
        QVERIFY(near(colourAt(preview, 0.5, 0.5), kRed, kTolerance));
        preview.seek(timeOf(60));
        QVERIFY(!preview.transitionShown());
        QVERIFY(near(colourAt(preview, 0.5, 0.5), kBlue, kTolerance));
    }

    void clipSceneShowsTheFrameForItsTime_data()
    {
        QTest::addColumn<ClipFit>("fit");
        QTest::addColumn<double>("sceneSeconds");
        QTest::addColumn<QColor>("expected");
        // clip.start 1 s into a 3 s clip (red, blue, yellow a second each):
        // the scene's first second is blue, its second yellow; then the clip
        // starts over from clip.start (blue) or holds its last frame (yellow).
        QTest::newRow("start") << ClipFit::Loop << 0.3 << kBlue;
        QTest::newRow("elapsed") << ClipFit::Loop << 1.4 << kYellow;
        QTest::newRow("looped") << ClipFit::Loop << 2.5 << kBlue;
        QTest::newRow("looped again") << ClipFit::Loop << 3.6 << kYellow;
        QTest::newRow("frozen") << ClipFit::Freeze << 2.5 << kYellow;
        QTest::newRow("still frozen") << ClipFit::Freeze << 3.6 << kYellow;
    }

    void clipSceneShowsTheFrameForItsTime()
    {
        QFETCH(ClipFit, fit);
        QFETCH(double, sceneSeconds);
        QFETCH(QColor, expected);
        // A picture scene first, so the clip's scene starts at 1 s; the clip
        // is square, centred in its box, with the background above and below.
        Scene clip = scene(QStringLiteral("clock.mp4"), 4.0, Layout::Center);
        ClipSettings settings;
        settings.start = 1.0;
        settings.fit = fit;
        clip.clip = settings;
        const Project p = project({scene(QStringLiteral("red.png"), 1.0), clip});
        const int frame = kFps + int(std::floor(sceneSeconds * kFps));
        const QString out = exported(
            p, QStringLiteral("clip-%1-%2.mp4").arg(clipFitName(fit)).arg(int(sceneSeconds * 10)));
        const QImage exportedFrame = frames(out, {frame}).value(0);
        QVERIFY(!exportedFrame.isNull());

        PreviewWidget preview;
        showClipFrame(preview, p, frame);
        if (QTest::currentTestFailed())
            return;
        const QImage grabbed = preview.grab().toImage();
        // The clip in the middle, the background where the box leaves it.
        expectColours(grabbed, preview.frameRect(), exportedFrame,
                      {{QPointF(0.5, 0.5), expected}, {QPointF(0.5, 0.1), kGreen}});
        if (QTest::currentTestFailed())
            return;
        // The clip's edges where the export puts them: its top edge.
        const double inPreview = edgeAlong(grabbed, preview.frameRect(), QPointF(0.5, 0.1),
                                           QPointF(0.5, 0.5), kGreen, expected);
        const double inExport = edgeAlong(exportedFrame, exportedFrame.rect(), QPointF(0.5, 0.1),
                                          QPointF(0.5, 0.5), kGreen, expected);
        QVERIFY2(inPreview > 0 && std::abs(inPreview - inExport) * 0.4 <= 2.0 / kHeight,
                 qPrintable(describeAt(QStringLiteral("top edge"), inPreview, inExport)));
    }

    // A clip with alpha (VP9 in WebM) over the background: opaque where it
    // is opaque, the background where it is clear, half and half where it
    // is half clear, in the preview as in the export.
    void alphaClipShowsTheBackgroundThroughIt()
    {
        VideoSpec spec;
        spec.size = {kWidth, kHeight};
        spec.fps = kFps;
        spec.frames = kFps;
        spec.alpha = true;
        spec.encoder = "libvpx-vp9";
        spec.paint = [](QPainter &painter, int, double) {
            painter.setCompositionMode(QPainter::CompositionMode_Source);
            painter.fillRect(0, 0, kWidth / 2, kHeight / 2, kRed);
            painter.fillRect(kWidth / 2, 0, kWidth / 2, kHeight / 2, Qt::transparent);
            painter.fillRect(0, kHeight / 2, kWidth, kHeight / 2,
                             QColor(kBlue.red(), kBlue.green(), kBlue.blue(), 128));
        };
        writeVideo(m_dir.filePath(QStringLiteral("alpha.webm")), spec);
        const Project p = project({scene(QStringLiteral("alpha.webm"), 1.0)});
        const int frame = 12;
        const QImage exportedFrame =
            frames(exported(p, QStringLiteral("alpha.mp4")), {frame}).value(0);
        QVERIFY(!exportedFrame.isNull());

        PreviewWidget preview;
        showClipFrame(preview, p, frame);
        if (QTest::currentTestFailed())
            return;
        const QImage grabbed = preview.grab().toImage();
        expectColours(grabbed, preview.frameRect(), exportedFrame,
                      {{QPointF(0.25, 0.25), kRed},
                       {QPointF(0.75, 0.25), kGreen},
                       {QPointF(0.5, 0.75), mix(kGreen, kBlue, 128.0 / 255)}});
    }

    void clipFollowsThePlayingClock()
    {
        Scene clip = scene(QStringLiteral("clock.mp4"), 3.0, Layout::Fill);
        const Project p = project({clip});
        PreviewWidget preview;
        preview.resize(kWidgetSize);
        preview.show();
        preview.setProject(p);
        QTRY_VERIFY_WITH_TIMEOUT(preview.hasBackgroundFrame(), kWait);
        preview.seek(0.9);
        QTRY_VERIFY_WITH_TIMEOUT(preview.clip().isCurrent(), kWait);
        QVERIFY(near(colourAt(preview, 0.5, 0.5), kRed, kTolerance));
        // Played on, the clip's second second (blue) comes with the clock.
        preview.play();
        QTRY_VERIFY_WITH_TIMEOUT(preview.position() > 1.3, kWait);
        preview.pause();
        const double t = preview.position();
        QVERIFY(t > 1.0 && t < 2.0);
        QTRY_VERIFY_WITH_TIMEOUT(preview.clip().isCurrent(), kWait);
        QVERIFY2(near(colourAt(preview, 0.5, 0.5), kBlue, kTolerance),
                 qPrintable(describe(colourAt(preview, 0.5, 0.5))));
    }

    void unreadableClipIsNamedInThePreview()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.mp4"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // A real clip's head, cut short: it probes as a video but has no frame.
        QFile good(m_dir.filePath(QStringLiteral("clock.mp4")));
        QVERIFY(good.open(QIODevice::ReadOnly));
        file.write(good.read(700));
        file.close();
        const Project p = project({scene(QStringLiteral("broken.mp4"), 2.0, Layout::Center)});
        PreviewWidget preview;
        preview.resize(kWidgetSize);
        preview.show();
        preview.setProject(p);
        preview.seek(0.5);
        QTRY_VERIFY_WITH_TIMEOUT(
            !preview.clip().problem().isEmpty() || !preview.clip().clip().isEmpty(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.clip().problem().isEmpty(), kWait);
        QVERIFY2(preview.clip().problem().contains(QStringLiteral("broken.mp4")),
                 qPrintable(preview.clip().problem()));
    }
};

QTEST_MAIN(TestPreviewFx)
#include "tst_previewfx.moc"
