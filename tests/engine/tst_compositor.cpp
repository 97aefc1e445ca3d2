// Compositing: SceneOverlay's YUV planes and blend, layout boxes, paintScene
// and captions.

#include "TestMedia.h"
#include "captions/Caption.h"
#include "media/Av.h"
#include "render/SceneOverlay.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace reelsmith;

namespace {

struct Yuv
{
    double y, u, v;
};

// BT.709 limited range, from the definition: Y' = Kr R + Kg G + Kb B,
// Cb = (B - Y') / (2 (1 - Kb)), Cr = (R - Y') / (2 (1 - Kr)).
Yuv bt709(QColor c)
{
    const double kr = 0.2126, kb = 0.0722, kg = 1 - kr - kb;
    const double r = c.redF(), g = c.greenF(), b = c.blueF();
    const double y = kr * r + kg * g + kb * b;
    return {16 + 219 * y, 128 + 224 * (b - y) / (2 * (1 - kb)),
            128 + 224 * (r - y) / (2 * (1 - kr))};
}

av::Frame yuvFrame(QSize size, int y, int u, int v)
{
    av::Frame frame = av::allocVideoFrame(size.width(), size.height(), AV_PIX_FMT_YUV420P);
    for (int row = 0; row < size.height(); ++row)
        memset(frame->data[0] + row * frame->linesize[0], y, size_t(size.width()));
    for (int row = 0; row < size.height() / 2; ++row) {
        memset(frame->data[1] + row * frame->linesize[1], u, size_t(size.width() / 2));
        memset(frame->data[2] + row * frame->linesize[2], v, size_t(size.width() / 2));
    }
    return frame;
}

int plane(const AVFrame *f, int p, int x, int y)
{
    return f->data[p][y * f->linesize[p] + x];
}

// A copy of the three planes, for before/after comparisons.
QList<QByteArray> planes(const AVFrame *f)
{
    QList<QByteArray> out;
    for (int p = 0; p < 3; ++p) {
        const int w = p == 0 ? f->width : f->width / 2;
        const int h = p == 0 ? f->height : f->height / 2;
        QByteArray bytes;
        for (int y = 0; y < h; ++y)
            bytes.append(reinterpret_cast<const char *>(f->data[p] + y * f->linesize[p]), w);
        out.append(bytes);
    }
    return out;
}

QImage transparentFrame(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

struct Ink
{
    QRect all;   // every pixel with any alpha
    QRect white; // bright, nearly opaque pixels (the text fill)
    int whiteCount = 0;
    int darkCount = 0;
    int colourCount = 0; // saturated, opaque: neither white fill nor dark outline
};

Ink inkOf(const QImage &premultiplied)
{
    const QImage image = premultiplied.convertToFormat(QImage::Format_ARGB32);
    Ink ink;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = row[x];
            if (qAlpha(px) == 0)
                continue;
            ink.all |= QRect(x, y, 1, 1);
            if (qAlpha(px) < 200)
                continue;
            const int hi = std::max({qRed(px), qGreen(px), qBlue(px)});
            const int lo = std::min({qRed(px), qGreen(px), qBlue(px)});
            if (lo > 220) {
                ++ink.whiteCount;
                ink.white |= QRect(x, y, 1, 1);
            } else if (hi < 60) {
                ++ink.darkCount;
            } else if (hi - lo > 80) {
                ++ink.colourCount;
            }
        }
    }
    return ink;
}

QString rectText(const QRect &r)
{
    return QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

} // namespace

class CompositorTest : public QObject
{
    Q_OBJECT

private:
    static QRect paintCaption(QImage &image, const QString &text)
    {
        QPainter painter(&image);
        return Caption::paint(painter, image.size(), text);
    }

private Q_SLOTS:
    void overlayBoxIsTightAndEven()
    {
        QImage image = transparentFrame({64, 64});
        {
            QPainter p(&image);
            p.fillRect(21, 21, 10, 10, QColor(255, 0, 0));
        }
        const SceneOverlay overlay = SceneOverlay::fromImage(image);
        QVERIFY(!overlay.isEmpty());
        QCOMPARE(overlay.box(), QRect(20, 20, 12, 12));
        QVERIFY(!overlay.coversFrame());
    }

    void overlayBlendsRedInsideAndLeavesOutsideAlone()
    {
        QImage image = transparentFrame({64, 64});
        {
            QPainter p(&image);
            p.fillRect(21, 21, 10, 10, QColor(255, 0, 0));
        }
        const SceneOverlay overlay = SceneOverlay::fromImage(image);
        av::Frame frame = yuvFrame({64, 64}, 50, 90, 160);
        overlay.blendOnto(frame.get());

        const Yuv red = bt709(QColor(255, 0, 0));
        QVERIFY2(std::abs(red.y - 63) < 1 && std::abs(red.u - 102) < 1 && std::abs(red.v - 240) < 1,
                 "BT.709 reference values");
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) {
                const bool inside = x >= 21 && x <= 30 && y >= 21 && y <= 30;
                const int got = plane(frame.get(), 0, x, y);
                if (inside)
                    QVERIFY2(std::abs(got - red.y) <= 2,
                             qPrintable(QStringLiteral("Y at %1,%2 = %3, expected %4")
                                            .arg(x)
                                            .arg(y)
                                            .arg(got)
                                            .arg(red.y)));
                else
                    QVERIFY2(
                        got == 50,
                        qPrintable(
                            QStringLiteral("Y at %1,%2 changed to %3").arg(x).arg(y).arg(got)));
            }
        // Chroma samples cover 2x2 pixels: 11..14 are wholly red, 10 and 15
        // are half red (pixels 20|21 and 30|31), the rest untouched.
        for (int cy = 0; cy < 32; ++cy)
            for (int cx = 0; cx < 32; ++cx) {
                const int u = plane(frame.get(), 1, cx, cy);
                const int v = plane(frame.get(), 2, cx, cy);
                const auto coverage = [](int c) {
                    return c >= 11 && c <= 14 ? 1.0 : (c == 10 || c == 15 ? 0.5 : 0.0);
                };
                const double a = coverage(cx) * coverage(cy);
                const double eu = red.u * a + 90 * (1 - a);
                const double ev = red.v * a + 160 * (1 - a);
                QVERIFY2(std::abs(u - eu) <= 2 && std::abs(v - ev) <= 2,
                         qPrintable(QStringLiteral("UV at %1,%2 = %3,%4, expected %5,%6")
                                        .arg(cx)
                                        .arg(cy)
                                        .arg(u)
                                        .arg(v)
                                        .arg(eu)
                                        .arg(ev)));
            }
    }

    void halfTransparentWhiteOverBlack()
    {
        QImage image(64, 64, QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(255, 255, 255, 128));
        const SceneOverlay overlay = SceneOverlay::fromImage(image);
        QCOMPARE(overlay.box(), QRect(0, 0, 64, 64));
        QVERIFY(!overlay.coversFrame());
        av::Frame frame = yuvFrame({64, 64}, 16, 128, 128);
        overlay.blendOnto(frame.get());
        const double expectedY = 16 + (235 - 16) * (128 / 255.0); // ~ (16 + 235) / 2
        for (const QPoint p : {QPoint(0, 0), QPoint(31, 40), QPoint(63, 63)}) {
            const int y = plane(frame.get(), 0, p.x(), p.y());
            QVERIFY2(std::abs(y - expectedY) <= 2 && std::abs(y - (16 + 235) / 2.0) <= 2.5,
                     qPrintable(QStringLiteral("Y = %1, expected %2").arg(y).arg(expectedY)));
            QVERIFY(std::abs(plane(frame.get(), 1, p.x() / 2, p.y() / 2) - 128) <= 1);
            QVERIFY(std::abs(plane(frame.get(), 2, p.x() / 2, p.y() / 2) - 128) <= 1);
        }
    }

    void opaqueOverlayReplacesEveryPixel()
    {
        const QColor green(0, 255, 0);
        QImage image(64, 48, QImage::Format_ARGB32_Premultiplied);
        image.fill(green);
        const SceneOverlay overlay = SceneOverlay::fromImage(image);
        QVERIFY(overlay.coversFrame());
        QCOMPARE(overlay.box(), QRect(0, 0, 64, 48));

        // A background with a different value everywhere.
        av::Frame frame = yuvFrame({64, 48}, 0, 0, 0);
        for (int p = 0; p < 3; ++p) {
            const int w = p == 0 ? 64 : 32, h = p == 0 ? 48 : 24;
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    frame->data[p][y * frame->linesize[p] + x] =
                        uint8_t((x * 7 + y * 13 + p * 50) & 0xFF);
        }
        overlay.blendOnto(frame.get());
        const Yuv expected = bt709(green);
        const double want[3] = {expected.y, expected.u, expected.v};
        for (int p = 0; p < 3; ++p) {
            const int w = p == 0 ? 64 : 32, h = p == 0 ? 48 : 24;
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    QVERIFY2(std::abs(plane(frame.get(), p, x, y) - want[p]) <= 1,
                             qPrintable(QStringLiteral("plane %1 at %2,%3 = %4, expected %5")
                                            .arg(p)
                                            .arg(x)
                                            .arg(y)
                                            .arg(plane(frame.get(), p, x, y))
                                            .arg(want[p])));
        }

        // One transparent pixel is enough to make it a blend instead.
        image.setPixelColor(63, 47, Qt::transparent);
        QVERIFY(!SceneOverlay::fromImage(image).coversFrame());
    }

    // A fill scene whose picture is a strip far wider than the frame: the
    // middle of the strip (green over yellow) covers the whole frame. It was
    // scaled to cover before the crop: 1.66 GB for the 4000x16 one, and the
    // 65000x16 one came out as nothing at all over the background.
    void fillSceneWithExtremeAspectCoversTheFrame_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("4000x16 JPEG") << QSize(4000, 16);
        QTest::newRow("65000x16 JPEG") << QSize(65000, 16);
    }

    void fillSceneWithExtremeAspectCoversTheFrame()
    {
        QFETCH(QSize, size);
        const QColor red(220, 30, 30), blue(30, 40, 220), green(30, 200, 40), yellow(230, 220, 30);
        QImage strip(size, QImage::Format_RGB32);
        {
            QPainter p(&strip);
            p.fillRect(0, 0, size.width() / 2, size.height(), red);
            p.fillRect(size.width() / 2, 0, size.width() / 2, size.height(), blue);
            const int band = 200, left = (size.width() - band) / 2;
            p.fillRect(left, 0, band, size.height() / 2, green);
            p.fillRect(left, size.height() / 2, band, size.height() / 2, yellow);
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file =
            testmedia::writeImage(dir.filePath(QStringLiteral("strip.jpg")), strip, "JPEG", 95);

        const QSize frameSize(1080, 1920);
        const Scene scene{file, 1.0, QString(), Layout::Fill};
        QStringList warnings;
        const SceneOverlay overlay = SceneOverlay::build(scene, file, frameSize, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QVERIFY(overlay.coversFrame());

        av::Frame frame = yuvFrame(frameSize, 16, 128, 128); // black
        overlay.blendOnto(frame.get());
        const auto check = [&](QPoint at, QColor colour) {
            const Yuv want = bt709(colour);
            const int y = plane(frame.get(), 0, at.x(), at.y());
            const int u = plane(frame.get(), 1, at.x() / 2, at.y() / 2);
            const int v = plane(frame.get(), 2, at.x() / 2, at.y() / 2);
            QVERIFY2(std::abs(y - want.y) <= 12 && std::abs(u - want.u) <= 12 &&
                         std::abs(v - want.v) <= 12,
                     qPrintable(QStringLiteral("at %1,%2: yuv %3 %4 %5, expected %6 %7 %8")
                                    .arg(at.x())
                                    .arg(at.y())
                                    .arg(y)
                                    .arg(u)
                                    .arg(v)
                                    .arg(want.y, 0, 'f', 0)
                                    .arg(want.u, 0, 'f', 0)
                                    .arg(want.v, 0, 'f', 0)));
        };
        // The top half green and the bottom half yellow, edge to edge (away
        // from the middle row, where the JPEG's half-height chroma blends them).
        for (const int x : {8, 540, 1070}) {
            check({x, 100}, green);
            check({x, 480}, green);
            check({x, 1440}, yellow);
            check({x, 1820}, yellow);
        }
    }

    void transparentImageIsEmpty()
    {
        const SceneOverlay overlay = SceneOverlay::fromImage(transparentFrame({64, 64}));
        QVERIFY(overlay.isEmpty());
        QVERIFY(!overlay.coversFrame());
        av::Frame frame = yuvFrame({64, 64}, 77, 66, 55);
        const QList<QByteArray> before = planes(frame.get());
        overlay.blendOnto(frame.get());
        QCOMPARE(planes(frame.get()), before);

        QVERIFY(SceneOverlay().isEmpty());
    }

    void overlayAcceptsOtherFormats()
    {
        // A non-premultiplied ARGB32 image is converted, not misread.
        QImage image(32, 32, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        image.setPixelColor(5, 5, QColor(0, 0, 255, 255));
        const SceneOverlay overlay = SceneOverlay::fromImage(image);
        QCOMPARE(overlay.box(), QRect(4, 4, 2, 2));
        av::Frame frame = yuvFrame({32, 32}, 16, 128, 128);
        overlay.blendOnto(frame.get());
        QVERIFY(std::abs(plane(frame.get(), 0, 5, 5) - bt709(Qt::blue).y) <= 2);
        QCOMPARE(plane(frame.get(), 0, 4, 4), 16);
    }

    void layoutBoxes_data()
    {
        QTest::addColumn<QSize>("frame");
        QTest::newRow("720x1280") << QSize(720, 1280);
        QTest::newRow("1080x1920") << QSize(1080, 1920);
        QTest::newRow("180x320") << QSize(180, 320);
    }

    void layoutBoxes()
    {
        QFETCH(QSize, frame);
        const QRect whole(QPoint(0, 0), frame);
        QCOMPARE(layoutBox(Layout::Fill, frame), whole);
        for (Layout layout : {Layout::Center, Layout::Top}) {
            const QRect box = layoutBox(layout, frame);
            const QString what = layoutName(layout) + QLatin1Char(' ') + rectText(box);
            QVERIFY2(!box.isEmpty() && whole.contains(box), qPrintable(what));
            QVERIFY2(box.width() % 2 == 0 && box.height() % 2 == 0, qPrintable(what));
            // Horizontally centred.
            QVERIFY2(std::abs(box.left() - (frame.width() - 1 - box.right())) <= 1,
                     qPrintable(what));
            if (frame == QSize(720, 1280))
                QVERIFY2(box.x() % 2 == 0 && box.y() % 2 == 0, qPrintable(what));
        }
        const QRect center = layoutBox(Layout::Center, frame);
        QVERIFY2(std::abs(center.top() - (frame.height() - 1 - center.bottom())) <= 1,
                 qPrintable(rectText(center)));
        QVERIFY2(center.contains(whole.center()), qPrintable(rectText(center)));
        const QRect top = layoutBox(Layout::Top, frame);
        QVERIFY2(top.y() + top.height() <= frame.height() / 2, qPrintable(rectText(top)));
        QVERIFY2(top.height() >= frame.height() / 4, qPrintable(rectText(top)));
    }

    void paintScenePlacesPictureInItsBox_data()
    {
        QTest::addColumn<int>("layout");
        QTest::newRow("center") << int(Layout::Center);
        QTest::newRow("top") << int(Layout::Top);
        QTest::newRow("fill") << int(Layout::Fill);
    }

    void paintScenePlacesPictureInItsBox()
    {
        QFETCH(int, layout);
        const QSize frame(720, 1280);
        const QRect box = layoutBox(Layout(layout), frame);
        // A picture smaller than the box is centred in it.
        QImage picture(200, 100, QImage::Format_ARGB32_Premultiplied);
        picture.fill(QColor(0, 0, 255));
        QImage canvas = transparentFrame(frame);
        {
            QPainter painter(&canvas);
            paintScene(painter, frame, Layout(layout), picture, QString());
        }
        const Ink ink = inkOf(canvas);
        const QRect expected(box.center().x() - 99, box.center().y() - 49, 200, 100);
        QVERIFY2(std::abs(ink.all.x() - expected.x()) <= 1 &&
                     std::abs(ink.all.y() - expected.y()) <= 1 && ink.all.size() == expected.size(),
                 qPrintable(QStringLiteral("picture at %1, expected %2")
                                .arg(rectText(ink.all), rectText(expected))));
        QCOMPARE(canvas.pixelColor(ink.all.center()), QColor(0, 0, 255));
    }

    void captionDrawsWhiteAndOutlineInLowerPart()
    {
        const QSize frame(720, 1280);
        QImage image = transparentFrame(frame);
        const QRect rect = paintCaption(image, QStringLiteral("Hello world"));
        const Ink ink = inkOf(image);
        QVERIFY2(!rect.isEmpty(), "no rectangle returned");
        QVERIFY2(ink.whiteCount > 200, qPrintable(QString::number(ink.whiteCount)));
        QVERIFY2(ink.darkCount > 200, qPrintable(QString::number(ink.darkCount)));
        QVERIFY2(rect.contains(ink.all), qPrintable(QStringLiteral("ink %1 outside the returned %2")
                                                        .arg(rectText(ink.all), rectText(rect))));
        QVERIFY2(rect.top() >= frame.height() * 0.6, qPrintable(rectText(rect)));
        QVERIFY2(QRect(QPoint(0, 0), frame).contains(rect), qPrintable(rectText(rect)));
        // Centred horizontally, and the text within the middle 90 %.
        QVERIFY2(std::abs(rect.left() - (frame.width() - 1 - rect.right())) <= 2,
                 qPrintable(rectText(rect)));
        QVERIFY2(std::abs(ink.all.center().x() - frame.width() / 2) <= 12,
                 qPrintable(rectText(ink.all)));
        QVERIFY2(ink.white.left() >= frame.width() * 0.05 &&
                     ink.white.right() < frame.width() * 0.95,
                 qPrintable(rectText(ink.white)));
        // In the lower third's area, not on the bottom edge.
        QVERIFY2(ink.all.bottom() < frame.height() * 0.95, qPrintable(rectText(ink.all)));

        // Empty and blank captions draw nothing.
        QImage blank = transparentFrame(frame);
        QVERIFY(paintCaption(blank, QStringLiteral("   ")).isEmpty());
        QVERIFY(inkOf(blank).all.isEmpty());
    }

    void longCaptionWraps()
    {
        const QSize frame(720, 1280);
        QImage shortImage = transparentFrame(frame);
        const QRect one = paintCaption(shortImage, QStringLiteral("The quick brown fox"));
        QImage longImage = transparentFrame(frame);
        const QString text =
            QStringLiteral("The quick brown fox jumps over the lazy dog while the creator records "
                           "another short video about it for everyone to watch");
        const QRect many = paintCaption(longImage, text);
        const Ink ink = inkOf(longImage);
        QVERIFY2(
            many.height() > 2 * one.height(),
            qPrintable(QStringLiteral("%1 vs one line %2").arg(rectText(many), rectText(one))));
        QVERIFY2(many.width() <= frame.width(), qPrintable(rectText(many)));
        QVERIFY2(ink.white.left() >= frame.width() * 0.05 &&
                     ink.white.right() < frame.width() * 0.95,
                 qPrintable(rectText(ink.white)));
        QVERIFY2(many.contains(ink.all),
                 qPrintable(rectText(ink.all) + QLatin1String(" in ") + rectText(many)));
        QVERIFY2(many.top() >= frame.height() * 0.05, qPrintable(rectText(many)));
        QVERIFY2(many.bottom() < frame.height(), qPrintable(rectText(many)));

        // A single word wider than the frame still stays inside the safe width.
        QImage word = transparentFrame(frame);
        paintCaption(word, QStringLiteral("Supercalifragilisticexpialidocious-and-then-some"));
        const Ink w = inkOf(word);
        QVERIFY2(w.white.left() >= frame.width() * 0.05 && w.white.right() < frame.width() * 0.95,
                 qPrintable(rectText(w.white)));
    }

    void cyrillicCaptionDraws()
    {
        QImage image = transparentFrame({720, 1280});
        const QRect rect = paintCaption(image, QStringLiteral("Привет, мир! Ёжик в тумане"));
        const Ink ink = inkOf(image);
        QVERIFY2(ink.whiteCount > 200, qPrintable(QString::number(ink.whiteCount)));
        QVERIFY2(ink.darkCount > 200, qPrintable(QString::number(ink.darkCount)));
        QVERIFY(rect.contains(ink.all));
    }

    void emojiCaptionDrawsColour()
    {
        if (!QFontDatabase::families().contains(QStringLiteral("Noto Color Emoji")))
            QSKIP("the Noto Color Emoji font is not installed (package fonts-noto-color-emoji)");
        QImage image = transparentFrame({720, 1280});
        const QRect rect = paintCaption(image, QStringLiteral("🎮🔥"));
        const Ink ink = inkOf(image);
        QVERIFY2(ink.colourCount > 200,
                 qPrintable(QStringLiteral("only %1 coloured pixels (white %2, dark %3)")
                                .arg(ink.colourCount)
                                .arg(ink.whiteCount)
                                .arg(ink.darkCount)));
        QVERIFY2(rect.contains(ink.all),
                 qPrintable(rectText(ink.all) + QLatin1String(" in ") + rectText(rect)));

        // Mixed text: both the Latin glyphs and the emoji show.
        QImage mixed = transparentFrame({720, 1280});
        paintCaption(mixed, QStringLiteral("Level up 🔥 now"));
        const Ink m = inkOf(mixed);
        QVERIFY(m.whiteCount > 200);
        QVERIFY(m.colourCount > 100);
    }
};

QTEST_MAIN(CompositorTest)
#include "tst_compositor.moc"
