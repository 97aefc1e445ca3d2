#include "media/BackgroundReader.h"

#include "core/Geometry.h"
#include "media/MediaProbe.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>

namespace reelsmith {

namespace {

// A jump forward further than this is cheaper to seek than to decode through.
constexpr double kSeekForwardSeconds = 3.0;
constexpr double kEpsilon = 1e-6;

// Rotates one 8-bit plane clockwise by `degrees` (90, 180, 270). Hand-written
// because libswscale does not rotate and this is a plain index mapping.
void rotatePlane(const uint8_t *src, int srcStride, int srcW, int srcH, uint8_t *dst, int dstStride,
                 int degrees)
{
    if (degrees == 180) {
        for (int y = 0; y < srcH; ++y) {
            const uint8_t *s = src + size_t(srcH - 1 - y) * srcStride;
            uint8_t *d = dst + size_t(y) * dstStride;
            for (int x = 0; x < srcW; ++x)
                d[x] = s[srcW - 1 - x];
        }
        return;
    }
    // dst is srcH wide and srcW tall.
    for (int dy = 0; dy < srcW; ++dy) {
        uint8_t *d = dst + size_t(dy) * dstStride;
        for (int dx = 0; dx < srcH; ++dx) {
            const int sx = degrees == 90 ? dy : srcW - 1 - dy;
            const int sy = degrees == 90 ? srcH - 1 - dx : dx;
            d[dx] = src[size_t(sy) * srcStride + sx];
        }
    }
}

} // namespace

BackgroundReader::BackgroundReader(const QString &path, QSize output, int decoderThreads, Fit fit,
                                   bool keepAlpha)
    : m_path(path), m_output(output), m_fit(fit),
      // Each decoder thread holds frames of its own; a cap keeps memory flat.
      m_input(path, AVMEDIA_TYPE_VIDEO, std::clamp(decoderThreads, 1, 16), ErrorKind::Failure)
{
    const AVStream *stream = m_input.stream();

    m_timeBase = stream->time_base;
    m_startPts = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
    if (stream->duration > 0 && stream->duration != AV_NOPTS_VALUE)
        m_duration = double(stream->duration) * av_q2d(m_timeBase);
    else if (m_input.format()->duration > 0)
        m_duration = double(m_input.format()->duration) / AV_TIME_BASE;
    // Muxers that were given no packet durations end the stream at the last
    // frame's start; the loop must include that frame's own duration too.
    // r_frame_rate comes from the timestamps' cadence; avg_frame_rate is
    // derived from that same short duration, so it would not help here.
    const double rate = stream->r_frame_rate.num > 0 ? av_q2d(stream->r_frame_rate)
                                                     : av_q2d(stream->avg_frame_rate);
    if (stream->nb_frames > 0 && rate > 0) {
        const double byCount = double(stream->nb_frames) / rate;
        if (byCount > m_duration && byCount - m_duration <= 1.5 / rate)
            m_duration = byCount;
    }
    m_sourceSize = QSize(stream->codecpar->width, stream->codecpar->height);
    if (m_sourceSize.isEmpty())
        throwBadInput(QStringLiteral("%1: video has no picture size").arg(path));
    m_rotation = clockwiseRotation(stream);
    if (keepAlpha && av::streamHasAlpha(stream))
        m_format = AV_PIX_FMT_YUVA420P;

    m_current = av::allocFrame();
    m_next = av::allocFrame();
    m_view = av::allocFrame();
}

BackgroundReader::~BackgroundReader() = default;

bool BackgroundReader::hasAudioStream() const
{
    const AVFormatContext *format = m_input.format();
    for (unsigned i = 0; i < format->nb_streams; ++i)
        if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            return true;
    return false;
}

double BackgroundReader::frameSeconds(const AVFrame *frame)
{
    int64_t pts = frame->best_effort_timestamp;
    if (pts == AV_NOPTS_VALUE)
        pts = frame->pts;
    if (pts == AV_NOPTS_VALUE)
        return m_lastSeconds + 1.0 / 30; // no timestamps at all: assume 30 fps
    return double(pts - m_startPts) * av_q2d(m_timeBase);
}

bool BackgroundReader::decodeInto(AVFrame *frame)
{
    if (!m_input.next(frame))
        return false;
    m_lastSeconds = frameSeconds(frame);
    return true;
}

void BackgroundReader::seekTo(double seconds)
{
    ++m_seeks;
    m_input.seek(seconds);
    av_frame_unref(m_current.get());
    av_frame_unref(m_next.get());
    m_hasCurrent = m_hasNext = false;
    m_eof = false;
    m_currentSeconds = m_nextSeconds = -1;
}

void BackgroundReader::frameAt(double seconds, AVFrame *dst)
{
    double t = std::max(0.0, seconds);
    if (m_duration > 0)
        t = std::fmod(t, m_duration);

    const bool wrapped = m_hasCurrent && t < m_currentSeconds - kEpsilon;
    const bool farAhead = m_hasCurrent && t > m_currentSeconds + kSeekForwardSeconds;
    if (!m_hasCurrent || wrapped || farAhead) {
        if (m_hasCurrent || t > kEpsilon || m_seeks > 0 || m_eof)
            seekTo(t);
    }

    for (;;) {
        if (!m_hasNext && !m_eof) {
            m_hasNext = decodeInto(m_next.get());
            if (m_hasNext)
                m_nextSeconds = m_lastSeconds;
            else
                m_eof = true;
        }
        if (!m_hasNext)
            break;
        // Take the next frame when it is due, or when nothing is shown yet
        // (a seek may land after `t` in files with sparse keyframes).
        if (!m_hasCurrent || m_nextSeconds <= t + kEpsilon) {
            std::swap(m_current, m_next);
            av_frame_unref(m_next.get());
            m_currentSeconds = m_nextSeconds;
            m_hasCurrent = true;
            m_hasNext = false;
            continue;
        }
        break;
    }
    if (!m_hasCurrent)
        throwBadInput(QStringLiteral("%1: no video frame could be decoded").arg(m_path));
    scale(m_current.get(), dst);
}

void BackgroundReader::scale(const AVFrame *source, AVFrame *dst)
{
    // Work in upright axes: where the picture goes in the output, and which
    // part of the source it shows.
    const bool sideways = m_rotation == 90 || m_rotation == 270;
    const int sw = source->width;
    const int sh = source->height;
    const QSize upright = sideways ? QSize(sh, sw) : QSize(sw, sh);
    const QRect placed = placementFor(QSize(sw, sh));
    QSize crop = m_fit == Fit::Cover ? coverSourceRect(upright, m_output).size() : upright;
    if (sideways)
        crop.transpose();
    const int cropW = std::clamp(crop.width() & ~1, 2, sw);
    const int cropH = std::clamp(crop.height() & ~1, 2, sh);

    av::check(av_frame_ref(m_view.get(), source), QStringLiteral("referencing a video frame"));
    m_view->crop_left = size_t((sw - cropW) / 2) & ~size_t(1);
    m_view->crop_right = size_t(sw - cropW) - m_view->crop_left;
    m_view->crop_top = size_t((sh - cropH) / 2) & ~size_t(1);
    m_view->crop_bottom = size_t(sh - cropH) - m_view->crop_top;
    const int cropped = av_frame_apply_cropping(m_view.get(), AV_FRAME_CROP_UNALIGNED);
    if (cropped < 0) {
        av_frame_unref(m_view.get());
        av::check(cropped, QStringLiteral("%1: cropping a frame").arg(m_path));
    }

    // Scaled in source axes; rotated sources go through a scratch frame.
    const QSize scaled = sideways ? placed.size().transposed() : placed.size();
    if (m_rotation != 0 &&
        (!m_rotated || m_rotated->width != scaled.width() || m_rotated->height != scaled.height()))
        m_rotated = av::allocVideoFrame(scaled.width(), scaled.height(), m_format);
    const int planeCount = m_format == AV_PIX_FMT_YUVA420P ? 4 : 3;
    uint8_t *planes[4] = {};
    int strides[4] = {};
    for (int p = 0; p < planeCount; ++p) {
        const int shift = p == 1 || p == 2 ? 1 : 0;
        if (m_rotation != 0) {
            planes[p] = m_rotated->data[p];
            strides[p] = m_rotated->linesize[p];
        } else {
            planes[p] = dst->data[p] + size_t(placed.y() >> shift) * dst->linesize[p] +
                        (placed.x() >> shift);
            strides[p] = dst->linesize[p];
        }
    }

    m_sws.reset(sws_getCachedContext(m_sws.release(), m_view->width, m_view->height,
                                     AVPixelFormat(m_view->format), scaled.width(), scaled.height(),
                                     m_format, SWS_FAST_BILINEAR, nullptr, nullptr, nullptr));
    if (m_sws) {
        // yuvj formats say full range themselves; plain ones only in the frame.
        const bool fullRange = m_view->color_range == AVCOL_RANGE_JPEG;
        int *inverse = nullptr, *table = nullptr;
        int srcRange = 0, dstRange = 0, brightness = 0, contrast = 0, saturation = 0;
        if (sws_getColorspaceDetails(m_sws.get(), &inverse, &srcRange, &table, &dstRange,
                                     &brightness, &contrast, &saturation) >= 0 &&
            fullRange && srcRange == 0)
            sws_setColorspaceDetails(m_sws.get(), inverse, 1, table, 0, brightness, contrast,
                                     saturation);
    }
    if (!m_sws) {
        av_frame_unref(m_view.get());
        throwFailure(QStringLiteral("%1: cannot scale %2 frames")
                         .arg(m_path, QString::fromLatin1(
                                          av_get_pix_fmt_name(AVPixelFormat(source->format)))));
    }
    const int rows =
        sws_scale(m_sws.get(), m_view->data, m_view->linesize, 0, m_view->height, planes, strides);
    av_frame_unref(m_view.get());
    av::check(rows, QStringLiteral("%1: scaling a frame").arg(m_path));

    if (m_rotation != 0) {
        for (int p = 0; p < planeCount; ++p) {
            const int shift = p == 1 || p == 2 ? 1 : 0;
            uint8_t *at = dst->data[p] + size_t(placed.y() >> shift) * dst->linesize[p] +
                          (placed.x() >> shift);
            rotatePlane(m_rotated->data[p], m_rotated->linesize[p], scaled.width() >> shift,
                        scaled.height() >> shift, at, dst->linesize[p], m_rotation);
        }
    }
    if (placed.size() != m_output)
        fillBars(dst, placed);
}

QRect BackgroundReader::placementFor(QSize stored) const
{
    const bool sideways = m_rotation == 90 || m_rotation == 270;
    if (m_fit == Fit::Cover)
        return QRect(QPoint(0, 0), m_output);
    QSize inside = containSize(sideways ? stored.transposed() : stored, m_output);
    inside = QSize(std::clamp(inside.width() & ~1, 2, m_output.width()),
                   std::clamp(inside.height() & ~1, 2, m_output.height()));
    return QRect(((m_output.width() - inside.width()) / 2) & ~1,
                 ((m_output.height() - inside.height()) / 2) & ~1, inside.width(), inside.height());
}

// Black (limited-range) around a fitted picture. The caller's frame buffer
// may be a new one each time, so the bars are drawn every frame; they are
// only the uncovered rows and columns.
void BackgroundReader::fillBars(AVFrame *dst, QRect placed) const
{
    // With alpha the bars are transparent (alpha 0) as well.
    const int planeCount = m_format == AV_PIX_FMT_YUVA420P ? 4 : 3;
    for (int p = 0; p < planeCount; ++p) {
        const int shift = p == 1 || p == 2 ? 1 : 0;
        const uint8_t value = p == 0 ? 16 : p == 3 ? 0 : 128;
        const int w = m_output.width() >> shift;
        const int h = m_output.height() >> shift;
        const int x0 = placed.x() >> shift, x1 = (placed.x() + placed.width()) >> shift;
        const int y0 = placed.y() >> shift, y1 = (placed.y() + placed.height()) >> shift;
        for (int y = 0; y < h; ++y) {
            uint8_t *row = dst->data[p] + size_t(y) * dst->linesize[p];
            if (y < y0 || y >= y1) {
                std::memset(row, value, size_t(w));
            } else {
                std::memset(row, value, size_t(x0));
                std::memset(row + x1, value, size_t(w - x1));
            }
        }
    }
}

} // namespace reelsmith
