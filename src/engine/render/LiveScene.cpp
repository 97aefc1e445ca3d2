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

LiveScene::LiveScene(int index, const Scene &scene, const QString &imagePath,
                     const CaptionTrack &track, QSize frame, bool moving, QStringList *warnings)
    : m_index(index), m_motion(scene.motion), m_layout(scene.layout), m_frame(frame),
      m_moving(moving), m_track(&track), m_captionLayer(&track)
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
    // Repainted only when the page, the active word or a page's pop changes.
    const CaptionState state = m_track->stateAt(seconds);
    const double pop = m_track->popScaleAt(seconds);
    if (state == m_captionState && pop == m_captionPop)
        return;
    m_captionState = state;
    m_captionPop = pop;
    m_caption = SceneOverlay();
    m_movingCaption = MovingLayer();
    const CaptionLayer::Image shown = m_captionLayer.at(state, pop);
    if (shown.image.isNull())
        return;
    if (m_moving)
        m_movingCaption =
            MovingLayer::fromImage(shown.image, QRectF(shown.offset, QSizeF(shown.image.size())));
    else
        m_caption = SceneOverlay::fromImage(shown.image, shown.offset);
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
