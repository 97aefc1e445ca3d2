#include "AppIcon.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace reelsmith {

// Keep in step with resources/icons/reelsmith.svg.
void paintAppIcon(QPainter &painter, int size)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 256.0, size / 256.0);
    painter.setPen(Qt::NoPen);

    QLinearGradient fill(0, 16, 0, 240);
    fill.setColorAt(0, QColor(0xff, 0x4f, 0x6d));
    fill.setColorAt(1, QColor(0x7b, 0x3f, 0xf2));
    QPainterPath frame;
    frame.addRoundedRect(QRectF(65, 16, 126, 224), 22, 22);
    painter.fillPath(frame, fill);

    painter.setBrush(Qt::white);
    painter.drawPolygon(QPolygonF({QPointF(108, 96), QPointF(108, 160), QPointF(164, 128)}));

    painter.setBrush(QColor(255, 255, 255, 217));
    painter.drawRoundedRect(QRectF(88, 190, 80, 12), 6, 6);
    painter.restore();
}

QImage appIcon(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paintAppIcon(painter, size);
    return image;
}

} // namespace reelsmith
