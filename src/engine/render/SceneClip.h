#pragma once

#include "audio/MixPlan.h"
#include "project/Project.h"
#include "render/BackgroundPipeline.h"
#include "render/ClipFacts.h"
#include "render/Transition.h"

#include <QRect>
#include <QSize>
#include <QString>

#include <memory>

struct AVFrame;

namespace reelsmith {

// A video clip as a scene's layer: streamed by the background's reader (its
// rotation, timestamps resampled to the output rate, seeking) on a pipeline
// thread of its own, fitted in the layout's box (`center`, `top`) or
// covering the frame (`fill`), looped or held on its last frame when shorter
// than the scene. A clip with alpha (VP9 in WebM, ProRes 4444...) is blended
// by it; others are copied. One clip is open at a time: the current scene's.
class SceneClip
{
public:
    // Whether `path`, which is not a picture, is a video clip: by its
    // content, or (a damaged file FFmpeg cannot open) by its name, so the
    // message is about a clip rather than a picture.
    static bool isVideo(const QString &path);

    // Opens `path`, checks clip.start against its length and decodes the
    // frame there, so a clip that cannot be shown fails before the first
    // frame (BadInput naming the file).
    static ClipFacts check(const QString &path, const ClipSettings &settings);

    // Seconds into the clip shown `sceneSeconds` into its scene, for a clip
    // of `clipSeconds` (0: length unknown, played on).
    static double timeInClip(const ClipSettings &settings, double clipSeconds, double sceneSeconds);

    // The clip's sound over scene `scene`'s frames, from clip.start, looping
    // (or stopping) with the picture.
    static MixClip sound(const Project &project, int scene, const ClipFacts &facts);

    // Drawn on `frames` frames at `fps`, for output frames of `frame` size;
    // the first `lead` of them come before the scene's start (the incoming
    // side of a transition) and hold the frame at clip.start. Frames past the
    // scene's end (the outgoing side) play on as the clip's fit says.
    SceneClip(const QString &path, const ClipSettings &settings, Layout layout, QSize frame,
              int fps, qint64 frames, int decoderThreads, qint64 lead = 0);
    ~SceneClip();
    SceneClip(const SceneClip &) = delete;
    SceneClip &operator=(const SceneClip &) = delete;

    // Copies the scene's next frame into its box of `frame` (YUV420P of the
    // output size). Rethrows the reader's errors.
    void drawOnto(AVFrame *frame);
    // The same as part of its scene's layer in a transition: scaled, shifted
    // and clipped by `transform`, resampled like the scene's picture.
    void drawOnto(AVFrame *frame, const LayerTransform &transform);

    bool coversFrame() const { return m_placed.size() == m_frame && !m_alpha; }

private:
    void blendOnto(const AVFrame *src, AVFrame *frame) const;

    QSize m_frame;
    QRect m_placed;       // where the picture lands in the output frame
    QPoint m_source;      // the same rectangle's corner in the pipeline's frames
    bool m_alpha = false; // YUVA frames, blended rather than copied
    std::unique_ptr<BackgroundPipeline> m_pipeline;
};

} // namespace reelsmith
