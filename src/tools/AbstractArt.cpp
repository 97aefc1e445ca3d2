// abstract: soft colour fields drifting like a lava lamp. Blobs travel on
// Lissajous paths with whole-number frequencies per loop, their colours mix
// where they meet, and the field is computed at a low resolution and scaled
// up smoothly: it has no detail worth the pixels, and stays cheap to encode.

#include "BackgroundArtParts.h"

#include <QColor>
#include <QImage>
#include <QPainter>

#include <array>
#include <cmath>

namespace reelsmith::art {

namespace {

struct Blob
{
    double x, y;   // centre of its path, in frame widths / heights
    double ax, ay; // path amplitude
    int fx, fy;    // whole cycles per loop along x and y
    double px, py; // path phases
    double radius; // in frame widths
    std::array<double, 3> rgb;
};

constexpr std::array<Blob, 7> kBlobs = {{
    {0.30, 0.20, 0.22, 0.10, 1, 2, 0.0, 1.1, 0.42, {0.98, 0.33, 0.52}},
    {0.72, 0.34, 0.20, 0.14, 1, 1, 2.0, 0.3, 0.38, {0.99, 0.62, 0.22}},
    {0.40, 0.55, 0.28, 0.12, 2, 1, 4.1, 2.5, 0.46, {0.42, 0.30, 0.95}},
    {0.68, 0.72, 0.22, 0.12, 1, 2, 1.3, 5.0, 0.40, {0.16, 0.78, 0.86}},
    {0.26, 0.86, 0.18, 0.08, 1, 1, 3.3, 0.9, 0.36, {0.95, 0.28, 0.80}},
    {0.55, 0.08, 0.30, 0.06, 1, 1, 5.2, 3.9, 0.34, {0.30, 0.55, 1.00}},
    {0.50, 0.45, 0.10, 0.25, 2, 1, 0.7, 1.7, 0.30, {1.00, 0.80, 0.45}},
}};

double smoothstep(double a, double b, double x)
{
    const double t = std::clamp((x - a) / (b - a), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

} // namespace

void paintAbstract(QPainter &p, QSize size, double phase)
{
    // One field sample per 8x8 pixels; the smooth upscale hides the grid.
    const int cw = std::max(8, size.width() / 8);
    const int ch = std::max(8, size.height() / 8);
    QImage field(cw, ch, QImage::Format_RGB32);
    const double aspect = double(size.height()) / size.width();
    std::array<double, kBlobs.size()> bx{}, by{};
    for (size_t i = 0; i < kBlobs.size(); ++i) {
        const Blob &b = kBlobs[i];
        bx[i] = b.x + b.ax * std::sin(kTau * b.fx * phase + b.px);
        by[i] = (b.y + b.ay * std::cos(kTau * b.fy * phase + b.py)) * aspect;
    }
    // A slow swell of the background hue.
    const double swell = 0.5 + 0.5 * std::sin(kTau * phase);
    for (int j = 0; j < ch; ++j) {
        QRgb *line = reinterpret_cast<QRgb *>(field.scanLine(j));
        const double y = (j + 0.5) / ch * aspect;
        // A gentle warp makes the edges flow instead of staying round.
        for (int i = 0; i < cw; ++i) {
            const double x0 = (i + 0.5) / cw;
            const double x = x0 + 0.03 * std::sin(y * 5.0 + kTau * phase);
            const double yy = y + 0.03 * std::cos(x0 * 6.0 - kTau * 2 * phase);
            double sum = 0, r = 0, g = 0, b = 0;
            for (size_t k = 0; k < kBlobs.size(); ++k) {
                const double dx = x - bx[k], dy = yy - by[k];
                const double rr = kBlobs[k].radius * kBlobs[k].radius;
                const double wgt = rr / (dx * dx + dy * dy + 0.02);
                sum += wgt;
                r += wgt * kBlobs[k].rgb[0];
                g += wgt * kBlobs[k].rgb[1];
                b += wgt * kBlobs[k].rgb[2];
            }
            const double lit = smoothstep(1.2, 6.0, sum);
            const double depth = y / aspect;
            // Deep indigo to plum behind the blobs.
            const double br = 0.10 + 0.08 * depth + 0.05 * swell;
            const double bgc = 0.05 + 0.03 * swell;
            const double bb = 0.22 - 0.06 * depth;
            double mr = br + (r / sum - br) * lit * 0.97;
            double mg = bgc + (g / sum - bgc) * lit * 0.97;
            double mb = bb + (b / sum - bb) * lit * 0.97;
            // Mixed colours turn grey; push them back out from their luminance.
            const double luma = 0.3 * mr + 0.59 * mg + 0.11 * mb;
            const double sat = 1.0 + 0.35 * lit;
            mr = luma + (mr - luma) * sat;
            mg = luma + (mg - luma) * sat;
            mb = luma + (mb - luma) * sat;
            line[i] = qRgb(int(std::clamp(mr, 0.0, 1.0) * 255), int(std::clamp(mg, 0.0, 1.0) * 255),
                           int(std::clamp(mb, 0.0, 1.0) * 255));
        }
    }
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRect(QPoint(0, 0), size), field);
    p.restore();
}

} // namespace reelsmith::art
