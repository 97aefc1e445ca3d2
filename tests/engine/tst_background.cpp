// BackgroundReader on its own: rotation, variable frame rate, looping,
// seeking, and files that are not usable videos.

#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "media/Av.h"
#include "media/BackgroundReader.h"

extern "C" {
#include <libavutil/display.h>
}

#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace reelsmith;
using namespace testmedia;

namespace {

const QColor kRed(220, 30, 30);
const QColor kGreen(30, 200, 40);
const QColor kBlue(30, 40, 220);
const QColor kYellow(230, 220, 30);
const QColor kMagenta(220, 30, 220);
const QColor kCyan(30, 210, 220);
const QColor kWhite(235, 235, 235);
const QColor kBlack(20, 20, 20);
const QColor kOrange(240, 130, 20);
const QColor kGray(128, 128, 128);

// RGB of one pixel of a YUV420P frame, BT.709 limited range (what the test
// clips are encoded with and what the reader passes through).
QColor rgbAt(const AVFrame *f, QPoint p)
{
    const double y = (f->data[0][p.y() * f->linesize[0] + p.x()] - 16) * 255.0 / 219;
    const double cb = (f->data[1][(p.y() / 2) * f->linesize[1] + p.x() / 2] - 128) * 255.0 / 224;
    const double cr = (f->data[2][(p.y() / 2) * f->linesize[2] + p.x() / 2] - 128) * 255.0 / 224;
    const auto clamp = [](double v) { return std::clamp(int(std::lround(v)), 0, 255); };
    return QColor(clamp(y + 1.5748 * cr), clamp(y - 0.1873 * cb - 0.4681 * cr),
                  clamp(y + 1.8556 * cb));
}

// Mean colour of a small square, away from chroma edges.
QColor sampleFrame(const AVFrame *f, QPoint at, int radius = 2)
{
    int r = 0, g = 0, b = 0, n = 0;
    for (int y = at.y() - radius; y <= at.y() + radius; ++y)
        for (int x = at.x() - radius; x <= at.x() + radius; ++x) {
            if (x < 0 || y < 0 || x >= f->width || y >= f->height)
                continue;
            const QColor c = rgbAt(f, {x, y});
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    return QColor(r / n, g / n, b / n);
}

QString writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The clockwise rotation a player applies, by ffmpeg's own rule (fftools
// get_rotation: theta = -av_display_rotation_get(matrix)).
int displayClockwise(const QString &path)
{
    AVFormatContext *raw = nullptr;
    if (avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr) < 0)
        return -1;
    av::FormatInput input(raw);
    if (avformat_find_stream_info(raw, nullptr) < 0)
        return -1;
    const int video = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (video < 0)
        return -1;
    const auto *matrix = reinterpret_cast<const int32_t *>(
        av_stream_get_side_data(raw->streams[video], AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    const int theta = int(std::lround(-av_display_rotation_get(matrix)));
    return ((theta % 360) + 360) % 360;
}

} // namespace

class BackgroundTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vfr;     // six frames at irregular times
    QString m_second;  // 12 frames at 12 fps, a colour per quarter second
    QString m_tenSecs; // 10 s at 12 fps, a colour per second, a keyframe per second

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static const QList<double> &vfrTimes()
    {
        static const QList<double> times = {0, 0.05, 0.5, 0.55, 1.2, 1.25};
        return times;
    }
    static const QList<QColor> &vfrColours()
    {
        static const QList<QColor> colours = {kRed, kGreen, kBlue, kYellow, kMagenta, kCyan};
        return colours;
    }
    static const QList<QColor> &secondColours()
    {
        static const QList<QColor> colours = {kRed,  kGreen, kBlue,  kYellow, kMagenta,
                                              kCyan, kWhite, kBlack, kOrange, kGray};
        return colours;
    }

    static void verifyColour(const AVFrame *frame, QPoint at, QColor expected, const QString &what)
    {
        const QColor got = sampleFrame(frame, at);
        QVERIFY2(near(got, expected, 40),
                 qPrintable(QStringLiteral("%1 at (%2,%3): %4, expected %5")
                                .arg(what)
                                .arg(at.x())
                                .arg(at.y())
                                .arg(describe(got), describe(expected))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);

        VideoSpec vfr = colorCycle({96, 160}, 12, 6, vfrColours());
        vfr.timestamps = vfrTimes();
        m_vfr = path("vfr.mp4");
        writeVideo(m_vfr, vfr);

        VideoSpec second = colorCycle({96, 160}, 12, 12, {});
        second.paint = [](QPainter &p, int i, double) {
            p.fillRect(p.window(), QList<QColor>{kRed, kGreen, kBlue, kYellow}[i / 3]);
        };
        m_second = path("second.mp4");
        writeVideo(m_second, second);

        VideoSpec ten = colorCycle({96, 160}, 12, 120, {});
        ten.paint = [](QPainter &p, int i, double) {
            p.fillRect(p.window(), secondColours()[i / 12]);
        };
        m_tenSecs = path("ten seconds.mp4");
        writeVideo(m_tenSecs, ten);
    }

    void rotation_data()
    {
        QTest::addColumn<int>("rotation");
        QTest::addColumn<QSize>("output");
        // Upright corners top-left, top-right, bottom-left, bottom-right, for
        // stored quadrants red | blue over green | yellow.
        QTest::addColumn<QList<QColor>>("corners");
        QTest::newRow("0") << 0 << QSize(160, 96) << QList<QColor>{kRed, kBlue, kGreen, kYellow};
        // Clockwise: the stored left side (red over green) becomes the top.
        QTest::newRow("90") << 90 << QSize(90, 160) << QList<QColor>{kGreen, kRed, kYellow, kBlue};
        QTest::newRow("180") << 180 << QSize(160, 96)
                             << QList<QColor>{kYellow, kGreen, kBlue, kRed};
        // Counter-clockwise: the stored left side becomes the bottom.
        QTest::newRow("270") << 270 << QSize(90, 160)
                             << QList<QColor>{kBlue, kYellow, kRed, kGreen};
    }

    void rotation()
    {
        QFETCH(int, rotation);
        QFETCH(QSize, output);
        QFETCH(QList<QColor>, corners);
        VideoSpec spec = colorCycle({160, 96}, 12, 6, {});
        spec.paint = [](QPainter &p, int, double) {
            p.fillRect(0, 0, 80, 48, kRed);
            p.fillRect(80, 0, 80, 48, kBlue);
            p.fillRect(0, 48, 80, 48, kGreen);
            p.fillRect(80, 48, 80, 48, kYellow);
        };
        spec.rotation = rotation;
        const QString file = path(QStringLiteral("rotated-%1.mp4").arg(rotation));
        writeVideo(file, spec);
        QVERIFY2(displayClockwise(file) == rotation, "test clip has the wrong display matrix");

        BackgroundReader reader(file, output);
        QCOMPARE(reader.rotation(), rotation);
        QCOMPARE(reader.sourceSize(), QSize(160, 96));
        av::Frame frame = av::allocVideoFrame(output.width(), output.height(), AV_PIX_FMT_YUV420P);
        reader.frameAt(0.2, frame.get());
        const int w = output.width(), h = output.height();
        const QList<QPoint> points = {
            {w / 4, h / 4}, {w * 3 / 4, h / 4}, {w / 4, h * 3 / 4}, {w * 3 / 4, h * 3 / 4}};
        const char *names[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
        for (int i = 0; i < 4; ++i)
            verifyColour(frame.get(), points[i], corners[i], QLatin1String(names[i]));
    }

    void halvesRotateAsDescribed()
    {
        // Left half red, right half blue; 90 clockwise puts red on top, 270 at the bottom.
        VideoSpec spec = colorCycle({160, 96}, 12, 3, {});
        spec.paint = [](QPainter &p, int, double) {
            p.fillRect(0, 0, 80, 96, kRed);
            p.fillRect(80, 0, 80, 96, kBlue);
        };
        for (const int rotation : {90, 270}) {
            spec.rotation = rotation;
            const QString file = path(QStringLiteral("halves-%1.mp4").arg(rotation));
            writeVideo(file, spec);
            QCOMPARE(displayClockwise(file), rotation);
            BackgroundReader reader(file, {90, 160});
            QCOMPARE(reader.rotation(), rotation);
            av::Frame frame = av::allocVideoFrame(90, 160, AV_PIX_FMT_YUV420P);
            reader.frameAt(0, frame.get());
            const QString tag = QStringLiteral("rotation %1").arg(rotation);
            verifyColour(frame.get(), {45, 30}, rotation == 90 ? kRed : kBlue,
                         tag + QLatin1String(" top"));
            verifyColour(frame.get(), {45, 130}, rotation == 90 ? kBlue : kRed,
                         tag + QLatin1String(" bottom"));
        }
    }

    void variableFrameRatePicksLastFrameAtOrBefore_data()
    {
        QTest::addColumn<QList<double>>("times");
        QTest::newRow("forward") << QList<double>{0,    0.02, 0.0499, 0.05, 0.3,  0.49, 0.5,
                                                  0.52, 0.55, 0.56,   1.0,  1.19, 1.2,  1.22};
        QTest::newRow("shuffled") << QList<double>{1.22, 0.02, 0.56, 0.3, 1.2, 0.0, 0.5, 0.05};
        QTest::newRow("sparse") << QList<double>{0.3, 1.1};
    }

    void variableFrameRatePicksLastFrameAtOrBefore()
    {
        QFETCH(QList<double>, times);
        BackgroundReader reader(m_vfr, {96, 160});
        QVERIFY2(reader.duration() >= 1.25 && reader.duration() < 1.5,
                 qPrintable(QString::number(reader.duration())));
        av::Frame frame = av::allocVideoFrame(96, 160, AV_PIX_FMT_YUV420P);
        for (const double t : times) {
            int expected = 0;
            for (qsizetype i = 0; i < vfrTimes().size(); ++i)
                if (vfrTimes()[i] <= t + 1e-9)
                    expected = int(i);
            reader.frameAt(t, frame.get());
            verifyColour(frame.get(), {48, 80}, vfrColours()[expected],
                         QStringLiteral("t = %1 s (frame %2)").arg(t).arg(expected));
        }
    }

    void durationIncludesLastFrame()
    {
        const BackgroundReader reader(m_second, {96, 160});
        QVERIFY2(std::abs(reader.duration() - 1.0) <= 0.01,
                 qPrintable(QString::number(reader.duration())));
        QCOMPARE(reader.sourceSize(), QSize(96, 160));
        QCOMPARE(reader.rotation(), 0);
        const BackgroundReader ten(m_tenSecs, {96, 160});
        QVERIFY2(std::abs(ten.duration() - 10.0) <= 0.01,
                 qPrintable(QString::number(ten.duration())));
    }

    void loopsSeamlessly()
    {
        BackgroundReader reader(m_second, {96, 160});
        av::Frame frame = av::allocVideoFrame(96, 160, AV_PIX_FMT_YUV420P);
        const QList<QColor> quarters = {kRed, kGreen, kBlue, kYellow};
        // Three loops at 24 fps output: every frame shows the source frame at t mod 1.
        for (int i = 0; i < 72; ++i) {
            const double t = i / 24.0;
            const double inLoop = std::fmod(t, 1.0);
            const int sourceFrame = int(std::floor(inLoop * 12 + 1e-9));
            reader.frameAt(t, frame.get());
            verifyColour(frame.get(), {48, 80}, quarters[sourceFrame / 3],
                         QStringLiteral("output frame %1 (t = %2 s, source frame %3)")
                             .arg(i)
                             .arg(t)
                             .arg(sourceFrame));
        }
        QVERIFY2(reader.seekCount() >= 2 && reader.seekCount() <= 4,
                 qPrintable(QStringLiteral("%1 seeks for three loops").arg(reader.seekCount())));

        // Far past the end, and a start offset that wraps.
        BackgroundReader fresh(m_second, {96, 160});
        for (const double t : {7.3, 12.6, 100.85, 3.0}) {
            fresh.frameAt(t, frame.get());
            const int sourceFrame = int(std::floor(std::fmod(t, 1.0) * 12 + 1e-9));
            verifyColour(frame.get(), {48, 80}, quarters[sourceFrame / 3],
                         QStringLiteral("t = %1 s").arg(t));
        }
    }

    void seeksForwardAndBack()
    {
        BackgroundReader reader(m_tenSecs, {96, 160});
        av::Frame frame = av::allocVideoFrame(96, 160, AV_PIX_FMT_YUV420P);
        reader.frameAt(0, frame.get());
        verifyColour(frame.get(), {48, 80}, secondColours()[0], QStringLiteral("t = 0"));
        const int before = reader.seekCount();

        reader.frameAt(8.3, frame.get());
        verifyColour(frame.get(), {48, 80}, secondColours()[8], QStringLiteral("t = 8.3"));
        QVERIFY2(reader.seekCount() > before, "a jump of 8 s must seek, not decode through");
        const int afterJump = reader.seekCount();

        // Small steps forward decode on without seeking.
        for (const double t : {8.4, 8.9, 9.0, 9.5, 9.95}) {
            reader.frameAt(t, frame.get());
            verifyColour(frame.get(), {48, 80}, secondColours()[int(t)],
                         QStringLiteral("t = %1").arg(t));
        }
        QCOMPARE(reader.seekCount(), afterJump);

        // Back.
        reader.frameAt(2.5, frame.get());
        verifyColour(frame.get(), {48, 80}, secondColours()[2], QStringLiteral("back to t = 2.5"));
        QVERIFY(reader.seekCount() > afterJump);
        reader.frameAt(0.04, frame.get());
        verifyColour(frame.get(), {48, 80}, secondColours()[0], QStringLiteral("back to t = 0.04"));
        reader.frameAt(6.99, frame.get());
        verifyColour(frame.get(), {48, 80}, secondColours()[6], QStringLiteral("t = 6.99"));
        reader.frameAt(7.0, frame.get());
        verifyColour(frame.get(), {48, 80}, secondColours()[7], QStringLiteral("t = 7.0"));
    }

    void unusableFilesAreBadInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes"); // null: not created; "truncate": cut a real clip;
                                               // "tone": a WAV of a tone
        QByteArray garbage(20000, 0);
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("garbage") << QStringLiteral("garbage.mp4") << garbage;
        QTest::newRow("text") << QStringLiteral("notes.mp4")
                              << QByteArray("This is not a video. It is a note.\n");
        QTest::newRow("empty") << QStringLiteral("empty.mp4") << QByteArray("");
        QTest::newRow("missing") << QStringLiteral("no such video.mp4") << QByteArray();
        QTest::newRow("missing, cyrillic") << QStringLiteral("фон нет.mp4") << QByteArray();
        QTest::newRow("audio only") << QStringLiteral("voice.wav") << QByteArray("tone");
        QTest::newRow("truncated mp4") << QStringLiteral("cut.mp4") << QByteArray("truncate");
    }

    void unusableFilesAreBadInput()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        const QString file = path(name);
        if (bytes == "truncate") {
            QFile whole(m_tenSecs);
            QVERIFY(whole.open(QIODevice::ReadOnly));
            writeBytes(file, whole.readAll().left(whole.size() / 3));
        } else if (bytes == "tone") {
            writeTone(file, 1.0, 8000, 1, 440);
        } else if (!bytes.isNull()) {
            writeBytes(file, bytes);
        }
        try {
            BackgroundReader reader(file, {96, 160});
            av::Frame frame = av::allocVideoFrame(96, 160, AV_PIX_FMT_YUV420P);
            reader.frameAt(0, frame.get());
            QFAIL(qPrintable(QStringLiteral("read a frame from ") + file));
        } catch (const Error &e) {
            QVERIFY2(e.kind() == ErrorKind::BadInput, qPrintable(e.message()));
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
    }
};

QTEST_MAIN(BackgroundTest)
#include "tst_background.moc"
