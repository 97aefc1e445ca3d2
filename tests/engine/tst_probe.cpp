// MediaProbe and `reelsmith-cli probe`: the facts reelsmith-cli(1) promises, for
// clips, sound and pictures the test makes itself, and the refusals.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "media/MediaProbe.h"

#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testcli;
using namespace testmedia;

namespace {

constexpr double kClipSeconds = 2.0; // 24 frames at 12 fps

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const QStringList kVideoStreamKeys =
    sorted({"type", "codec", "width", "height", "fps", "rotation", "pix_fmt"});
const QStringList kAudioStreamKeys = sorted({"type", "codec", "channels", "sample_rate"});
const QStringList kMediaKeys = sorted({"path", "kind", "format", "duration", "streams"});
const QStringList kImageKeys = sorted({"path", "kind", "format", "width", "height", "orientation"});

} // namespace

class ProbeTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    CliRun runCli(const QStringList &args) const { return testcli::runCli(args, m_dir.path()); }

    // Exit 0, nothing on stderr, and stdout is exactly one JSON object.
    static QJsonObject verifiedJson(const CliRun &r)
    {
        [&] {
            QVERIFY2(r.exited(0), qPrintable(r.describe()));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));
        }();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        [&] {
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(),
                     qPrintable(error.errorString() + QLatin1String("; ") + r.describe()));
        }();
        return doc.object();
    }

    static void verifyClip(const MediaInfo &info, const QString &format, QSize size, int rotation,
                           bool withAudio)
    {
        QCOMPARE(info.kind, MediaInfo::Kind::Video);
        QCOMPARE(info.format, format);
        QVERIFY2(std::abs(info.duration - kClipSeconds) <= 0.1,
                 qPrintable(QStringLiteral("duration %1").arg(info.duration)));
        QCOMPARE(info.streams.size(), withAudio ? 2 : 1);
        const StreamInfo &v = info.streams.first();
        QCOMPARE(v.type, StreamInfo::Type::Video);
        QCOMPARE(v.codec, QStringLiteral("h264"));
        QCOMPARE(v.width, size.width());
        QCOMPARE(v.height, size.height());
        QCOMPARE(v.fps, 12.0);
        QCOMPARE(v.rotation, rotation);
        QCOMPARE(v.pixelFormat, QStringLiteral("yuv420p"));
        if (withAudio) {
            const StreamInfo &a = info.streams.last();
            QCOMPARE(a.type, StreamInfo::Type::Audio);
            QCOMPARE(a.codec, QStringLiteral("aac"));
            QCOMPARE(a.channels, 2);
            QCOMPARE(a.sampleRate, 48000);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(cliProblem().isEmpty(), qPrintable(cliProblem()));

        VideoSpec clip = colorCycle({96, 160}, 12, 24, {Qt::red, Qt::green, Qt::blue});
        writeVideo(path("clip.mp4"), clip);
        writeVideo(path("real.mov"), clip); // the QuickTime muxer, from the name
        writeVideo(path("clip.mkv"), clip);
        writeVideo(path("mp4.tmp.mp4"), clip);
        QVERIFY(QFile::rename(path("mp4.tmp.mp4"), path("mp4-named.mov")));
        QVERIFY(QDir().mkpath(path("Видео клипы")));
        writeVideo(path("Видео клипы/клип.mp4"), clip);
        VideoSpec rotated = clip;
        rotated.rotation = 90;
        writeVideo(path("rotated.mp4"), rotated);
        VideoSpec voiced = clip;
        voiced.withAudio = true;
        writeVideo(path("voiced.mp4"), voiced);
        writeTone(path("tone.wav"), 1.5, 48000, 1, 440);

        writeJpegWithOrientation(path("photo-6.jpg"), quadrants({200, 120}), 6);
        writeImage(path("plain.png"), quadrants({33, 17}), "PNG");
        writeImage(path("plain.jpg"), quadrants({64, 48}), "JPEG");
        writeImage(path("plain.bmp"), quadrants({20, 10}), "BMP");
        QVERIFY(QFile::copy(path("plain.png"), path("png-named.mp4")));
        QVERIFY(QFile::copy(path("plain.png"), path("фото.png")));
        if (QImageWriter::supportedImageFormats().contains("webp"))
            writeImage(path("picture.webp"), quadrants({50, 30}), "WEBP", 90);

        QVERIFY(writeFile(path("garbage.mp4"), randomBytes(64 * 1024, 7)));
        QVERIFY(writeFile(path("garbage.jpg"), randomBytes(4096, 11)));
        QVERIFY(writeFile(path("notes.txt"), "not a picture, not a video\n"));
        QVERIFY(writeFile(path("empty.mp4"), QByteArray()));
        QVERIFY(QDir().mkpath(path("folder.mp4")));
        // The first kilobytes of a real clip: an MP4 whose samples are gone.
        QVERIFY(writeFile(path("cut.mp4"), readFile(path("clip.mp4")).left(40)));
    }

    void videoFacts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<bool>("withAudio");
        QTest::newRow("mp4") << "clip.mp4"
                             << "mp4" << 0 << false;
        QTest::newRow("QuickTime mov") << "real.mov"
                                       << "mov" << 0 << false;
        QTest::newRow("mp4 named .mov") << "mp4-named.mov"
                                        << "mp4" << 0 << false;
        QTest::newRow("matroska") << "clip.mkv"
                                  << "matroska" << 0 << false;
        QTest::newRow("display matrix") << "rotated.mp4"
                                        << "mp4" << 90 << false;
        QTest::newRow("with audio") << "voiced.mp4"
                                    << "mp4" << 0 << true;
        QTest::newRow("Cyrillic path") << "Видео клипы/клип.mp4"
                                       << "mp4" << 0 << false;
    }

    void videoFacts()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, rotation);
        QFETCH(bool, withAudio);
        const MediaInfo info = probeMedia(path(file));
        QCOMPARE(info.path, path(file));
        // Sizes are as stored: a rotated clip keeps its coded 96x160.
        verifyClip(info, format, {96, 160}, rotation, withAudio);
    }

    void audioFacts()
    {
        const MediaInfo info = probeMedia(path("tone.wav"));
        QCOMPARE(info.kind, MediaInfo::Kind::Audio);
        QCOMPARE(info.format, QStringLiteral("wav"));
        QVERIFY2(std::abs(info.duration - 1.5) <= 0.1,
                 qPrintable(QStringLiteral("duration %1").arg(info.duration)));
        QCOMPARE(info.streams.size(), 1);
        const StreamInfo &a = info.streams.first();
        QCOMPARE(a.type, StreamInfo::Type::Audio);
        QCOMPARE(a.codec, QStringLiteral("pcm_s16le"));
        QCOMPARE(a.channels, 1);
        QCOMPARE(a.sampleRate, 48000);
    }

    void pictureFacts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("orientation");
        // Stored size: EXIF 6 turns 200x120 upright into 120x200 only when shown.
        QTest::newRow("JPEG, EXIF 6") << "photo-6.jpg"
                                      << "jpeg" << QSize(200, 120) << 6;
        QTest::newRow("JPEG") << "plain.jpg"
                              << "jpeg" << QSize(64, 48) << 1;
        QTest::newRow("PNG") << "plain.png"
                             << "png" << QSize(33, 17) << 1;
        QTest::newRow("BMP") << "plain.bmp"
                             << "bmp" << QSize(20, 10) << 1;
        QTest::newRow("PNG named .mp4") << "png-named.mp4"
                                        << "png" << QSize(33, 17) << 1;
        QTest::newRow("Cyrillic name") << "фото.png"
                                       << "png" << QSize(33, 17) << 1;
        if (QImageWriter::supportedImageFormats().contains("webp"))
            QTest::newRow("WebP") << "picture.webp"
                                  << "webp" << QSize(50, 30) << 1;
    }

    void pictureFacts()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QSize, size);
        QFETCH(int, orientation);
        const MediaInfo info = probeMedia(path(file));
        QCOMPARE(info.kind, MediaInfo::Kind::Image);
        QCOMPARE(info.path, path(file));
        QCOMPARE(info.format, format);
        QCOMPARE(QSize(info.width, info.height), size);
        QCOMPARE(info.orientation, orientation);
        QVERIFY(info.streams.isEmpty());
        QCOMPARE(sortedKeys(info.toJson()), kImageKeys);
    }

    void exifOrientations_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::addRow("EXIF %d", o) << o;
    }

    // Every EXIF value survives the trip through Qt's transformations and back.
    void exifOrientations()
    {
        QFETCH(int, orientation);
        const QString file = path(QStringLiteral("exif-%1.jpg").arg(orientation));
        writeJpegWithOrientation(file, quadrants({40, 24}), orientation);
        const MediaInfo info = probeMedia(file);
        QCOMPARE(info.orientation, orientation);
        QCOMPARE(QSize(info.width, info.height), QSize(40, 24));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << "absent.mp4"
                                 << "no such file";
        QTest::newRow("empty") << "empty.mp4"
                               << "empty";
        QTest::newRow("folder") << "folder.mp4"
                                << "folder";
        QTest::newRow("random bytes named .mp4") << "garbage.mp4"
                                                 << "";
        QTest::newRow("random bytes named .jpg") << "garbage.jpg"
                                                 << "";
        QTest::newRow("text") << "notes.txt"
                              << "";
        QTest::newRow("MP4 cut after its header") << "cut.mp4"
                                                  << "";
    }

    void refused()
    {
        QFETCH(QString, file);
        QFETCH(QString, why);
        try {
            const MediaInfo info = probeMedia(path(file));
            QFAIL(qPrintable(
                QStringLiteral("accepted as %1: %2")
                    .arg(info.format, QString::fromUtf8(QJsonDocument(info.toJson()).toJson()))));
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().startsWith(path(file) + QLatin1Char(':')),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(why), qPrintable(e.message()));
        }
    }

    void cliPrintsTheEngineFacts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("mp4") << "clip.mp4";
        QTest::newRow("display matrix") << "rotated.mp4";
        QTest::newRow("with audio") << "voiced.mp4";
        QTest::newRow("mp4 named .mov") << "mp4-named.mov";
        QTest::newRow("wav") << "tone.wav";
        QTest::newRow("JPEG, EXIF 6") << "photo-6.jpg";
        QTest::newRow("PNG named .mp4") << "png-named.mp4";
        QTest::newRow("Cyrillic folder") << "Видео клипы/клип.mp4";
        QTest::newRow("Cyrillic name") << "фото.png";
    }

    // The CLI prints the engine's facts as they are, with the man page's keys and
    // no others, and the path as given.
    void cliPrintsTheEngineFacts()
    {
        QFETCH(QString, file);
        const CliRun r = runCli({QStringLiteral("probe"), path(file)});
        const QJsonObject json = verifiedJson(r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(json, probeMedia(path(file)).toJson());
        // Rounded numbers print as short decimals, not 2.0060000000000002.
        static const QRegularExpression number(QStringLiteral("\"(duration|fps)\": ([^,\n]*)"));
        static const QRegularExpression shortDecimal(QStringLiteral("^\\d+(\\.\\d{1,3})?$"));
        for (auto m = number.globalMatch(QString::fromUtf8(r.out)); m.hasNext();) {
            const QString value = m.next().captured(2);
            QVERIFY2(shortDecimal.match(value).hasMatch(), qPrintable(value));
        }
        QCOMPARE(json.value(QStringLiteral("path")).toString(), path(file));
        const QString kind = json.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("image")) {
            QCOMPARE(sortedKeys(json), kImageKeys);
            return;
        }
        QCOMPARE(sortedKeys(json), kMediaKeys);
        const QJsonArray streams = json.value(QStringLiteral("streams")).toArray();
        QVERIFY(!streams.isEmpty());
        for (const QJsonValue &s : streams) {
            const QJsonObject stream = s.toObject();
            const bool video = stream.value(QStringLiteral("type")) == QLatin1String("video");
            QCOMPARE(sortedKeys(stream), video ? kVideoStreamKeys : kAudioStreamKeys);
        }
    }

    void cliJsonValues()
    {
        const QJsonObject clip =
            verifiedJson(runCli({QStringLiteral("probe"), QStringLiteral("rotated.mp4")}));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(clip.value("path").toString(), QStringLiteral("rotated.mp4"));
        QCOMPARE(clip.value("kind").toString(), QStringLiteral("video"));
        QCOMPARE(clip.value("format").toString(), QStringLiteral("mp4"));
        QVERIFY(std::abs(clip.value("duration").toDouble() - kClipSeconds) <= 0.1);
        const QJsonObject v = clip.value("streams").toArray().first().toObject();
        QCOMPARE(v.value("type").toString(), QStringLiteral("video"));
        QCOMPARE(v.value("codec").toString(), QStringLiteral("h264"));
        QCOMPARE(v.value("width").toInt(), 96);
        QCOMPARE(v.value("height").toInt(), 160);
        QCOMPARE(v.value("fps").toDouble(), 12.0);
        QCOMPARE(v.value("rotation").toInt(), 90);
        QCOMPARE(v.value("pix_fmt").toString(), QStringLiteral("yuv420p"));

        const QJsonObject photo =
            verifiedJson(runCli({QStringLiteral("probe"), QStringLiteral("photo-6.jpg")}));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(photo, QJsonObject({{"path", "photo-6.jpg"},
                                     {"kind", "image"},
                                     {"format", "jpeg"},
                                     {"width", 200},
                                     {"height", 120},
                                     {"orientation", 6}}));
    }

    void cliRefuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString probe = QStringLiteral("probe");
        QTest::newRow("missing") << QStringList{probe, path("absent.mp4")} << "absent.mp4";
        QTest::newRow("missing, Cyrillic")
            << QStringList{probe, path("нет такого.mp4")} << "нет такого.mp4";
        QTest::newRow("empty") << QStringList{probe, path("empty.mp4")} << "empty.mp4";
        QTest::newRow("folder") << QStringList{probe, path("folder.mp4")} << "folder.mp4";
        QTest::newRow("garbage") << QStringList{probe, path("garbage.mp4")} << "garbage.mp4";
        QTest::newRow("garbage .jpg") << QStringList{probe, path("garbage.jpg")} << "garbage.jpg";
        QTest::newRow("text") << QStringList{probe, path("notes.txt")} << "notes.txt";
        QTest::newRow("no file") << QStringList{probe} << "probe";
        QTest::newRow("two files")
            << QStringList{probe, path("clip.mp4"), path("plain.png")} << "probe";
    }

    // reelsmith-cli(1): exit 2, one "error: " line naming the file, nothing on stdout.
    void cliRefuses()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = runCli(args);
        QVERIFY2(r.exited(2), qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
        const QStringList lines = r.errLines();
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("error: ")), qPrintable(r.describe()));
        QVERIFY2(lines.first().contains(mentions), qPrintable(r.describe()));
    }

    void cliHelp()
    {
        const CliRun r = runCli({QStringLiteral("probe"), QStringLiteral("--help")});
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("file"), qPrintable(r.describe()));
        const CliRun usage = runCli({QStringLiteral("--help")});
        QVERIFY2(usage.out.contains("probe FILE"), qPrintable(usage.describe()));
    }
};

QTEST_MAIN(ProbeTest)
#include "tst_probe.moc"
