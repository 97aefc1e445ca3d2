#include "DemoPictures.h"

#include "core/Error.h"

#include <QDir>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>

#include <cmath>

namespace reelsmith {

namespace {

void save(const QImage &image, const QString &path, const char *format, int quality)
{
    if (!image.save(path, format, quality))
        throwFailure(QStringLiteral("%1: cannot write the demo picture").arg(path));
}

QImage sunset(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double w = size.width(), h = size.height();
    QLinearGradient sky(0, 0, 0, h * 0.65);
    sky.setColorAt(0, QColor(40, 30, 110));
    sky.setColorAt(0.6, QColor(240, 110, 80));
    sky.setColorAt(1, QColor(255, 200, 120));
    p.fillRect(image.rect(), sky);
    QRadialGradient sun(QPointF(w * 0.62, h * 0.6), h * 0.16);
    sun.setColorAt(0, QColor(255, 250, 210));
    sun.setColorAt(1, QColor(255, 170, 90, 0));
    p.setBrush(sun);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(w * 0.62, h * 0.6), h * 0.16, h * 0.16);
    for (int layer = 0; layer < 3; ++layer) {
        QPainterPath hills;
        hills.moveTo(0, h);
        for (int x = 0; x <= 40; ++x) {
            const double px = w * x / 40.0;
            const double py = h * (0.62 + 0.1 * layer) +
                              std::sin(x * 0.7 + layer * 2.1) * h * 0.04 +
                              std::sin(x * 0.23) * h * 0.03;
            hills.lineTo(px, py);
        }
        hills.lineTo(w, h);
        p.setBrush(QColor(30 + 25 * layer, 20 + 20 * layer, 60 - 10 * layer));
        p.drawPath(hills);
    }
    return image;
}

QImage sticker(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(image.rect().adjusted(40, 40, -40, -40));
    QPainterPath star;
    for (int i = 0; i < 10; ++i) {
        const double a = -M_PI / 2 + i * M_PI / 5;
        const double radius = (i % 2 ? 0.42 : 1.0) * r.width() / 2;
        const QPointF pt(r.center().x() + radius * std::cos(a),
                         r.center().y() + radius * std::sin(a));
        i == 0 ? star.moveTo(pt) : star.lineTo(pt);
    }
    star.closeSubpath();
    p.setPen(QPen(QColor(120, 60, 0), 24, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    QLinearGradient gold(r.topLeft(), r.bottomRight());
    gold.setColorAt(0, QColor(255, 230, 90));
    gold.setColorAt(1, QColor(240, 150, 20));
    p.setBrush(gold);
    p.drawPath(star);
    return image;
}

QImage cityNight(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    const int w = size.width(), h = size.height();
    QLinearGradient sky(0, 0, 0, h);
    sky.setColorAt(0, QColor(5, 10, 40));
    sky.setColorAt(1, QColor(60, 20, 90));
    p.fillRect(image.rect(), sky);
    quint32 seed = 7;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int b = 0; b < 14; ++b) {
        const int bw = w / 10 + int(next() % unsigned(w / 12));
        const int bh = h / 4 + int(next() % unsigned(h / 2));
        const int x = int(next() % unsigned(w));
        p.fillRect(x, h - bh, bw, bh, QColor(20, 20, 35));
        for (int wy = h - bh + 30; wy < h - 30; wy += 60)
            for (int wx = x + 20; wx < x + bw - 30; wx += 50)
                if (next() % 3 == 0)
                    p.fillRect(wx, wy, 22, 30, QColor(255, 210, 120));
    }
    return image;
}

QImage stripes(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    const QList<QColor> colors = {QColor(0, 150, 136), QColor(255, 87, 34), QColor(63, 81, 181),
                                  QColor(255, 193, 7), QColor(156, 39, 176)};
    const int band = size.width() / int(colors.size()) + 1;
    for (int i = 0; i < colors.size(); ++i)
        p.fillRect(i * band, 0, band, size.height(), colors[i]);
    return image;
}

} // namespace

void writeDemoPictures(const QString &folder)
{
    if (!QDir().mkpath(folder))
        throwFailure(QStringLiteral("%1: cannot create the folder").arg(folder));
    const QDir dir(folder);
    save(sunset({4032, 3024}), dir.filePath(QStringLiteral("01-sunset.jpg")), "JPEG", 92);
    save(sticker({1200, 1200}), dir.filePath(QStringLiteral("02-star.png")), "PNG", -1);
    save(cityNight({3024, 4032}), dir.filePath(QStringLiteral("03-city.jpg")), "JPEG", 90);
    save(stripes({1600, 900}), dir.filePath(QStringLiteral("04-stripes.webp")), "WEBP", 85);
}

} // namespace reelsmith
