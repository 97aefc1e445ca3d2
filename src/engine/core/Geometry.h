#pragma once

#include "core/Fit.h"

#include <QRect>
#include <QSize>

namespace reelsmith {

// Fit (contain), cover and crop arithmetic, shared by the pictures
// (ImageLoader), the background video (BackgroundReader) and the editor's
// preview (PreviewBackground), so all three frame a source alike.
//
// Products are taken in 64 bits and every result is clamped to its inputs
// before it becomes an int: a 1,700,000x1 picture in a 1080x1920 box
// overflows nothing, and no result is ever larger than the source or the box
// it was computed for.

// Whether `source` is wider, as an aspect ratio, than `box`.
bool isWiderThan(QSize source, QSize box);

// Cover: the largest centred part of `source` that has `box`'s aspect
// ratio, at least 1x1 (what a box covered by the source shows of it).
// Empty when either size is empty.
QRect coverSourceRect(QSize source, QSize box);

// Contain: the size `source` is shown at inside `box` with its aspect kept;
// one side is the box's, the other is rounded and kept between 1 and the
// box's. Empty when either size is empty.
QSize containSize(QSize source, QSize box);

// containSize() centred in `box`.
QRect containRect(QSize source, QRect box);

// The size `source` is shown at for `fit`: the box for Cover, containSize()
// for Contain.
QSize fittedSize(QSize source, QSize box, Fit fit);

} // namespace reelsmith
