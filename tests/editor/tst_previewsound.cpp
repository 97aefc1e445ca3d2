// The preview's sound is the export's: the stream PreviewSound hands its
// audio sink (read here as the sink reads it) is measured against the
// render's own soundtrack: the music ducked under a voice, the loudness
// target, a start from the middle, and a voice that is not audio.
#include "TestAudio.h"
#include "TestMedia.h"
#include "preview/PreviewSound.h"
#include "preview/PreviewWidget.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace reelsmith;
using namespace reelsmith::editor;
using namespace testaudio;

namespace {

constexpr int kWait = 20000;
constexpr double kMusicHz = 220;
constexpr double kVoiceHz = 1000;

Scene scene(double seconds)
{
    Scene s;
    s.duration = seconds;
    return s;
}

// Everything the sink would read from `sound`'s stream, until its end.
Stereo readAll(PreviewSound &sound)
{
    Stereo out;
    QIODevice *stream = sound.stream();
    if (!stream)
        return out;
    QElapsedTimer waited;
    waited.start();
    while (!stream->atEnd() && waited.elapsed() < kWait) {
        const QByteArray bytes = stream->read(64 * 1024);
        if (bytes.isEmpty()) {
            QTest::qWait(5);
            continue;
        }
        const auto *values = reinterpret_cast<const float *>(bytes.constData());
        for (qsizetype i = 0; i + 1 < bytes.size() / qsizetype(sizeof(float)); i += 2) {
            out.left.push_back(values[i]);
            out.right.push_back(values[i + 1]);
        }
    }
    return out;
}

} // namespace

class TestPreviewSound : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Project m_project;
    Stereo m_exported;

    // Plays `p` from `seconds` with the clock stopped, into the stream only.
    static Stereo play(PreviewSound &sound, const Project &p, double seconds)
    {
        QSignalSpy ready(&sound, &PreviewSound::ready);
        sound.setProject(p);
        sound.play(seconds, QElapsedTimer(), false);
        if (!ready.wait(kWait))
            return {};
        return readAll(sound);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString background = m_dir.filePath(QStringLiteral("bg.mp4"));
        testmedia::writeVideo(background,
                              testmedia::colorCycle({96, 160}, 24, 24, {QColor(0, 0, 255)}));
        // Music: a steady tone for the whole video; a voice: another tone
        // for the first second of scene 1, as a recording.
        const QString song = m_dir.filePath(QStringLiteral("song.wav"));
        writeWav(song, 6 * kRate, 2, [](qint64 i, int) { return float(tone(kMusicHz, 0.5, i)); });
        const QString take = m_dir.filePath(QStringLiteral("take.wav"));
        writeWav(take, kRate, 1, [](qint64 i, int) { return float(tone(kVoiceHz, 0.5, i)); });

        m_project.background = background;
        m_project.baseDir = m_dir.path();
        m_project.output.width = 180;
        m_project.output.height = 320;
        m_project.scenes = {scene(1.5), scene(2.0), scene(1.0)};
        m_project.scenes[0].voiceFile = take;
        MusicSettings music;
        music.file = song;
        music.volumeDb = -10;
        music.duckDb = -12;
        music.fadeIn = 0;
        music.fadeOut = 0;
        m_project.music = music;

        const QString out = m_dir.filePath(QStringLiteral("export.mp4"));
        RenderJob(m_project, out).run();
        m_exported = decode(out);
        QVERIFY(m_exported.size() > 4 * kRate);
    }

    void soundsAsTheExportDoes()
    {
        PreviewSound sound;
        const Stereo heard = play(sound, m_project, 0.0);
        QCOMPARE(sound.streamStart(), 0.0);
        // The whole video, sample for sample of the export's length (4.5 s).
        QVERIFY2(std::abs(heard.size() - m_exported.size()) < kRate / 10,
                 qPrintable(QString::number(heard.size())));

        // The music is ducked by 12 dB while the voice speaks (0.2–0.8 s) and
        // back up after the release (2.0–4.0 s), in the preview as in the export.
        const double ducked = bandAt(heard, 0.5, kMusicHz);
        const double open = bandAt(heard, 3.0, kMusicHz);
        QVERIFY2(std::abs(open - ducked - 12.0) < 1.0,
                 qPrintable(QStringLiteral("%1 vs %2 dB").arg(ducked).arg(open)));
        QVERIFY(bandAt(heard, 0.5, kVoiceHz) > bandAt(heard, 3.0, kVoiceHz) + 30);
        for (double t : {0.5, 1.2, 2.0, 3.0, 4.0}) {
            for (double hz : {kMusicHz, kVoiceHz}) {
                const double p = bandAt(heard, t, hz);
                const double e = bandAt(m_exported, t, hz);
                if (e < -60)
                    continue; // below the codec's noise
                QVERIFY2(std::abs(p - e) < 0.5,
                         qPrintable(QStringLiteral("%1 Hz at %2 s: "
                                                   "preview %3, export %4 dB")
                                        .arg(hz)
                                        .arg(t)
                                        .arg(p)
                                        .arg(e)));
            }
        }
        // The loudness gain and the limiter: the export's target, −14 LUFS.
        const Loudness loudness = measure(heard);
        QVERIFY2(std::abs(loudness.lufs - *m_project.loudnessLufs) < 1.0,
                 qPrintable(QString::number(loudness.lufs)));
        QVERIFY(loudness.truePeakDb <= -1.0);
        QVERIFY(sound.gainDb() != 0.0);
    }

    // A clip scene's own sound (clip.volume_db) is in the preview's mix, as
    // in the export's: its tone only over the clip's scene, at its level.
    void hearsAClipsOwnSound()
    {
        constexpr double kClipHz = 3000;
        testmedia::VideoSpec spec = testmedia::colorCycle({96, 160}, 24, 48, {QColor(200, 0, 0)});
        spec.withAudio = true;
        spec.sound = testmedia::toneBetween(kClipHz, 0.5);
        const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        testmedia::writeVideo(clip, spec);

        Project p;
        p.background = m_project.background;
        p.baseDir = m_dir.path();
        p.output = m_project.output;
        p.loudnessLufs.reset();
        p.scenes = {scene(1.0), scene(1.5)};
        p.scenes[1].media = clip;
        ClipSettings settings;
        settings.volumeDb = -6;
        p.scenes[1].clip = settings;

        PreviewSound sound;
        const Stereo heard = play(sound, p, 0.0);
        QVERIFY2(heard.size() > 2 * kRate, qPrintable(QString::number(heard.size())));
        const double during = bandAt(heard, 1.75, kClipHz);
        const double before = bandAt(heard, 0.5, kClipHz);
        QVERIFY2(during > before + 40,
                 qPrintable(QStringLiteral("%1 vs %2 dB").arg(during).arg(before)));
        // 0.5 of full scale, 6 dB down: about -12 dB (the AAC round trip of
        // the test clip moves it a little).
        QVERIFY2(std::abs(during - (20 * std::log10(0.5) - 6)) < 1.5,
                 qPrintable(QString::number(during)));

        const QString out = m_dir.filePath(QStringLiteral("clip-export.mp4"));
        RenderJob(p, out).run();
        const double exported = bandAt(decode(out), 1.75, kClipHz);
        QVERIFY2(std::abs(during - exported) < 0.5,
                 qPrintable(QStringLiteral("preview %1, export %2 dB").arg(during).arg(exported)));
    }

    void startsWhereItIsAsked()
    {
        PreviewSound sound;
        const Stereo whole = play(sound, m_project, 0.0);
        const Stereo tail = play(sound, m_project, 2.2);
        QCOMPARE(sound.streamStart(), 2.2);
        QVERIFY(tail.size() > kRate);
        // The same samples as playing through from the start.
        const qint64 from = qint64(std::llround(2.2 * kRate));
        QCOMPARE(qint64(whole.size()) - from, qint64(tail.size()));
        double largest = 0;
        for (qint64 i = 0; i < tail.size(); ++i)
            largest = std::max(
                largest, double(std::abs(tail.left[size_t(i)] - whole.left[size_t(from + i)])));
        QVERIFY2(largest < 1e-6, qPrintable(QString::number(largest)));
    }

    void stopsAtOnce()
    {
        PreviewSound sound;
        QSignalSpy ready(&sound, &PreviewSound::ready);
        sound.setProject(m_project);
        sound.play(0.0, QElapsedTimer(), false);
        QVERIFY(ready.wait(kWait));
        QVERIFY(sound.isActive());
        sound.stop(); // with the worker blocked on a full stream
        QVERIFY(!sound.isActive());
        QCOMPARE(sound.stream(), nullptr);
    }

    void aVoiceThatIsNotAudioIsNamed()
    {
        const QString picture = m_dir.filePath(QStringLiteral("not a voice.wav"));
        testmedia::writeImage(picture, testmedia::solid({32, 32}, QColor(255, 0, 0)), "PNG");
        Project p = m_project;
        p.scenes[1].voiceFile = picture;
        PreviewSound sound;
        QSignalSpy failed(&sound, &PreviewSound::failed);
        sound.setProject(p);
        sound.play(0.0, QElapsedTimer(), false);
        QVERIFY(failed.wait(kWait));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("scenes[1].voice_file")) &&
                     message.contains(QStringLiteral("not a voice.wav")),
                 qPrintable(message));

        // The preview shows it where the picture plays on.
        PreviewWidget preview;
        preview.setProject(p);
        preview.play();
        QTRY_VERIFY_WITH_TIMEOUT(!preview.soundProblem().isEmpty(), kWait);
        QVERIFY(preview.soundProblem().contains(QStringLiteral("scenes[1].voice_file")));
        preview.pause();
    }

    void thePreviewPlaysTheMixFromItsClock()
    {
        PreviewWidget preview;
        preview.setProject(m_project);
        QVERIFY(!preview.sound().isActive()); // silent until played
        preview.seek(2.0);
        preview.play();
        QVERIFY(preview.sound().isActive());
        QSignalSpy ready(&preview.sound(), &PreviewSound::ready);
        QVERIFY(ready.wait(kWait));
        // It starts where the clock was when the mix was ready, not at 2.0.
        const double start = ready.first().first().toDouble();
        QVERIFY2(start >= 2.0 && start <= preview.position(),
                 qPrintable(QStringLiteral("%1, clock %2").arg(start).arg(preview.position())));
        preview.pause();
        QVERIFY(!preview.sound().isActive());

        // A version 1 project keeps its own soundtrack, not the mix.
        Project v1 = m_project;
        v1.version = 1;
        preview.setProject(v1);
        preview.play();
        QVERIFY(!preview.sound().isActive());
        preview.pause();
    }
};

QTEST_MAIN(TestPreviewSound)
#include "tst_previewsound.moc"
