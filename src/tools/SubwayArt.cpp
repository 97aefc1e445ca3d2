// subway: riding the front of a train down a lit tunnel. Rails converge on
// the vanishing point, sleepers rush towards the viewer, wall lamps streak
// past and ribs of the tunnel lining slide by. Everything that moves is laid
// out at distances that repeat every kLoopMetres, and one loop travels
// exactly that far.

#include "BackgroundArtParts.h"

#include <QColor>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QRadialGradient>

#include <cmath>

namespace reelsmith::art {

namespace {

constexpr double kLoopMetres = 84;    // 5.6 m/s over a 15 s loop
constexpr double kSleeperSpacing = 1; // 84 per loop
constexpr double kRibSpacing = 4;     // 21 per loop
constexpr double kLampSpacing = 6;    // 14 per loop
constexpr double kSignalSpacing = 42; // 2 per loop
constexpr double kNear = 0.6;         // nearest distance drawn
constexpr double kFar = 70;           // beyond this the tunnel is fog

constexpr double kHalfWidth = 2.5; // tunnel wall, metres from the centre line
constexpr double kWallTop = 3.0;   // where the arch starts
constexpr double kCrown = 4.6;     // top of the arch
constexpr double kEye = 1.7;       // camera height above the rails
constexpr double kGauge = 0.72;    // half the distance between the rails
constexpr double kSleeperHalf = 1.3;

struct Camera
{
    double cx, cy, focal;
    // Screen point of (x across, y up from the rails, z ahead) in metres.
    QPointF at(double x, double y, double z) const
    {
        return {cx + x * focal / z, cy + (kEye - y) * focal / z};
    }
};

QColor mix(QColor a, QColor b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t),
                            float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

const QColor kFog(14, 16, 30);

// How much of an object's own colour survives at distance z.
double visibility(double z)
{
    return std::exp(-z / 22.0);
}

// The tunnel's cross-section: up the left wall, over the arch, down the right.
QPolygonF crossSection(const Camera &cam, double z)
{
    QPolygonF poly;
    poly << cam.at(-kHalfWidth, 0, z) << cam.at(-kHalfWidth, kWallTop, z);
    for (int i = 1; i < 12; ++i) {
        const double a = M_PI * i / 12;
        poly << cam.at(-kHalfWidth * std::cos(a), kWallTop + (kCrown - kWallTop) * std::sin(a), z);
    }
    poly << cam.at(kHalfWidth, kWallTop, z) << cam.at(kHalfWidth, 0, z);
    return poly;
}

// Positions ahead of the camera for things spaced `spacing` apart, given the
// distance travelled so far; yields far to near.
template <typename F> void forEachAhead(double travelled, double spacing, double first, F &&paint)
{
    const double shift = std::fmod(travelled, spacing);
    for (double z = kFar - std::fmod(kFar, spacing) + first - shift; z >= kNear; z -= spacing)
        if (z <= kFar)
            paint(z);
}

// The tunnel's static surfaces: the planes converge on the vanishing point,
// so only the things on them move. Drawn once per size (assetgen paints on
// one thread, so the cache needs no lock).
QImage shellImage(const Camera &cam, QSize size)
{
    static QImage cached;
    if (cached.size() == size)
        return cached;
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const int w = size.width(), h = size.height();
    p.fillRect(0, 0, w, h, kFog);
    const QPointF vp(cam.cx, cam.cy);
    p.setPen(Qt::NoPen);
    // Ballast below the wall feet.
    QPolygonF floor;
    floor << cam.at(-kHalfWidth, 0, kNear) << cam.at(-kHalfWidth, 0, kFar)
          << cam.at(kHalfWidth, 0, kFar) << cam.at(kHalfWidth, 0, kNear);
    QRadialGradient ground(vp, h * 0.7);
    ground.setColorAt(0, kFog);
    ground.setColorAt(0.25, QColor(36, 34, 42));
    ground.setColorAt(1, QColor(66, 60, 60));
    p.setBrush(ground);
    p.drawPolygon(floor);
    // Walls and arch, as one ring of quads from near to far.
    QRadialGradient wall(vp, std::max(w, h) * 0.8);
    wall.setColorAt(0, kFog);
    wall.setColorAt(0.2, QColor(30, 34, 54));
    wall.setColorAt(1, QColor(52, 56, 78));
    p.setBrush(wall);
    const QPolygonF nearRing = crossSection(cam, kNear);
    const QPolygonF farRing = crossSection(cam, kFar);
    for (int i = 0; i + 1 < nearRing.size(); ++i) {
        QPolygonF quad;
        quad << nearRing[i] << nearRing[i + 1] << farRing[i + 1] << farRing[i];
        p.drawPolygon(quad);
    }
    // The line's colour band along both walls, and cables above it.
    for (double side : {-1.0, 1.0}) {
        const double x = side * kHalfWidth;
        QPolygonF band;
        band << cam.at(x, 1.25, kNear) << cam.at(x, 1.55, kNear) << cam.at(x, 1.55, kFar)
             << cam.at(x, 1.25, kFar);
        QLinearGradient g(cam.at(x, 1.4, 1.5), vp);
        g.setColorAt(0, QColor(230, 120, 40));
        g.setColorAt(0.6, QColor(120, 60, 30));
        g.setColorAt(1, kFog);
        p.setBrush(g);
        p.drawPolygon(band);
        for (int k = 0; k < 3; ++k) {
            const double y = 2.05 + 0.14 * k;
            QLinearGradient c(cam.at(x, y, 1.5), vp);
            c.setColorAt(0, QColor(16, 16, 22));
            c.setColorAt(1, kFog);
            QPolygonF cable;
            cable << cam.at(x * 0.98, y, kNear) << cam.at(x * 0.98, y + 0.05, kNear)
                  << cam.at(x * 0.98, y + 0.05, kFar) << cam.at(x * 0.98, y, kFar);
            p.setBrush(c);
            p.drawPolygon(cable);
        }
    }
    // The rails are drawn later, over the sleepers.
    p.end();
    cached = image;
    return cached;
}

void paintRibs(QPainter &p, const Camera &cam, double travelled)
{
    forEachAhead(travelled, kRibSpacing, 0.0, [&](double z) {
        const QColor c = mix(kFog, QColor(70, 74, 96), visibility(z) * 1.2);
        QPen pen(c, std::max(1.0, 0.09 * cam.focal / z));
        pen.setJoinStyle(Qt::MiterJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(crossSection(cam, z));
    });
    p.setPen(Qt::NoPen);
}

void paintSleepers(QPainter &p, const Camera &cam, double travelled, double perFrame)
{
    constexpr double kTop = 0.1;
    forEachAhead(travelled, kSleeperSpacing, 0.0, [&](double z) {
        // Each sleeper is smeared over the distance it moves during a
        // frame's open shutter, which keeps the near ones from strobing.
        const double z0 = std::max(kNear, z - 0.5 * perFrame);
        const double z1 = z + 0.24;
        const double v = visibility(z);
        QPolygonF top;
        top << cam.at(-kSleeperHalf, kTop, z0) << cam.at(kSleeperHalf, kTop, z0)
            << cam.at(kSleeperHalf, kTop, z1) << cam.at(-kSleeperHalf, kTop, z1);
        QPolygonF front;
        front << cam.at(-kSleeperHalf, 0, z0) << cam.at(kSleeperHalf, 0, z0)
              << cam.at(kSleeperHalf, kTop, z0) << cam.at(-kSleeperHalf, kTop, z0);
        p.setBrush(mix(kFog, QColor(42, 34, 32), v));
        p.drawPolygon(front);
        p.setBrush(mix(kFog, QColor(96, 80, 68), v));
        p.drawPolygon(top);
    });
}

void paintRails(QPainter &p, const Camera &cam)
{
    const QPointF vp(cam.cx, cam.cy);
    for (double side : {-1.0, 1.0}) {
        QPolygonF rail;
        rail << cam.at(side * kGauge - 0.04, 0.22, kNear)
             << cam.at(side * kGauge + 0.04, 0.22, kNear)
             << cam.at(side * kGauge + 0.04, 0.22, kFar)
             << cam.at(side * kGauge - 0.04, 0.22, kFar);
        QPolygonF web;
        web << cam.at(side * kGauge - 0.02, 0.1, kNear) << cam.at(side * kGauge + 0.02, 0.1, kNear)
            << cam.at(side * kGauge + 0.02, 0.1, kFar) << cam.at(side * kGauge - 0.02, 0.1, kFar);
        p.setBrush(QColor(24, 24, 30));
        p.drawPolygon(web);
        QLinearGradient g(cam.at(side * kGauge, 0.22, kNear), vp);
        g.setColorAt(0, QColor(214, 218, 230));
        g.setColorAt(0.5, QColor(150, 156, 176));
        g.setColorAt(1, kFog);
        p.setBrush(g);
        p.drawPolygon(rail);
    }
}

// A soft elliptical glow, fading to nothing at its rim.
void softSpot(QPainter &p, QPointF at, double rx, double ry, QColor color)
{
    QRadialGradient g(QPointF(0, 0), 1);
    g.setColorAt(0, color);
    color.setAlpha(0);
    g.setColorAt(1, color);
    p.save();
    p.translate(at);
    p.scale(rx, ry);
    p.setBrush(g);
    p.drawEllipse(QPointF(0, 0), 1, 1);
    p.restore();
}

void paintLamps(QPainter &p, const Camera &cam, double travelled, double perFrame)
{
    const QColor warm(255, 200, 120);
    p.setCompositionMode(QPainter::CompositionMode_Plus);
    forEachAhead(travelled, kLampSpacing, 0.0, [&](double z) {
        const double v = visibility(z);
        const double s = cam.focal / z;
        for (double side : {-1.0, 1.0}) {
            const double x = side * (kHalfWidth - 0.06);
            const double y = 2.75;
            const QPointF at = cam.at(x, y, z);
            // Light pooled on the wall and on the track bed near the lamp;
            // the nearest pools would cover the frame for little effect.
            if (z > 1.6) {
                softSpot(p, at, 0.5 * s, 1.6 * s, QColor(130, 90, 50, int(170 * v)));
                softSpot(p, cam.at(side * 1.3, 0, z), 1.3 * s, 0.3 * s,
                         QColor(80, 58, 34, int(150 * v)));
            }
            // The tube, smeared along its path over the frame.
            const QPointF from = cam.at(x, y, std::max(kNear, z - 0.9 - perFrame));
            QPen glow(mix(QColor(0, 0, 0), warm.darker(250), 0.3 + 0.7 * v),
                      std::max(4.0, 0.35 * s), Qt::SolidLine, Qt::RoundCap);
            p.setPen(glow);
            p.drawLine(from, at);
            QPen tube(mix(QColor(0, 0, 0), warm, 0.4 + 0.6 * v), std::max(1.5, 0.1 * s),
                      Qt::SolidLine, Qt::RoundCap);
            p.setPen(tube);
            p.drawLine(from, at);
            p.setPen(Qt::NoPen);
        }
    });
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
}

void paintSignals(QPainter &p, const Camera &cam, double travelled)
{
    forEachAhead(travelled, kSignalSpacing, kSignalSpacing / 2, [&](double z) {
        const double v = visibility(z);
        const double s = cam.focal / z;
        const QPointF at = cam.at(kHalfWidth - 0.35, 1.9, z);
        p.setBrush(mix(kFog, QColor(30, 30, 34), v));
        p.drawRoundedRect(QRectF(at.x() - 0.12 * s, at.y() - 0.3 * s, 0.24 * s, 0.6 * s), 0.05 * s,
                          0.05 * s);
        p.setCompositionMode(QPainter::CompositionMode_Plus);
        const QPointF lamp(at.x(), at.y() - 0.14 * s);
        QRadialGradient glow(lamp, 0.5 * s);
        glow.setColorAt(0, QColor(80, 255, 140, int(255 * std::min(1.0, v * 2.5))));
        glow.setColorAt(0.2, QColor(40, 200, 110, int(160 * std::min(1.0, v * 2.5))));
        glow.setColorAt(1, QColor(0, 0, 0, 0));
        p.setBrush(glow);
        p.drawEllipse(lamp, 0.5 * s, 0.5 * s);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    });
}

void paintDistantLight(QPainter &p, const Camera &cam, double phase)
{
    // The tunnel mouth far ahead, breathing slightly.
    const QPointF vp(cam.cx, cam.cy - 10);
    const double r = cam.focal * 0.12 * (1 + 0.08 * std::sin(kTau * 2 * phase));
    QRadialGradient g(vp, r);
    g.setColorAt(0, QColor(150, 190, 255, 170));
    g.setColorAt(0.3, QColor(70, 100, 200, 70));
    g.setColorAt(1, QColor(0, 0, 0, 0));
    p.setCompositionMode(QPainter::CompositionMode_Plus);
    p.setBrush(g);
    p.drawEllipse(vp, r, r);
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
}

} // namespace

void paintSubway(QPainter &p, QSize size, double phase)
{
    const Camera cam{size.width() / 2.0, size.height() * 0.42, size.width() * 0.72};
    const double travelled = phase * kLoopMetres;
    const double perFrame = kLoopMetres / 360;
    p.setPen(Qt::NoPen);
    p.drawImage(0, 0, shellImage(cam, size));
    paintDistantLight(p, cam, phase);
    paintRibs(p, cam, travelled);
    paintSleepers(p, cam, travelled, perFrame);
    paintRails(p, cam);
    paintSignals(p, cam, travelled);
    paintLamps(p, cam, travelled, perFrame);
}

} // namespace reelsmith::art
