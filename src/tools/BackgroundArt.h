#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QPainter;

namespace reelsmith {

// The built-in backgrounds, drawn procedurally so that no footage has to be
// shipped. Each is a function of the loop phase in [0, 1): phase 1 equals
// phase 0, so the clip loops without a seam.
QStringList backgroundArtNames();
bool paintBackgroundArt(const QString &name, QPainter &painter, QSize size, double phase);

} // namespace reelsmith
