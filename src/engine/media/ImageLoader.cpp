#include "media/ImageLoader.h"

#include "core/Error.h"
#include "core/Geometry.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QTransform>

#include <turbojpeg.h>
#include <webp/decode.h>

#include <memory>
#include <optional>

namespace reelsmith {

namespace {

struct TjDeleter
{
    void operator()(void *handle) const { tjDestroy(handle); }
};
using TjHandle = std::unique_ptr<void, TjDeleter>;

bool isJpeg(const QByteArray &head)
{
    return head.size() >= 3 && static_cast<unsigned char>(head[0]) == 0xFF &&
           static_cast<unsigned char>(head[1]) == 0xD8 &&
           static_cast<unsigned char>(head[2]) == 0xFF;
}

bool isWebp(const QByteArray &head)
{
    return head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP";
}

QByteArray readHead(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return file.read(16);
}

void checkFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwBadInput(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile())
        throwBadInput(QStringLiteral("%1: not a file").arg(path));
    if (info.size() == 0)
        throwBadInput(QStringLiteral("%1: empty file").arg(path));
    if (info.size() > ImageLoader::kMaxFileBytes)
        throwBadInput(QStringLiteral("%1: %2 MB is too large for a picture")
                          .arg(path)
                          .arg(info.size() / (1024 * 1024)));
}

void checkPixelCount(const QString &path, QSize size)
{
    if (size.width() <= 0 || size.height() <= 0)
        throwBadInput(QStringLiteral("%1: picture has no size").arg(path));
    const qint64 pixels = qint64(size.width()) * size.height();
    if (pixels > ImageLoader::kMaxPixels)
        throwBadInput(QStringLiteral("%1: %2x%3 picture is over the %4-megapixel limit")
                          .arg(path)
                          .arg(size.width())
                          .arg(size.height())
                          .arg(ImageLoader::kMaxPixels / 1000000));
}

bool swapsAxes(QImageIOHandler::Transformations t)
{
    return t.testFlag(QImageIOHandler::TransformationRotate90);
}

// Anything but the eight EXIF orientations (a value read from a file, through
// a plugin) counts as none.
QImageIOHandler::Transformations checkedOrientation(QImageIOHandler::Transformations t)
{
    return (t.toInt() & ~0x7) == 0 ? t : QImageIOHandler::TransformationNone;
}

// Header read through Qt's reader on a device: format, size and EXIF orientation.
void readQtHeader(QImageReader &reader, const QString &path, ImageInfo &info)
{
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(false);
    if (!reader.canRead())
        throwBadInput(QStringLiteral("%1: not a picture this program can read (%2)")
                          .arg(path, reader.errorString()));
    info.format = reader.format();
    // Nothing else is asked of a header that gives no size: Qt 6.4.2's JPEG
    // handler then leaves its pixel format uninitialised, and
    // QImage::toPixelFormat() indexes a table with it (a crash whenever fresh
    // heap is not zero, as with MALLOC_PERTURB_=170).
    info.size = reader.size();
    if (!info.size.isValid() || info.size.isEmpty())
        throwBadInput(QStringLiteral("%1: the %2 picture's header is damaged or cut short")
                          .arg(path, QString::fromLatin1(info.format)));
    info.orientation = checkedOrientation(reader.transformation());
    const QImage::Format format = reader.imageFormat();
    const bool known = format > QImage::Format_Invalid && format < QImage::NImageFormats;
    info.mayHaveAlpha =
        !known || QImage::toPixelFormat(format).alphaUsage() == QPixelFormat::UsesAlpha;
}

// What is shown of a picture, in its stored (unrotated) axes.
struct Framing
{
    Fit fit = Fit::Contain;
    QSize target; // the size it is shown at

    // The part of the picture, decoded at `decoded`, that is shown: for
    // Cover the centre with the target's aspect, cropped before any scaling
    // (scaling a 4000x16 picture to cover 1080x1920 first took 1.66 GB).
    QRect visible(QSize decoded) const
    {
        return fit == Fit::Cover ? coverSourceRect(decoded, target) : QRect(QPoint(0, 0), decoded);
    }
    // Whether a picture decoded at `decoded` shows the target without upscaling.
    bool isCoveredBy(QSize decoded) const
    {
        const QSize shown = visible(decoded).size();
        return shown.width() >= target.width() && shown.height() >= target.height();
    }
};

Framing framingFor(const ImageInfo &info, QSize box, Fit fit)
{
    const QSize shown = fittedSize(info.orientedSize(), box, fit);
    return {fit, swapsAxes(info.orientation) ? shown.transposed() : shown};
}

// Asks a Qt reader for only the part that is shown, at the size it is shown at.
void clipAndScale(QImageReader &reader, const Framing &framing, QSize stored)
{
    const QRect visible = framing.visible(stored);
    const bool clipped = visible.size() != stored;
    if (clipped)
        reader.setClipRect(visible);
    // QImageReader ignores the clip rectangle of a handler that can scale but
    // not clip; such a picture is read clipped and scaled afterwards.
    if (!clipped || reader.supportsOption(QImageIOHandler::ClipRect) ||
        !reader.supportsOption(QImageIOHandler::ScaledSize))
        reader.setScaledSize(framing.target);
}

// The size the decoder produces for a factor, as TJSCALED defines it, in
// 64 bits.
QSize tjScaled(QSize size, tjscalingfactor f)
{
    const auto side = [f](int length) {
        return int((qint64(length) * f.num + f.denom - 1) / f.denom);
    };
    return {side(size.width()), side(size.height())};
}

// The smallest factor whose decode still shows the target without
// upscaling; 1/1 when none does (the decoder never upscales).
tjscalingfactor chooseScalingFactor(QSize source, const Framing &framing)
{
    int count = 0;
    const tjscalingfactor *factors = tjGetScalingFactors(&count);
    tjscalingfactor best{1, 1};
    if (!factors)
        return best;
    for (int i = 0; i < count; ++i) {
        const tjscalingfactor f = factors[i];
        if (f.num <= 0 || f.denom <= 0 || f.num > f.denom) // never upsample in the decoder
            continue;
        if (!framing.isCoveredBy(tjScaled(source, f)))
            continue;
        if (qint64(f.num) * best.denom < qint64(best.num) * f.denom)
            best = f;
    }
    return best;
}

// Scales the shown part to the display size and orients it. Each step gives
// a null image when memory runs out: that is an error, never a picture that
// draws nothing.
QImage finish(const QString &path, QImage shown, QSize target,
              QImageIOHandler::Transformations orientation)
{
    if (!shown.isNull() && shown.size() != target)
        shown = shown.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage oriented = applyOrientation(std::move(shown), orientation)
                          .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (oriented.isNull())
        throwFailure(QStringLiteral("%1: out of memory for a %2x%3 picture")
                         .arg(path)
                         .arg(target.width())
                         .arg(target.height()));
    return oriented;
}

LoadedImage loadJpeg(const QString &path, QSize box, Fit fit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    QByteArray bytes = file.readAll();
    file.close();

    LoadedImage out;
    TjHandle tj(tjInitDecompress());
    if (!tj)
        throwFailure(QStringLiteral("%1: cannot start the JPEG decoder: %2")
                         .arg(path, QString::fromLocal8Bit(tjGetErrorStr2(nullptr))));
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    if (tjDecompressHeader3(tj.get(), data, static_cast<unsigned long>(bytes.size()), &width,
                            &height, &subsampling, &colorspace) != 0)
        throwBadInput(QStringLiteral("%1: not a readable JPEG: %2")
                          .arg(path, QString::fromLocal8Bit(tjGetErrorStr2(tj.get()))));
    out.info.format = "jpeg";
    out.info.size = QSize(width, height);
    out.info.mayHaveAlpha = false;
    checkPixelCount(path, out.info.size);
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "jpeg");
        out.info.orientation = checkedOrientation(reader.transformation());
    }

    const Framing framing = framingFor(out.info, box, fit);
    const tjscalingfactor f = chooseScalingFactor(out.info.size, framing);
    out.scaleNum = f.num;
    out.scaleDenom = f.denom;
    const QSize decodedSize = tjScaled(out.info.size, f);
    out.decodedSize = decodedSize;
    QRect visible = framing.visible(decodedSize);

    QImage decoded(decodedSize, QImage::Format_RGBX8888);
    if (decoded.isNull())
        throwFailure(QStringLiteral("%1: out of memory for a %2x%3 picture")
                         .arg(path)
                         .arg(decodedSize.width())
                         .arg(decodedSize.height()));
    const int ret =
        tjDecompress2(tj.get(), data, static_cast<unsigned long>(bytes.size()), decoded.bits(),
                      decodedSize.width(), static_cast<int>(decoded.bytesPerLine()),
                      decodedSize.height(), TJPF_RGBX, 0);
    if (ret != 0) {
        const QString why = QString::fromLocal8Bit(tjGetErrorStr2(tj.get()));
        if (tjGetErrorCode(tj.get()) == TJERR_WARNING) {
            out.warnings.append(
                QStringLiteral("%1: damaged JPEG, showing what decodes (%2)").arg(path, why));
        } else {
            // TurboJPEG refuses some valid files (CMYK, arithmetic coding in old
            // builds); Qt's reader may still read them, at the cost of full size.
            QImageReader reader(path);
            reader.setDecideFormatFromContent(true);
            reader.setAutoTransform(false);
            clipAndScale(reader, framing, out.info.size);
            QImage fallback = reader.read();
            if (fallback.isNull())
                throwBadInput(QStringLiteral("%1: cannot decode JPEG: %2").arg(path, why));
            out.scaleNum = out.scaleDenom = 1;
            out.decodedSize = fallback.size();
            decoded = std::move(fallback); // already only the visible part
            visible = decoded.rect();
        }
    }
    // A 12-megapixel photo is several MB compressed; it is not needed past here.
    tj.reset();
    bytes = QByteArray();
    if (visible != decoded.rect())
        decoded = decoded.copy(visible);
    out.image = finish(path, std::move(decoded), framing.target, out.info.orientation);
    return out;
}

// WebP through libwebp, which scales while decoding: Qt's WebP reader
// decodes the whole picture first (96 MB for a 24-megapixel one).
// Animated files go to Qt's reader (first frame).
std::optional<LoadedImage> loadWebp(const QString &path, QSize box, Fit fit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());

    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config))
        throwFailure(QStringLiteral("%1: the WebP decoder does not match its headers").arg(path));
    if (WebPGetFeatures(data, size_t(bytes.size()), &config.input) != VP8_STATUS_OK)
        throwBadInput(QStringLiteral("%1: not a readable WebP picture").arg(path));
    if (config.input.has_animation)
        return std::nullopt;

    LoadedImage out;
    out.info.format = "webp";
    out.info.size = QSize(config.input.width, config.input.height);
    out.info.mayHaveAlpha = config.input.has_alpha != 0;
    checkPixelCount(path, out.info.size);
    {
        QImageReader header(path); // EXIF orientation, when Qt's reader finds one
        header.setDecideFormatFromContent(true);
        out.info.orientation = checkedOrientation(header.transformation());
    }
    // libwebp crops, then scales, while decoding.
    const Framing framing = framingFor(out.info, box, fit);
    const QRect visible = framing.visible(out.info.size);
    const QSize decodeSize =
        framing.target.width() < visible.width() ? framing.target : visible.size();
    QImage decoded(decodeSize, QImage::Format_ARGB32_Premultiplied);
    if (decoded.isNull())
        throwFailure(QStringLiteral("%1: out of memory for a %2x%3 picture")
                         .arg(path)
                         .arg(decodeSize.width())
                         .arg(decodeSize.height()));
    config.options.use_cropping = visible.size() != out.info.size;
    config.options.crop_left = visible.x();
    config.options.crop_top = visible.y();
    config.options.crop_width = visible.width();
    config.options.crop_height = visible.height();
    config.options.use_scaling = decodeSize != visible.size();
    config.options.scaled_width = decodeSize.width();
    config.options.scaled_height = decodeSize.height();
    // Qt's ARGB32_Premultiplied is premultiplied BGRA in memory on little-endian machines.
    config.output.colorspace =
        QSysInfo::ByteOrder == QSysInfo::LittleEndian ? MODE_bgrA : MODE_Argb;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = decoded.bits();
    config.output.u.RGBA.stride = int(decoded.bytesPerLine());
    config.output.u.RGBA.size = size_t(decoded.sizeInBytes());
    const VP8StatusCode status = WebPDecode(data, size_t(bytes.size()), &config);
    WebPFreeDecBuffer(&config.output);
    if (status != VP8_STATUS_OK)
        throwBadInput(QStringLiteral("%1: cannot decode WebP picture (libwebp status %2)")
                          .arg(path)
                          .arg(int(status)));
    out.decodedSize = decodeSize;
    out.image = finish(path, std::move(decoded), framing.target, out.info.orientation);
    return out;
}

// libpng reports a cut-off file on stderr by itself before Qt sees the
// error; a PNG must end with its IEND chunk, so a truncated one is refused here.
void checkPngComplete(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 12)
        return;
    file.seek(file.size() - 12);
    static const QByteArray kIend("\x00\x00\x00\x00IEND\xAE\x42\x60\x82", 12);
    if (file.read(12) != kIend)
        throwBadInput(QStringLiteral("%1: damaged PNG (the file is cut off)").arg(path));
}

LoadedImage loadWithQt(const QString &path, QSize box, Fit fit)
{
    LoadedImage out;
    QImageReader reader(path);
    readQtHeader(reader, path, out.info);
    if (out.info.format == "png")
        checkPngComplete(path);
    checkPixelCount(path, out.info.size);
    const Framing framing = framingFor(out.info, box, fit);
    clipAndScale(reader, framing, out.info.size);
    QImage decoded = reader.read();
    if (decoded.isNull())
        throwBadInput(QStringLiteral("%1: cannot decode %2 picture: %3")
                          .arg(path, QString::fromLatin1(out.info.format), reader.errorString()));
    out.decodedSize = decoded.size();
    out.image = finish(path, std::move(decoded), framing.target, out.info.orientation);
    return out;
}

} // namespace

QSize ImageInfo::orientedSize() const
{
    return swapsAxes(orientation) ? size.transposed() : size;
}

QSize ImageLoader::displaySize(QSize source, QSize box, Fit fit)
{
    return fittedSize(source, box, fit);
}

ImageInfo ImageLoader::probe(const QString &path)
{
    checkFile(path);
    ImageInfo info;
    QImageReader reader(path);
    readQtHeader(reader, path, info);
    if (info.format == "jpg")
        info.format = "jpeg";
    checkPixelCount(path, info.size);
    return info;
}

LoadedImage ImageLoader::load(const QString &path, QSize box, Fit fit)
{
    checkFile(path);
    if (box.isEmpty())
        throwFailure(QStringLiteral("%1: nowhere to show the picture (empty box)").arg(path));
    const QByteArray head = readHead(path);
    if (isJpeg(head))
        return loadJpeg(path, box, fit);
    if (isWebp(head)) {
        if (std::optional<LoadedImage> still = loadWebp(path, box, fit))
            return std::move(*still);
    }
    return loadWithQt(path, box, fit);
}

QImage applyOrientation(QImage image, QImageIOHandler::Transformations t)
{
    if (t == QImageIOHandler::TransformationNone)
        return image;
    image = std::move(image).mirrored(t.testFlag(QImageIOHandler::TransformationMirror),
                                      t.testFlag(QImageIOHandler::TransformationFlip));
    if (t.testFlag(QImageIOHandler::TransformationRotate90))
        image = image.transformed(QTransform().rotate(90));
    return image;
}

} // namespace reelsmith
