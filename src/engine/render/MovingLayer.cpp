#include "render/MovingLayer.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>
}

#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#include <tmmintrin.h>
#define REELSMITH_SHUFFLED_PASS 1
#else
#define REELSMITH_SHUFFLED_PASS 0
#endif

namespace reelsmith {

namespace {

// Bytes readable past a plane's last sample: the shuffled horizontal pass
// loads 16 source bytes at a time.
constexpr size_t kSlack = 16;

// A padded plane of n x rows samples from an unpadded one; the border is `fill`.
std::vector<uint8_t> padded(const std::vector<uint8_t> &plane, int n, int rows, uint8_t fill)
{
    const int stride = n + 2;
    std::vector<uint8_t> out(size_t(stride) * (rows + 2) + kSlack, fill);
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
    // Consecutive sources at one weight: a layer drawn at its own size (a
    // pan, a caption at rest), resampled by a plain shifted-row blend.
    bool uniform = false;
    // Otherwise (a zoom), on x86 with SSSE3: eight destination samples at a
    // time read 16 source bytes from `base`, picked by two byte shuffles
    // (the left and right samples, as 16-bit lanes) and weighted by
    // `left`/`right`. Empty when some eight need more than 16 bytes.
    std::vector<int> base;
    std::vector<uint8_t> shuffle; // 32 bytes for each eight
    std::vector<uint16_t> left, right;
};

#if REELSMITH_SHUFFLED_PASS
// Asked on first use, not in a static initialiser: __builtin_cpu_supports
// needs the CPU model filled in (__builtin_cpu_init), which a constructor of
// this library may otherwise run before.
bool hasSsse3()
{
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("ssse3") != 0;
    }();
    return has;
}
#endif

// Fills ax.base/shuffle/left/right for the shuffled pass, if it can be used.
void planShuffles(Axis &a)
{
#if REELSMITH_SHUFFLED_PASS
    const size_t groups = a.index.size() / 8;
    if (!hasSsse3() || a.uniform || groups == 0)
        return;
    a.base.resize(groups);
    a.shuffle.resize(groups * 32);
    for (size_t g = 0; g < groups; ++g) {
        const int first = a.index[g * 8];
        if (a.index[g * 8 + 7] + 1 - first > 15) {
            a.base.clear();
            a.shuffle.clear();
            return;
        }
        a.base[g] = first;
        for (int k = 0; k < 8; ++k) {
            const int at = a.index[g * 8 + size_t(k)] - first;
            a.shuffle[g * 32 + size_t(2 * k)] = uint8_t(at);
            a.shuffle[g * 32 + size_t(2 * k + 1)] = 0x80; // a zero high byte
            a.shuffle[g * 32 + 16 + size_t(2 * k)] = uint8_t(at + 1);
            a.shuffle[g * 32 + 16 + size_t(2 * k + 1)] = 0x80;
        }
    }
    a.left.resize(a.frac.size());
    a.right.resize(a.frac.size());
    for (size_t x = 0; x < a.frac.size(); ++x) {
        a.left[x] = uint16_t(256 - a.frac[x]);
        a.right[x] = a.frac[x];
    }
#else
    (void)a;
#endif
}

#if REELSMITH_SHUFFLED_PASS
__attribute__((target("ssse3"))) void horizontalShuffled(const uint8_t *row, const Axis &ax,
                                                         uint16_t *out)
{
    const size_t groups = ax.base.size();
    for (size_t g = 0; g < groups; ++g) {
        const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i *>(row + ax.base[g]));
        const auto *mask = reinterpret_cast<const __m128i *>(ax.shuffle.data() + g * 32);
        const __m128i l = _mm_shuffle_epi8(s, _mm_loadu_si128(mask));
        const __m128i r = _mm_shuffle_epi8(s, _mm_loadu_si128(mask + 1));
        const __m128i wl = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&ax.left[g * 8]));
        const __m128i wr = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&ax.right[g * 8]));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + g * 8),
                         _mm_add_epi16(_mm_mullo_epi16(l, wl), _mm_mullo_epi16(r, wr)));
    }
    for (size_t x = groups * 8; x < ax.index.size(); ++x) {
        const unsigned f = ax.frac[x];
        out[x] = uint16_t(row[ax.index[x]] * (256 - f) + row[ax.index[x] + 1] * f);
    }
}
#endif

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
    a.uniform = !a.index.empty();
    for (size_t k = 1; a.uniform && k < a.index.size(); ++k)
        a.uniform = a.index[k] == a.index[0] + int(k) && a.frac[k] == a.frac[0];
    planShuffles(a);
    return a;
}

inline uint16_t div255(uint16_t v)
{
    v = static_cast<uint16_t>(v + 128);
    return static_cast<uint16_t>((v + (v >> 8)) >> 8);
}

// The horizontal pass of one padded source row: each destination column's
// two source samples weighted, kept x 256 in 16 bits (at most 255 x 256).
void horizontal(const uint8_t *__restrict row, const Axis &ax, uint16_t *__restrict out)
{
    const int columns = int(ax.index.size());
    if (ax.uniform) {
        // The pan and the resting caption: one weight, no gather; vectorises.
        const uint8_t *__restrict a = row + ax.index.front();
        const uint16_t f = ax.frac.front();
        const uint16_t g = uint16_t(256 - f);
        for (int x = 0; x < columns; ++x)
            out[x] = uint16_t(uint16_t(a[x] * g) + uint16_t(a[x + 1] * f));
        return;
    }
#if REELSMITH_SHUFFLED_PASS
    if (!ax.base.empty()) {
        horizontalShuffled(row, ax, out);
        return;
    }
#endif
    const int *__restrict index = ax.index.data();
    const uint16_t *__restrict frac = ax.frac.data();
    for (int x = 0; x < columns; ++x) {
        const uint32_t f = frac[x];
        out[x] = uint16_t(row[index[x]] * (256 - f) + row[index[x] + 1] * f);
    }
}

// The vertical mix of two horizontally resampled rows (x 256) back to 8-bit
// values, in 16-bit lanes: (top x (256 - f) + bottom x f) / 65536 rounded,
// each product's high half taken first (within one step of the 32-bit sum).
struct RowMix
{
    explicit RowMix(uint16_t f) : flat(f == 0), g8(uint16_t((256 - f) << 8)), f8(uint16_t(f << 8))
    {
    }
    bool flat; // exactly on a source row: only the top row counts (g8 would overflow)
    uint16_t g8, f8;

    uint16_t at(uint16_t top, uint16_t bottom) const
    {
        const unsigned mixed =
            flat ? top : ((unsigned(top) * g8) >> 16) + ((unsigned(bottom) * f8) >> 16);
        return uint16_t((mixed + 128) >> 8);
    }
#if defined(__SSE2__)
    __m128i at(const uint16_t *top, const uint16_t *bottom) const
    {
        __m128i mixed = _mm_loadu_si128(reinterpret_cast<const __m128i *>(top));
        if (!flat)
            mixed = _mm_add_epi16(
                _mm_mulhi_epu16(mixed, _mm_set1_epi16(short(g8))),
                _mm_mulhi_epu16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(bottom)),
                                _mm_set1_epi16(short(f8))));
        return _mm_srli_epi16(_mm_add_epi16(mixed, _mm_set1_epi16(128)), 8);
    }
#endif
};

// inverse[x]: the inverse alpha of one destination row.
void inverseAlphaRow(const uint16_t *top, const uint16_t *bottom, RowMix mix, uint8_t *inverse,
                     size_t n)
{
    size_t x = 0;
#if defined(__SSE2__)
    for (; x + 8 <= n; x += 8) {
        const __m128i v = mix.at(top + x, bottom + x);
        _mm_storel_epi64(reinterpret_cast<__m128i *>(inverse + x), _mm_packus_epi16(v, v));
    }
#endif
    for (; x < n; ++x)
        inverse[x] = uint8_t(mix.at(top[x], bottom[x]));
}

// out = value + out x inverse / 255 (premultiplied "over"), saturated.
void blendRow(const uint16_t *top, const uint16_t *bottom, RowMix mix, const uint8_t *inverse,
              uint8_t *out, size_t n)
{
    size_t x = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i half = _mm_set1_epi16(128);
    for (; x + 8 <= n; x += 8) {
        const __m128i v = mix.at(top + x, bottom + x);
        const __m128i o =
            _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(out + x)), zero);
        const __m128i ia = _mm_unpacklo_epi8(
            _mm_loadl_epi64(reinterpret_cast<const __m128i *>(inverse + x)), zero);
        __m128i t = _mm_add_epi16(_mm_mullo_epi16(o, ia), half); // div255, as below
        t = _mm_srli_epi16(_mm_add_epi16(t, _mm_srli_epi16(t, 8)), 8);
        const __m128i sum = _mm_add_epi16(v, t);
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out + x), _mm_packus_epi16(sum, sum));
    }
#endif
    for (; x < n; ++x)
        out[x] = uint8_t(std::min<unsigned>(255, mix.at(top[x], bottom[x]) +
                                                     div255(uint16_t(out[x] * inverse[x]))));
}

// One plane group (luma, or both chroma planes sharing one alpha) resampled
// and blended in place, separably: each source row the frame needs is
// resampled horizontally once (into one of two slots, by its parity, so a
// row shared by two destination rows is not redone), then each destination
// row is the vertical mix of two such rows fused with the premultiplied
// blend, eight samples at a time. bench/motion's moving job (a 720x540
// picture and a caption per frame): 1.9 ms a frame for the vertical-then-
// gather version this replaces.
void resampleBlend(uint8_t *const *dst, const int *dstStride, int planes, const uint8_t *const *src,
                   const uint8_t *inverseAlpha, int srcStride, const Axis &ax, const Axis &ay)
{
    if (ax.index.empty() || ay.index.empty())
        return;
    const size_t columns = ax.index.size();
    const int layers = planes + 1; // the inverse alpha, then the planes
    // [slot][layer][column]
    std::vector<uint16_t> rows(2 * size_t(layers) * columns);
    std::vector<uint8_t> inverse(columns);
    int held[2] = {-1, -1};
    const auto rowOf = [&](int r) {
        const int slot = r & 1;
        uint16_t *base = rows.data() + size_t(slot) * layers * columns;
        if (held[slot] != r) {
            horizontal(inverseAlpha + size_t(r) * srcStride, ax, base);
            for (int p = 0; p < planes; ++p)
                horizontal(src[p] + size_t(r) * srcStride, ax, base + size_t(p + 1) * columns);
            held[slot] = r;
        }
        return static_cast<const uint16_t *>(base);
    };
    for (size_t yi = 0; yi < ay.index.size(); ++yi) {
        const int r = ay.index[yi];
        const RowMix mix(ay.frac[yi]);
        const uint16_t *top = rowOf(r);
        // A row exactly on a source row reads only that one.
        const uint16_t *bottom = mix.flat ? top : rowOf(r + 1);
        inverseAlphaRow(top, bottom, mix, inverse.data(), columns);
        const int y = ay.first + int(yi);
        for (int p = 0; p < planes; ++p)
            blendRow(top + size_t(p + 1) * columns, bottom + size_t(p + 1) * columns, mix,
                     inverse.data(), dst[p] + size_t(y) * dstStride[p] + ax.first, columns);
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

MovingLayer MovingLayer::fromFrame(const AVFrame *frame, QRect source, QPoint place)
{
    MovingLayer layer;
    layer.m_place = layer.m_visible = QRectF(QRect(place, source.size()));
    if (source.isEmpty())
        return layer;
    const bool alpha = frame->format == AV_PIX_FMT_YUVA420P;
    const int w = source.width(), h = source.height();
    const int cw = w / 2, ch = h / 2;
    layer.m_width = w;
    layer.m_height = h;
    // Padded planes straight away: value 0 and inverse alpha 255 outside.
    const auto plane = [](int n, int rows, uint8_t fill) {
        return std::vector<uint8_t>(size_t(n + 2) * (rows + 2) + kSlack, fill);
    };
    layer.m_y = plane(w, h, 0);
    layer.m_inverseAlpha = plane(w, h, 255);
    layer.m_u = plane(cw, ch, 0);
    layer.m_v = plane(cw, ch, 0);
    layer.m_inverseChromaAlpha = plane(cw, ch, 255);
    const auto at = [frame](int p, int x, int y) {
        return frame->data[p] + size_t(y) * frame->linesize[p] + x;
    };
    for (int y = 0; y < h; ++y) {
        const uint8_t *s = at(0, source.x(), source.y() + y);
        const uint8_t *a = alpha ? at(3, source.x(), source.y() + y) : nullptr;
        uint8_t *d = layer.m_y.data() + size_t(y + 1) * (w + 2) + 1;
        uint8_t *ia = layer.m_inverseAlpha.data() + size_t(y + 1) * (w + 2) + 1;
        for (int x = 0; x < w; ++x) {
            const unsigned av = a ? a[x] : 255u;
            d[x] = uint8_t(div255(uint16_t(s[x] * av)));
            ia[x] = uint8_t(255 - av);
        }
    }
    for (int y = 0; y < ch; ++y) {
        const uint8_t *u = at(1, source.x() / 2, source.y() / 2 + y);
        const uint8_t *v = at(2, source.x() / 2, source.y() / 2 + y);
        const uint8_t *a0 = alpha ? at(3, source.x(), source.y() + 2 * y) : nullptr;
        const uint8_t *a1 = alpha ? a0 + frame->linesize[3] : nullptr;
        const size_t row = size_t(y + 1) * (cw + 2) + 1;
        for (int x = 0; x < cw; ++x) {
            // The mean of the 2x2 alphas a chroma sample covers, as SceneClip blends.
            const unsigned av =
                a0 ? (a0[2 * x] + a0[2 * x + 1] + a1[2 * x] + a1[2 * x + 1] + 2) / 4 : 255u;
            layer.m_u[row + x] = uint8_t(div255(uint16_t(u[x] * av)));
            layer.m_v[row + x] = uint8_t(div255(uint16_t(v[x] * av)));
            layer.m_inverseChromaAlpha[row + x] = uint8_t(255 - av);
        }
    }
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
