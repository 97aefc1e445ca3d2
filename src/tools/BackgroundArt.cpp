#include "BackgroundArt.h"

#include <QColor>
#include <QLinearGradient>
#include <QPainter>
#include <QRadialGradient>

#include <cmath>

namespace reelsmith {

namespace {

constexpr double kTau = 6.283185307179586;

// Deterministic hash noise: the same block always gets the same colour.
quint32 hash(int x, int y)
{
    quint32 h = quint32(x) * 374761393u + quint32(y) * 668265263u;
    h = (h ^ (h >> 13)) * 1274126177u;
    return h ^ (h >> 16);
}

void paintMinecraft(QPainter &p, QSize size, double phase)
{
    const int w = size.width();
    const int h = size.height();
    QLinearGradient sky(0, 0, 0, h * 0.55);
    sky.setColorAt(0, QColor(110, 170, 255));
    sky.setColorAt(1, QColor(180, 215, 255));
    p.fillRect(0, 0, w, h, sky);

    // A course of blocks scrolling right to left; the course repeats every
    // `columns` blocks so one loop moves exactly one period.
    const int block = w / 9;
    const int columns = 24;
    const double offset = phase * columns * block;
    const int ground = int(h * 0.62);
    for (int c = -1; c <= w / block + 1; ++c) {
        const double worldX = c * block + offset;
        const int column = int(std::floor(worldX / block));
        const int wrapped = ((column % columns) + columns) % columns;
        const int x = int(c * block - std::fmod(offset, block));
        const int height = 1 + int(hash(wrapped, 7) % 4);
        for (int r = 0; r < (h - ground) / block + height + 1; ++r) {
            const int y = ground - height * block + r * block;
            QColor color = r == 0 ? QColor(95, 160, 60)
                                  : (r < 3 ? QColor(134, 96, 67) : QColor(120, 120, 120));
            const int shade = int(hash(wrapped, r) % 24) - 12;
            color = color.lighter(100 + shade);
            p.fillRect(x, y, block, block, color);
            p.fillRect(x, y, block, 3, color.lighter(115));
        }
    }
}

void paintSubway(QPainter &p, QSize size, double phase)
{
    const int w = size.width();
    const int h = size.height();
    p.fillRect(0, 0, w, h, QColor(20, 22, 30));
    const QPointF vanish(w / 2.0, h * 0.38);
    // Rings of the tunnel rushing towards the viewer; 8 rings per loop.
    const int rings = 8;
    for (int i = rings; i >= 1; --i) {
        const double depth =
            std::fmod(i - phase * 1.0 + rings, double(rings)) / rings; // 0 near, 1 far
        const double scale = std::pow(0.18, depth);
        const double rw = w * 1.4 * scale;
        const double rh = h * 1.1 * scale;
        QColor ring = QColor::fromHsv(200 + int(depth * 40), 80, int(200 * (1 - depth) + 30));
        p.setPen(QPen(ring, std::max(1.0, 14 * scale)));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(vanish.x() - rw / 2, vanish.y() - rh / 2, rw, rh), 40 * scale,
                          40 * scale);
        // Lights on the ring
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 220, 120, int(255 * (1 - depth))));
        p.drawEllipse(QPointF(vanish.x() - rw / 2, vanish.y()), 10 * scale + 1, 10 * scale + 1);
        p.drawEllipse(QPointF(vanish.x() + rw / 2, vanish.y()), 10 * scale + 1, 10 * scale + 1);
    }
    // Rails converging to the vanishing point.
    p.setPen(QPen(QColor(180, 180, 190), 6));
    p.drawLine(QPointF(w * 0.25, h), vanish);
    p.drawLine(QPointF(w * 0.75, h), vanish);
}

void paintAbstract(QPainter &p, QSize size, double phase)
{
    const int w = size.width();
    const int h = size.height();
    p.fillRect(0, 0, w, h, QColor(30, 10, 50));
    p.setPen(Qt::NoPen);
    for (int i = 0; i < 5; ++i) {
        const double a = kTau * (phase + i / 5.0);
        const QPointF centre(w * (0.5 + 0.35 * std::cos(a * (i % 2 ? 1 : -1))),
                             h * (0.5 + 0.35 * std::sin(a + i)));
        QRadialGradient g(centre, w * 0.7);
        g.setColorAt(0, QColor::fromHsv((i * 72 + int(phase * 360)) % 360, 200, 240, 170));
        g.setColorAt(1, QColor(0, 0, 0, 0));
        p.setBrush(g);
        p.drawRect(0, 0, w, h);
    }
}

} // namespace

QStringList backgroundArtNames()
{
    return {QStringLiteral("minecraft"), QStringLiteral("subway"), QStringLiteral("abstract")};
}

bool paintBackgroundArt(const QString &name, QPainter &painter, QSize size, double phase)
{
    phase -= std::floor(phase);
    if (name == QLatin1String("minecraft"))
        paintMinecraft(painter, size, phase);
    else if (name == QLatin1String("subway"))
        paintSubway(painter, size, phase);
    else if (name == QLatin1String("abstract"))
        paintAbstract(painter, size, phase);
    else
        return false;
    return true;
}

} // namespace reelsmith
