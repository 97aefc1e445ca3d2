#include "render/LiveScene.h"

#include "core/Error.h"
#include "core/Fit.h"
#include "media/ImageLoader.h"
#include "render/Motion.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {

// A caption page painted into an image of the page's rectangle alone (not
// the frame), so a change costs a paint of a few lines; `topLeft` gets its
// place in the frame (even).
QImage captionImage(const CaptionTrack &track, const CaptionState &state, QSize frame,
                    QPoint *topLeft)
{
    if (state.isEmpty())
        return {};
    const QRect bounds = track.pageBounds(state.page);
    const int x0 = bounds.left() & ~1;
    const int y0 = bounds.top() & ~1;
    const int x1 = std::min(frame.width(), (bounds.right() + 2) & ~1);
    const int y1 = std::min(frame.height(), (bounds.bottom() + 2) & ~1);
    if (x1 <= x0 || y1 <= y0)
        return {};
    QImage image(x1 - x0, y1 - y0, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throwFailure(QStringLiteral("out of memory for a caption"));
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.translate(-x0, -y0);
        track.paint(painter, state);
    }
    *topLeft = QPoint(x0, y0);
    return image;
}

} // namespace

LiveScene::LiveScene(int index, const Scene &scene, const QString &imagePath,
                     const CaptionTrack &track, QSize frame, bool moving, QStringList *warnings)
    : m_index(index), m_motion(scene.motion), m_layout(scene.layout), m_frame(frame),
      m_moving(moving), m_track(&track)
{
    if (!m_moving) {
        m_picture = SceneOverlay::build(scene, imagePath, frame, warnings, track.isLegacy());
        return;
    }
    if (imagePath.isEmpty())
        return; // a text card
    // Decoded once, at the largest size the motion shows it (its place at
    // rest x motion::maxScale), never at the source's size.
    const QRect box = layoutBox(scene.layout, frame);
    const double scale = motion::maxScale(scene.motion, scene.layout);
    const QSize decodeBox(int(std::lround(box.width() * scale)),
                          int(std::lround(box.height() * scale)));
    LoadedImage picture = ImageLoader::load(
        imagePath, decodeBox, scene.layout == Layout::Fill ? Fit::Cover : Fit::Contain);
    if (warnings)
        warnings->append(picture.warnings);
    QRectF rest(QPointF(0, 0), QSizeF(picture.image.size()) / scale);
    rest.moveCenter(QRectF(box).center());
    m_movingPicture = MovingLayer::fromImage(picture.image, rest);
    m_pictureRect = rest;
}

void LiveScene::moveTo(double seconds, double motionProgress)
{
    if (m_moving && !m_movingPicture.isEmpty())
        m_pictureRect =
            motion::rectAt(m_motion, m_layout, m_movingPicture.place(), m_frame, motionProgress);
    if (m_track->isLegacy())
        return; // version 1's caption is part of the picture's overlay
    const CaptionState state = m_track->stateAt(seconds);
    if (state == m_captionState)
        return;
    m_captionState = state;
    m_caption = SceneOverlay();
    m_movingCaption = MovingLayer();
    QPoint topLeft;
    const QImage image = captionImage(*m_track, state, m_frame, &topLeft);
    if (image.isNull())
        return;
    if (m_moving)
        m_movingCaption = MovingLayer::fromImage(image, QRectF(topLeft, QSizeF(image.size())));
    else
        m_caption = SceneOverlay::fromImage(image, topLeft);
}

void LiveScene::blendOnto(AVFrame *frame, const LayerTransform &transform) const
{
    if (!m_moving) {
        m_picture.blendOnto(frame);
        m_caption.blendOnto(frame);
        return;
    }
    m_movingPicture.blendOnto(frame, transform.map(m_pictureRect, m_frame), transform.clip);
    m_movingCaption.blendOnto(frame, transform.map(m_movingCaption.place(), m_frame),
                              transform.clip);
}

void mixFrames(AVFrame *dst, const AVFrame *other, double weight)
{
    const int w = int(std::lround(std::clamp(weight, 0.0, 1.0) * 256));
    for (int p = 0; p < 3; ++p) {
        const int rows = p == 0 ? dst->height : dst->height / 2;
        const int width = p == 0 ? dst->width : dst->width / 2;
        for (int y = 0; y < rows; ++y) {
            uint8_t *__restrict a = dst->data[p] + size_t(y) * dst->linesize[p];
            const uint8_t *__restrict b = other->data[p] + size_t(y) * other->linesize[p];
            for (int x = 0; x < width; ++x)
                a[x] = uint8_t((a[x] * (256 - w) + b[x] * w + 128) >> 8);
        }
    }
}

} // namespace reelsmith
