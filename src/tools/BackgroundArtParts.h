#pragma once

// Shared by the built-in backgrounds' painters; each lives in its own file.

#include <QSize>
#include <QtGlobal>

class QPainter;

namespace reelsmith::art {

constexpr double kTau = 6.283185307179586;

// Deterministic hash noise: the same cell always gets the same value.
inline quint32 hash(int x, int y, int salt = 0)
{
    quint32 h = quint32(x) * 374761393u + quint32(y) * 668265263u + quint32(salt) * 2246822519u;
    h = (h ^ (h >> 13)) * 1274126177u;
    return h ^ (h >> 16);
}

// Each paints a whole frame for `phase` in [0, 1); phase 0 and phase 1 give
// the same picture, so the clip loops without a seam.
void paintMinecraft(QPainter &p, QSize size, double phase);
void paintSubway(QPainter &p, QSize size, double phase);
void paintAbstract(QPainter &p, QSize size, double phase);

} // namespace reelsmith::art
