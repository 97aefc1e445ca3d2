#pragma once

#include "project/Project.h"

#include <QImage>
#include <QRect>
#include <QStringList>

#include <cstdint>
#include <vector>

struct AVFrame;

namespace reelsmith {

// Where a scene's picture goes in a frame of `frame` size for its layout.
QRect layoutBox(Layout layout, QSize frame);

// Paints one scene (picture and caption) over whatever `painter` already
// holds. Used by the export (over transparency) and by the editor's preview
// (over a video frame), so both show the same thing.
void paintScene(QPainter &painter, QSize frame, Layout layout, const QImage &picture,
                const QString &caption);

// A scene, drawn once at output size and kept as premultiplied YUVA 4:2:0
// planes cropped to the bounding box of its visible pixels. Per frame only
// that box is blended onto the background.
class SceneOverlay
{
public:
    SceneOverlay() = default;

    // Loads the picture at display size, paints it and (with `withCaption`,
    // version 1's static caption) the caption. Throws Error(BadInput) naming
    // the picture file when it cannot be read. An empty `imagePath` is a text
    // card: the caption alone.
    static SceneOverlay build(const Scene &scene, const QString &imagePath, QSize frame,
                              QStringList *warnings, bool withCaption = true);
    // From an already painted ARGB32_Premultiplied image whose top-left is at
    // `offset` (even coordinates) in the frame: a frame-size image, or a
    // caption's rectangle alone.
    static SceneOverlay fromImage(const QImage &image, QPoint offset = QPoint(0, 0));

    QRect box() const { return m_box; } // even-aligned, in frame pixels
    bool coversFrame() const { return m_opaque; }
    bool isEmpty() const { return m_box.isEmpty(); }

    // Blends the overlay onto a YUV420P frame of the frame size, in place.
    void blendOnto(AVFrame *yuv420p) const;

private:
    friend class MovingLayer; // moves these planes with a border, see MovingLayer.h

    QRect m_box;
    bool m_opaque = false;
    // Premultiplied planes of the box; chroma planes and their alpha at half size.
    std::vector<uint8_t> m_y, m_inverseAlpha, m_u, m_v, m_inverseChromaAlpha;
};

} // namespace reelsmith
