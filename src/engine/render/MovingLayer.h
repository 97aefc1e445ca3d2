#pragma once

#include "render/SceneOverlay.h"

#include <QRect>
#include <QRectF>

#include <cstdint>
#include <vector>

struct AVFrame;

namespace reelsmith {

// A layer that moves: premultiplied YUVA 4:2:0 planes of its visible pixels,
// drawn each frame into any rectangle (sub-pixel position and size) with a
// fixed-point bilinear resample fused with the blend, so a slow zoom or pan
// glides instead of stepping by whole pixels. Only the box the layer covers
// in that frame is touched.
class MovingLayer
{
public:
    MovingLayer() = default;

    // `image` (ARGB32, any size) is the layer; `place` is where all of it
    // sits in the frame at rest (frame pixels; the image may be larger than
    // `place` when it was made for a zoom).
    static MovingLayer fromImage(const QImage &image, const QRectF &place);
    // The `source` rectangle (even corners and size) of a YUV420P or
    // YUVA420P (straight alpha) frame as a layer resting at `place` (frame
    // pixels, the same size): a clip's picture in a transition.
    static MovingLayer fromFrame(const AVFrame *frame, QRect source, QPoint place);

    bool isEmpty() const { return m_width == 0; }
    // Where the layer's whole image sits at rest.
    const QRectF &place() const { return m_place; }

    // Blends the layer onto a YUV420P frame with its rest place drawn at
    // `target`, only inside `clip` (frame pixels; even edges; null: the frame).
    void blendOnto(AVFrame *yuv420p, const QRectF &target, QRect clip = {}) const;

private:
    QRectF m_place;                // the whole image at rest
    QRectF m_visible;              // the part of it the planes hold (its visible pixels), at rest
    int m_width = 0, m_height = 0; // luma size of the planes without their border
    // Each plane has a one-sample transparent border (value 0, inverse alpha
    // 255) so that the resampler's edge samples fade out smoothly and need no
    // bounds checks.
    std::vector<uint8_t> m_y, m_inverseAlpha, m_u, m_v, m_inverseChromaAlpha;
};

} // namespace reelsmith
