#include "media/VideoThumbnail.h"

#include "media/Av.h"
#include "media/BackgroundReader.h"

extern "C" {
#include <libswscale/swscale.h>
}

namespace reelsmith {

QImage videoThumbnail(const QString &path, QSize size, double seconds)
{
    // AV_PIX_FMT_RGB32 is Qt's Format_RGB32 in memory on any byte order.
    // The reader works in 4:2:0, so it needs even sizes; the image is cut back after.
    const QSize even((size.width() + 1) & ~1, (size.height() + 1) & ~1);
    BackgroundReader reader(path, even, 1);
    av::Frame yuv = av::allocVideoFrame(even.width(), even.height(), AV_PIX_FMT_YUV420P);
    reader.frameAt(seconds, yuv.get());

    // Rows padded to 32 pixels: libswscale's x86 YUV-to-RGB path writes past
    // the end of a row whose width is not a multiple of 16 (FFmpeg 5.1; a
    // 56 x 96 thumbnail corrupted the heap), so the last row must have room.
    QImage image(QSize((even.width() + 31) & ~31, even.height()), QImage::Format_RGB32);
    av::Sws sws(sws_getContext(even.width(), even.height(), AV_PIX_FMT_YUV420P, even.width(),
                               even.height(), AV_PIX_FMT_RGB32, SWS_BILINEAR, nullptr, nullptr,
                               nullptr));
    if (!sws)
        throwFailure(QStringLiteral("%1: cannot convert a frame to RGB").arg(path));
    uint8_t *dst[] = {image.bits()};
    const int dstStride[] = {int(image.bytesPerLine())};
    av::check(sws_scale(sws.get(), yuv->data, yuv->linesize, 0, even.height(), dst, dstStride),
              QStringLiteral("%1: converting a frame to RGB").arg(path));
    return image.copy(QRect(QPoint(0, 0), size));
}

} // namespace reelsmith
