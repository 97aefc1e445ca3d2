// The version 2 mix (MixedSound without a loudness target): voices placed on
// the timeline at unity gain, music looped, faded and ducked under them.
// Music is a tone at kMusicHz, voices a tone at kVoiceHz; each band is
// measured in 50 ms windows of the output.

#include "TestAudio.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "audio/MixedSound.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testaudio;

namespace {

constexpr double kMusicHz = 440;
constexpr double kVoiceHz = 1500;
constexpr double kToneDb = -6.0206; // a sine of amplitude 0.5

qint64 at(double seconds)
{
    return qint64(std::llround(seconds * kRate));
}

// The largest step a sine of `amplitude` at `frequency` takes between samples.
double naturalStep(double frequency, double amplitude)
{
    return 2 * std::numbers::pi * frequency / kRate * amplitude;
}

} // namespace

class MixerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static MixMusic music(const QString &file, double duckDb, double fadeIn = 0, double fadeOut = 0,
                          double volumeDb = 0)
    {
        MixMusic m;
        m.path = file;
        m.settings.volumeDb = volumeDb;
        m.settings.duckDb = duckDb;
        m.settings.fadeIn = fadeIn;
        m.settings.fadeOut = fadeOut;
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        testmedia::keepFilesIfAsked(m_dir);
        // 10 s of music, and a music loop of 0.682 s that ends near a crest
        // of its sine (300.25 periods): looped hard, it would jump by 0.5.
        writeWav(path("music.wav"), at(10), 2,
                 [](qint64 i, int) { return tone(kMusicHz, 0.5, i); });
        writeWav(path("loop.wav"), qint64(300.25 / kMusicHz * kRate), 2,
                 [](qint64 i, int) { return tone(kMusicHz, 0.5, i); });
        // A voice speaking 2 s, and one that speaks, pauses 1.2 s, speaks again.
        writeWav(path("voice.wav"), at(2), 2, [](qint64 i, int) { return tone(kVoiceHz, 0.5, i); });
        writeWav(path("gaps.wav"), at(3), 2, [](qint64 i, int) {
            const bool speaking = i < at(0.8) || (i >= at(2.0) && i < at(2.6));
            return speaking ? tone(kVoiceHz, 0.5, i) : 0.0;
        });
        // A voice that makes no sound: the music alone, ducked by its known words.
        writeWav(path("silent.wav"), at(2), 2, [](qint64, int) { return 0.0; });
        testmedia::writeTone(path("voice.m4a"), 2, 48000, 2, kVoiceHz);
        testmedia::writeTone(path("voice.mp3"), 2, 44100, 1, kVoiceHz);
        writeWav(path("blip.wav"), at(0.15), 1,
                 [](qint64 i, int) { return tone(kVoiceHz, 0.5, i); });
    }

    // The music drops by duck_db while the voice speaks (known words) and comes back after.
    void musicDucksUnderKnownSpeech_data()
    {
        QTest::addColumn<double>("duckDb");
        QTest::newRow("-12 dB") << -12.0;
        QTest::newRow("-20 dB") << -20.0;
        QTest::newRow("-6 dB") << -6.0;
    }
    void musicDucksUnderKnownSpeech()
    {
        QFETCH(double, duckDb);
        MixPlan plan;
        plan.totalSamples = at(6);
        plan.music = music(path("music.wav"), duckDb, 0.5, 0.5, -6);
        // Speaks 1.5 s → 3.5 s of the video.
        plan.voices = {
            {path("voice.wav"), at(1.5), QList<SpeechSpan>{{0.0, 2.0}}, "scenes[1].narration"}};
        MixedSound sound(plan);
        const Stereo out = pullAll(sound);
        QCOMPARE(out.size(), plan.totalSamples);

        const double before = bandAt(out, 1.0, kMusicHz);
        QVERIFY2(std::abs(before - (kToneDb - 6)) < 0.5, qPrintable(QString::number(before)));
        for (double t : {1.55, 2.0, 2.5, 3.0, 3.45}) {
            const double during = bandAt(out, t, kMusicHz);
            QVERIFY2(std::abs(during - before - duckDb) <= 1.0,
                     qPrintable(QStringLiteral("at %1 s the music is %2 dB from its level, not %3")
                                    .arg(t)
                                    .arg(during - before)
                                    .arg(duckDb)));
        }
        // Attack: already on its way down before the first word; release: still down right after.
        QVERIFY(bandAt(out, 1.47, kMusicHz) < before - 1);
        QVERIFY(bandAt(out, 3.6, kMusicHz) < before - 1);
        // Back after the 300 ms release.
        for (double t : {3.9, 4.5, 4.9})
            QVERIFY2(std::abs(bandAt(out, t, kMusicHz) - before) <= 0.5,
                     qPrintable(QString::number(t)));
        // The voice at unity gain while it speaks, and nothing of it before.
        QVERIFY(std::abs(bandAt(out, 2.5, kVoiceHz) - kToneDb) < 0.5);
        QVERIFY(bandAt(out, 1.0, kVoiceHz) < kToneDb - 40);
    }

    // A recorded voice with pauses: the energy gate finds its phrases, so the
    // music comes back in a long pause and drops again.
    void energyGateFindsPhrases()
    {
        MixPlan plan;
        plan.totalSamples = at(5);
        plan.music = music(path("music.wav"), -12);
        plan.voices = {{path("gaps.wav"), at(1), std::nullopt, "scenes[0].voice_file"}};
        MixedSound sound(plan);
        QCOMPARE(sound.ducking().phrases().size(), size_t(2));
        const Stereo out = pullAll(sound);
        const double open = bandAt(out, 0.5, kMusicHz);
        QVERIFY(std::abs(open - kToneDb) < 0.5);
        for (double t : {1.1, 1.5, 1.75}) // first phrase: 1.0 → 1.8 s
            QVERIFY2(std::abs(bandAt(out, t, kMusicHz) - open + 12) <= 1,
                     qPrintable(QString::number(t)));
        for (double t : {2.3, 2.7}) // the pause: released at 2.1 s, attack from 2.92 s
            QVERIFY2(std::abs(bandAt(out, t, kMusicHz) - open) <= 0.5,
                     qPrintable(QString::number(t)));
        for (double t : {3.1, 3.5}) // second phrase: 3.0 → 3.6 s
            QVERIFY2(std::abs(bandAt(out, t, kMusicHz) - open + 12) <= 1,
                     qPrintable(QString::number(t)));
        QVERIFY(std::abs(bandAt(out, 4.5, kMusicHz) - open) <= 0.5);
    }

    // A short pause (less than attack + release) stays ducked: no pumping.
    void shortPauseStaysDucked()
    {
        MixPlan plan;
        plan.totalSamples = at(4);
        plan.music = music(path("music.wav"), -12);
        plan.voices = {{path("silent.wav"), at(1), QList<SpeechSpan>{{0.0, 0.5}, {0.8, 1.5}}, "v"}};
        MixedSound sound(plan);
        const Stereo out = pullAll(sound);
        const double open = bandAt(out, 0.5, kMusicHz);
        for (double t : {1.6, 1.65, 1.7}) // the 300 ms pause
            QVERIFY(std::abs(bandAt(out, t, kMusicHz) - open + 12) <= 1);
    }

    // Ramps at the ducking edges, fades and loop points never click: no step
    // between samples much larger than the music's own largest step.
    void noClicks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("duckDb");
        QTest::addColumn<double>("fadeIn");
        QTest::addColumn<double>("fadeOut");
        QTest::newRow("duck -40 dB") << "music.wav" << -40.0 << 0.0 << 0.0;
        QTest::newRow("duck -12 dB, fades") << "music.wav" << -12.0 << 0.3 << 0.3;
        QTest::newRow("loops of 0.68 s") << "loop.wav" << 0.0 << 0.0 << 0.0;
        QTest::newRow("loops, ducked, fades") << "loop.wav" << -20.0 << 1.0 << 1.0;
    }
    void noClicks()
    {
        QFETCH(QString, file);
        QFETCH(double, duckDb);
        QFETCH(double, fadeIn);
        QFETCH(double, fadeOut);
        MixPlan plan;
        plan.totalSamples = at(6);
        plan.music = music(path(file), duckDb, fadeIn, fadeOut);
        // Speech that starts and ends on its own, and a phrase at the video's start.
        plan.voices = {
            {path("silent.wav"), 0, QList<SpeechSpan>{{0.0, 0.4}}, "a"},
            {path("silent.wav"), at(1.3), QList<SpeechSpan>{{0.1, 0.9}, {1.7, 1.9}}, "b"},
            {path("silent.wav"), at(4.2), QList<SpeechSpan>{{0.0, 1.0}}, "c"}};
        MixedSound sound(plan);
        const Stereo out = pullAll(sound);
        QCOMPARE(out.size(), plan.totalSamples);
        const double limit = 1.5 * naturalStep(kMusicHz, 0.5);
        const double step = largestStep(out);
        QVERIFY2(step <= limit, qPrintable(QStringLiteral("a step of %1 (a click); the tone's own "
                                                          "largest is %2")
                                               .arg(step)
                                               .arg(naturalStep(kMusicHz, 0.5))));
        if (file == QLatin1String("loop.wav")) {
            // Still music after the loop points (not silence), at its level.
            for (double t : {2.5, 3.0})
                QVERIFY(bandAt(out, t, kMusicHz) > kToneDb - 1 + duckDb * (t > 1.2 && t < 3.5));
        }
    }

    // Fades: in from silence at the start, out to silence at the video's end,
    // halfway (−6 dB) at their middles; music longer than the video is cut there.
    void fades()
    {
        MixPlan plan;
        plan.totalSamples = at(4);
        plan.music = music(path("music.wav"), -12, 1.0, 1.0);
        MixedSound sound(plan);
        const Stereo out = pullAll(sound);
        QCOMPARE(out.size(), at(4));
        const double full = bandAt(out, 2.0, kMusicHz);
        QVERIFY(std::abs(full - kToneDb) < 0.3);
        QVERIFY(bandAt(out, 0.03, kMusicHz) < full - 30);
        QVERIFY(std::abs(bandAt(out, 0.5, kMusicHz) - (full - 6.02)) < 1);
        QVERIFY(std::abs(bandAt(out, 3.5, kMusicHz) - (full - 6.02)) < 1);
        QVERIFY(bandAt(out, 3.97, kMusicHz) < full - 30);
        float lastPeak = 0;
        for (qint64 i = at(4) - 48; i < at(4); ++i)
            lastPeak = std::max(lastPeak, std::abs(out.left[size_t(i)]));
        QVERIFY(lastPeak < 1e-3);
    }

    // A voice is heard from its start sample, whatever its format (encoder
    // delays of AAC and MP3 are the decoder's to remove).
    void voiceStartsAtItsSample_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("start");
        QTest::newRow("wav at 0") << "voice.wav" << qint64(0);
        QTest::newRow("wav at 12345") << "voice.wav" << qint64(12345);
        QTest::newRow("wav at 2 s + 7") << "voice.wav" << at(2) + 7;
        QTest::newRow("m4a at 1 s") << "voice.m4a" << at(1);
        QTest::newRow("mp3 44.1 kHz mono at 1 s") << "voice.mp3" << at(1);
    }
    void voiceStartsAtItsSample()
    {
        QFETCH(QString, file);
        QFETCH(qint64, start);
        MixPlan plan;
        plan.totalSamples = at(4.5);
        plan.voices = {{path(file), start, QList<SpeechSpan>{{0, 2}}, "scenes[0].voice_file"}};
        MixedSound sound(plan);
        const Stereo out = pullAll(sound);
        qint64 onset = -1;
        for (qint64 i = 0; i < out.size() && onset < 0; ++i)
            if (std::abs(out.left[size_t(i)]) > 0.05)
                onset = i;
        QVERIFY2(
            std::abs(onset - start) <= 3 * kRate / 1000,
            qPrintable(QStringLiteral("heard at sample %1, placed at %2").arg(onset).arg(start)));
        // Unity gain (a mono file is spread over both channels at −3 dB each).
        const double expected = file.endsWith(QLatin1String("mp3")) ? kToneDb - 3.01 : kToneDb;
        QVERIFY2(std::abs(bandAt(out, double(start) / kRate + 1, kVoiceHz) - expected) < 0.5,
                 qPrintable(QString::number(bandAt(out, double(start) / kRate + 1, kVoiceHz))));
    }

    // 200 scenes' voices: each is opened when it starts and closed when it
    // ends, so only the overlapping ones are open at once, and all are heard.
    void manyVoicesFewDecoders()
    {
        MixPlan plan;
        plan.totalSamples = at(20.5);
        plan.music = music(path("music.wav"), -12);
        for (int i = 0; i < 200; ++i)
            plan.voices.append({path("blip.wav"), at(0.1 * i), QList<SpeechSpan>{{0, 0.15}},
                                QStringLiteral("scenes[%1].narration").arg(i)});
        MixedSound sound(plan);
        const Stereo out = pullAll(sound);
        QVERIFY2(sound.peakOpenVoices() <= 3, qPrintable(QString::number(sound.peakOpenVoices())));
        QVERIFY(sound.peakOpenVoices() >= 2); // the overlaps did happen
        for (int i : {0, 57, 199})
            QVERIFY(bandAt(out, 0.1 * i + 0.075, kVoiceHz) >
                    kToneDb - 3.01 - 0.5); // mono: -3 dB a channel
    }
};

QTEST_MAIN(MixerTest)
#include "tst_mixer.moc"
