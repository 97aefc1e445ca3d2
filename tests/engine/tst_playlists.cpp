// A project names its media; nothing it names may make the engine read other
// files. HLS playlists and ffconcat lists are text files that FFmpeg opens
// by content and that point at any local file by path, so a "background
// video" or "soundtrack" of that kind must be refused, wherever a file is
// opened (background, thumbnail, soundtrack, probe, the CLI's render and
// probe), whatever it is named. The real containers around them still open.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "audio/Soundtrack.h"
#include "core/Error.h"
#include "media/Av.h"
#include "media/BackgroundReader.h"
#include "media/MediaProbe.h"
#include "media/VideoThumbnail.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testmedia;
using testcli::CliRun;

namespace {

const QColor kSecret(220, 30, 220); // the colour of the file no project names

QByteArray hlsPlaylist(const QString &target)
{
    return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n"
           "#EXTINF:2.0,\n" +
           QFile::encodeName(target) + "\n#EXT-X-ENDLIST\n";
}

// ffconcat's default "safe" mode takes only plain relative names, which is
// enough to reach anything in the project's own folder.
QByteArray concatList(const QString &targetName)
{
    return "ffconcat version 1.0\nfile '" + targetName.toUtf8() + "'\n";
}

} // namespace

class PlaylistTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static void addPlaylistRows(const QString &kind)
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("HLS .m3u8") << kind + QStringLiteral("-hls.m3u8");
        QTest::newRow("HLS named like media")
            << kind + (kind == QLatin1String("video") ? QStringLiteral("-hls.mp4")
                                                      : QStringLiteral("-hls.mp3"));
        QTest::newRow("ffconcat") << kind + QStringLiteral("-list.ffconcat");
        QTest::newRow("ffconcat named like media")
            << kind + (kind == QLatin1String("video") ? QStringLiteral("-list.mkv")
                                                      : QStringLiteral("-list.wav"));
    }

    void verifyRefusal(const Error &e, const QString &file)
    {
        QVERIFY2(e.kind() == ErrorKind::BadInput, qPrintable(e.message()));
        QVERIFY2(e.message().contains(file), qPrintable(e.message()));
    }

    QString writeProject(const QString &name, const QString &background, const QString &audio)
    {
        QJsonObject project = smallProject(
            {sceneJson(QStringLiteral("dot.png"), 1.0, QString(), QStringLiteral("top"))},
            background);
        if (!audio.isEmpty())
            project.insert(QStringLiteral("audio"), audio);
        const QString file = path(name);
        if (!writeJson(file, project))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        const QString cliProblem = testcli::cliProblem();
        QVERIFY2(cliProblem.isEmpty(), qPrintable(cliProblem));

        VideoSpec secret = colorCycle({96, 160}, 12, 24, {kSecret});
        secret.withAudio = true; // HLS takes segments by extension: .mp4 carries the sound too
        writeVideo(path("secret.mp4"), secret);
        writeTone(path("secret.m4a"), 2.0, 48000, 2, 440);
        writeVideo(path("own.mp4"), colorCycle({96, 160}, 12, 24, {QColor(30, 200, 40)}));
        writeImage(path("dot.png"), solid({8, 8}, Qt::white), "PNG");

        for (const QString &name :
             {QStringLiteral("video-hls.m3u8"), QStringLiteral("video-hls.mp4")})
            QVERIFY(writeFile(path(name), hlsPlaylist(path("secret.mp4"))));
        for (const QString &name :
             {QStringLiteral("video-list.ffconcat"), QStringLiteral("video-list.mkv")})
            QVERIFY(writeFile(path(name), concatList(QStringLiteral("secret.mp4"))));
        for (const QString &name :
             {QStringLiteral("audio-hls.m3u8"), QStringLiteral("audio-hls.mp3")})
            QVERIFY(writeFile(path(name), hlsPlaylist(path("secret.mp4"))));
        for (const QString &name :
             {QStringLiteral("audio-list.ffconcat"), QStringLiteral("audio-list.wav")})
            QVERIFY(writeFile(path(name), concatList(QStringLiteral("secret.m4a"))));
    }

    void backgroundRefusesPlaylists_data() { addPlaylistRows(QStringLiteral("video")); }

    void backgroundRefusesPlaylists()
    {
        QFETCH(QString, file);
        try {
            BackgroundReader reader(path(file), {96, 160});
            av::Frame frame = av::allocVideoFrame(96, 160, AV_PIX_FMT_YUV420P);
            reader.frameAt(0, frame.get());
            QFAIL("a playlist was read as the background");
        } catch (const Error &e) {
            verifyRefusal(e, path(file));
        }
    }

    void thumbnailRefusesPlaylists_data() { addPlaylistRows(QStringLiteral("video")); }

    void thumbnailRefusesPlaylists()
    {
        QFETCH(QString, file);
        try {
            const QImage image = videoThumbnail(path(file), {48, 80}, 0);
            QFAIL(qPrintable(QStringLiteral("a thumbnail was made, showing %1 (the other file: %2)")
                                 .arg(describe(sample(image, {24, 40})), describe(kSecret))));
        } catch (const Error &e) {
            verifyRefusal(e, path(file));
        }
    }

    void soundtrackRefusesPlaylists_data() { addPlaylistRows(QStringLiteral("audio")); }

    void soundtrackRefusesPlaylists()
    {
        QFETCH(QString, file);
        try {
            const Soundtrack soundtrack(path(file), Soundtrack::kSampleRate);
            QFAIL("a playlist was read as the soundtrack");
        } catch (const Error &e) {
            verifyRefusal(e, path(file));
        }
    }

    void probeRefusesPlaylists_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &kind : {QStringLiteral("video"), QStringLiteral("audio")})
            for (const QString &name :
                 {QStringLiteral("-hls.m3u8"), QStringLiteral("-list.ffconcat")})
                QTest::newRow(qPrintable(kind + name)) << kind + name;
        QTest::newRow("video-hls.mp4") << QStringLiteral("video-hls.mp4");
        QTest::newRow("audio-list.wav") << QStringLiteral("audio-list.wav");
    }

    void probeRefusesPlaylists()
    {
        QFETCH(QString, file);
        try {
            const MediaInfo info = probeMedia(path(file));
            QFAIL(qPrintable(QStringLiteral("probed as %1").arg(info.format)));
        } catch (const Error &e) {
            verifyRefusal(e, path(file));
        }
    }

    // SPEC: exit 2 and one error line naming the file; no video is written.
    void cliRefusesPlaylists_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("background");
        QTest::addColumn<QString>("audio");
        QTest::addColumn<QString>("named");
        const QString own = QStringLiteral("own.mp4");
        QTest::newRow("render, HLS background") << "render"
                                                << "video-hls.m3u8"
                                                << ""
                                                << "video-hls.m3u8";
        QTest::newRow("render, HLS named .mp4 background") << "render"
                                                           << "video-hls.mp4"
                                                           << ""
                                                           << "video-hls.mp4";
        QTest::newRow("render, ffconcat background") << "render"
                                                     << "video-list.ffconcat"
                                                     << ""
                                                     << "video-list.ffconcat";
        QTest::newRow("render, HLS soundtrack") << "render" << own << "audio-hls.m3u8"
                                                << "audio-hls.m3u8";
        QTest::newRow("render, ffconcat soundtrack named .wav")
            << "render" << own << "audio-list.wav"
            << "audio-list.wav";
        QTest::newRow("probe, HLS named .mp4") << "probe"
                                               << ""
                                               << ""
                                               << "video-hls.mp4";
        QTest::newRow("probe, ffconcat") << "probe"
                                         << ""
                                         << ""
                                         << "video-list.ffconcat";
    }

    void cliRefusesPlaylists()
    {
        QFETCH(QString, verb);
        QFETCH(QString, background);
        QFETCH(QString, audio);
        QFETCH(QString, named);
        const QString out = path(QStringLiteral("out-%1.mp4").arg(QTest::currentDataTag()));
        const QStringList args =
            verb == QLatin1String("probe")
                ? QStringList{verb, path(named)}
                : QStringList{verb,
                              writeProject(QStringLiteral("%1.reel.json")
                                               .arg(QString::fromUtf8(QTest::currentDataTag())),
                                           background, audio),
                              QStringLiteral("-o"), out, QStringLiteral("--quiet")};
        const CliRun r = testcli::runCli(args, m_dir.path());
        QVERIFY2(r.exited(2), qPrintable(r.describe()));
        const QStringList lines = r.errLines();
        QVERIFY2(lines.size() == 1 && lines.first().startsWith(QLatin1String("error: ")) &&
                     lines.first().contains(named),
                 qPrintable(r.describe()));
        QVERIFY2(!QFile::exists(out), qPrintable(out));
    }

    // The containers the whitelist keeps, beyond those the other suites
    // already open (mp4, mov, mkv, wav, mp3, m4a, ogg, flac).
    void realContainersStillOpen_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("encoder");
        QTest::newRow("avi") << "clip.avi" << QByteArray("libx264");
        QTest::newRow("flv") << "clip.flv" << QByteArray("libx264");
        QTest::newRow("mpegts") << "clip.ts" << QByteArray("libx264");
        QTest::newRow("mpeg program stream") << "clip.mpg" << QByteArray("mpeg2video");
        QTest::newRow("webm") << "clip.webm" << QByteArray("libvpx-vp9");
    }

    void realContainersStillOpen()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, encoder);
        if (!avcodec_find_encoder_by_name(encoder.constData()))
            QSKIP("this FFmpeg cannot write the clip");
        VideoSpec spec =
            colorCycle({96, 160}, 24, 48, {kSecret}); // MPEG-2 takes only standard rates
        spec.encoder = encoder.constData();
        writeVideo(path(file), spec);
        BackgroundReader reader(path(file), {96, 160});
        av::Frame frame = av::allocVideoFrame(96, 160, AV_PIX_FMT_YUV420P);
        reader.frameAt(0.5, frame.get());
        QVERIFY(reader.duration() > 1.5);
        QVERIFY(!probeMedia(path(file)).streams.isEmpty());
    }
};

QTEST_MAIN(PlaylistTest)
#include "tst_playlists.moc"
