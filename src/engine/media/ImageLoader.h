#pragma once

#include "core/Fit.h"

#include <QImage>
#include <QImageIOHandler>
#include <QSize>
#include <QString>
#include <QStringList>

namespace reelsmith {

// What a picture's header says, read without decoding its pixels.
struct ImageInfo
{
    QByteArray format; // "jpeg", "png", "webp", "bmp", ...
    QSize size;        // as stored, before orientation
    QImageIOHandler::Transformations orientation = QImageIOHandler::TransformationNone;
    bool mayHaveAlpha = true; // false when the format cannot be transparent
    QSize orientedSize() const;
};

struct LoadedImage
{
    QImage image; // Format_ARGB32_Premultiplied, oriented, at the requested size
    ImageInfo info;
    int scaleNum = 1; // the JPEG decoder's scaling factor (1/1 for other formats)
    int scaleDenom = 1;
    QSize decodedSize; // size the decoder delivered, before cropping and resampling
    QStringList warnings;
};

class ImageLoader
{
public:
    // Pictures whose header declares more pixels than this are refused before
    // any pixel memory is allocated.
    static constexpr qint64 kMaxPixels = 200LL * 1000 * 1000;
    static constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;

    // Header facts; throws Error(BadInput) naming the file when it is missing,
    // not a picture, or too large.
    static ImageInfo probe(const QString &path);

    // The size the picture is shown at for `box` and `fit` (Cover returns the box).
    static QSize displaySize(QSize orientedSource, QSize box, Fit fit);

    // Decodes the part of the picture that is shown (for Cover, the centre
    // with the box's aspect, cropped before it is scaled) at the size it is
    // shown at: JPEG through TurboJPEG at the smallest scaling factor whose
    // result still covers that, WebP through libwebp cropping and scaling,
    // other formats through QImageReader's clip rectangle and scaled size.
    // EXIF orientation applied. The image is never null and never larger than
    // the box; throws Error(BadInput) naming the file when it cannot be read,
    // Error(Failure) when memory runs out.
    static LoadedImage load(const QString &path, QSize box, Fit fit);
};

// Applies an EXIF-style orientation the way Qt's readers do.
QImage applyOrientation(QImage image, QImageIOHandler::Transformations orientation);

} // namespace reelsmith
