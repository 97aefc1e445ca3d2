// The project's `audio`: decoded from any format FFmpeg reads, laid under the
// video as 48 kHz stereo AAC, trimmed with a fade or padded with silence to
// the video's length. Renders go through RenderJob and are decoded back.

#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace reelsmith;
using namespace testmedia;

namespace {

constexpr int kFps = 12;
constexpr double kFrame = 1.0 / kFps;
constexpr double kToneRms = 0.5 / 1.41421356; // a sine of amplitude 0.5

// Whether this FFmpeg build can write the format the file name asks for.
bool canWrite(const QString &file)
{
    const QString suffix = file.section(QLatin1Char('.'), -1);
    const char *encoder = suffix == QLatin1String("mp3")   ? "libmp3lame"
                          : suffix == QLatin1String("ogg") ? "libvorbis"
                          : suffix == QLatin1String("m4a") ? "aac"
                          : suffix == QLatin1String("wav") ? "pcm_s16le"
                                                           : "flac";
    return avcodec_find_encoder_by_name(encoder) != nullptr;
}

// The largest distance in time between neighbouring packets of different
// streams, taken in file order: small when the streams are interleaved.
double interleaveGap(const QString &path)
{
    AVFormatContext *raw = nullptr;
    if (avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr) < 0)
        return -1;
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext *)> fmt(
        raw, [](AVFormatContext *c) { avformat_close_input(&c); });
    if (avformat_find_stream_info(fmt.get(), nullptr) < 0)
        return -1;
    struct Entry
    {
        int64_t pos;
        int stream;
        double seconds;
    };
    QList<Entry> entries;
    std::unique_ptr<AVPacket, void (*)(AVPacket *)> pkt(av_packet_alloc(),
                                                        [](AVPacket *p) { av_packet_free(&p); });
    while (av_read_frame(fmt.get(), pkt.get()) >= 0) {
        const AVStream *st = fmt->streams[pkt->stream_index];
        entries.append({pkt->pos, pkt->stream_index, double(pkt->dts) * av_q2d(st->time_base)});
        av_packet_unref(pkt.get());
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.pos < b.pos; });
    double gap = 0;
    for (qsizetype i = 1; i < entries.size(); ++i)
        if (entries[i].stream != entries[i - 1].stream)
            gap = std::max(gap, std::abs(entries[i].seconds - entries[i - 1].seconds));
    return gap;
}

} // namespace

class SoundtrackTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Project project(double seconds, const QString &audio,
                    const QString &background = QStringLiteral("bg.mp4")) const
    {
        Project p;
        p.baseDir = m_dir.path();
        p.background = background;
        p.version = 1; // a version 1 soundtrack
        p.audio = audio;
        p.output.width = 180;
        p.output.height = 320;
        p.output.fps = kFps;
        p.scenes = {{QStringLiteral("blue.png"), seconds, QString(), Layout::Center}};
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        writeImage(path("blue.png"), solid({400, 300}, QColor(30, 40, 220)), "PNG");
        writeVideo(path("bg.mp4"), colorCycle({96, 160}, kFps, kFps, {Qt::red, Qt::yellow}));
    }

    void soundtrackFitsTheVideo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("audioSeconds");
        QTest::addColumn<int>("sampleRate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<double>("videoSeconds");

        // Longer than the video: trimmed with a fade.
        QTest::newRow("mp3 longer") << "long.mp3" << 4.0 << 44100 << 2 << 2.5;
        QTest::newRow("wav longer") << "long.wav" << 4.0 << 44100 << 2 << 2.5;
        QTest::newRow("m4a longer") << "long.m4a" << 4.0 << 44100 << 2 << 2.5;
        QTest::newRow("ogg longer") << "long.ogg" << 4.0 << 44100 << 2 << 2.5;
        QTest::newRow("flac longer") << "long.flac" << 4.0 << 48000 << 2 << 2.5;
        QTest::newRow("mp3 mono 22050 longer") << "mono.mp3" << 4.0 << 22050 << 1 << 2.5;
        // Shorter: padded with silence.
        QTest::newRow("mp3 shorter") << "short.mp3" << 1.0 << 44100 << 2 << 2.5;
        QTest::newRow("wav mono 22050 shorter") << "mono.wav" << 1.0 << 22050 << 1 << 2.5;
        QTest::newRow("m4a shorter") << "short.m4a" << 1.0 << 48000 << 2 << 2.5;
        QTest::newRow("ogg shorter") << "short.ogg" << 1.0 << 32000 << 2 << 2.5;
        QTest::newRow("flac shorter") << "short.flac" << 1.0 << 44100 << 1 << 2.5;
        // A length that is no whole number of AAC frames or video frames.
        QTest::newRow("wav odd length") << "odd.wav" << 3.0 << 44100 << 2 << 1.0 + 7 * kFrame;
    }

    void soundtrackFitsTheVideo()
    {
        QFETCH(QString, file);
        QFETCH(double, audioSeconds);
        QFETCH(int, sampleRate);
        QFETCH(int, channels);
        QFETCH(double, videoSeconds);
        if (!canWrite(file))
            QSKIP("this FFmpeg build cannot write the format");
        writeTone(path(file), audioSeconds, sampleRate, channels, 440);

        const QString out = path(file + QStringLiteral(".out.mp4"));
        const RenderResult result = RenderJob(project(videoSeconds, file), out).run();
        const double video = double(result.frames) / kFps;
        const VideoFacts facts = probe(out);
        QCOMPARE(facts.videoStreams, 1);
        QCOMPARE(facts.audioStreams, 1);
        QCOMPARE(facts.frames, int(result.frames));

        const AudioTrack track = decodeAudio(out);
        QCOMPARE(track.codec, QStringLiteral("aac"));
        QCOMPARE(track.sampleRate, 48000);
        QCOMPARE(track.channels, 2);
        QVERIFY2(qAbs(track.streamDuration - video) <= kFrame,
                 qPrintable(QStringLiteral("audio stream %1 s, video %2 s")
                                .arg(track.streamDuration)
                                .arg(video)));
        QVERIFY2(
            qAbs(track.seconds() - video) <= kFrame,
            qPrintable(QStringLiteral("decoded %1 s, video %2 s").arg(track.seconds()).arg(video)));

        // Mono spreads to both sides at -3 dB.
        const double tone = channels == 1 ? kToneRms / 1.41421356 : kToneRms;
        const double start = track.rms(0.1, 0.9);
        QVERIFY2(qAbs(start - tone) < 0.25 * tone,
                 qPrintable(QStringLiteral("start RMS %1, tone %2").arg(start).arg(tone)));
        if (audioSeconds > videoSeconds) {
            const double before = track.rms(video - 1.1, video - 1.0);
            const double last = track.rms(video - 0.1, video);
            QVERIFY2(qAbs(before - tone) < 0.25 * tone,
                     qPrintable(QStringLiteral("RMS a second before the end %1").arg(before)));
            QVERIFY2(last < 0.3 * before,
                     qPrintable(QStringLiteral("no fade: last 0.1 s RMS %1, a second before %2")
                                    .arg(last)
                                    .arg(before)));
        } else {
            const double tail = track.rms(audioSeconds + 0.2, video);
            QVERIFY2(tail < 0.01,
                     qPrintable(QStringLiteral("padding is not silent: RMS %1").arg(tail)));
            // The file's own end is not faded: it was not cut.
            const double end = track.rms(audioSeconds - 0.2, audioSeconds - 0.1);
            QVERIFY2(qAbs(end - tone) < 0.25 * tone,
                     qPrintable(QStringLiteral("RMS before the file's end %1").arg(end)));
        }
    }

    void streamsAreInterleaved()
    {
        writeTone(path("inter.wav"), 6.0, 44100, 2, 330);
        RenderJob(project(5.0, QStringLiteral("inter.wav")), path("inter.mp4")).run();
        const double gap = interleaveGap(path("inter.mp4"));
        QVERIFY2(gap >= 0 && gap < 1.0, qPrintable(QStringLiteral("gap %1 s").arg(gap)));
    }

    void badAudioIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content"); // empty: made by the test itself

        QByteArray noise(64 * 1024, 0);
        QRandomGenerator random(7);
        for (char &c : noise)
            c = char(random.bounded(256));
        QTest::newRow("garbage") << "noise.mp3" << noise;
        QTest::newRow("text") << "notes.m4a" << QByteArray("not audio at all\n").repeated(200);
        QTest::newRow("missing") << "gone.mp3" << QByteArray();
        QTest::newRow("video only") << "silent.mp4" << QByteArray();
        QTest::newRow("picture") << "blue.png" << QByteArray();
    }

    void badAudioIsRefused()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        if (!content.isEmpty()) {
            QFile f(path(file));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(content), content.size());
        } else if (file == QLatin1String("silent.mp4")) {
            writeVideo(path(file), colorCycle({96, 160}, kFps, 6, {Qt::green}));
        }
        const QString out = path(QStringLiteral("refused.mp4"));
        try {
            RenderJob(project(1.0, file), out).run();
            QFAIL("a render with unusable audio must throw");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(QStringLiteral("audio")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(out));
        QVERIFY2(partFiles(m_dir.path()).isEmpty(),
                 qPrintable(partFiles(m_dir.path()).join(QLatin1Char(' '))));
    }

    void backgroundAudioIsNeverUsed()
    {
        VideoSpec loud = colorCycle({96, 160}, kFps, kFps, {Qt::red, Qt::yellow});
        loud.withAudio = true;
        writeVideo(path("loud.mp4"), loud);
        QCOMPARE(probe(path("loud.mp4")).audioStreams, 1);

        RenderJob(project(1.0, QString(), QStringLiteral("loud.mp4")), path("mute.mp4")).run();
        QCOMPARE(probe(path("mute.mp4")).audioStreams, 0);

        // With a soundtrack, it is the only audio.
        writeTone(path("own.wav"), 2.0, 44100, 2, 440);
        RenderJob(project(1.0, QStringLiteral("own.wav"), QStringLiteral("loud.mp4")),
                  path("own.mp4"))
            .run();
        QCOMPARE(probe(path("own.mp4")).audioStreams, 1);
        QVERIFY(decodeAudio(path("own.mp4")).rms(0.1, 0.5) > 0.2);
    }
};

QTEST_MAIN(SoundtrackTest)
#include "tst_soundtrack.moc"
