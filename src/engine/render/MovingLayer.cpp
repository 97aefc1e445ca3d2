#include "render/MovingLayer.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {

// A padded plane of n x rows samples from an unpadded one; the border is `fill`.
std::vector<uint8_t> padded(const std::vector<uint8_t> &plane, int n, int rows, uint8_t fill)
{
    const int stride = n + 2;
    std::vector<uint8_t> out(size_t(stride) * (rows + 2), fill);
    for (int y = 0; y < rows; ++y)
        std::copy_n(plane.data() + size_t(y) * n, n, out.data() + size_t(y + 1) * stride + 1);
    return out;
}

// Where each destination sample along one axis reads: source sample `index`
// and `index + 1` (padded coordinates) weighted by 256 - frac and frac.
struct Axis
{
    int first = 0; // first destination sample
    std::vector<int> index;
    std::vector<uint16_t> frac;
};

// Destination samples [lo, hi) of a plane, for a source of `n` samples drawn
// over [start, start + length) (plane coordinates): only those whose
// bilinear footprint touches the source.
Axis axis(int lo, int hi, int n, double start, double length)
{
    Axis a;
    const double step = n / length;
    for (int d = lo; d < hi; ++d) {
        const double u = (d + 0.5 - start) * step + 0.5; // padded: source sample i is at i + 1
        if (u <= 0.0 || u >= n + 1.0) {
            if (a.index.empty())
                continue;
            break; // monotonic: nothing further touches it
        }
        if (a.index.empty())
            a.first = d;
        const int i = int(u);
        a.index.push_back(i);
        a.frac.push_back(uint16_t(std::min(255, int((u - i) * 256.0))));
    }
    return a;
}

inline uint16_t div255(uint16_t v)
{
    v = static_cast<uint16_t>(v + 128);
    return static_cast<uint16_t>((v + (v >> 8)) >> 8);
}

// One plane group (luma, or both chroma planes sharing one alpha) resampled
// and blended in place. Per destination row: a vertical pass over just the
// source columns it needs (16-bit, vectorises), then the horizontal pass
// fused with the premultiplied blend.
void resampleBlend(uint8_t *const *dst, const int *dstStride, int planes, const uint8_t *const *src,
                   const uint8_t *inverseAlpha, int srcStride, const Axis &ax, const Axis &ay)
{
    if (ax.index.empty() || ay.index.empty())
        return;
    const int c0 = ax.index.front();
    const int span = ax.index.back() + 2 - c0;
    const int columns = int(ax.index.size());
    std::vector<uint16_t> rows(size_t(span) * (planes + 1));
    uint16_t *tmpAlpha = rows.data();
    std::vector<int> at(ax.index.size());
    for (int x = 0; x < columns; ++x)
        at[size_t(x)] = ax.index[size_t(x)] - c0;
    for (size_t yi = 0; yi < ay.index.size(); ++yi) {
        const int r = ay.index[yi];
        const uint16_t fy = ay.frac[yi];
        const uint16_t gy = uint16_t(256 - fy);
        auto vertical = [&](const uint8_t *plane, uint16_t *__restrict out) {
            const uint8_t *__restrict a = plane + size_t(r) * srcStride + c0;
            const uint8_t *__restrict b = a + srcStride;
            for (int c = 0; c < span; ++c)
                out[c] = uint16_t(a[c] * gy + b[c] * fy);
        };
        vertical(inverseAlpha, tmpAlpha);
        for (int p = 0; p < planes; ++p)
            vertical(src[p], tmpAlpha + size_t(span) * (p + 1));
        const int y = ay.first + int(yi);
        for (int p = 0; p < planes; ++p) {
            const uint16_t *__restrict value = tmpAlpha + size_t(span) * (p + 1);
            uint8_t *__restrict out = dst[p] + size_t(y) * dstStride[p] + ax.first;
            for (int x = 0; x < columns; ++x) {
                const int i = at[size_t(x)];
                const uint32_t f = ax.frac[size_t(x)];
                const uint32_t g = 256 - f;
                const uint32_t ia = (tmpAlpha[i] * g + tmpAlpha[i + 1] * f + 32768) >> 16;
                const uint32_t v = (value[i] * g + value[i + 1] * f + 32768) >> 16;
                out[x] = uint8_t(std::min<uint32_t>(255, v + div255(uint16_t(out[x] * ia))));
            }
        }
    }
}

} // namespace

MovingLayer MovingLayer::fromImage(const QImage &image, const QRectF &place)
{
    MovingLayer layer;
    layer.m_place = place;
    const SceneOverlay planes = SceneOverlay::fromImage(image);
    if (planes.isEmpty() || image.width() <= 0 || image.height() <= 0)
        return layer;
    const QRect box = planes.box(); // image pixels, even
    const double sx = place.width() / image.width();
    const double sy = place.height() / image.height();
    layer.m_visible = QRectF(place.x() + box.x() * sx, place.y() + box.y() * sy, box.width() * sx,
                             box.height() * sy);
    layer.m_width = box.width();
    layer.m_height = box.height();
    const int cw = box.width() / 2;
    const int ch = box.height() / 2;
    layer.m_y = padded(planes.m_y, box.width(), box.height(), 0);
    layer.m_inverseAlpha = padded(planes.m_inverseAlpha, box.width(), box.height(), 255);
    layer.m_u = padded(planes.m_u, cw, ch, 0);
    layer.m_v = padded(planes.m_v, cw, ch, 0);
    layer.m_inverseChromaAlpha = padded(planes.m_inverseChromaAlpha, cw, ch, 255);
    return layer;
}

void MovingLayer::blendOnto(AVFrame *frame, const QRectF &target, QRect clip) const
{
    if (isEmpty() || m_place.width() <= 0 || m_place.height() <= 0)
        return;
    const QRect whole(0, 0, frame->width, frame->height);
    clip = clip.isNull() ? whole : clip.intersected(whole);
    if (clip.isEmpty())
        return;
    // The visible part of the layer, where `target` puts it.
    const double kx = target.width() / m_place.width();
    const double ky = target.height() / m_place.height();
    const QRectF drawn(target.x() + (m_visible.x() - m_place.x()) * kx,
                       target.y() + (m_visible.y() - m_place.y()) * ky, m_visible.width() * kx,
                       m_visible.height() * ky);
    if (drawn.width() <= 0 || drawn.height() <= 0)
        return;

    const Axis lx =
        axis(clip.left(), clip.left() + clip.width(), m_width, drawn.x(), drawn.width());
    const Axis ly =
        axis(clip.top(), clip.top() + clip.height(), m_height, drawn.y(), drawn.height());
    uint8_t *luma[] = {frame->data[0]};
    const int lumaStride[] = {frame->linesize[0]};
    const uint8_t *lumaSrc[] = {m_y.data()};
    resampleBlend(luma, lumaStride, 1, lumaSrc, m_inverseAlpha.data(), m_width + 2, lx, ly);

    const int cw = m_width / 2;
    const int ch = m_height / 2;
    const Axis cx = axis(clip.left() / 2, (clip.left() + clip.width()) / 2, cw, drawn.x() / 2,
                         drawn.width() / 2);
    const Axis cy = axis(clip.top() / 2, (clip.top() + clip.height()) / 2, ch, drawn.y() / 2,
                         drawn.height() / 2);
    uint8_t *chroma[] = {frame->data[1], frame->data[2]};
    const int chromaStride[] = {frame->linesize[1], frame->linesize[2]};
    const uint8_t *chromaSrc[] = {m_u.data(), m_v.data()};
    resampleBlend(chroma, chromaStride, 2, chromaSrc, m_inverseChromaAlpha.data(), cw + 2, cx, cy);
}

} // namespace reelsmith
