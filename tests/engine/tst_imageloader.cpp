// ImageLoader: decode-time scaling, EXIF orientation, formats by content,
// refusing giant headers before allocating, and damaged or missing files.

#include "TestMedia.h"
#include "core/Error.h"
#include "core/Geometry.h"
#include "media/ImageLoader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImageWriter>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testmedia;

namespace {

// testmedia::quadrants' colours.
const QColor kRed(220, 20, 20);
const QColor kGreen(20, 200, 20);
const QColor kBlue(20, 20, 220);
const QColor kYellow(230, 220, 20);

QByteArray encode(const QImage &image, const char *format, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, quality))
        qFatal("cannot encode %s", format);
    return bytes;
}

QString writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// CRC-32 (IEEE 802.3, reflected, as PNG chunks use it).
quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void putBigEndian16(QByteArray &bytes, qsizetype at, int v)
{
    bytes[at] = char((v >> 8) & 0xFF);
    bytes[at + 1] = char(v & 0xFF);
}

void putBigEndian32(QByteArray &bytes, qsizetype at, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((v >> (24 - 8 * i)) & 0xFF);
}

// Noise, so that a JPEG has plenty of entropy-coded data to cut short.
QImage noise(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator rng(42);
    for (int y = 0; y < size.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            row[x] =
                qRgb(int(rng.bounded(256)), (x * 255) / size.width(), (y * 255) / size.height());
    }
    return image;
}

// A strip `size` wide and tall: red on the left, blue on the right, and in a
// band of `band` columns around the centre green over yellow (top half,
// bottom half). Covering a portrait box shows only the band.
QImage strip(QSize size, int band)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.fillRect(0, 0, size.width() / 2, size.height(), kRed);
    p.fillRect(size.width() / 2, 0, size.width() - size.width() / 2, size.height(), kBlue);
    const int left = (size.width() - band) / 2;
    p.fillRect(left, 0, band, size.height() / 2, kGreen);
    p.fillRect(left, size.height() / 2, band, size.height() - size.height() / 2, kYellow);
    return image;
}

// Unpremultiplied colour of one pixel.
QColor at(const QImage &image, QPoint p)
{
    return image.convertToFormat(QImage::Format_ARGB32).pixelColor(p);
}

} // namespace

class ImageLoaderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bigJpeg; // 4032x3024 quadrants, like a phone photo

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static void verifyCorners(const QImage &image, const QList<QColor> &expected,
                              int tolerance = 40)
    {
        const int inset = std::max(4, std::min(image.width(), image.height()) / 10);
        const QList<QPoint> corners = {{inset, inset},
                                       {image.width() - 1 - inset, inset},
                                       {inset, image.height() - 1 - inset},
                                       {image.width() - 1 - inset, image.height() - 1 - inset}};
        const char *names[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        for (int i = 0; i < 4; ++i) {
            const QColor got = sample(rgb, corners[i], 2);
            QVERIFY2(near(got, expected[i], tolerance),
                     qPrintable(
                         QStringLiteral("%1: %2, expected %3")
                             .arg(QLatin1String(names[i]), describe(got), describe(expected[i]))));
        }
    }

    template <typename F>
    static void expectBadInput(const QString &file, F &&call, const char *what)
    {
        try {
            call();
            QFAIL(qPrintable(QStringLiteral("%1 accepted %2").arg(QLatin1String(what), file)));
        } catch (const Error &e) {
            QVERIFY2(e.kind() == ErrorKind::BadInput, qPrintable(e.message()));
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bigJpeg = writeImage(path("phone.jpg"), quadrants({4032, 3024}), "JPEG", 80);
    }

    void jpegDecodesAtSmallestCoveringScaleForContain()
    {
        const LoadedImage loaded = ImageLoader::load(m_bigJpeg, {648, 704}, Fit::Contain);
        QCOMPARE(loaded.info.format, QByteArray("jpeg"));
        QCOMPARE(loaded.info.size, QSize(4032, 3024));
        // The display size is 648x486; 1/8 (504x378) is too small, 1/4 covers it.
        QCOMPARE(ImageLoader::displaySize({4032, 3024}, {648, 704}, Fit::Contain), QSize(648, 486));
        QCOMPARE(loaded.decodedSize, QSize(1008, 756));
        QCOMPARE(loaded.scaleNum * 4, loaded.scaleDenom);
        QCOMPARE(loaded.image.size(), QSize(648, 486));
        QCOMPARE(loaded.image.format(), QImage::Format_ARGB32_Premultiplied);
        QVERIFY(loaded.warnings.isEmpty());
        verifyCorners(loaded.image, {kRed, kGreen, kBlue, kYellow});
    }

    void jpegDecodesAtSmallestCoveringScaleForCover()
    {
        const QSize box(720, 1280);
        const LoadedImage loaded = ImageLoader::load(m_bigJpeg, box, Fit::Cover);
        QCOMPARE(loaded.image.size(), box);
        // Covering 720x1280 needs the picture at 1707x1280 or more.
        const auto scaled = [](int v, int num, int denom) { return (v * num + denom - 1) / denom; };
        const QSize decoded = loaded.decodedSize;
        QCOMPARE(decoded, QSize(scaled(4032, loaded.scaleNum, loaded.scaleDenom),
                                scaled(3024, loaded.scaleNum, loaded.scaleDenom)));
        QVERIFY2(decoded.height() >= 1280 && decoded.width() >= 1707,
                 qPrintable(QStringLiteral("decoded %1x%2 does not cover")
                                .arg(decoded.width())
                                .arg(decoded.height())));
        // No smaller eighth would still cover: the chosen one is the smallest.
        const double factor = double(loaded.scaleNum) / loaded.scaleDenom;
        for (int eighths = 1; eighths < 8; ++eighths) {
            if (eighths / 8.0 >= factor - 1e-9)
                break;
            QVERIFY2(scaled(3024, eighths, 8) < 1280,
                     qPrintable(QStringLiteral("%1/8 would have covered, chose %2/%3")
                                    .arg(eighths)
                                    .arg(loaded.scaleNum)
                                    .arg(loaded.scaleDenom)));
        }
        QCOMPARE(decoded, QSize(2016, 1512)); // 1/2
        // Centre crop of a landscape picture into a portrait box: all four quadrants remain.
        verifyCorners(loaded.image, {kRed, kGreen, kBlue, kYellow});
    }

    void rotatedJpegScalesInStoredAxes()
    {
        // Stored 4032x3024, shown 3024x4032 (EXIF 6): Contain in 648x704 shows 528x704.
        const QString file =
            writeJpegWithOrientation(path("phone-rotated.jpg"), quadrants({4032, 3024}), 6);
        const LoadedImage loaded = ImageLoader::load(file, {648, 704}, Fit::Contain);
        QCOMPARE(loaded.info.orientedSize(), QSize(3024, 4032));
        QCOMPARE(loaded.image.size(), QSize(528, 704));
        QCOMPARE(loaded.decodedSize, QSize(1008, 756)); // 1/4 of the stored size
        verifyCorners(loaded.image, {kBlue, kRed, kYellow, kGreen});
    }

    void exifOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        // Display corners top-left, top-right, bottom-left, bottom-right for
        // stored quadrants red | green over blue | yellow.
        QTest::addColumn<QList<QColor>>("corners");
        QTest::addColumn<bool>("swapsAxes");
        QTest::newRow("1 normal") << 1 << QList<QColor>{kRed, kGreen, kBlue, kYellow} << false;
        QTest::newRow("2 mirror horizontal")
            << 2 << QList<QColor>{kGreen, kRed, kYellow, kBlue} << false;
        QTest::newRow("3 rotate 180") << 3 << QList<QColor>{kYellow, kBlue, kGreen, kRed} << false;
        QTest::newRow("4 mirror vertical")
            << 4 << QList<QColor>{kBlue, kYellow, kRed, kGreen} << false;
        // Row 0 on the left, column 0 at the top.
        QTest::newRow("5 transpose") << 5 << QList<QColor>{kRed, kBlue, kGreen, kYellow} << true;
        // Row 0 on the right, column 0 at the top.
        QTest::newRow("6 rotate 90 cw") << 6 << QList<QColor>{kBlue, kRed, kYellow, kGreen} << true;
        // Row 0 on the right, column 0 at the bottom.
        QTest::newRow("7 transverse") << 7 << QList<QColor>{kYellow, kGreen, kBlue, kRed} << true;
        // Row 0 on the left, column 0 at the bottom.
        QTest::newRow("8 rotate 90 ccw")
            << 8 << QList<QColor>{kGreen, kYellow, kRed, kBlue} << true;
    }

    void exifOrientation()
    {
        QFETCH(int, orientation);
        QFETCH(QList<QColor>, corners);
        QFETCH(bool, swapsAxes);
        const QSize stored(200, 120);
        const QString file = writeJpegWithOrientation(
            path(QStringLiteral("orient-%1.jpg").arg(orientation)), quadrants(stored), orientation);
        const QSize oriented = swapsAxes ? stored.transposed() : stored;

        const ImageInfo info = ImageLoader::probe(file);
        QCOMPARE(info.size, stored);
        QCOMPARE(info.orientedSize(), oriented);

        // A box larger than both orientations: the loaded size must follow the oriented aspect.
        const LoadedImage loaded = ImageLoader::load(file, {400, 400}, Fit::Contain);
        QCOMPARE(loaded.info.orientedSize(), oriented);
        QCOMPARE(loaded.image.size(), oriented * 2);
        verifyCorners(loaded.image, corners);

        // And at exactly the oriented size.
        const LoadedImage exact = ImageLoader::load(file, oriented, Fit::Contain);
        QCOMPARE(exact.image.size(), oriented);
        verifyCorners(exact.image, corners);
    }

    void pngKeepsAlpha()
    {
        // Three stripes: transparent, white at alpha 128, opaque green.
        QImage image(60, 40, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            p.setCompositionMode(QPainter::CompositionMode_Source);
            p.fillRect(20, 0, 20, 40, QColor(255, 255, 255, 128));
            p.fillRect(40, 0, 20, 40, QColor(20, 200, 20));
        }
        const QString file = writeImage(path("alpha.png"), image, "PNG");
        const LoadedImage loaded = ImageLoader::load(file, {60, 40}, Fit::Contain);
        QCOMPARE(loaded.info.format, QByteArray("png"));
        QCOMPARE(loaded.image.size(), QSize(60, 40));
        QCOMPARE(loaded.image.format(), QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(qAlpha(loaded.image.pixel(10, 20)), 0);
        const QColor half = at(loaded.image, {30, 20});
        QVERIFY2(std::abs(half.alpha() - 128) <= 2, qPrintable(QString::number(half.alpha())));
        QVERIFY2(half.red() > 240 && half.green() > 240 && half.blue() > 240,
                 qPrintable(describe(half)));
        QCOMPARE(qAlpha(loaded.image.pixel(50, 20)), 255);

        // Scaled down at load, alpha still there.
        const LoadedImage small = ImageLoader::load(file, {30, 30}, Fit::Contain);
        QCOMPARE(small.image.size(), QSize(30, 20));
        QCOMPARE(qAlpha(small.image.pixel(3, 10)), 0);
        QVERIFY(std::abs(qAlpha(small.image.pixel(15, 10)) - 128) <= 4);
    }

    void webpLoads()
    {
        if (!QImageWriter::supportedImageFormats().contains("webp"))
            QSKIP("no WebP image plugin: install qt6-image-formats-plugins");
        const QString file = writeImage(path("pic.webp"), quadrants({200, 120}), "WEBP", 95);
        const ImageInfo info = ImageLoader::probe(file);
        QCOMPARE(info.format, QByteArray("webp"));
        QCOMPARE(info.size, QSize(200, 120));
        const LoadedImage loaded = ImageLoader::load(file, {100, 100}, Fit::Contain);
        QCOMPARE(loaded.image.size(), QSize(100, 60));
        verifyCorners(loaded.image, {kRed, kGreen, kBlue, kYellow});

        // WebP with alpha.
        QImage alpha(40, 40, QImage::Format_ARGB32);
        alpha.fill(Qt::transparent);
        {
            QPainter p(&alpha);
            p.fillRect(20, 0, 20, 40, QColor(20, 20, 220));
        }
        QImageWriter writer(path("alpha.webp"), "webp");
        writer.setQuality(100);
        QVERIFY(writer.write(alpha));
        const LoadedImage a = ImageLoader::load(path("alpha.webp"), {40, 40}, Fit::Contain);
        QCOMPARE(qAlpha(a.image.pixel(5, 20)), 0);
        QCOMPARE(qAlpha(a.image.pixel(30, 20)), 255);
    }

    void webpIsScaledWhileDecoding()
    {
        if (!QImageWriter::supportedImageFormats().contains("webp"))
            QSKIP("no WebP image plugin: install qt6-image-formats-plugins");
        // A large picture shown small is never decoded at full size.
        const QString file = writeImage(path("big.webp"), quadrants({2400, 1600}), "WEBP", 80);
        const LoadedImage loaded = ImageLoader::load(file, {300, 300}, Fit::Contain);
        QCOMPARE(loaded.image.size(), QSize(300, 200));
        QCOMPARE(loaded.decodedSize, QSize(300, 200));
        verifyCorners(loaded.image, {kRed, kGreen, kBlue, kYellow});
    }

    void formatComesFromContent()
    {
        const QString pngAsJpg =
            writeBytes(path("really-a-png.jpg"), encode(quadrants({80, 60}), "PNG"));
        const ImageInfo info = ImageLoader::probe(pngAsJpg);
        QCOMPARE(info.format, QByteArray("png"));
        QCOMPARE(info.size, QSize(80, 60));
        const LoadedImage loaded = ImageLoader::load(pngAsJpg, {80, 60}, Fit::Contain);
        QCOMPARE(loaded.info.format, QByteArray("png"));
        QCOMPARE(loaded.image.size(), QSize(80, 60));
        verifyCorners(loaded.image, {kRed, kGreen, kBlue, kYellow}, 4);

        const QString jpgAsPng =
            writeBytes(path("really-a-jpeg.png"), encode(quadrants({80, 60}), "JPEG"));
        QCOMPARE(ImageLoader::probe(jpgAsPng).format, QByteArray("jpeg"));
        const LoadedImage j = ImageLoader::load(jpgAsPng, {80, 60}, Fit::Contain);
        QCOMPARE(j.info.format, QByteArray("jpeg"));
        verifyCorners(j.image, {kRed, kGreen, kBlue, kYellow});

        // No extension at all.
        const QString bare = writeBytes(path("picture"), encode(quadrants({80, 60}), "BMP"));
        QCOMPARE(ImageLoader::probe(bare).format, QByteArray("bmp"));
        QCOMPARE(ImageLoader::load(bare, {40, 40}, Fit::Contain).image.size(), QSize(40, 30));
    }

    void probeReportsHeaderFacts()
    {
        const QString rotated =
            writeJpegWithOrientation(path("probe-6.jpg"), quadrants({200, 120}), 6);
        const ImageInfo info = ImageLoader::probe(rotated);
        QCOMPARE(info.format, QByteArray("jpeg"));
        QCOMPARE(info.size, QSize(200, 120));
        QCOMPARE(info.orientation,
                 QImageIOHandler::Transformations(QImageIOHandler::TransformationRotate90));
        QCOMPARE(info.orientedSize(), QSize(120, 200));

        const QString png = writeImage(path("probe.png"), quadrants({33, 17}), "PNG");
        const ImageInfo p = ImageLoader::probe(png);
        QCOMPARE(p.format, QByteArray("png"));
        QCOMPARE(p.size, QSize(33, 17));
        QCOMPARE(p.orientation,
                 QImageIOHandler::Transformations(QImageIOHandler::TransformationNone));

        // The big JPEG's header is read without decoding it.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(ImageLoader::probe(m_bigJpeg).size, QSize(4032, 3024));
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
    }

    void refusesGiantJpegHeaderBeforeAllocating()
    {
        QByteArray jpeg = encode(solid({64, 48}, Qt::darkCyan), "JPEG");
        const qsizetype sof = jpeg.indexOf(QByteArray("\xFF\xC0", 2));
        QVERIFY2(sof > 0, "Qt wrote no baseline SOF0 marker");
        // FF C0, length (2), precision (1), height (2), width (2).
        putBigEndian16(jpeg, sof + 5, 60000);
        putBigEndian16(jpeg, sof + 7, 60000);
        const QString file = writeBytes(path("giant.jpg"), jpeg);
        QVERIFY(jpeg.size() < 4096);

        QElapsedTimer timer;
        timer.start();
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (attempt == 0)
                    ImageLoader::load(file, {720, 1280}, Fit::Contain);
                else
                    ImageLoader::probe(file);
                QFAIL("a 60000x60000 JPEG header was accepted");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
                QVERIFY2(e.message().contains(QStringLiteral("megapixel")),
                         qPrintable(e.message()));
                QVERIFY2(e.message().contains(file), qPrintable(e.message()));
            }
        }
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void refusesGiantPngHeaderBeforeAllocating()
    {
        QByteArray png = encode(solid({16, 16}, Qt::darkMagenta), "PNG");
        // Signature (8), then IHDR: length (4) "IHDR" (4) width (4) height (4) ... CRC.
        QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
        putBigEndian32(png, 16, 100000);
        putBigEndian32(png, 20, 100000);
        putBigEndian32(png, 29, crc32(png.mid(12, 17)));
        const QString file = writeBytes(path("giant.png"), png);

        QElapsedTimer timer;
        timer.start();
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (attempt == 0)
                    ImageLoader::load(file, {720, 1280}, Fit::Cover);
                else
                    ImageLoader::probe(file);
                QFAIL("a 100000x100000 PNG header was accepted");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
                QVERIFY2(e.message().contains(QStringLiteral("megapixel")),
                         qPrintable(e.message()));
                QVERIFY2(e.message().contains(file), qPrintable(e.message()));
            }
        }
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void crc32IsTheStandardOne()
    {
        // The check value of CRC-32/ISO-HDLC, so the patched PNG above is well-formed.
        QCOMPARE(crc32(QByteArray("123456789")), 0xCBF43926u);
        const QByteArray png = encode(solid({16, 16}, Qt::darkMagenta), "PNG");
        QCOMPARE(crc32(png.mid(12, 17)), quint32((quint8(png[29]) << 24) | (quint8(png[30]) << 16) |
                                                 (quint8(png[31]) << 8) | quint8(png[32])));
    }

    void truncatedPicturesWarnOrRefuse_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<double>("keep");
        QTest::newRow("jpeg 60%") << QByteArray("JPEG") << 0.6;
        QTest::newRow("jpeg 20%") << QByteArray("JPEG") << 0.2;
        QTest::newRow("png 60%") << QByteArray("PNG") << 0.6;
    }

    void truncatedPicturesWarnOrRefuse()
    {
        QFETCH(QByteArray, format);
        QFETCH(double, keep);
        const QByteArray whole = encode(noise({400, 300}), format.constData(), 90);
        const QString file = writeBytes(
            path(QStringLiteral("cut-%1-%2.%3")
                     .arg(QString::fromLatin1(format))
                     .arg(int(keep * 100))
                     .arg(format == "PNG" ? QStringLiteral("png") : QStringLiteral("jpg"))),
            whole.left(qsizetype(whole.size() * keep)));
        try {
            const LoadedImage loaded = ImageLoader::load(file, {200, 200}, Fit::Contain);
            QVERIFY(!loaded.image.isNull());
            QCOMPARE(loaded.image.size(), QSize(200, 150));
            QVERIFY2(!loaded.warnings.isEmpty(), "a truncated picture loaded without a warning");
            QVERIFY2(loaded.warnings.join(QLatin1Char(' ')).contains(file),
                     qPrintable(loaded.warnings.join(QLatin1Char(' '))));
        } catch (const Error &e) {
            QVERIFY2(e.kind() == ErrorKind::BadInput, qPrintable(e.message()));
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
    }

    void unreadableFilesAreBadInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes"); // null: the file is not created
        QTest::newRow("empty") << QStringLiteral("empty.jpg") << QByteArray("");
        QTest::newRow("text named .png")
            << QStringLiteral("notes.png") << QByteArray("these are my notes, not a picture\n");
        QTest::newRow("text named .jpg") << QStringLiteral("notes.jpg") << QByteArray("hello\n");
        QTest::newRow("jpeg magic then junk")
            << QStringLiteral("junk.jpg") << QByteArray("\xFF\xD8\xFF\xE0 not really a jpeg", 22);
        QTest::newRow("png signature only")
            << QStringLiteral("sig.png") << QByteArray("\x89PNG\r\n\x1A\n", 8);
        QTest::newRow("missing") << QStringLiteral("no such picture.jpg") << QByteArray();
        QTest::newRow("missing, cyrillic") << QStringLiteral("нет файла.png") << QByteArray();
    }

    void unreadableFilesAreBadInput()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        const QString file = path(name);
        if (!bytes.isNull())
            writeBytes(file, bytes);
        expectBadInput(
            file,
            [&] {
                ImageLoader::load(file, {100, 100}, Fit::Contain);
            },
            "load");
        expectBadInput(
            file, [&] { ImageLoader::probe(file); }, "probe");
    }

    // Headers cut short or garbled. Qt 6.4.2's JPEG handler leaves its pixel
    // format uninitialised when it cannot read the header; asking for it
    // anyway crashed whenever fresh heap was not zero (see the next test).
    void brokenJpegHeadersAreBadInput_data()
    {
        QTest::addColumn<int>("keep"); // bytes of a real JPEG kept; 0: magic then text
        QTest::newRow("jpeg magic then text") << 0;
        QTest::newRow("first 4 bytes of a JPEG") << 4;
        QTest::newRow("first 20 bytes of a JPEG") << 20;
        QTest::newRow("first 200 bytes of a JPEG") << 200;
    }

    void brokenJpegHeadersAreBadInput()
    {
        QFETCH(int, keep);
        const QByteArray bytes = keep == 0 ? QByteArray("\xFF\xD8\xFF\xE0 not really a jpeg", 22)
                                           : encode(quadrants({64, 48}), "JPEG").left(keep);
        const QString file = writeBytes(path(QStringLiteral("broken-%1.jpg").arg(keep)), bytes);
        expectBadInput(
            file, [&] { ImageLoader::probe(file); }, "probe");
        for (const Fit fit : {Fit::Contain, Fit::Cover}) {
            expectBadInput(
                file,
                [&] {
                    ImageLoader::load(file, {100, 100}, fit);
                },
                "load");
        }
    }

    // The unreadable pictures again, in a child process with glibc filling
    // fresh heap with garbage (MALLOC_PERTURB_): a value read but never
    // written by a library shows up there rather than hiding behind zeros.
    void unreadableFilesWithGarbageInFreshHeap()
    {
        if (qEnvironmentVariableIsSet("MALLOC_PERTURB_"))
            QSKIP("this whole run already has MALLOC_PERTURB_ set");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MALLOC_PERTURB_"), QStringLiteral("170"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("brokenJpegHeadersAreBadInput"),
                     QStringLiteral("unreadableFilesAreBadInput")});
        QVERIFY2(child.waitForFinished(120000), "the child run did not finish");
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit, qPrintable(output));
        QVERIFY2(child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("0 failed")), qPrintable(output));
    }

    // Pictures far wider than any frame: Cover shows the middle of the strip
    // over the whole box, as large as the box and no larger.
    void extremeAspectRatiosCoverTheBox_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("4000x16 JPEG")
            << QStringLiteral("strip-4000.jpg") << QSize(4000, 16) << QByteArray("JPEG");
        QTest::newRow("65000x16 JPEG")
            << QStringLiteral("strip-65000.jpg") << QSize(65000, 16) << QByteArray("JPEG");
        QTest::newRow("65000x16 PNG")
            << QStringLiteral("strip-65000.png") << QSize(65000, 16) << QByteArray("PNG");
        QTest::newRow("16000x16 WebP")
            << QStringLiteral("strip-16000.webp") << QSize(16000, 16) << QByteArray("WEBP");
        QTest::newRow("16x65000 JPEG, upright")
            << QStringLiteral("column-65000.jpg") << QSize(16, 65000) << QByteArray("JPEG");
    }

    void extremeAspectRatiosCoverTheBox()
    {
        QFETCH(QString, name);
        QFETCH(QSize, size);
        QFETCH(QByteArray, format);
        if (format == "WEBP" && !QImageWriter::supportedImageFormats().contains("webp"))
            QSKIP("no WebP image plugin: install qt6-image-formats-plugins");
        const bool tall = size.height() > size.width();
        QImage picture = strip(tall ? size.transposed() : size, 200);
        if (tall)
            picture = picture.transformed(QTransform().rotate(-90)); // green on the left
        const QString file = writeImage(path(name), picture, format.constData(), 95);

        const QSize box(1080, 1920);
        const LoadedImage loaded = ImageLoader::load(file, box, Fit::Cover);
        QCOMPARE(loaded.info.size, size);
        QCOMPARE(loaded.image.size(), box);
        const QImage rgb = loaded.image.convertToFormat(QImage::Format_RGB32);
        // Top and bottom halves (left and right for the upright column), edge to edge.
        const QList<QPoint> first = tall ? QList<QPoint>{{270, 20}, {270, 960}, {270, 1900}}
                                         : QList<QPoint>{{20, 480}, {540, 480}, {1060, 480}};
        const QList<QPoint> second = tall ? QList<QPoint>{{810, 20}, {810, 960}, {810, 1900}}
                                          : QList<QPoint>{{20, 1440}, {540, 1440}, {1060, 1440}};
        for (const QPoint at : first)
            QVERIFY2(near(sample(rgb, at, 2), kGreen, 40),
                     qPrintable(describe(sample(rgb, at, 2))));
        for (const QPoint at : second)
            QVERIFY2(near(sample(rgb, at, 2), kYellow, 40),
                     qPrintable(describe(sample(rgb, at, 2))));

        // Contain: the whole strip, one side as long as the box's.
        const LoadedImage whole = ImageLoader::load(file, box, Fit::Contain);
        QCOMPARE(whole.image.size(), fittedSize(size, box, Fit::Contain));
    }

    // 1,700,000 x 1: the covering size overflowed int once. Shown: the
    // middle pixel over the whole box, or the whole line one pixel high.
    void onePixelHighPictureIsShown()
    {
        QImage line(1700000, 1, QImage::Format_RGB32);
        line.fill(kRed);
        for (int x = 765000; x < 935000; ++x) // the middle tenth
            line.setPixelColor(x, 0, kGreen);
        const QString file = writeImage(path("line.bmp"), line, "BMP");

        const LoadedImage covered = ImageLoader::load(file, {1080, 1920}, Fit::Cover);
        QCOMPARE(covered.info.size, QSize(1700000, 1));
        QCOMPARE(covered.image.size(), QSize(1080, 1920));
        const QImage rgb = covered.image.convertToFormat(QImage::Format_RGB32);
        for (const QPoint at : {QPoint(4, 4), QPoint(540, 960), QPoint(1075, 1915)})
            QVERIFY2(near(sample(rgb, at, 2), kGreen), qPrintable(describe(sample(rgb, at, 2))));

        const LoadedImage contained = ImageLoader::load(file, {1080, 1920}, Fit::Contain);
        QCOMPARE(contained.image.size(), QSize(1080, 1));
        QVERIFY(near(contained.image.pixelColor(540, 0), kGreen));
        QVERIFY(near(contained.image.pixelColor(100, 0), kRed));
    }

    void folderIsBadInput()
    {
        const QString folder = path("a folder.jpg");
        QVERIFY(QDir().mkpath(folder));
        expectBadInput(
            folder,
            [&] {
                ImageLoader::load(folder, {100, 100}, Fit::Contain);
            },
            "load");
    }
};

QTEST_MAIN(ImageLoaderTest)
#include "tst_imageloader.moc"
