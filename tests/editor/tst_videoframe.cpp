// The preview's frame conversion: planar and semi-planar YUV frames, as the
// player delivers them, become the right RGB colours at the asked size, with
// the colour matrix the frame declares.

#include "TestMedia.h"
#include "preview/VideoFrameImage.h"

#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

using namespace reelsmith::editor;

namespace {

struct Yuv
{
    int y, u, v;
};

// Limited-range YUV for pure red in each matrix.
constexpr Yuv kRed709{63, 102, 240};
constexpr Yuv kRed601{81, 90, 240};

QVideoFrame makeFrame(QVideoFrameFormat::PixelFormat pixelFormat, QSize size, Yuv left, Yuv right,
                      QVideoFrameFormat::ColorSpace space)
{
    QVideoFrameFormat format(size, pixelFormat);
    format.setColorSpace(space);
    format.setColorRange(QVideoFrameFormat::ColorRange_Video);
    QVideoFrame frame(format);
    if (!frame.map(QVideoFrame::WriteOnly))
        qFatal("cannot map a new frame");
    const int w = size.width(), h = size.height();
    for (int row = 0; row < h; ++row)
        for (int x = 0; x < w; ++x)
            frame.bits(0)[row * frame.bytesPerLine(0) + x] = uchar(x < w / 2 ? left.y : right.y);
    for (int row = 0; row < h / 2; ++row) {
        for (int x = 0; x < w / 2; ++x) {
            const Yuv &c = x < w / 4 ? left : right;
            switch (pixelFormat) {
            case QVideoFrameFormat::Format_YUV420P:
                frame.bits(1)[row * frame.bytesPerLine(1) + x] = uchar(c.u);
                frame.bits(2)[row * frame.bytesPerLine(2) + x] = uchar(c.v);
                break;
            case QVideoFrameFormat::Format_YV12: // V plane first
                frame.bits(1)[row * frame.bytesPerLine(1) + x] = uchar(c.v);
                frame.bits(2)[row * frame.bytesPerLine(2) + x] = uchar(c.u);
                break;
            case QVideoFrameFormat::Format_NV12:
                frame.bits(1)[row * frame.bytesPerLine(1) + 2 * x] = uchar(c.u);
                frame.bits(1)[row * frame.bytesPerLine(1) + 2 * x + 1] = uchar(c.v);
                break;
            default:
                qFatal("format not covered by the test");
            }
        }
    }
    frame.unmap();
    return frame;
}

} // namespace

class TestVideoFrame : public QObject
{
    Q_OBJECT

private slots:
    void convertsAndScales_data()
    {
        QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
        QTest::newRow("yuv420p") << QVideoFrameFormat::Format_YUV420P;
        QTest::newRow("yv12") << QVideoFrameFormat::Format_YV12;
        QTest::newRow("nv12") << QVideoFrameFormat::Format_NV12;
    }

    void convertsAndScales()
    {
        QFETCH(QVideoFrameFormat::PixelFormat, format);
        // Left half red, right half 50 % grey.
        const QVideoFrame frame = makeFrame(format, {320, 240}, kRed709, {126, 128, 128},
                                            QVideoFrameFormat::ColorSpace_BT709);
        VideoFrameImage converter;
        const QImage image = converter.convert(frame, {80, 60});
        QCOMPARE(image.size(), QSize(80, 60));
        const QColor left = testmedia::sample(image, {15, 30});
        const QColor right = testmedia::sample(image, {65, 30});
        QVERIFY2(testmedia::near(left, QColor(255, 0, 0), 12),
                 qPrintable(testmedia::describe(left)));
        QVERIFY2(testmedia::near(right, QColor(128, 128, 128), 12),
                 qPrintable(testmedia::describe(right)));
    }

    void honoursTheDeclaredMatrix()
    {
        VideoFrameImage converter;
        // The same red, written in each matrix, reads back red only when the
        // converter uses the matrix the frame declares.
        const QImage bt601 =
            converter.convert(makeFrame(QVideoFrameFormat::Format_YUV420P, {64, 64}, kRed601,
                                        kRed601, QVideoFrameFormat::ColorSpace_BT601),
                              {32, 32});
        const QImage bt709 =
            converter.convert(makeFrame(QVideoFrameFormat::Format_YUV420P, {64, 64}, kRed709,
                                        kRed709, QVideoFrameFormat::ColorSpace_BT709),
                              {32, 32});
        QVERIFY2(testmedia::near(testmedia::sample(bt601, {16, 16}), Qt::red, 12),
                 qPrintable(testmedia::describe(testmedia::sample(bt601, {16, 16}))));
        QVERIFY2(testmedia::near(testmedia::sample(bt709, {16, 16}), Qt::red, 12),
                 qPrintable(testmedia::describe(testmedia::sample(bt709, {16, 16}))));
        // Read with the wrong matrix, BT.709 red comes out visibly different.
        const QImage wrong =
            converter.convert(makeFrame(QVideoFrameFormat::Format_YUV420P, {64, 64}, kRed709,
                                        kRed709, QVideoFrameFormat::ColorSpace_BT601),
                              {32, 32});
        QVERIFY(!testmedia::near(testmedia::sample(wrong, {16, 16}), Qt::red, 12));
    }

    void invalidFramesGiveNoImage()
    {
        VideoFrameImage converter;
        QVERIFY(converter.convert(QVideoFrame(), {32, 32}).isNull());
        const QVideoFrame frame = makeFrame(QVideoFrameFormat::Format_YUV420P, {64, 64}, kRed709,
                                            kRed709, QVideoFrameFormat::ColorSpace_BT709);
        QVERIFY(converter.convert(frame, {}).isNull());
    }
};

QTEST_GUILESS_MAIN(TestVideoFrame)
#include "tst_videoframe.moc"
