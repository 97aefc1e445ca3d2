#pragma once

#include "project/Project.h"

#include <QRectF>
#include <QSize>

namespace reelsmith {

// The geometry of `scenes[].motion`, shared by the export and the editor's
// preview: where a picture whose place at rest is `rest` (frame pixels) is
// drawn at `progress` (0 at the scene's first frame, 1 at its last).
namespace motion {

constexpr double kMaxZoom = 0.15;   // the contract's limit: 15 % zoom
constexpr double kPanTravel = 0.10; // and 10 % of the frame of travel

// Eases in and out (smoothstep): no jolt at the scene's ends, and the
// fastest frame moves 1.5 x the average, which keeps a 72 px pan over 6 s at
// 24 fps under 0.75 px a frame.
double ease(double progress);

// Progress of frame `frame` through a scene of frames [first, end), clamped
// to [0, 1] (frames of a transition outside the scene hold its ends).
double progress(qint64 frame, qint64 first, qint64 end);

// The largest scale of the picture's rest size the motion reaches: the
// picture is decoded at rest size x this, never larger.
double maxScale(Motion motion, Layout layout);

QRectF rectAt(Motion motion, Layout layout, const QRectF &rest, QSize frame, double progress);

} // namespace motion

} // namespace reelsmith
