#pragma once

#include "project/Project.h"

#include <QPointF>
#include <QRect>
#include <QRectF>

#include <optional>
#include <vector>

namespace reelsmith {

// Where a scene layer goes during a transition: scaled about the frame's
// centre, then shifted, then clipped (frame pixels; an empty clip: none).
struct LayerTransform
{
    double scale = 1.0;
    QPointF offset;
    QRect clip;

    bool isIdentity() const { return scale == 1.0 && offset.isNull() && clip.isNull(); }
    QRectF map(const QRectF &rect, QSize frame) const;
};

// A transition under way at one frame: scene `from` gives way to scene `to`.
struct ActiveTransition
{
    int from = -1;
    int to = -1;
    TransitionType type = TransitionType::Cut;
    double progress = 0; // 0..1 through the transition; 0.5 at the boundary
};

// How the two scenes of a transition are drawn at `progress`: each over the
// background with its transform, and the two results mixed by `mix` (the
// weight of the incoming scene) or, when `mix` is unset, the incoming scene
// drawn over the outgoing one.
struct TransitionLook
{
    LayerTransform from;
    LayerTransform to;
    std::optional<double> mix;
};
TransitionLook transitionLook(TransitionType type, double progress, QSize frame);

// Every transition's frames, in the timeline's integer frames (one entry a
// scene boundary; kept beside the Timeline so the preview reads it too).
// A transition of d seconds spans d/2 before and after its boundary, never
// more than either scene's length, and moves no scene's frames.
class TransitionSchedule
{
public:
    TransitionSchedule() = default;
    TransitionSchedule(const Project &project, const Timeline &timeline);

    std::optional<ActiveTransition> at(qint64 frame) const;
    bool isEmpty() const { return m_spans.empty(); }

    // Each transition's window in timeline frames (fractional: progress 0 at
    // `start`, 1 at `end`), after any shortening; for the editor's timeline.
    struct Window
    {
        int from, to;
        TransitionType type;
        double start, end;
    };
    std::vector<Window> windows() const;

private:
    struct Span
    {
        int from, to;
        TransitionType type;
        qint64 boundary;   // first frame of `to`
        double frames;     // length in frames (fractional)
        qint64 first, end; // frames whose progress is inside (0, 1)
    };
    std::vector<Span> m_spans; // ordered by frame
};

} // namespace reelsmith
