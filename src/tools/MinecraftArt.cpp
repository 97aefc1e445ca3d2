// minecraft: a side view of a blocky parkour course scrolling past, with a
// runner hopping over lava pits, two parallax ranges and drifting clouds.
// Every layer moves a whole number of its pattern periods per loop, and by
// whole pixels per frame at 24 fps, so the loop is exact and the encoder sees
// clean translations.

#include "BackgroundArtParts.h"

#include <QColor>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRadialGradient>

#include <array>
#include <cmath>
#include <map>

namespace reelsmith::art {

namespace {

constexpr int kTexels = 16; // texels along a block's side, as in the game

// Surface height of each course column above the base line; -1 is a lava pit.
// Heights change by at most one block between neighbours a runner steps on.
constexpr std::array<int, 45> kCourse = {1, 1, 1, 2,  2,  -1, 2, 2, 3, 3,  -1, -1, 3, 2, 2,
                                         1, 1, 1, 2,  -1, 2,  3, 3, 4, 4,  -1, -1, 4, 3, 3,
                                         2, 2, 2, -1, 1,  1,  1, 2, 2, -1, 2,  2,  1, 1, 1};
constexpr int kCourseColumns = int(kCourse.size());
// Course columns with a tree standing on them.
constexpr std::array<int, 4> kTrees = {1, 16, 30, 43};

enum class Block { Grass, Dirt, Stone, Coal, Iron, Diamond, Lava, Log, Leaves, Count };

QColor jitter(QColor c, quint32 h, int amount)
{
    const int d = int(h % quint32(2 * amount + 1)) - amount;
    return QColor(std::clamp(c.red() + d, 0, 255), std::clamp(c.green() + d, 0, 255),
                  std::clamp(c.blue() + d, 0, 255), c.alpha());
}

QImage blockTexels(Block kind)
{
    QImage t(kTexels, kTexels, QImage::Format_ARGB32_Premultiplied);
    const int salt = int(kind) * 101;
    const QColor dirt(134, 96, 67);
    const QColor stone(128, 128, 130);
    for (int y = 0; y < kTexels; ++y) {
        for (int x = 0; x < kTexels; ++x) {
            const quint32 h = hash(x, y, salt);
            QColor c;
            switch (kind) {
            case Block::Grass: {
                const int fringe = 3 + int(hash(x, 0, 7) % 3);
                c = y < fringe ? jitter(QColor(98, 168, 58), h, 14) : jitter(dirt, h, 14);
                break;
            }
            case Block::Dirt:
                c = jitter(dirt, h, 14);
                break;
            case Block::Stone:
            case Block::Coal:
            case Block::Iron:
            case Block::Diamond: {
                c = jitter(stone, h, 10);
                // Ore: a few small clusters of 2x2 texels with a stray one.
                static constexpr int kSpots[][2] = {{2, 3}, {9, 2}, {5, 9}, {11, 10}, {7, 6}};
                bool ore = false;
                for (const auto &spot : kSpots) {
                    const int dx = x - spot[0], dy = y - spot[1];
                    ore = ore || (dx >= 0 && dx < 2 && dy >= 0 && dy < 2) ||
                          (dx == 2 && dy == 1 && (spot[0] + spot[1]) % 2 == 0);
                }
                const QColor dark = c.darker(140);
                if (ore && kind == Block::Coal)
                    c = (x + y) % 3 ? QColor(36, 36, 38) : QColor(64, 64, 66);
                else if (ore && kind == Block::Iron)
                    c = (x + y) % 3 ? QColor(214, 172, 142) : QColor(168, 128, 100);
                else if (ore && kind == Block::Diamond)
                    c = (x + y) % 3 ? QColor(96, 232, 226) : QColor(40, 170, 170);
                else if (h % 9 == 0)
                    c = dark;
                break;
            }
            case Block::Lava:
                c = hash(x / 2, y / 2, salt) % 4 == 0 ? QColor(255, 214, 80)
                                                      : jitter(QColor(235, 110, 20), h, 12);
                break;
            case Block::Log:
                c = x % 4 == 0 ? QColor(76, 58, 36) : jitter(QColor(104, 82, 50), h, 8);
                break;
            case Block::Leaves:
                c = h % 5 == 0 ? QColor(34, 84, 24) : jitter(QColor(62, 130, 44), h, 14);
                break;
            case Block::Count:
                break;
            }
            t.setPixelColor(x, y, c);
        }
    }
    return t;
}

// Block textures scaled to `block` pixels, made once per size (assetgen
// paints on one thread, so the cache needs no lock).
const QImage &blockImage(Block kind, int block)
{
    static std::map<std::pair<int, int>, QImage> cache;
    const auto key = std::make_pair(int(kind), block);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, blockTexels(kind).scaled(block, block)).first;
    return it->second;
}

int wrap(int i, int n)
{
    return ((i % n) + n) % n;
}

// Pixel offset of a layer scrolling `periods` times its `period` per loop.
int scrollOffset(double phase, int period, int periods = 1)
{
    return int(std::lround(phase * period * periods)) % period;
}

void paintSky(QPainter &p, int w, int horizon)
{
    QLinearGradient sky(0, 0, 0, horizon);
    sky.setColorAt(0, QColor(88, 148, 240));
    sky.setColorAt(1, QColor(178, 214, 255));
    p.fillRect(0, 0, w, horizon, sky);
    // A square sun, as the game draws it.
    const QPointF sun(w * 0.78, horizon * 0.16);
    const double s = w * 0.07;
    QRadialGradient glow(sun, s * 3.2);
    glow.setColorAt(0, QColor(255, 250, 220, 140));
    glow.setColorAt(1, QColor(255, 250, 220, 0));
    p.fillRect(QRectF(sun.x() - s * 3.2, sun.y() - s * 3.2, s * 6.4, s * 6.4), glow);
    p.fillRect(QRectF(sun.x() - s, sun.y() - s, 2 * s, 2 * s), QColor(255, 252, 225));
    p.fillRect(QRectF(sun.x() - s * 0.7, sun.y() - s * 0.7, 1.4 * s, 1.4 * s),
               QColor(255, 255, 245));
}

void paintClouds(QPainter &p, int w, int top, double phase)
{
    // Flat cloud slabs on a grid, like the game's; the layer is one frame
    // wide and drifts one width per loop.
    const int cell = w / 18;
    const int period = 18 * cell;
    const int offset = scrollOffset(phase, period);
    struct Slab
    {
        int x, y, cols, rows;
    };
    static constexpr Slab kSlabs[] = {
        {1, 1, 5, 1},  {2, 0, 2, 1},  {3, 2, 3, 1},  {9, 4, 6, 1}, {10, 3, 3, 1},
        {12, 5, 2, 1}, {15, 0, 4, 1}, {16, 1, 2, 1}, {6, 7, 4, 1}, {7, 6, 2, 1},
    };
    for (const Slab &s : kSlabs) {
        for (int copy = 0; copy < 2; ++copy) {
            const int x = s.x * cell - offset + copy * period;
            const QRect r(x, top + s.y * cell, s.cols * cell, s.rows * cell);
            if (r.right() < 0 || r.left() > w)
                continue;
            p.fillRect(r, QColor(255, 255, 255, 225));
            p.fillRect(r.x(), r.bottom() - cell / 4, r.width(), cell / 4,
                       QColor(214, 224, 240, 225));
        }
    }
}

// A range of blocky hills: heights from a few whole-period sines so the range
// repeats every `columns` blocks.
void paintRange(QPainter &p, QSize size, int baseY, int block, int columns, double amp, int seed,
                QColor top, QColor body, bool crowns, double phase)
{
    const int period = block * columns;
    const int offset = scrollOffset(phase, period);
    const int w = size.width();
    const int first = offset / block - 1;
    for (int c = first; c <= first + w / block + 2; ++c) {
        const int k = wrap(c, columns);
        const double u = kTau * k / columns;
        const double v = 0.55 + 0.25 * std::sin(u + seed) + 0.15 * std::sin(3 * u + 2 * seed) +
                         0.08 * std::sin(5 * u + seed * 0.7);
        const int height = std::max(1, int(std::lround(v * amp)));
        const int x = c * block - offset;
        const int y = baseY - height * block;
        p.fillRect(x, y, block, size.height() - y, body);
        p.fillRect(x, y, block, block / 3, top);
        // Now and then a tree's crown on the ridge.
        if (crowns && hash(k, seed, 3) % 5 == 0) {
            const QColor crown = top.darker(118);
            p.fillRect(x + block / 3, y - block / 2, block / 3, block / 2, body.darker(120));
            p.fillRect(x - block / 2, y - 2 * block, 2 * block, 3 * block / 2, crown);
            p.fillRect(x, y - 5 * block / 2, block, block / 2, crown);
        }
    }
}

struct Course
{
    int block;
    int baseY; // top of a height-0 column
    int offset;
};

int courseHeight(int column)
{
    return kCourse[size_t(wrap(column, kCourseColumns))];
}

void paintColumn(QPainter &p, const Course &c, int column, int x, int bottom)
{
    const int height = courseHeight(column);
    const int block = c.block;
    if (height < 0) {
        // A pit: stone walls below the base line and lava a block down.
        int y = c.baseY;
        const QImage &lava = blockImage(Block::Lava, block);
        p.drawImage(QRect(x, y + block / 8, block, block - block / 8), lava,
                    QRect(0, lava.height() / 8, block, block - block / 8));
        for (y += block; y < bottom; y += block)
            p.drawImage(x, y, blockImage(Block::Stone, block));
        return;
    }
    int row = 0;
    for (int y = c.baseY - height * block; y < bottom; y += block, ++row) {
        Block kind = row == 0 ? Block::Grass : row < 3 ? Block::Dirt : Block::Stone;
        if (kind == Block::Stone) {
            const quint32 h = hash(wrap(column, kCourseColumns), row, 17) % 23;
            kind = h == 0 ? Block::Diamond : h < 3 ? Block::Iron : h < 6 ? Block::Coal : kind;
        }
        p.drawImage(x, y, blockImage(kind, block));
    }
}

void paintTree(QPainter &p, const Course &c, int column, int x)
{
    const int block = c.block;
    const int ground = c.baseY - courseHeight(column) * block;
    for (int i = 1; i <= 3; ++i)
        p.drawImage(x, ground - i * block, blockImage(Block::Log, block));
    const QImage &leaves = blockImage(Block::Leaves, block);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = 3; dy <= 4; ++dy)
            p.drawImage(x + dx * block, ground - (dy + 1) * block, leaves);
    p.drawImage(x, ground - 6 * block, leaves);
}

// The runner's feet height (in blocks above the base line) at course position
// `u` (in blocks): a walk along level ground, a hop across steps and pits.
double runnerHeight(double u)
{
    const int col = int(std::floor(u - 0.5));
    int from = col;
    while (courseHeight(from) < 0)
        --from;
    int to = from + 1;
    while (courseHeight(to) < 0)
        ++to;
    const double u0 = from + 0.5, u1 = to + 0.5;
    const double h0 = courseHeight(from), h1 = courseHeight(to);
    if (to == from + 1 && h0 == h1)
        return h0;
    const double t = (u - u0) / (u1 - u0);
    const double lift = 0.9 + 0.35 * (to - from - 1) + std::max(0.0, h1 - h0) * 0.3;
    return h0 + (h1 - h0) * t + 4 * t * (1 - t) * lift;
}

bool runnerAirborne(double u)
{
    const int col = int(std::floor(u - 0.5));
    int from = col;
    while (courseHeight(from) < 0)
        --from;
    int to = from + 1;
    while (courseHeight(to) < 0)
        ++to;
    return !(to == from + 1 && courseHeight(from) == courseHeight(to));
}

void paintRunner(QPainter &p, const Course &c, int screenX, double phase)
{
    const double texel = c.block / double(kTexels);
    const double u = double(screenX + c.offset) / c.block;
    const double feetY = c.baseY - runnerHeight(u) * c.block;
    const bool air = runnerAirborne(u);
    // Two strides a second: 30 whole swings per loop.
    const double swing = air ? 0.5 : 0.75 * std::sin(kTau * 30 * phase);

    const QColor skin(214, 160, 118), hair(70, 46, 28), shirt(40, 170, 180), trousers(60, 60, 160),
        shoe(70, 70, 80);
    p.save();
    p.translate(screenX, feetY);
    p.setPen(Qt::NoPen);
    auto limb = [&](double hipY, double angle, QColor upper, QColor lower, double length) {
        p.save();
        p.translate(0, hipY);
        p.rotate(angle * 57.29578);
        p.fillRect(QRectF(-2 * texel, 0, 4 * texel, length * texel * 0.8), upper);
        p.fillRect(QRectF(-2 * texel, length * texel * 0.8, 4 * texel, length * texel * 0.2),
                   lower);
        p.restore();
    };
    const double hip = -12 * texel;
    const double shoulder = -24 * texel;
    // Far-side limbs a shade darker, drawn first.
    limb(hip, -swing, trousers.darker(130), shoe.darker(130), 12);
    limb(shoulder, swing, shirt.darker(130), skin.darker(130), 12);
    p.fillRect(QRectF(-2 * texel, shoulder, 4 * texel, 12 * texel), shirt);
    limb(hip, swing, trousers, shoe, 12);
    // Head, looking where it runs.
    const QRectF head(-4 * texel, shoulder - 8 * texel, 8 * texel, 8 * texel);
    p.fillRect(head, skin);
    p.fillRect(QRectF(head.left(), head.top(), 8 * texel, 2 * texel), hair);
    p.fillRect(QRectF(head.left(), head.top(), 2 * texel, 5 * texel), hair);
    p.fillRect(QRectF(head.right() - 2 * texel, head.top() + 3 * texel, texel, texel),
               QColor(255, 255, 255));
    p.fillRect(QRectF(head.right() - texel, head.top() + 3 * texel, texel, texel),
               QColor(60, 50, 140));
    limb(shoulder, -swing, shirt, skin, 12);
    p.restore();
}

} // namespace

void paintMinecraft(QPainter &p, QSize size, double phase)
{
    const int w = size.width();
    const int h = size.height();
    // Nine course blocks across the frame; the layer rates below are whole
    // pixels per frame for 720 wide at 24 fps.
    Course course;
    course.block = std::max(8, w / 9);
    course.baseY = h - 3 * course.block;
    const int period = course.block * kCourseColumns;
    course.offset = scrollOffset(phase, period);

    const int horizon = course.baseY;
    paintSky(p, w, horizon);
    paintClouds(p, w, h / 16, phase);
    // Distant mountains in haze, then nearer green hills.
    const int far = std::max(4, course.block * 3 / 10);
    paintRange(p, size, horizon - 2 * course.block, far, 45, 14, 1, QColor(166, 196, 214),
               QColor(150, 182, 204), false, phase);
    const int mid = std::max(4, course.block / 2);
    paintRange(p, size, horizon - course.block, mid, 45, 7.5, 4, QColor(108, 168, 100),
               QColor(84, 134, 96), true, phase);

    // The course itself.
    const int first = course.offset / course.block - 2;
    const int last = first + w / course.block + 4;
    for (int col = first; col <= last; ++col)
        paintColumn(p, course, col, col * course.block - course.offset, h);
    for (int col = first; col <= last; ++col)
        for (int tree : kTrees)
            if (wrap(col, kCourseColumns) == tree)
                paintTree(p, course, col, col * course.block - course.offset);
    // Deeper is darker.
    QLinearGradient depth(0, course.baseY - course.block, 0, h);
    depth.setColorAt(0, QColor(0, 0, 0, 0));
    depth.setColorAt(1, QColor(10, 10, 30, 110));
    p.fillRect(0, course.baseY - course.block, w, h, depth);

    paintRunner(p, course, w / 4, phase);
}

} // namespace reelsmith::art
