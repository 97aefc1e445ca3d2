// scenes[].transition: read and checked by key, and rendered: colours
// sampled in a crossfade are the mix, slides and wipes put their edge where
// the time says, everything over the one continuous background (a `fill`
// clip as a whole frame, its video in its layer), and neither
// the scene times nor the frame count move.

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

constexpr int kWidth = 180;
constexpr int kHeight = 320;
constexpr int kFps = 24;
const QColor kRed(220, 30, 30);
const QColor kBlue(30, 40, 220);
const QColor kGreen(30, 200, 40);

QColor mix(QColor a, QColor b, double t)
{
    return QColor(int(std::lround(a.red() * (1 - t) + b.red() * t)),
                  int(std::lround(a.green() * (1 - t) + b.green() * t)),
                  int(std::lround(a.blue() * (1 - t) + b.blue() * t)));
}

QJsonObject projectJson(const QJsonArray &scenes)
{
    return QJsonObject{{"format", "reelsmith-project"},
                       {"version", 2},
                       {"background", "green.mp4"},
                       {"output", QJsonObject{{"width", kWidth},
                                              {"height", kHeight},
                                              {"fps", kFps},
                                              {"crf", 10},
                                              {"preset", "ultrafast"}}},
                       {"scenes", scenes}};
}

QJsonObject transition(const QString &type, double seconds)
{
    return {{"type", type}, {"duration", seconds}};
}

// Two 2 s scenes, red then blue, filling the frame; the first gives way to
// the second by `type` over 1 s: frames 37..59 are the transition, frame 48
// (the boundary) its middle.
QJsonObject redThenBlue(const QString &type, const QString &layout = QStringLiteral("fill"))
{
    return projectJson(
        QJsonArray{QJsonObject{{"media", "red.png"},
                               {"duration", 2},
                               {"layout", layout},
                               {"transition", transition(type, 1.0)}},
                   QJsonObject{{"media", "blue.png"}, {"duration", 2}, {"layout", layout}}});
}

// The same with the scenes' media given: pictures or clips.
QJsonObject twoFillScenes(const QString &first, const QString &second, const QString &type)
{
    return projectJson(
        QJsonArray{QJsonObject{{"media", first},
                               {"duration", 2},
                               {"layout", "fill"},
                               {"transition", transition(type, 1.0)}},
                   QJsonObject{{"media", second}, {"duration", 2}, {"layout", "fill"}}});
}

// progress of frame i of redThenBlue(): 0.5 at the boundary, over 24 frames.
double progressAt(int frame)
{
    return double(frame - 48) / 24 + 0.5;
}

} // namespace

class TransitionsTest : public QObject
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

    // Renders `root` as `name`.mp4 and returns the frames asked for.
    QList<QImage> render(const QJsonObject &root, const QString &name, const QList<int> &indexes,
                         qint64 *frameCount = nullptr)
    {
        const Project p = load(root, name + QStringLiteral(".reel.json"));
        const RenderResult result = RenderJob(p, path(name + QStringLiteral(".mp4"))).run();
        if (frameCount)
            *frameCount = result.frames;
        return frames(path(name + QStringLiteral(".mp4")), indexes);
    }

    static void expectColour(const QImage &frame, QPoint at, QColor expected, const char *what,
                             int tolerance = 14)
    {
        const QColor got = sample(frame, at, 2);
        QVERIFY2(near(got, expected, tolerance),
                 qPrintable(QStringLiteral("%1 at (%2, %3): %4, expected %5")
                                .arg(QLatin1String(what))
                                .arg(at.x())
                                .arg(at.y())
                                .arg(describe(got), describe(expected))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        writeVideo(path("green.mp4"), colorCycle({96, 160}, kFps, kFps, {kGreen}));
        writeImage(path("red.png"), solid({90, 160}, kRed), "PNG");
        writeImage(path("blue.png"), solid({90, 160}, kBlue), "PNG");
        writeImage(path("wide-red.png"), solid({400, 100}, kRed), "PNG");
        writeImage(path("tall-blue.png"), solid({100, 400}, kBlue), "PNG");
        // A 3 s blue clip: it outlasts its scene, so it has frames on both
        // sides of a transition.
        writeVideo(path("blue.mp4"), colorCycle({90, 160}, kFps, 3 * kFps, {kBlue}));
    }

    void readsChecksAndSaves()
    {
        const Project p = load(redThenBlue(QStringLiteral("slide_up")), "read.reel.json");
        QCOMPARE(p.scenes[0].transition.type, TransitionType::SlideUp);
        QCOMPARE(p.scenes[0].transition.duration, 1.0);
        QCOMPARE(p.scenes[1].transition.type, TransitionType::Cut);
        const Project again = Project::fromJson(p.toJson(), QStringLiteral("again"), m_dir.path());
        QCOMPARE(again.scenes, p.scenes);
        // A cut is the default and is not written.
        QVERIFY(
            !QJsonDocument::fromJson(p.toJson())["scenes"][1].toObject().contains("transition"));
        // The duration defaults to half a second.
        QJsonObject root = redThenBlue(QStringLiteral("wipe"));
        QJsonArray scenes = root["scenes"].toArray();
        QJsonObject first = scenes[0].toObject();
        first["transition"] = QJsonObject{{"type", "wipe"}};
        scenes[0] = first;
        root["scenes"] = scenes;
        QCOMPARE(load(root, "default.reel.json").scenes[0].transition.duration, 0.5);
    }

    void refusesBadValuesNamingTheKey_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown type")
            << QJsonValue(transition("fade", 1)) << "scenes[0].transition.type"
            << "must be one of \"cut\", \"crossfade\"";
        QTest::newRow("no type") << QJsonValue(QJsonObject{{"duration", 1}})
                                 << "scenes[0].transition.type"
                                 << "required";
        QTest::newRow("too long") << QJsonValue(transition("crossfade", 2.5))
                                  << "scenes[0].transition.duration"
                                  << "must be 0.1 to 2, not 2.5";
        QTest::newRow("too short")
            << QJsonValue(transition("wipe", 0.05)) << "scenes[0].transition.duration"
            << "must be 0.1 to 2, not 0.05";
        QTest::newRow("duration text")
            << QJsonValue(QJsonObject{{"type", "zoom"}, {"duration", "long"}})
            << "scenes[0].transition.duration"
            << "must be a number";
        QTest::newRow("a bare name") << QJsonValue("crossfade") << "scenes[0].transition"
                                     << "must be an object";
        QTest::newRow("unknown key") << QJsonValue(QJsonObject{{"type", "zoom"}, {"speed", 2}})
                                     << "scenes[0].transition.speed"
                                     << "unknown key";
    }
    void refusesBadValuesNamingTheKey()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, key);
        QFETCH(QString, problem);
        QJsonObject root = redThenBlue(QStringLiteral("cut"));
        QJsonArray scenes = root["scenes"].toArray();
        QJsonObject first = scenes[0].toObject();
        first["transition"] = value;
        scenes[0] = first;
        root["scenes"] = scenes;
        try {
            load(root, QStringLiteral("bad.reel.json"));
            QFAIL("a bad transition was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(QStringLiteral("bad.reel.json: %1: ").arg(key)),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(problem), qPrintable(e.message()));
        }
    }

    // Red gives way to blue: the frames before and after the transition are
    // the scenes alone (times unchanged), and in between the two are mixed
    // by the time.
    void crossfadeMixesByTime()
    {
        qint64 count = 0;
        const QList<QImage> f = render(redThenBlue(QStringLiteral("crossfade")), "crossfade",
                                       {36, 42, 48, 54, 60}, &count);
        QCOMPARE(count, 96);
        QCOMPARE(f.size(), 5);
        const QPoint centre(kWidth / 2, kHeight / 2);
        expectColour(f[0], centre, kRed, "before");
        expectColour(f[1], centre, mix(kRed, kBlue, progressAt(42)), "a quarter in");
        expectColour(f[2], centre, mix(kRed, kBlue, 0.5), "the boundary");
        expectColour(f[3], centre, mix(kRed, kBlue, progressAt(54)), "three quarters in");
        expectColour(f[4], centre, kBlue, "after");
    }

    // Pictures that do not fill the frame fade over the one background: where
    // only one of them is, it is mixed with the background.
    void crossfadeKeepsTheBackground()
    {
        QJsonObject root =
            projectJson(QJsonArray{QJsonObject{{"media", "wide-red.png"},
                                               {"duration", 2},
                                               {"transition", transition("crossfade", 1.0)}},
                                   QJsonObject{{"media", "tall-blue.png"}, {"duration", 2}}});
        const QList<QImage> f = render(root, "crossfade-centre", {48});
        QCOMPARE(f.size(), 1);
        // The wide picture rests at 162x40 about (90, 160), the tall one at 44x176.
        expectColour(f[0], {20, 160}, mix(kRed, kGreen, 0.5), "the wide picture only");
        expectColour(f[0], {90, 100}, mix(kBlue, kGreen, 0.5), "the tall picture only");
        expectColour(f[0], {90, 160}, mix(kRed, kBlue, 0.5), "both");
        expectColour(f[0], {90, 300}, kGreen, "neither");
    }

    void edgeWhereTheTimeSays_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("frame");
        QTest::addColumn<bool>("vertical");       // the edge is a row (slide_up)
        QTest::addColumn<bool>("blueComesFirst"); // blue is before the edge (left or above)
        for (int frame : {42, 48, 54}) {
            const double t = progressAt(frame);
            // slide_left: blue pushes in from the right, its left edge at (1 - t) x width.
            QTest::addRow("slide_left t=%.2f", t) << "slide_left" << frame << false << false;
            QTest::addRow("slide_up t=%.2f", t) << "slide_up" << frame << true << false;
            // wipe: blue is uncovered from the left, up to t x width.
            QTest::addRow("wipe t=%.2f", t) << "wipe" << frame << false << true;
        }
    }
    void edgeWhereTheTimeSays()
    {
        QFETCH(QString, type);
        QFETCH(int, frame);
        QFETCH(bool, vertical);
        QFETCH(bool, blueComesFirst);
        qint64 count = 0;
        const QList<QImage> f = render(redThenBlue(type), type, {36, frame, 60}, &count);
        QCOMPARE(count, 96);
        QCOMPARE(f.size(), 3);
        const double t = progressAt(frame);
        const double length = vertical ? kHeight : kWidth;
        const int edge = int(std::lround(blueComesFirst ? t * length : (1 - t) * length));
        const auto at = [&](int along) {
            return vertical ? QPoint(kWidth / 2, along) : QPoint(along, kHeight / 2);
        };
        expectColour(f[0], at(edge), kRed, "before the transition");
        expectColour(f[1], at(edge - 6), blueComesFirst ? kBlue : kRed, "before the edge");
        expectColour(f[1], at(edge + 6), blueComesFirst ? kRed : kBlue, "after the edge");
        expectColour(f[2], at(edge), kBlue, "after the transition");
    }

    // The zoom transition: red grows past the frame while blue grows into
    // it, the two mixed; outside blue, red is mixed with the background.
    void zoomMixesGrowingScenes()
    {
        const QList<QImage> f = render(redThenBlue(QStringLiteral("zoom")), "zoom", {48});
        QCOMPARE(f.size(), 1);
        expectColour(f[0], {kWidth / 2, kHeight / 2}, mix(kRed, kBlue, 0.5), "the middle");
        // Blue is at 90 % here: its left edge is at 9 px.
        expectColour(f[0], {3, kHeight / 2}, mix(kRed, kGreen, 0.5), "outside the incoming scene");
    }

    // A `fill` clip transitions as a whole frame, like a filling picture: its
    // video is in its layer on both sides of the boundary (before it, the
    // incoming clip already shows; after it, the outgoing one still does),
    // never the background behind a caption.
    void fillClipTransitionsAsAWholeFrame_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("clipFirst");
        QTest::addColumn<int>("frame");
        for (const char *type : {"crossfade", "slide_left", "wipe"})
            for (int frame : {42, 54}) {
                QTest::addRow("%s into the clip, frame %d", type, frame) << type << false << frame;
                QTest::addRow("%s out of the clip, frame %d", type, frame) << type << true << frame;
            }
    }
    void fillClipTransitionsAsAWholeFrame()
    {
        QFETCH(QString, type);
        QFETCH(bool, clipFirst);
        QFETCH(int, frame);
        const QString clip = QStringLiteral("blue.mp4");
        const QString picture = QStringLiteral("red.png");
        const QColor first = clipFirst ? kBlue : kRed;
        const QColor second = clipFirst ? kRed : kBlue;
        qint64 count = 0;
        const QString name = QStringLiteral("fillclip-%1-%2").arg(type).arg(clipFirst);
        const QList<QImage> f = render(clipFirst ? twoFillScenes(clip, picture, type)
                                                 : twoFillScenes(picture, clip, type),
                                       name, {36, frame, 60}, &count);
        QCOMPARE(count, 96);
        QCOMPARE(f.size(), 3);
        const double t = progressAt(frame);
        const QPoint centre(kWidth / 2, kHeight / 2);
        expectColour(f[0], centre, first, "before the transition");
        expectColour(f[2], centre, second, "after the transition");
        if (type == QLatin1String("crossfade")) {
            expectColour(f[1], centre, mix(first, second, t), "the mix");
            return;
        }
        // slide_left: the second scene's left edge at (1 - t) x width; wipe:
        // the second scene uncovered up to t x width.
        const bool secondLeft = type == QLatin1String("wipe");
        const int edge = int(std::lround(secondLeft ? t * kWidth : (1 - t) * kWidth));
        expectColour(f[1], {edge - 6, kHeight / 2}, secondLeft ? second : first,
                     "left of the edge");
        expectColour(f[1], {edge + 6, kHeight / 2}, secondLeft ? first : second,
                     "right of the edge");
    }

    // A transition longer than its scenes is shortened to fit; nothing moves.
    void shortScenesKeepTheirTimes()
    {
        const QJsonObject root = projectJson(
            QJsonArray{QJsonObject{{"media", "red.png"},
                                   {"duration", 0.5},
                                   {"layout", "fill"},
                                   {"transition", transition("crossfade", 2.0)}},
                       QJsonObject{{"media", "blue.png"}, {"duration", 0.5}, {"layout", "fill"}}});
        qint64 count = 0;
        const QList<QImage> f = render(root, "short", {0, 6, 12, 17, 18, 23}, &count);
        QCOMPARE(count, 24);
        QCOMPARE(f.size(), 6);
        const QPoint centre(kWidth / 2, kHeight / 2);
        expectColour(f[0], centre, kRed, "first frame");
        expectColour(f[1], centre, kRed, "before the shortened transition");
        expectColour(f[2], centre, mix(kRed, kBlue, 0.5), "the boundary");
        expectColour(f[4], centre, kBlue, "after it");
        expectColour(f[5], centre, kBlue, "last frame");
    }
};

QTEST_MAIN(TransitionsTest)
#include "tst_transitions.moc"
