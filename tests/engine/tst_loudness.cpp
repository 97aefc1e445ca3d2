// Loudness of the version 2 mix: MixedSound::prepare() measures the mix (an
// audio-only pass) and sets a gain, fill() applies it with a true-peak
// limiter. The output is measured on its own with libebur128, as delivered
// and after an AAC round trip like the render's (what a platform receives).

#include "TestAudio.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "audio/MixedSound.h"
#include "core/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace reelsmith;
using namespace testaudio;

namespace {

qint64 at(double seconds)
{
    return qint64(std::llround(seconds * kRate));
}

// Something like espeak's speech at full scale (about −18 LUFS with true
// peaks at 0 dBTP): syllables of 250 ms, each a 120 Hz voice of 25
// harmonics falling off as 1/k (a buzz 11 dB over its RMS at its peaks)
// opened by a 6 ms consonant burst 5.5 times as high as the vowel's peaks,
// in phrases of 1.6 s; the bursts peak at `peak`.
double buzz(double t)
{
    double sum = 0;
    for (int k = 1; k <= 25; ++k)
        sum += std::cos(2 * std::numbers::pi * 120 * k * t + 0.5 * k * k) / k;
    return sum;
}
double speechLike(qint64 i, double peak)
{
    static const double kSyllable[] = {1.0, 0.6, 0.8, 0.5, 0.7, 0.55};
    static const double kBuzzPeak = [] {
        double largest = 0;
        for (int j = 0; j < 4 * kRate / 120; ++j) // one period, 4x oversampled
            largest = std::max(largest, std::abs(buzz(j / (4.0 * kRate))));
        return largest;
    }();
    const double t = double(i) / kRate;
    const double inPhrase = std::fmod(t, 2.0);
    if (inPhrase > 1.6)
        return 0;
    const int syllable = int(inPhrase / 0.35);
    const double inSyllable = std::fmod(inPhrase, 0.35);
    if (inSyllable > 0.25)
        return 0;
    const double edge = std::min({1.0, inSyllable / 0.01, (0.25 - inSyllable) / 0.01});
    const double vowel = 0.18 * kSyllable[syllable] * edge * buzz(t) / kBuzzPeak;
    const double burst = inSyllable < 0.006
                             ? std::pow(std::sin(std::numbers::pi * inSyllable / 0.006), 2) *
                                   std::sin(2 * std::numbers::pi * 2500 * inSyllable)
                             : 0.0;
    return peak * (vowel + burst);
}

} // namespace

class LoudnessTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        testmedia::keepFilesIfAsked(m_dir);
        writeWav(path("quiet.wav"), at(8), 2, [](qint64 i, int) { return tone(1000, 0.025, i); });
        writeWav(path("loud.wav"), at(8), 2, [](qint64 i, int) { return tone(1000, 0.9, i); });
        writeWav(path("speech.wav"), at(8), 2, [](qint64 i, int) { return speechLike(i, 0.99); });
        writeWav(path("whisper.wav"), at(8), 2, [](qint64 i, int) { return speechLike(i, 0.03); });
        writeWav(path("music.wav"), at(12), 2,
                 [](qint64 i, int c) { return tone(c ? 330 : 440, 0.7, i); });
    }

    // Quiet and loud, smooth and peaky: the output reaches the target within
    // 1 LU with no true peak above −1 dBTP, before and after AAC.
    void reachesTarget_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<bool>("withMusic");
        QTest::addColumn<double>("target");
        QTest::newRow("quiet tone (-33 LUFS) to -14") << "quiet.wav" << false << -14.0;
        QTest::newRow("loud tone (-4 LUFS) to -14") << "loud.wav" << false << -14.0;
        QTest::newRow("peaky speech (0 dBFS peaks) to -14") << "speech.wav" << false << -14.0;
        QTest::newRow("peaky speech over music to -14") << "speech.wav" << true << -14.0;
        QTest::newRow("whispered speech to -23") << "whisper.wav" << false << -23.0;
        QTest::newRow("peaky speech to -10") << "speech.wav" << false << -10.0;
        QTest::newRow("quiet tone over music to -30") << "quiet.wav" << true << -30.0;
    }
    void reachesTarget()
    {
        QFETCH(QString, voice);
        QFETCH(bool, withMusic);
        QFETCH(double, target);
        MixPlan plan;
        plan.totalSamples = at(10);
        plan.voices = {{path(voice), at(1), std::nullopt, "scenes[0].voice_file"}};
        if (withMusic) {
            MixMusic music;
            music.path = path("music.wav");
            music.settings.volumeDb = -16;
            plan.music = music;
        }
        plan.loudnessLufs = target;
        MixedSound sound(plan);
        sound.prepare();
        const Stereo out = pullAll(sound);
        QCOMPARE(out.size(), plan.totalSamples);

        const Loudness direct = measure(out);
        writeAac(path("out.m4a"), out);
        const Loudness encoded = measure(decode(path("out.m4a")));
        const QString facts =
            QStringLiteral("mix %1 LUFS, gain %2 dB in %3 passes; output %4 LUFS %5 dBTP, "
                           "after AAC %6 LUFS %7 dBTP")
                .arg(sound.measuredLufs(), 0, 'f', 2)
                .arg(sound.appliedGainDb(), 0, 'f', 2)
                .arg(sound.loudnessPasses())
                .arg(direct.lufs, 0, 'f', 2)
                .arg(direct.truePeakDb, 0, 'f', 2)
                .arg(encoded.lufs, 0, 'f', 2)
                .arg(encoded.truePeakDb, 0, 'f', 2);
        qInfo().noquote() << facts;
        QVERIFY2(std::abs(direct.lufs - target) <= 1.0, qPrintable(facts));
        QVERIFY2(std::abs(encoded.lufs - target) <= 1.0, qPrintable(facts));
        QVERIFY2(direct.truePeakDb <= LoudnessTarget::kTruePeakCeilingDb, qPrintable(facts));
        QVERIFY2(encoded.truePeakDb <= LoudnessTarget::kTruePeakCeilingDb, qPrintable(facts));
        // What the summary reports agrees with what came out.
        QVERIFY2(std::abs(sound.outputLufs() - direct.lufs) <= 0.3, qPrintable(facts));
    }

    // `loudness_lufs: null`: the mix as it is, sample for sample.
    void noTargetLeavesLevels()
    {
        MixPlan plan;
        plan.totalSamples = at(3);
        plan.voices = {{path("loud.wav"), 0, std::nullopt, "scenes[0].voice_file"}};
        MixedSound sound(plan);
        sound.prepare();
        const Stereo out = pullAll(sound);
        const Stereo in = decode(path("loud.wav"));
        QCOMPARE(sound.appliedGainDb(), 0.0);
        QVERIFY(std::isnan(sound.measuredLufs()));
        double difference = 0;
        for (qint64 i = 0; i < out.size(); ++i)
            difference =
                std::max(difference, double(std::abs(out.left[size_t(i)] - in.left[size_t(i)])));
        QVERIFY2(difference < 1e-6, qPrintable(QString::number(difference)));
    }

    // The first pass keeps its mix on disk and the others, and the render,
    // read it back: the output is the same sample for sample as mixing
    // every time, the file goes with the sound, and a temporary folder that
    // cannot be written means mixing every time, not an error.
    void keptMixChangesNothing()
    {
        MixPlan plan;
        plan.totalSamples = at(10);
        plan.voices = {{path("speech.wav"), at(1), std::nullopt, "scenes[0].voice_file"}};
        MixMusic music;
        music.path = path("music.wav");
        music.settings.volumeDb = -16;
        plan.music = music;
        plan.loudnessLufs = -14;

        MixedSound remixed(plan);
        remixed.setMixKeptOnDisk(false);
        remixed.prepare();
        QVERIFY(remixed.keptMixPath().isEmpty());
        QVERIFY2(remixed.loudnessPasses() >= 2, "the limiter should take part here");
        const Stereo expected = pullAll(remixed);

        QString kept;
        {
            MixedSound sound(plan);
            sound.prepare();
            kept = sound.keptMixPath();
            QVERIFY(!kept.isEmpty());
            QVERIFY(QFileInfo(kept).isFile());
            // The whole mix, with the limiter's look-ahead: 8 bytes a sample.
            QVERIFY2(QFileInfo(kept).size() >= plan.totalSamples * 8,
                     qPrintable(QString::number(QFileInfo(kept).size())));
            QCOMPARE(sound.loudnessPasses(), remixed.loudnessPasses());
            QCOMPARE(sound.appliedGainDb(), remixed.appliedGainDb());
            const Stereo out = pullAll(sound);
            QCOMPARE(out.size(), expected.size());
            QVERIFY(out.left == expected.left);
            QVERIFY(out.right == expected.right);
        }
        QVERIFY2(!QFileInfo::exists(kept), qPrintable(kept));

        const QByteArray tmp = qgetenv("TMPDIR");
        for (const QString &nowhere : {path("no-such-folder"), path("music.wav")}) {
            qputenv("TMPDIR", QFile::encodeName(nowhere));
            MixedSound sound(plan);
            sound.prepare();
            if (tmp.isNull())
                qunsetenv("TMPDIR");
            else
                qputenv("TMPDIR", tmp);
            QVERIFY2(sound.keptMixPath().isEmpty(), qPrintable(sound.keptMixPath()));
            const Stereo out = pullAll(sound);
            QVERIFY(out.left == expected.left);
            QVERIFY(out.right == expected.right);
        }
    }

    // A file that is not audio (noise, a picture, a video without sound) is
    // refused when the mix is set up: BadInput naming the key and the file.
    void badSourceNamesKeyAndFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("asMusic");
        QTest::addColumn<bool>("knownSpeech");
        QTest::newRow("picture as music") << "picture.png" << true << true;
        QTest::newRow("noise as music") << "noise.mp3" << true << true;
        QTest::newRow("picture as voice") << "picture.png" << false << true;
        QTest::newRow("noise as voice") << "noise.wav" << false << true;
        QTest::newRow("noise as gated voice") << "noise.wav" << false << false;
        QTest::newRow("silent video as voice") << "silent.mp4" << false << false;
        QTest::newRow("missing voice") << "missing.wav" << false << true;
    }
    void badSourceNamesKeyAndFile()
    {
        QFETCH(QString, file);
        QFETCH(bool, asMusic);
        QFETCH(bool, knownSpeech);
        testmedia::writeImage(path("picture.png"), testmedia::solid({64, 64}, Qt::red), "PNG");
        for (const char *name : {"noise.wav", "noise.mp3"}) {
            QFile noise(path(QString::fromLatin1(name)));
            QVERIFY(noise.open(QIODevice::WriteOnly));
            noise.write(testmedia::randomBytes(20000, 7));
        }
        testmedia::writeVideo(path("silent.mp4"),
                              testmedia::colorCycle({64, 64}, 12, 12, {Qt::red, Qt::blue}));
        MixPlan plan;
        plan.totalSamples = at(2);
        plan.loudnessLufs = -14;
        MixMusic music;
        music.path = path(asMusic ? file : QStringLiteral("music.wav"));
        plan.music = music;
        plan.voices = {{path("quiet.wav"), 0, QList<SpeechSpan>{{0, 1}}, "scenes[0].narration"},
                       {path(asMusic ? QStringLiteral("quiet.wav") : file), at(1),
                        knownSpeech ? std::optional(QList<SpeechSpan>{{0, 1}}) : std::nullopt,
                        "scenes[1].voice_file"}};
        const QString key =
            asMusic ? QStringLiteral("music") : QStringLiteral("scenes[1].voice_file");
        try {
            MixedSound sound(plan);
            QFAIL("accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().startsWith(key + QStringLiteral(": ")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(path(file)), qPrintable(e.message()));
        }
    }
};

QTEST_MAIN(LoudnessTest)
#include "tst_loudness.moc"
