// Version 2 sound end to end: projects written as files, rendered through
// RenderJob (and the CLI for bad input), the MP4 decoded back. Narration in
// Russian and English with "auto" durations, A/V sync of a voice at a scene
// start, `say` against `render`, loudness, music ducking and looping, version
// 1's soundtrack, and refused sound files. The pieces have their own tests
// (tst_narrator, tst_mixer, tst_loudness, tst_soundtrack); this one proves
// they are wired together as a user hears them.

#include "CliRun.h"
#include "TestAudio.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numeric>

using namespace reelsmith;
using namespace testaudio;
using namespace testmedia;

namespace {

constexpr int kFps = 24;
constexpr double kFrame = 1.0 / kFps;
constexpr double kPad = Scene::kAutoPaddingSeconds;

qint64 at(double seconds)
{
    return qint64(std::llround(seconds * kRate));
}

double db(double ratio)
{
    return 20 * std::log10(std::max(ratio, 1e-12));
}

// RMS of both channels over [from, to) seconds.
double rms(const Stereo &s, double from, double to)
{
    const qint64 a = std::clamp<qint64>(at(from), 0, s.size());
    const qint64 b = std::clamp<qint64>(at(to), a, s.size());
    double sum = 0;
    for (qint64 i = a; i < b; ++i)
        sum += double(s.left[size_t(i)]) * s.left[size_t(i)] +
               double(s.right[size_t(i)]) * s.right[size_t(i)];
    return b > a ? std::sqrt(sum / double(2 * (b - a))) : 0.0;
}

// RMS of `x` (one channel at `rate`) in consecutive windows of `window` s
// over [0, seconds).
QList<double> envelope(const QList<float> &x, int rate, double seconds, double window)
{
    QList<double> out;
    const qint64 n = qint64(window * rate);
    for (qint64 from = 0; from + n <= qint64(seconds * rate); from += n) {
        double sum = 0;
        for (qint64 i = from; i < from + n; ++i) {
            const double v = i < x.size() ? x[i] : 0.0;
            sum += v * v;
        }
        out.append(std::sqrt(sum / double(n)));
    }
    return out;
}

double correlation(const QList<double> &a, const QList<double> &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const double ma = std::accumulate(a.begin(), a.begin() + n, 0.0) / double(n);
    const double mb = std::accumulate(b.begin(), b.begin() + n, 0.0) / double(n);
    double ab = 0, aa = 0, bb = 0;
    for (qsizetype i = 0; i < n; ++i) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) * (a[i] - ma);
        bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / std::sqrt(aa * bb);
}

// A peaky buzz like loud speech: 120 Hz with 25 harmonics, in 250 ms
// syllables, scaled so its sample peaks reach `peak`.
double buzz(qint64 i, double peak)
{
    const double t = double(i) / kRate;
    const double inSyllable = std::fmod(t, 0.35);
    if (inSyllable > 0.25)
        return 0;
    double sum = 0;
    for (int k = 1; k <= 25; ++k)
        sum += std::cos(2 * std::numbers::pi * 120 * k * t) / k;
    // The harmonics in phase peak at sum(1/k) = 3.816.
    return peak * std::min(1.0, std::min(inSyllable, 0.25 - inSyllable) / 0.01) * sum / 3.816;
}

const QColor kColors[] = {QColor(220, 30, 30), QColor(30, 200, 40), QColor(30, 40, 220),
                          QColor(230, 210, 20)};
const char *const kPictures[] = {"red.png", "green.png", "blue.png", "yellow.png"};

} // namespace

class NarratedRenderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A version 2 project at 180x320, 24 fps over a grey background.
    static QJsonObject project(const QJsonArray &scenes)
    {
        return QJsonObject{{"format", "reelsmith-project"},
                           {"version", 2},
                           {"background", "bg.mp4"},
                           {"output", QJsonObject{{"width", 180}, {"height", 320}, {"fps", kFps}}},
                           {"scenes", scenes}};
    }

    QString writeProject(const QString &name, const QJsonObject &json) const
    {
        const QString file = path(name + QStringLiteral(".reel.json"));
        if (!writeJson(file, json))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    // Renders `projectFile` to NAME.mp4; returns the job (for its voices).
    RenderJob render(const QString &projectFile, const QString &out) const
    {
        RenderJob job(Project::load(projectFile), out);
        job.run();
        return job;
    }

    static bool firstFrameShows(const QString &video, qint64 frame, QColor color, QString *seen)
    {
        const QList<QImage> images = frames(video, {int(frame)});
        if (images.isEmpty())
            return false;
        const QColor got = sample(images.first(), {90, 160}, 4);
        *seen = describe(got);
        return near(got, color, 40);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        QVERIFY2(testcli::cliProblem().isEmpty(), qPrintable(testcli::cliProblem()));
        for (int i = 0; i < 4; ++i)
            writeImage(path(kPictures[i]), solid({360, 640}, kColors[i]), "PNG");
        writeVideo(path("bg.mp4"), colorCycle({96, 160}, kFps, kFps, {Qt::gray, Qt::darkGray}));
        // Voice files (mono like a microphone, or stereo) and music.
        writeWav(path("quiet.wav"), at(3), 2, [](qint64 i, int) {
            return std::fmod(double(i) / kRate, 0.5) < 0.4 ? tone(1000, 0.02, i) : 0.0;
        });
        writeWav(path("loud.wav"), at(3), 2, [](qint64 i, int) { return buzz(i, 0.99); });
        // A 20 ms burst at the very start, then silence.
        writeWav(path("click.wav"), at(1), 1,
                 [](qint64 i, int) { return i < at(0.02) ? tone(1000, 0.8, i) : 0.0; });
        // 1 kHz while it speaks: [0, 2) and [4.5, 5.5) s, silent in between and after.
        writeWav(path("speaks.wav"), at(6), 2, [](qint64 i, int) {
            const double t = double(i) / kRate;
            return (t < 2.0 || (t >= 4.5 && t < 5.5)) ? tone(1000, 0.3, i) : 0.0;
        });
        writeWav(path("music.wav"), at(4), 2, [](qint64 i, int) { return tone(440, 0.5, i); });
        writeFile(path("noise.wav"), randomBytes(50000, 7));
    }

    // Russian and English narration, "auto" durations: the video lasts the
    // voices plus 0.25 s each, each scene's voice is heard in its window and
    // its padding is quiet, and each scene's first frame shows its picture.
    void narratedScenes()
    {
        const QStringList texts = {
            QStringLiteral("Пять фактов о закатах, которых вам не расскажут."),
            QStringLiteral("The colours come from dust in the air."),
            QStringLiteral("Звёзды видно даже днём."),
        };
        const QStringList voices = {"ru", "en-us", "ru"};
        QJsonArray scenes;
        for (int i = 0; i < 3; ++i)
            scenes.append(QJsonObject{{"media", kPictures[i]},
                                      {"duration", "auto"},
                                      {"narration", texts[i]},
                                      {"voice", QJsonObject{{"name", voices[i]}}},
                                      {"layout", "fill"}});
        const QString out = path("narrated.mp4");
        const RenderJob job = render(writeProject("narrated", project(scenes)), out);

        const VideoFacts facts = probe(out);
        QCOMPARE(facts.audioStreams, 1);
        QCOMPARE(decodeAudio(out).codec, QStringLiteral("aac"));

        // Each voice's length, from its cache file.
        QList<double> lengths;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(job.voices()[i].has_value());
            lengths.append(double(decode(job.voices()[i]->path).size()) / kRate);
            QVERIFY2(lengths[i] > 0.8, qPrintable(QString::number(lengths[i])));
        }
        double total = 0;
        for (double l : lengths)
            total += l + kPad;
        QVERIFY2(std::abs(double(facts.frames) / kFps - total) <= kFrame,
                 qPrintable(QStringLiteral("video %1 s, voices + padding %2 s")
                                .arg(double(facts.frames) / kFps)
                                .arg(total)));

        const Stereo sound = decode(out);
        double start = 0;
        for (int i = 0; i < 3; ++i) {
            const double end = start + lengths[i];
            const double speech = rms(sound, start, end);
            const double pad = rms(sound, end + 0.02, end + kPad - 0.02);
            QVERIFY2(speech > 0.03, qPrintable(QStringLiteral("scene %1: speech RMS %2 in [%3, %4)")
                                                   .arg(i)
                                                   .arg(speech)
                                                   .arg(start)
                                                   .arg(end)));
            QVERIFY2(pad < 0.1 * speech,
                     qPrintable(QStringLiteral("scene %1: padding RMS %2, speech %3")
                                    .arg(i)
                                    .arg(pad)
                                    .arg(speech)));
            const qint64 first = qint64(std::ceil(start * kFps - 1e-6));
            QString seen;
            QVERIFY2(firstFrameShows(out, first, kColors[i], &seen),
                     qPrintable(QStringLiteral("scene %1's first frame %2 shows %3")
                                    .arg(i)
                                    .arg(first)
                                    .arg(seen)));
            start = end + kPad;
        }
    }

    // A burst at the very start of scene 2's voice lands on scene 2's first
    // frame, within a frame.
    void voiceStartsWithItsScene()
    {
        const QJsonArray scenes = {
            QJsonObject{{"media", "red.png"}, {"duration", 1.5}, {"layout", "fill"}},
            QJsonObject{{"media", "green.png"},
                        {"duration", "auto"},
                        {"voice_file", "click.wav"},
                        {"layout", "fill"}}};
        QJsonObject json = project(scenes);
        json.insert("loudness_lufs", QJsonValue::Null);
        const QString out = path("sync.mp4");
        render(writeProject("sync", json), out);

        const qint64 first = qint64(std::ceil(1.5 * kFps - 1e-6));
        QString seen;
        QVERIFY2(firstFrameShows(out, first, kColors[1], &seen), qPrintable(seen));
        QVERIFY2(firstFrameShows(out, first - 1, kColors[0], &seen), qPrintable(seen));
        const Stereo sound = decode(out);
        qint64 onset = -1;
        for (qint64 i = 0; i < sound.size() && onset < 0; ++i)
            if (std::abs(sound.left[size_t(i)]) > 0.1)
                onset = i;
        QVERIFY(onset >= 0);
        const double onsetSeconds = double(onset) / kRate;
        QVERIFY2(std::abs(onsetSeconds - double(first) / kFps) <= kFrame,
                 qPrintable(QStringLiteral("burst at %1 s, scene 2's first frame at %2 s")
                                .arg(onsetSeconds)
                                .arg(double(first) / kFps)));
    }

    // `reelsmith-cli say` and the render give the same voice: with no
    // loudness change the rendered envelope follows say's WAV, at -3 dB per
    // channel (a mono voice spread to both sides by libswresample's centre
    // mix level).
    void sayMatchesRender()
    {
        const QString text = QStringLiteral("Say and render must sound the same, word for word.");
        const testcli::CliRun said = testcli::runCli(
            {"say", text, "--voice", "en-us", "-o", path("said.wav")}, m_dir.path());
        QVERIFY2(said.exited(0), qPrintable(said.describe()));

        QJsonObject json = project({QJsonObject{
            {"media", "blue.png"}, {"duration", "auto"}, {"narration", text}, {"layout", "fill"}}});
        json.insert("voice", QJsonObject{{"name", "en-us"}});
        json.insert("loudness_lufs", QJsonValue::Null);
        const QString out = path("say-render.mp4");
        render(writeProject("say", json), out);

        const AudioTrack wav = decodeAudio(path("said.wav"));
        const AudioTrack mp4 = decodeAudio(out);
        QCOMPARE(wav.channels, 1);
        const double seconds = wav.seconds();
        QVERIFY(seconds > 1);
        const QList<double> a = envelope(wav.samples, wav.sampleRate, seconds, 0.03);
        const QList<double> b = envelope(mp4.samples, mp4.sampleRate, seconds, 0.03);
        const double r = correlation(a, b);
        QVERIFY2(r > 0.95, qPrintable(QStringLiteral("envelope correlation %1").arg(r)));
        const double level = db(mp4.rms(0, seconds) / wav.rms(0, seconds));
        QVERIFY2(std::abs(level - db(std::sqrt(0.5))) <= 1.0,
                 qPrintable(QStringLiteral("render is %1 dB from say, not -3 dB").arg(level)));
    }

    // Quiet and loud sources reach the target with true peaks under -1 dBTP;
    // `null` leaves a voice file at its own level.
    void loudness_data()
    {
        QTest::addColumn<QString>("voiceFile");
        QTest::addColumn<QJsonValue>("target");
        QTest::newRow("quiet voice file to -14") << "quiet.wav" << QJsonValue(-14);
        QTest::newRow("loud voice file to -14") << "loud.wav" << QJsonValue(-14);
        QTest::newRow("narration to -14 (default)")
            << QString() << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("loud voice file to -20") << "loud.wav" << QJsonValue(-20);
        QTest::newRow("quiet voice file, null") << "quiet.wav" << QJsonValue(QJsonValue::Null);
        QTest::newRow("loud voice file, null") << "loud.wav" << QJsonValue(QJsonValue::Null);
    }
    void loudness()
    {
        QFETCH(QString, voiceFile);
        QFETCH(QJsonValue, target);
        QJsonObject scene{{"media", "yellow.png"}, {"duration", "auto"}, {"layout", "fill"}};
        if (voiceFile.isEmpty())
            scene.insert("narration", QStringLiteral("Loudness is measured, not guessed. "
                                                     "Every platform turns it down anyway."));
        else
            scene.insert("voice_file", voiceFile);
        QJsonObject json = project({scene});
        if (!target.isUndefined())
            json.insert("loudness_lufs", target);
        const QString out = path(QStringLiteral("loud-%1.mp4").arg(QTest::currentDataTag()));
        render(writeProject("loudness", json), out);

        const Stereo sound = decode(out);
        const Loudness m = measure(sound);
        if (target.isNull()) {
            // Against the file through the same AAC encoder: FFmpeg's AAC
            // alone takes 0.55 dB of RMS off loud.wav's buzz (measured), which
            // is the codec's, not the mix's.
            const QString reference = path(voiceFile + QStringLiteral(".aac.m4a"));
            writeAac(reference, decode(path(voiceFile)));
            const Stereo source = decode(reference);
            const double seconds = double(decode(path(voiceFile)).size()) / kRate;
            const double level = db(rms(sound, 0, seconds) / rms(source, 0, seconds));
            QVERIFY2(std::abs(level) <= 0.5,
                     qPrintable(QStringLiteral("output is %1 dB from the file").arg(level)));
            return;
        }
        const double wanted = target.isUndefined() ? -14.0 : target.toDouble();
        QVERIFY2(std::abs(m.lufs - wanted) <= 1.0,
                 qPrintable(QStringLiteral("%1 LUFS, wanted %2").arg(m.lufs).arg(wanted)));
        QVERIFY2(m.truePeakDb <= -1.0,
                 qPrintable(QStringLiteral("true peak %1 dBTP").arg(m.truePeakDb)));
    }

    // Music ducks by duck_db while the voice sounds, comes back in the gap and
    // loops to the end.
    void musicDucksAndLoops()
    {
        const double duck = -12;
        const QJsonArray scenes = {
            QJsonObject{{"media", "red.png"}, {"duration", 1.5}, {"layout", "fill"}},
            QJsonObject{{"media", "green.png"},
                        {"duration", 8.0},
                        {"voice_file", "speaks.wav"},
                        {"layout", "fill"}}};
        QJsonObject json = project(scenes);
        json.insert("music", QJsonObject{{"file", "music.wav"},
                                         {"volume_db", -6},
                                         {"duck_db", duck},
                                         {"fade_in", 0},
                                         {"fade_out", 0}});
        json.insert("loudness_lufs", QJsonValue::Null);
        const QString out = path("ducked.mp4");
        render(writeProject("ducked", json), out);
        const Stereo sound = decode(out);
        QVERIFY(sound.size() >= at(9.4));

        const double before = bandAt(sound, 1.0, 440);   // before the first voice
        const double speaking = bandAt(sound, 2.5, 440); // the voice's first stretch
        const double gap = bandAt(sound, 4.75, 440);     // 1.25 s after it stops
        const double speakingAgain = bandAt(sound, 6.5, 440);
        const double end = bandAt(sound, 9.3, 440); // the music (4 s) has looped
        QVERIFY2(bandAt(sound, 2.5, 1000) > bandAt(sound, 4.75, 1000) + 30,
                 "the voice is not where it should be");
        for (const auto &[name, level] :
             {std::pair{"before the voice", before}, std::pair{"in the gap", gap}}) {
            QVERIFY2(std::abs(speaking - level - duck) <= 1.5,
                     qPrintable(QStringLiteral("440 Hz while speaking %1 dB, %2 %3 dB")
                                    .arg(speaking)
                                    .arg(name)
                                    .arg(level)));
        }
        QVERIFY2(std::abs(speakingAgain - speaking) <= 1.5,
                 qPrintable(QStringLiteral("second stretch %1 dB, first %2 dB")
                                .arg(speakingAgain)
                                .arg(speaking)));
        QVERIFY2(std::abs(end - before) <= 1.5,
                 qPrintable(QStringLiteral("440 Hz at the end %1 dB, at the start %2 dB")
                                .arg(end)
                                .arg(before)));
    }

    // Version 1's `audio` keeps its level: no loudness change. (Its length,
    // fade and formats are tst_soundtrack's.)
    void versionOneKeepsItsLevel()
    {
        writeTone(path("v1.wav"), 3.0, 44100, 2, 440);
        QJsonObject json = smallProject({sceneJson("red.png", 2.0)});
        json.insert("audio", "v1.wav");
        const QString out = path("v1.mp4");
        render(writeProject("v1", json), out);
        const double level = db(rms(decode(out), 0.2, 1.5) / rms(decode(path("v1.wav")), 0.2, 1.5));
        QVERIFY2(std::abs(level) <= 0.5,
                 qPrintable(QStringLiteral("version 1 audio changed by %1 dB").arg(level)));
    }

    // Sound files that are not sound, unknown voices, narration over the
    // limit: BadInput naming the key (and the file), no output written, an
    // existing output untouched; the CLI says it in one `error:` line, exit 2.
    void badInput_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("file");
        const QJsonObject silent{{"media", "red.png"}, {"duration", 1.0}};
        const auto withVoiceFile = [&](const QString &file) {
            return project(
                {silent,
                 QJsonObject{{"media", "green.png"}, {"duration", "auto"}, {"voice_file", file}}});
        };
        QTest::newRow("voice file is a picture")
            << withVoiceFile("blue.png") << "scenes[1].voice_file"
            << "blue.png";
        QTest::newRow("voice file is random bytes")
            << withVoiceFile("noise.wav") << "scenes[1].voice_file"
            << "noise.wav";
        QTest::newRow("voice file is missing")
            << withVoiceFile("gone.wav") << "scenes[1].voice_file"
            << "gone.wav";
        QJsonObject music = withVoiceFile("quiet.wav");
        music.insert("music", QJsonObject{{"file", "yellow.png"}});
        QTest::newRow("music is a picture") << music << "music"
                                            << "yellow.png";
        const QJsonObject narrated{
            {"media", "red.png"}, {"duration", "auto"}, {"narration", "Hello there."}};
        QJsonObject projectVoice = project({narrated});
        projectVoice.insert("voice", QJsonObject{{"name", "xx-nobody"}});
        QTest::newRow("unknown project voice") << projectVoice << "voice.name" << QString();
        QJsonObject sceneVoice = narrated;
        sceneVoice.insert("voice", QJsonObject{{"name", "xx-nobody"}});
        QTest::newRow("unknown scene voice")
            << project({sceneVoice}) << "scenes[0].voice.name" << QString();
        QJsonObject tooLong = narrated;
        tooLong.insert("narration", QString(Scene::kMaxNarrationCharacters + 1, QLatin1Char('a')));
        QTest::newRow("narration over the limit")
            << project({tooLong}) << "scenes[0].narration" << QString();
    }
    void badInput()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, key);
        QFETCH(QString, file);
        const QString name =
            QStringLiteral("bad-%1").arg(QTest::currentDataTag()).replace(' ', '-');
        const QString projectFile = writeProject(name, json);
        const QString out = path(name + QStringLiteral(".mp4"));
        const QByteArray old("an earlier render");

        // Through RenderJob.
        QVERIFY(writeFile(out, old));
        try {
            RenderJob(Project::load(projectFile), out).run();
            QFAIL("rendered");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(key + QStringLiteral(": ")), qPrintable(e.message()));
            if (!file.isEmpty())
                QVERIFY2(e.message().contains(path(file)), qPrintable(e.message()));
        }
        QCOMPARE(readFile(out), old);
        QVERIFY(partFiles(m_dir.path()).isEmpty());

        // Through the CLI, once with an existing output and once without.
        for (const bool existing : {true, false}) {
            if (!existing)
                QVERIFY(QFile::remove(out));
            const testcli::CliRun run =
                testcli::runCli({"render", projectFile, "-o", out, "--quiet"}, m_dir.path());
            QVERIFY2(run.exited(2), qPrintable(run.describe()));
            const QStringList lines = run.errLines();
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines[0].startsWith(QStringLiteral("error: ")) &&
                         lines[0].contains(key + QStringLiteral(": ")),
                     qPrintable(lines[0]));
            if (!file.isEmpty())
                QVERIFY2(lines[0].contains(file), qPrintable(lines[0]));
            if (existing)
                QCOMPARE(readFile(out), old);
            else
                QVERIFY(!QFile::exists(out));
            QVERIFY(partFiles(m_dir.path()).isEmpty());
        }
    }
};

QTEST_MAIN(NarratedRenderTest)
#include "tst_narratedrender.moc"
