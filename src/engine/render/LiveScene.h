#pragma once

#include "captions/CaptionLayer.h"
#include "captions/CaptionTrack.h"
#include "project/Project.h"
#include "render/MovingLayer.h"
#include "render/SceneOverlay.h"
#include "render/Transition.h"

#include <QStringList>

struct AVFrame;

namespace reelsmith {

// One scene's layers while it is on screen: its picture and its caption.
// A still scene keeps today's fixed overlays (blended box by box, version 1
// renders exactly as before); a scene with motion, or one taking part in a
// transition, keeps MovingLayers drawn wherever the frame needs them. At most
// two exist at once (during a transition).
class LiveScene
{
public:
    // `moving`: the scene has motion or a transition on either side. Throws
    // Error(BadInput) naming the picture file when it cannot be read.
    LiveScene(int index, const Scene &scene, const QString &imagePath, const CaptionTrack &track,
              QSize frame, bool moving, QStringList *warnings);

    int index() const { return m_index; }
    // Covers the whole frame opaquely when drawn still (no background needed).
    bool coversFrame() const { return !m_moving && m_picture.coversFrame(); }

    // Moves to `seconds` into the scene (the caption's page and word) and
    // `motionProgress` (0..1) of its motion.
    void moveTo(double seconds, double motionProgress);
    void blendOnto(AVFrame *frame, const LayerTransform &transform = {}) const;

private:
    int m_index = -1;
    Motion m_motion = Motion::None;
    Layout m_layout = Layout::Center;
    QSize m_frame;
    bool m_moving = false;
    const CaptionTrack *m_track = nullptr;
    SceneOverlay m_picture, m_caption;            // still
    MovingLayer m_movingPicture, m_movingCaption; // moving
    QRectF m_pictureRect;                         // the picture's place this frame
    CaptionLayer m_captionLayer;                  // the current page, painted once
    CaptionState m_captionState;
    double m_captionPop = 1.0;
};

// dst = dst + (other - dst) x weight, every plane of two YUV420P frames of one size.
void mixFrames(AVFrame *dst, const AVFrame *other, double weight);

} // namespace reelsmith
