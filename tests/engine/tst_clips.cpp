// Video clips as scenes, end to end: clips made here (colour per second,
// 60 fps, variable frame rate, a sideways phone clip, a tone), projects
// rendered through RenderJob, frames and sound read back from the MP4.

#include "TestAudio.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace reelsmith;
using namespace testaudio;
using namespace testmedia;

namespace {

constexpr int kFps = 24;
const QSize kFrame(180, 320);
const QSize kClipSize(96, 160);
const QList<QColor> kColors = {QColor(220, 30, 30), QColor(30, 200, 40), QColor(30, 40, 220),
                               QColor(230, 210, 20)};
const QColor kLightBackground(200, 200, 200);
const QColor kDarkBackground(60, 60, 60);
// Below colorPerSecond's bars for the first four seconds, inside the frame.
const QPoint kProbe(90, 200);

QString name(const QColor &c)
{
    for (qsizetype i = 0; i < kColors.size(); ++i)
        if (kColors[i] == c)
            return QStringList{"red", "green", "blue", "yellow"}[i];
    return describe(c);
}

} // namespace

class ClipsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &file) const { return m_dir.filePath(file); }

    // A version 2 project at 180x320, 24 fps, over a background whose first
    // second is light grey and second dark grey; no loudness change, so a
    // clip's level can be read off the output.
    static QJsonObject project(const QJsonArray &scenes)
    {
        return QJsonObject{
            {"format", "reelsmith-project"},
            {"version", 2},
            {"background", "bg.mp4"},
            {"loudness_lufs", QJsonValue::Null},
            {"output",
             QJsonObject{{"width", kFrame.width()}, {"height", kFrame.height()}, {"fps", kFps}}},
            {"scenes", scenes}};
    }

    QString writeProject(const QString &stem, const QJsonObject &json) const
    {
        const QString file = path(stem + QStringLiteral(".reel.json"));
        if (!writeJson(file, json))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    QString render(const QString &stem, const QJsonArray &scenes, QStringList *warnings = nullptr)
    {
        const QString out = path(stem + QStringLiteral(".mp4"));
        RenderJob job(Project::load(writeProject(stem, project(scenes))), out);
        const RenderResult result = job.run();
        if (warnings)
            *warnings = result.warnings;
        return out;
    }

    // Rendering `scenes` fails before anything is written, as bad input
    // naming `key` and `text`; the output is not created.
    void expectRefused(const QJsonArray &scenes, const QString &key, const QString &text)
    {
        const QString out = path("bad.mp4");
        RenderJob job(Project::load(writeProject("bad", project(scenes))), out);
        try {
            job.run();
            QFAIL("rendered");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(key) && e.message().contains(text),
                     qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(out));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        writeVideo(path("bg.mp4"),
                   colorPerSecond(kClipSize, kFps, {kLightBackground, kDarkBackground}));
        writeVideo(path("colors24.mp4"), colorPerSecond(kClipSize, 24, kColors));
        writeVideo(path("colors60.mp4"), colorPerSecond(kClipSize, 60, kColors));
        writeVideo(path("colors30x2.mp4"), colorPerSecond(kClipSize, 30, kColors.mid(0, 2)));
        writeVideo(path("colors30x3.mp4"), colorPerSecond(kClipSize, 30, kColors.mid(0, 3)));
        VideoSpec vfr = colorPerSecond(kClipSize, 30, kColors);
        vfr.timestamps = variableTimestamps(4.0);
        vfr.frames = int(vfr.timestamps.size());
        writeVideo(path("colorsVfr.mp4"), vfr);
        writeVideo(path("sideways.mp4"), sidewaysQuadrants(kClipSize, 30, 30));
        // 1 kHz over the whole clip; and only in its second second.
        VideoSpec tone = colorPerSecond(kClipSize, 24, kColors.mid(0, 1));
        tone.withAudio = true;
        tone.sound = toneBetween(1000, 0.5);
        writeVideo(path("tone1s.mp4"), tone);
        tone = colorPerSecond(kClipSize, 24, kColors.mid(0, 2));
        tone.withAudio = true;
        tone.sound = toneBetween(1000, 0.5, 1.0, 2.0);
        writeVideo(path("toneLate.mp4"), tone);
        // A voice: 440 Hz in [1, 2) s of 3 s.
        writeWav(path("voice.wav"), 3 * kRate, 2, [](qint64 i, int) {
            const double t = double(i) / kRate;
            return t >= 1.0 && t < 2.0 ? testaudio::tone(440, 0.3, i) : 0.0;
        });
        writeFile(path("noise.mp4"), randomBytes(40000, 11));
        QFile whole(path("colors24.mp4"));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        writeFile(path("truncated.mp4"), whole.read(whole.size() / 3));
    }

    void projectKeys_data()
    {
        QTest::addColumn<QJsonValue>("clip");
        QTest::addColumn<QString>("media");
        QTest::addColumn<QString>("error"); // empty: valid

        QTest::newRow("all keys") << QJsonValue(QJsonObject{
                                         {"start", 1.5}, {"volume_db", -6}, {"fit", "freeze"}})
                                  << "a.mp4"
                                  << "";
        QTest::newRow("muted by null")
            << QJsonValue(QJsonObject{{"volume_db", QJsonValue::Null}}) << "a.mp4"
            << "";
        QTest::newRow("no clip object") << QJsonValue() << "a.mp4"
                                        << "";
        QTest::newRow("negative start") << QJsonValue(QJsonObject{{"start", -1}}) << "a.mp4"
                                        << "scenes[0].clip.start: must be 0 or more";
        QTest::newRow("unknown fit") << QJsonValue(QJsonObject{{"fit", "bounce"}}) << "a.mp4"
                                     << "scenes[0].clip.fit: must be \"loop\" or \"freeze\"";
        QTest::newRow("too loud") << QJsonValue(QJsonObject{{"volume_db", 40}}) << "a.mp4"
                                  << "scenes[0].clip.volume_db: must be -60 to 12";
        QTest::newRow("volume as text") << QJsonValue(QJsonObject{{"volume_db", "loud"}}) << "a.mp4"
                                        << "scenes[0].clip.volume_db: must be a number";
        QTest::newRow("typo") << QJsonValue(QJsonObject{{"speed", 2}}) << "a.mp4"
                              << "scenes[0].clip.speed: unknown key";
        QTest::newRow("not an object") << QJsonValue(3) << "a.mp4"
                                       << "scenes[0].clip: must be an object";
        QTest::newRow("text card") << QJsonValue(QJsonObject{{"start", 1}}) << ""
                                   << "scenes[0].clip: needs a video clip";
    }

    // `clip` is read, checked with its key path, and saved back as given.
    void projectKeys()
    {
        QFETCH(QJsonValue, clip);
        QFETCH(QString, media);
        QFETCH(QString, error);
        QJsonObject scene{{"duration", 2}, {"caption", "x"}};
        if (!media.isEmpty())
            scene.insert("media", media);
        if (!clip.isUndefined())
            scene.insert("clip", clip);
        const QByteArray json = QJsonDocument(project({scene})).toJson();
        try {
            const Project p = Project::fromJson(json, "p.reel.json", m_dir.path());
            QVERIFY2(error.isEmpty(), qPrintable("accepted; expected " + error));
            const Project again = Project::fromJson(p.toJson(), "again.reel.json", m_dir.path());
            QVERIFY(again == p);
            QCOMPARE(p.scenes[0].clip.has_value(), clip.isObject());
            if (clip.isObject()) {
                const QJsonObject o = clip.toObject();
                QCOMPARE(p.scenes[0].clip->start, o.value("start").toDouble(0));
                QCOMPARE(p.scenes[0].clip->volumeDb.has_value(), o.value("volume_db").isDouble());
                QCOMPARE(clipFitName(p.scenes[0].clip->fit), o.value("fit").toString("loop"));
            }
            QCOMPARE(p.hasMixedSound(), clip.toObject().value("volume_db").isDouble());
        } catch (const Error &e) {
            QVERIFY2(!error.isEmpty(), qPrintable(e.message()));
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(error), qPrintable(e.message()));
        }
    }

    void colourSequence_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<int>("clipSeconds");
        QTest::addColumn<bool>("vfr");
        QTest::addColumn<int>("clipFps");
        QTest::addColumn<double>("start");
        QTest::addColumn<QString>("fit");
        QTest::addColumn<double>("sceneSeconds");

        QTest::newRow("24 fps") << "colors24.mp4" << 4 << false << 24 << 0.0 << "loop" << 4.0;
        QTest::newRow("60 fps") << "colors60.mp4" << 4 << false << 60 << 0.0 << "loop" << 4.0;
        // 3.9 s: the writer gives the last VFR frame (at 3.95 s) no duration,
        // so the container says the clip ends where that frame starts.
        QTest::newRow("variable rate") << "colorsVfr.mp4" << 4 << true << 0 << 0.0 << "loop" << 3.9;
        QTest::newRow("start 2 s") << "colors24.mp4" << 4 << false << 24 << 2.0 << "loop" << 2.0;
        QTest::newRow("60 fps from 1.5 s")
            << "colors60.mp4" << 4 << false << 60 << 1.5 << "loop" << 2.5;
        QTest::newRow("variable rate from 0.9 s")
            << "colorsVfr.mp4" << 4 << true << 0 << 0.9 << "freeze" << 3.0;
        QTest::newRow("loop") << "colors30x2.mp4" << 2 << false << 30 << 0.0 << "loop" << 5.0;
        QTest::newRow("loop from 1 s")
            << "colors30x3.mp4" << 3 << false << 30 << 1.0 << "loop" << 4.5;
        QTest::newRow("freeze") << "colors30x2.mp4" << 2 << false << 30 << 0.0 << "freeze" << 4.0;
        QTest::newRow("freeze from 1 s")
            << "colors30x3.mp4" << 3 << false << 30 << 1.0 << "freeze" << 3.5;
    }

    // Every output frame shows the colour of the clip's latest frame at or
    // before the time the scene asks for: its own timestamps resampled to
    // 24 fps, from clip.start, looped or held on the last frame.
    void colourSequence()
    {
        QFETCH(QString, clip);
        QFETCH(int, clipSeconds);
        QFETCH(bool, vfr);
        QFETCH(int, clipFps);
        QFETCH(double, start);
        QFETCH(QString, fit);
        QFETCH(double, sceneSeconds);

        QList<double> stamps = vfr ? variableTimestamps(clipSeconds) : QList<double>();
        if (!vfr)
            for (int i = 0; i < clipSeconds * clipFps; ++i)
                stamps.append(double(i) / clipFps);
        const auto shownAt = [&](double t) { // the colour of the frame the clip shows at t
            double latest = stamps.first();
            for (double s : std::as_const(stamps))
                if (s <= t + 1e-6)
                    latest = s;
            return kColors[int(std::floor(latest + 1e-9))];
        };

        const QJsonArray scenes = {
            QJsonObject{{"media", clip},
                        {"duration", sceneSeconds},
                        {"layout", "fill"},
                        {"clip", QJsonObject{{"start", start}, {"fit", fit}}}}};
        const QString out = render(
            QStringLiteral("sequence-%1").arg(QTest::currentDataTag()).replace(' ', '-'), scenes);
        const int count = int(std::lround(sceneSeconds * kFps));
        QCOMPARE(probe(out).frames, count);
        QList<int> indexes;
        for (int i = 0; i < count; ++i)
            indexes.append(i);
        const QList<QImage> images = frames(out, indexes);
        QCOMPARE(images.size(), count);
        int wrong = 0;
        QString report;
        for (int i = 0; i < count; ++i) {
            const double local = double(i) / kFps;
            double t = start + local;
            if (fit == "loop")
                t = start + std::fmod(local, clipSeconds - start);
            else
                t = std::min(t, clipSeconds - 1e-3);
            const QColor expected = shownAt(t);
            const QColor seen = sample(images[i], kProbe);
            if (!near(seen, expected, 40)) {
                ++wrong;
                if (report.size() < 400)
                    report += QStringLiteral(" frame %1 (clip %2 s): %3 for %4;")
                                  .arg(i)
                                  .arg(t, 0, 'f', 3)
                                  .arg(describe(seen), name(expected));
            }
        }
        QVERIFY2(
            wrong == 0,
            qPrintable(QStringLiteral("%1 of %2 frames wrong:").arg(wrong).arg(count) + report));
    }

    // A phone clip stored sideways with a display matrix shows upright.
    void rotatedClipUpright()
    {
        const QString out =
            render("rotated",
                   {QJsonObject{{"media", "sideways.mp4"}, {"duration", 1}, {"layout", "fill"}}});
        const QImage frame = frames(out, {12}).value(0);
        QVERIFY(!frame.isNull());
        // quadrants()'s colours.
        const QList<QPair<QPoint, QColor>> quadrantsSeen = {{{45, 80}, QColor(220, 20, 20)},
                                                            {{135, 80}, QColor(20, 200, 20)},
                                                            {{45, 240}, QColor(20, 20, 220)},
                                                            {{135, 240}, QColor(230, 220, 20)}};
        for (const auto &[at, colour] : quadrantsSeen)
            QVERIFY2(near(sample(frame, at), colour, 48),
                     qPrintable(QStringLiteral("at %1,%2: %3, expected %4")
                                    .arg(at.x())
                                    .arg(at.y())
                                    .arg(describe(sample(frame, at)), describe(colour))));
    }

    // A fill clip covers the frame; a centred clip sits in its box over the
    // background, whose time ran on under the fill clip (it shows its
    // second second at 1.5 s, not its first).
    void clipsOverBackground()
    {
        const QJsonArray scenes = {
            QJsonObject{{"media", "colors24.mp4"}, {"duration", 1}, {"layout", "fill"}},
            QJsonObject{{"media", "colors24.mp4"},
                        {"duration", 1},
                        {"layout", "center"},
                        {"clip", QJsonObject{{"start", 2}}}}};
        const QString out = render("overbackground", scenes);
        const QList<QImage> images = frames(out, {12, 36});
        QCOMPARE(images.size(), 2);
        for (const QPoint at : {QPoint(10, 250), QPoint(90, 200), QPoint(170, 310)})
            QVERIFY2(near(sample(images[0], at), kColors[0], 40),
                     qPrintable(describe(sample(images[0], at))));
        QVERIFY2(near(sample(images[1], {90, 200}), kColors[2], 40),
                 qPrintable(describe(sample(images[1], {90, 200}))));
        QVERIFY2(near(sample(images[1], {90, 300}), kDarkBackground, 30),
                 qPrintable("background under the centred clip: " +
                            describe(sample(images[1], {90, 300}))));
        // The fitted clip (96x160 in 162x176) leaves the background at its sides.
        QVERIFY2(near(sample(images[1], {10, 200}), kDarkBackground, 30),
                 qPrintable("beside the centred clip: " + describe(sample(images[1], {10, 200}))));
    }

    // A clip with alpha keeps it over the background: opaque red, a
    // transparent hole, and blue at half alpha mixed with the grey. VP9 in
    // WebM (4:2:0 alpha, through libvpx) and ProRes 4444 in MOV (4:4:4 at 10
    // bits, FFmpeg's own decoder).
    void alphaClip_data()
    {
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<QString>("file");
        QTest::newRow("VP9 WebM") << "libvpx-vp9"
                                  << "alpha.webm";
        QTest::newRow("ProRes 4444 MOV") << "prores_ks"
                                         << "alpha.mov";
    }
    void alphaClip()
    {
        QFETCH(QString, encoder);
        QFETCH(QString, file);
        const QByteArray encoderName = encoder.toLatin1();
        VideoSpec spec;
        spec.size = kClipSize;
        spec.fps = kFps;
        spec.frames = kFps;
        spec.alpha = true;
        spec.encoder = encoderName.constData();
        spec.paint = [](QPainter &p, int, double) {
            p.setCompositionMode(QPainter::CompositionMode_Source);
            p.fillRect(0, 0, 48, 80, kColors[0]);
            p.fillRect(48, 0, 48, 80, Qt::transparent);
            p.fillRect(0, 80, 96, 80, QColor(30, 40, 220, 128));
        };
        writeVideo(path(file), spec);
        const QString out =
            render(QStringLiteral("alpha-") + encoder,
                   {QJsonObject{{"media", file}, {"duration", 1}, {"layout", "fill"}}});
        const QImage frame = frames(out, {12}).value(0);
        QVERIFY(!frame.isNull());
        const QList<QPair<QPoint, QColor>> expected = {{{45, 80}, kColors[0]},
                                                       {{135, 80}, kLightBackground},
                                                       {{90, 240}, QColor(115, 120, 210)}};
        for (const auto &[at, colour] : expected)
            QVERIFY2(near(sample(frame, at), colour, 32),
                     qPrintable(QStringLiteral("at %1,%2: %3, expected %4")
                                    .arg(at.x())
                                    .arg(at.y())
                                    .arg(describe(sample(frame, at)), describe(colour))));
    }

    void clipSound_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<QJsonValue>("settings");
        QTest::addColumn<double>("sceneSeconds");
        QTest::addColumn<QList<double>>("times");
        QTest::addColumn<QList<double>>("levels"); // dB of 1 kHz at each time; NaN: silent

        const double silent = std::nan("");
        QTest::newRow("muted by default")
            << "tone1s.mp4" << QJsonValue() << 1.0 << QList<double>{0.5} << QList<double>{silent};
        QTest::newRow("null is muted")
            << "tone1s.mp4" << QJsonValue(QJsonObject{{"volume_db", QJsonValue::Null}}) << 1.0
            << QList<double>{0.5} << QList<double>{silent};
        QTest::newRow("0 dB") << "tone1s.mp4" << QJsonValue(QJsonObject{{"volume_db", 0}}) << 1.0
                              << QList<double>{0.5} << QList<double>{-6.0};
        QTest::newRow("-12 dB") << "tone1s.mp4" << QJsonValue(QJsonObject{{"volume_db", -12}})
                                << 1.0 << QList<double>{0.5} << QList<double>{-18.0};
        QTest::newRow("loops with the picture")
            << "tone1s.mp4" << QJsonValue(QJsonObject{{"volume_db", 0}}) << 2.5
            << QList<double>{0.5, 1.5, 2.2} << QList<double>{-6.0, -6.0, -6.0};
        QTest::newRow("silent once frozen")
            << "tone1s.mp4" << QJsonValue(QJsonObject{{"volume_db", 0}, {"fit", "freeze"}}) << 2.5
            << QList<double>{0.5, 1.5, 2.2} << QList<double>{-6.0, silent, silent};
        QTest::newRow("from clip.start")
            << "toneLate.mp4" << QJsonValue(QJsonObject{{"volume_db", 0}, {"start", 1}}) << 1.0
            << QList<double>{0.5} << QList<double>{-6.0};
        QTest::newRow("before clip.start is not heard")
            << "toneLate.mp4" << QJsonValue(QJsonObject{{"volume_db", 0}}) << 2.0
            << QList<double>{0.5, 1.5} << QList<double>{silent, -6.0};
    }

    // The clip's own sound is in the mix only when asked, at its volume, and
    // follows the picture's loop, freeze and start.
    void clipSound()
    {
        QFETCH(QString, clip);
        QFETCH(QJsonValue, settings);
        QFETCH(double, sceneSeconds);
        QFETCH(QList<double>, times);
        QFETCH(QList<double>, levels);
        QJsonObject scene{{"media", clip}, {"duration", sceneSeconds}, {"layout", "fill"}};
        if (!settings.isUndefined())
            scene.insert("clip", settings);
        const QString out = render(
            QStringLiteral("sound-%1").arg(QTest::currentDataTag()).replace(' ', '-'), {scene});
        const bool heard =
            std::any_of(levels.begin(), levels.end(), [](double l) { return !std::isnan(l); });
        QCOMPARE(probe(out).audioStreams, heard ? 1 : 0);
        if (!heard)
            return;
        const Stereo sound = decode(out);
        for (qsizetype i = 0; i < times.size(); ++i) {
            const double level = bandAt(sound, times[i], 1000);
            if (std::isnan(levels[i]))
                QVERIFY2(level < -50, qPrintable(QStringLiteral("at %1 s: %2 dB, expected silence")
                                                     .arg(times[i])
                                                     .arg(level)));
            else
                QVERIFY2(std::abs(level - levels[i]) < 1.5,
                         qPrintable(QStringLiteral("at %1 s: %2 dB, expected %3")
                                        .arg(times[i])
                                        .arg(level)
                                        .arg(levels[i])));
        }
    }

    // Under a voice the clip's sound drops by the ducking depth (12 dB, the
    // music's default) and comes back after it.
    void clipSoundDuckedUnderVoice()
    {
        const QJsonArray scenes = {QJsonObject{{"media", "tone1s.mp4"},
                                               {"duration", 3.5},
                                               {"layout", "fill"},
                                               {"voice_file", "voice.wav"},
                                               {"clip", QJsonObject{{"volume_db", 0}}}}};
        const Stereo sound = decode(render("ducked", scenes));
        const double before = bandAt(sound, 0.5, 1000);
        const double during = bandAt(sound, 1.5, 1000);
        const double after = bandAt(sound, 3.0, 1000);
        QVERIFY2(std::abs(before - -6.0) < 1.5, qPrintable(QString::number(before)));
        QVERIFY2(
            std::abs(before - during - 12.0) < 2.0,
            qPrintable(
                QStringLiteral("before %1 dB, under the voice %2 dB").arg(before).arg(during)));
        QVERIFY2(std::abs(after - before) < 1.5,
                 qPrintable(QStringLiteral("before %1 dB, after %2 dB").arg(before).arg(after)));
        QVERIFY2(bandAt(sound, 1.5, 440) > -20, "the voice is heard");
    }

    void badClip_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<double>("start");
        QTest::addColumn<QString>("error");
        QTest::newRow("random bytes") << "noise.mp4" << 0.0 << "noise.mp4";
        QTest::newRow("truncated") << "truncated.mp4" << 0.0 << "truncated.mp4";
        QTest::newRow("start past the end") << "colors24.mp4" << 4.5 << "clip.start 4.5 s";
        QTest::newRow("missing") << "nowhere.mp4" << 0.0 << "nowhere.mp4";
    }

    // A clip that cannot be shown fails before anything is written, naming
    // the scene's key; the output is not created.
    void badClip()
    {
        QFETCH(QString, clip);
        QFETCH(double, start);
        QFETCH(QString, error);
        const QJsonArray scenes = {
            QJsonObject{{"media", "colors24.mp4"}, {"duration", 1}},
            QJsonObject{{"media", clip}, {"duration", 1}, {"clip", QJsonObject{{"start", start}}}}};
        expectRefused(scenes, "scenes[1].media: ", error);
    }

    // Clips are checked two at a time; whichever fails first, the error is
    // the first bad scene's, every time.
    void firstBadSceneIsNamed()
    {
        const QJsonArray scenes = {QJsonObject{{"media", "colors24.mp4"}, {"duration", 1}},
                                   QJsonObject{{"media", "colors24.mp4"}, {"duration", 1}},
                                   QJsonObject{{"media", "truncated.mp4"}, {"duration", 1}},
                                   QJsonObject{{"media", "noise.mp4"}, {"duration", 1}},
                                   QJsonObject{{"media", "nowhere.mp4"}, {"duration", 1}}};
        for (int attempt = 0; attempt < 3 && !QTest::currentTestFailed(); ++attempt)
            expectRefused(scenes, "scenes[2].media: ", "truncated.mp4");
    }

    // `clip` on a picture is ignored with a warning naming it.
    // Its sound asked for, there is still none: the video has no sound track
    // (nor has one whose only clip carries no sound).
    void clipKeysOnAPicture()
    {
        QVERIFY(!writeImage(path("red.png"), solid({90, 160}, Qt::red), "PNG").isEmpty());
        QStringList warnings;
        const QString out = render("picture",
                                   {QJsonObject{{"media", "red.png"},
                                                {"duration", 0.5},
                                                {"clip", QJsonObject{{"volume_db", -6}}}}},
                                   &warnings);
        QVERIFY2(warnings.join('\n').contains("scenes[0].clip: the media is a picture"),
                 qPrintable(warnings.join('\n')));
        QCOMPARE(probe(out).audioStreams, 0);

        const QString silent = render("silent-clip",
                                      {QJsonObject{{"media", "colors24.mp4"},
                                                   {"duration", 0.5},
                                                   {"clip", QJsonObject{{"volume_db", -6}}}}},
                                      &warnings);
        QVERIFY2(warnings.join('\n').contains("scenes[0].clip.volume_db: the clip has no sound"),
                 qPrintable(warnings.join('\n')));
        QCOMPARE(probe(silent).audioStreams, 0);
        QCOMPARE(probe(silent).videoStreams, 1);
    }
};

QTEST_MAIN(ClipsTest)
#include "tst_clips.moc"
