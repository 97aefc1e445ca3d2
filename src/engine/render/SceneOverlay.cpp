#include "render/SceneOverlay.h"

#include "captions/Caption.h"
#include "core/Error.h"
#include "media/ImageLoader.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace reelsmith {

namespace {

// BT.709, limited range: the matrix the encoder tags its output with.
constexpr double kKr = 0.2126;
constexpr double kKb = 0.0722;
constexpr double kKg = 1.0 - kKr - kKb;

uint8_t clampByte(double v)
{
    return static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

// Premultiplied RGB (0..255, alpha as a fraction) to premultiplied Y'CbCr:
// the colour offsets (16, 128) are scaled by alpha too, so that
// out = overlay + (1 - alpha) * background holds per plane.
double lumaPm(double r, double g, double b, double alpha)
{
    return 16.0 * alpha + 219.0 / 255.0 * (kKr * r + kKg * g + kKb * b);
}
double cbPm(double r, double g, double b, double alpha)
{
    const double y = kKr * r + kKg * g + kKb * b;
    return 128.0 * alpha + 224.0 / 255.0 * (b - y) / (2.0 * (1.0 - kKb));
}
double crPm(double r, double g, double b, double alpha)
{
    const double y = kKr * r + kKg * g + kKb * b;
    return 128.0 * alpha + 224.0 / 255.0 * (r - y) / (2.0 * (1.0 - kKr));
}

// Exact round(v / 255) for v in [0, 255 * 255], in 16-bit arithmetic so the
// compiler can vectorise the blend loop.
inline uint16_t div255(uint16_t v)
{
    v = static_cast<uint16_t>(v + 128);
    return static_cast<uint16_t>((v + (v >> 8)) >> 8);
}

void blendRow(uint8_t *__restrict dst, const uint8_t *__restrict ov,
              const uint8_t *__restrict inverseAlpha, int n)
{
    for (int x = 0; x < n; ++x)
        dst[x] =
            static_cast<uint8_t>(ov[x] + div255(static_cast<uint16_t>(dst[x] * inverseAlpha[x])));
}

} // namespace

QRect layoutBox(Layout layout, QSize frame)
{
    const int w = frame.width();
    const int h = frame.height();
    auto even = [](double v) { return std::max(2, int(std::lround(v / 2)) * 2); };
    switch (layout) {
    case Layout::Fill:
        return QRect(QPoint(0, 0), frame);
    case Layout::Top: {
        const int bw = even(w * 0.90);
        const int bh = even(h * 0.45);
        return QRect((w - bw) / 2, even(h * 0.05), bw, bh);
    }
    case Layout::Center:
        break;
    }
    const int bw = even(w * 0.90);
    const int bh = even(h * 0.55);
    return QRect((w - bw) / 2, (h - bh) / 2, bw, bh);
}

void paintScene(QPainter &painter, QSize frame, Layout layout, const QImage &picture,
                const QString &caption)
{
    if (!picture.isNull()) {
        const QRect box = layoutBox(layout, frame);
        const QPoint topLeft(box.x() + (box.width() - picture.width()) / 2,
                             box.y() + (box.height() - picture.height()) / 2);
        painter.drawImage(topLeft, picture);
    }
    Caption::paint(painter, frame, caption);
}

SceneOverlay SceneOverlay::build(const Scene &scene, const QString &imagePath, QSize frame,
                                 QStringList *warnings, bool withCaption)
{
    const QRect box = layoutBox(scene.layout, frame);
    LoadedImage picture; // none for a text card
    if (!imagePath.isEmpty()) {
        picture = ImageLoader::load(imagePath, box.size(),
                                    scene.layout == Layout::Fill ? Fit::Cover : Fit::Contain);
        if (warnings)
            warnings->append(picture.warnings);
    }
    QImage canvas(frame, QImage::Format_ARGB32_Premultiplied);
    if (canvas.isNull())
        throwFailure(QStringLiteral("out of memory for a %1x%2 overlay")
                         .arg(frame.width())
                         .arg(frame.height()));
    canvas.fill(Qt::transparent);
    {
        QPainter painter(&canvas);
        paintScene(painter, frame, scene.layout, picture.image,
                   withCaption ? scene.shownCaption() : QString());
    }
    picture.image = QImage(); // drop the picture before the planes are made
    return fromImage(canvas);
}

SceneOverlay SceneOverlay::fromImage(const QImage &input, QPoint offset)
{
    const QImage image = input.format() == QImage::Format_ARGB32_Premultiplied
                             ? input
                             : input.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    SceneOverlay overlay;
    const int w = image.width() & ~1;
    const int h = image.height() & ~1;

    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    bool opaque = true;
    for (int y = 0; y < h; ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const int a = qAlpha(row[x]);
            if (a != 255)
                opaque = false;
            if (a == 0)
                continue;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
    }
    if (x1 < 0)
        return overlay;
    x0 &= ~1;
    y0 &= ~1;
    x1 = std::min(w, (x1 + 2) & ~1);
    y1 = std::min(h, (y1 + 2) & ~1);
    overlay.m_box = QRect(x0, y0, x1 - x0, y1 - y0);
    overlay.m_opaque = opaque && overlay.m_box == QRect(0, 0, w, h) && offset.isNull();

    const int bw = overlay.m_box.width();
    const int bh = overlay.m_box.height();
    overlay.m_y.resize(size_t(bw) * bh);
    overlay.m_inverseAlpha.resize(size_t(bw) * bh);
    overlay.m_u.resize(size_t(bw / 2) * (bh / 2));
    overlay.m_v.resize(overlay.m_u.size());
    overlay.m_inverseChromaAlpha.resize(overlay.m_u.size());

    for (int y = 0; y < bh; y += 2) {
        const auto *row0 = reinterpret_cast<const QRgb *>(image.constScanLine(y0 + y)) + x0;
        const auto *row1 = reinterpret_cast<const QRgb *>(image.constScanLine(y0 + y + 1)) + x0;
        for (int x = 0; x < bw; x += 2) {
            const QRgb px[4] = {row0[x], row0[x + 1], row1[x], row1[x + 1]};
            double sr = 0, sg = 0, sb = 0, sa = 0;
            for (int k = 0; k < 4; ++k) {
                const double r = qRed(px[k]), g = qGreen(px[k]), b = qBlue(px[k]);
                const double alpha = qAlpha(px[k]) / 255.0;
                const size_t at = size_t(y + k / 2) * bw + x + k % 2;
                overlay.m_y[at] = clampByte(lumaPm(r, g, b, alpha));
                overlay.m_inverseAlpha[at] = static_cast<uint8_t>(255 - qAlpha(px[k]));
                sr += r;
                sg += g;
                sb += b;
                sa += alpha;
            }
            // Averaging premultiplied values is the correct 2x2 downsample.
            const size_t c = size_t(y / 2) * (bw / 2) + x / 2;
            overlay.m_u[c] = clampByte(cbPm(sr / 4, sg / 4, sb / 4, sa / 4));
            overlay.m_v[c] = clampByte(crPm(sr / 4, sg / 4, sb / 4, sa / 4));
            overlay.m_inverseChromaAlpha[c] = static_cast<uint8_t>(255 - std::lround(sa / 4 * 255));
        }
    }
    overlay.m_box.translate(offset.x() & ~1, offset.y() & ~1);
    return overlay;
}

// m_inverseAlpha and m_inverseChromaAlpha hold 255 - alpha, which is what the blend multiplies by.
void SceneOverlay::blendOnto(AVFrame *frame) const
{
    if (isEmpty())
        return;
    const int bw = m_box.width();
    const int bh = m_box.height();
    const int x0 = m_box.x();
    const int y0 = m_box.y();
    for (int y = 0; y < bh; ++y) {
        uint8_t *dst = frame->data[0] + size_t(y0 + y) * frame->linesize[0] + x0;
        const size_t at = size_t(y) * bw;
        if (m_opaque)
            std::memcpy(dst, &m_y[at], size_t(bw));
        else
            blendRow(dst, &m_y[at], &m_inverseAlpha[at], bw);
    }
    const int cw = bw / 2;
    for (int y = 0; y < bh / 2; ++y) {
        const size_t at = size_t(y) * cw;
        uint8_t *u = frame->data[1] + size_t(y0 / 2 + y) * frame->linesize[1] + x0 / 2;
        uint8_t *v = frame->data[2] + size_t(y0 / 2 + y) * frame->linesize[2] + x0 / 2;
        if (m_opaque) {
            std::memcpy(u, &m_u[at], size_t(cw));
            std::memcpy(v, &m_v[at], size_t(cw));
        } else {
            blendRow(u, &m_u[at], &m_inverseChromaAlpha[at], cw);
            blendRow(v, &m_v[at], &m_inverseChromaAlpha[at], cw);
        }
    }
}

} // namespace reelsmith
