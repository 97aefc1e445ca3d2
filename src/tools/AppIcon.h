#pragma once

#include <QImage>

class QPainter;

namespace reelsmith {

// The application icon: a rounded 9:16 frame with a play triangle and a
// caption bar. The same design as resources/icons/reelsmith.svg (a 256-unit
// canvas), drawn with QPainter so that the PNG sizes need no SVG renderer.
void paintAppIcon(QPainter &painter, int size);
QImage appIcon(int size);

} // namespace reelsmith
