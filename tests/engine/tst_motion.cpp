// scenes[].motion: read and checked by name, and rendered so that the
// picture glides (measured on the frames of the MP4, to a fraction of a
// pixel) from where it starts to where it ends.

#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace reelsmith;
using namespace testmedia;

namespace {

// Output 360x640 at 24 fps: the `center` box is 324x352, where the 100x200
// picture rests at 176x352, centred at (180, 320).
constexpr int kWidth = 360;
constexpr int kHeight = 640;
constexpr int kFps = 24;
constexpr double kRestWidth = 176;

struct Measure
{
    double width = 0;   // picture's width along the middle rows, px (coverage-weighted)
    double centreX = 0; // and its centre
    double height = 0;  // along the middle columns
    double centreY = 0;
};

// Coverage of a grey level between the black background and the white picture.
double coverage(int grey, double black, double white)
{
    return std::clamp((grey - black) / (white - black), 0.0, 1.0);
}

Measure measure(const QImage &grey)
{
    const double black = grey.constScanLine(4)[4];
    const double white = grey.constScanLine(kHeight / 2)[kWidth / 2];
    Measure m;
    double sum = 0, moment = 0;
    const int band = 8; // rows (or columns) averaged about the middle
    for (int y = kHeight / 2 - band; y < kHeight / 2 + band; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const double c = coverage(grey.constScanLine(y)[x], black, white);
            sum += c;
            moment += c * (x + 0.5);
        }
    m.width = sum / (2 * band);
    m.centreX = moment / sum;
    sum = moment = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = kWidth / 2 - band; x < kWidth / 2 + band; ++x) {
            const double c = coverage(grey.constScanLine(y)[x], black, white);
            sum += c;
            moment += c * (y + 0.5);
        }
    m.height = sum / (2 * band);
    m.centreY = moment / sum;
    return m;
}

QJsonObject projectJson(const QJsonObject &scene)
{
    return QJsonObject{{"format", "reelsmith-project"},
                       {"version", 2},
                       {"background", "black.mp4"},
                       {"output", QJsonObject{{"width", kWidth},
                                              {"height", kHeight},
                                              {"fps", kFps},
                                              {"crf", 8},
                                              {"preset", "ultrafast"}}},
                       {"scenes", QJsonArray{scene}}};
}

} // namespace

class MotionTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    Project load(const QJsonObject &root, const QString &name)
    {
        const QString file = path(name);
        if (!writeJson(file, root))
            return {};
        return Project::load(file);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        writeVideo(path("black.mp4"), colorCycle({96, 160}, kFps, kFps, {Qt::black}));
        writeImage(path("white.png"), solid({100, 200}, Qt::white), "PNG");
    }

    void readsAndSavesEveryMotion_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("motion");
        QTest::newRow("none") << "none" << int(Motion::None);
        QTest::newRow("zoom_in") << "zoom_in" << int(Motion::ZoomIn);
        QTest::newRow("zoom_out") << "zoom_out" << int(Motion::ZoomOut);
        QTest::newRow("pan_left") << "pan_left" << int(Motion::PanLeft);
        QTest::newRow("pan_right") << "pan_right" << int(Motion::PanRight);
        QTest::newRow("pan_up") << "pan_up" << int(Motion::PanUp);
        QTest::newRow("pan_down") << "pan_down" << int(Motion::PanDown);
    }
    void readsAndSavesEveryMotion()
    {
        QFETCH(QString, name);
        QFETCH(int, motion);
        const Project p =
            load(projectJson({{"media", "white.png"}, {"duration", 1}, {"motion", name}}),
                 QStringLiteral("read-%1.reel.json").arg(name));
        QCOMPARE(int(p.scenes[0].motion), motion);
        const Project again = Project::fromJson(p.toJson(), QStringLiteral("again"), m_dir.path());
        QCOMPARE(int(again.scenes[0].motion), motion);
        // "none" is the default and not written.
        QCOMPARE(QJsonDocument::fromJson(p.toJson())["scenes"][0].toObject().contains("motion"),
                 name != QLatin1String("none"));
    }

    void refusesBadMotionNamingTheKey_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown name") << QJsonValue("zoom") << "must be one of";
        QTest::newRow("upper case") << QJsonValue("Zoom_In") << "must be one of";
        QTest::newRow("a number") << QJsonValue(1) << "must be a string";
        QTest::newRow("an object")
            << QJsonValue(QJsonObject{{"type", "zoom_in"}}) << "must be a string";
    }
    void refusesBadMotionNamingTheKey()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, problem);
        const QJsonObject root =
            projectJson({{"media", "white.png"}, {"duration", 1}, {"motion", value}});
        try {
            load(root, QStringLiteral("bad.reel.json"));
            QFAIL("a bad motion was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(QLatin1String("bad.reel.json: scenes[0].motion: ")),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(problem), qPrintable(e.message()));
        }
    }

    // The measured picture moves every frame by less than a pixel (the
    // motion asks for at most ~0.8 px a frame here), always the same way,
    // from the rest place to the end place the format documents.
    void glidesSmoothlyFromStartToEnd_data()
    {
        QTest::addColumn<QString>("motion");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("quantity"); // what moves
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("end");
        // Zoom: 176 px wide at rest, 115 % at the most.
        QTest::newRow("zoom_in") << "zoom_in" << 3.0 << "width" << kRestWidth << kRestWidth * 1.15;
        QTest::newRow("zoom_out") << "zoom_out" << 3.0 << "width" << kRestWidth * 1.15
                                  << kRestWidth;
        // Pans: 10 % of the frame, from 5 % before the rest place to 5 % past it.
        QTest::newRow("pan_left") << "pan_left" << 3.0 << "x" << 180.0 + 18 << 180.0 - 18;
        QTest::newRow("pan_right") << "pan_right" << 3.0 << "x" << 180.0 - 18 << 180.0 + 18;
        QTest::newRow("pan_up") << "pan_up" << 5.0 << "y" << 320.0 + 32 << 320.0 - 32;
        QTest::newRow("pan_down") << "pan_down" << 5.0 << "y" << 320.0 - 32 << 320.0 + 32;
    }
    void glidesSmoothlyFromStartToEnd()
    {
        QFETCH(QString, motion);
        QFETCH(double, seconds);
        QFETCH(QString, quantity);
        QFETCH(double, start);
        QFETCH(double, end);
        const Project p =
            load(projectJson({{"media", "white.png"}, {"duration", seconds}, {"motion", motion}}),
                 motion + QStringLiteral(".reel.json"));
        const QString out = path(motion + QStringLiteral(".mp4"));
        RenderResult result;
        try {
            result = RenderJob(p, out).run();
        } catch (const Error &e) {
            QFAIL(qPrintable(e.message()));
        }
        const int frameCount = int(std::lround(seconds * kFps));
        QCOMPARE(result.frames, frameCount);
        const QList<QImage> shown = grayFrames(out, {kWidth, kHeight});
        QCOMPARE(shown.size(), frameCount);

        QList<double> values;
        for (const QImage &frame : shown) {
            const Measure m = measure(frame);
            values << (quantity == QLatin1String("width") ? m.width
                       : quantity == QLatin1String("x")   ? m.centreX
                                                          : m.centreY);
        }
        const double tolerance = 0.75;
        QVERIFY2(std::abs(values.first() - start) < tolerance,
                 qPrintable(QStringLiteral("starts at %1, not %2").arg(values.first()).arg(start)));
        QVERIFY2(std::abs(values.last() - end) < tolerance,
                 qPrintable(QStringLiteral("ends at %1, not %2").arg(values.last()).arg(end)));
        const double direction = end > start ? 1 : -1;
        for (int i = 1; i < values.size(); ++i) {
            const double step = (values[i] - values[i - 1]) * direction;
            // Encoding noise moves an edge by a few hundredths of a pixel.
            QVERIFY2(step > -0.15,
                     qPrintable(QStringLiteral("frame %1 goes back by %2 px").arg(i).arg(-step)));
            QVERIFY2(step < 1.0, qPrintable(QStringLiteral("frame %1 jumps by %2 px (a whole-pixel "
                                                           "step)")
                                                .arg(i)
                                                .arg(step)));
        }
        // It moves all along, not in a few late jumps: the middle frame is
        // half-way (the ease is symmetric).
        const double middle = values[values.size() / 2];
        QVERIFY2(std::abs(middle - (start + end) / 2) < std::abs(end - start) * 0.1,
                 qPrintable(QStringLiteral("middle frame at %1").arg(middle)));
    }

    // A picture without motion stays put: the measure itself does not drift.
    void stillPictureStaysPut()
    {
        const Project p =
            load(projectJson({{"media", "white.png"}, {"duration", 1.0}}), "still.reel.json");
        try {
            RenderJob(p, path("still.mp4")).run();
        } catch (const Error &e) {
            QFAIL(qPrintable(e.message()));
        }
        const QList<QImage> shown = grayFrames(path("still.mp4"), {kWidth, kHeight});
        QVERIFY(!shown.isEmpty());
        const Measure first = measure(shown.first());
        const Measure last = measure(shown.last());
        QVERIFY2(std::abs(first.width - kRestWidth) < 0.75,
                 qPrintable(QString::number(first.width)));
        QVERIFY(std::abs(first.centreX - last.centreX) < 0.1);
        QVERIFY(std::abs(first.width - last.width) < 0.1);
    }
};

QTEST_MAIN(MotionTest)
#include "tst_motion.moc"
