#include "preview/VideoFrameImage.h"

#include <QVideoFrame>
#include <QVideoFrameFormat>

extern "C" {
#include <libswscale/swscale.h>
}

#include <array>
#include <utility>

namespace reelsmith::editor {

namespace {

// Qt's pixel formats that have an FFmpeg twin; `swapChroma` for YV12, whose
// second plane is V.
struct AvFormat
{
    AVPixelFormat format = AV_PIX_FMT_NONE;
    bool swapChroma = false;
};

AvFormat avFormat(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
        return {AV_PIX_FMT_YUV420P};
    case QVideoFrameFormat::Format_YV12:
        return {AV_PIX_FMT_YUV420P, true};
    case QVideoFrameFormat::Format_YUV422P:
        return {AV_PIX_FMT_YUV422P};
    case QVideoFrameFormat::Format_NV12:
        return {AV_PIX_FMT_NV12};
    case QVideoFrameFormat::Format_NV21:
        return {AV_PIX_FMT_NV21};
    case QVideoFrameFormat::Format_UYVY:
        return {AV_PIX_FMT_UYVY422};
    case QVideoFrameFormat::Format_YUYV:
        return {AV_PIX_FMT_YUYV422};
    case QVideoFrameFormat::Format_P010:
        return {AV_PIX_FMT_P010LE};
    case QVideoFrameFormat::Format_P016:
        return {AV_PIX_FMT_P016LE};
    case QVideoFrameFormat::Format_YUV420P10:
        return {AV_PIX_FMT_YUV420P10LE};
    case QVideoFrameFormat::Format_Y8:
        return {AV_PIX_FMT_GRAY8};
    case QVideoFrameFormat::Format_Y16:
        return {AV_PIX_FMT_GRAY16LE};
    // Byte order in memory, as Qt names them.
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied:
        return {AV_PIX_FMT_ARGB};
    case QVideoFrameFormat::Format_XRGB8888:
        return {AV_PIX_FMT_0RGB};
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
        return {AV_PIX_FMT_BGRA};
    case QVideoFrameFormat::Format_BGRX8888:
        return {AV_PIX_FMT_BGR0};
    case QVideoFrameFormat::Format_ABGR8888:
        return {AV_PIX_FMT_ABGR};
    case QVideoFrameFormat::Format_XBGR8888:
        return {AV_PIX_FMT_0BGR};
    case QVideoFrameFormat::Format_RGBA8888:
        return {AV_PIX_FMT_RGBA};
    case QVideoFrameFormat::Format_RGBX8888:
        return {AV_PIX_FMT_RGB0};
    default:
        return {};
    }
}

int swsColorspace(QVideoFrameFormat::ColorSpace space)
{
    switch (space) {
    case QVideoFrameFormat::ColorSpace_BT601:
        return SWS_CS_ITU601;
    case QVideoFrameFormat::ColorSpace_BT2020:
        return SWS_CS_BT2020;
    default:
        return SWS_CS_ITU709; // what our assets and most HD video say
    }
}

} // namespace

QImage VideoFrameImage::convert(const QVideoFrame &source, QSize size)
{
    QVideoFrame frame(source);
    const AvFormat format = avFormat(frame.pixelFormat());
    if (format.format == AV_PIX_FMT_NONE) {
        // Formats the player does not produce in practice (GPU textures, JPEG).
        const QImage image = frame.toImage();
        return image.isNull() ? image
                              : image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    if (size.isEmpty() || !frame.map(QVideoFrame::ReadOnly))
        return {};
    const QSize in = frame.size();
    m_sws.reset(sws_getCachedContext(m_sws.release(), in.width(), in.height(), format.format,
                                     size.width(), size.height(), AV_PIX_FMT_RGB32, SWS_BILINEAR,
                                     nullptr, nullptr, nullptr));
    QImage image;
    if (m_sws) {
        const QVideoFrameFormat::ColorRange range = frame.surfaceFormat().colorRange();
        const bool full = range == QVideoFrameFormat::ColorRange_Full;
        const int *coefficients =
            sws_getCoefficients(swsColorspace(frame.surfaceFormat().colorSpace()));
        // RGB sources ignore the matrix; failure only means "keep the defaults".
        sws_setColorspaceDetails(m_sws.get(), coefficients, full ? 1 : 0,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        std::array<const uint8_t *, 4> planes{};
        std::array<int, 4> strides{};
        for (int plane = 0; plane < frame.planeCount() && plane < 4; ++plane) {
            planes[plane] = frame.bits(plane);
            strides[plane] = frame.bytesPerLine(plane);
        }
        if (format.swapChroma) {
            std::swap(planes[1], planes[2]);
            std::swap(strides[1], strides[2]);
        }
        image = QImage(size, QImage::Format_RGB32);
        uint8_t *dst[] = {image.bits()};
        const int dstStride[] = {int(image.bytesPerLine())};
        if (sws_scale(m_sws.get(), planes.data(), strides.data(), 0, in.height(), dst, dstStride) <=
            0)
            image = QImage();
    }
    frame.unmap();
    return image;
}

} // namespace reelsmith::editor
