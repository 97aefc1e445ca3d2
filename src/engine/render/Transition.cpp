#include "render/Transition.h"

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {
// How far the zoom transition scales: the outgoing scene grows to 120 %, the
// incoming one grows from 80 % to its size.
constexpr double kZoomAmount = 0.2;
} // namespace

QRectF LayerTransform::map(const QRectF &rect, QSize frame) const
{
    if (scale == 1.0 && offset.isNull())
        return rect;
    const QPointF centre(frame.width() / 2.0, frame.height() / 2.0);
    const QPointF topLeft = centre + (rect.topLeft() - centre) * scale + offset;
    return QRectF(topLeft, rect.size() * scale);
}

TransitionLook transitionLook(TransitionType type, double t, QSize frame)
{
    t = std::clamp(t, 0.0, 1.0);
    TransitionLook look;
    const double w = frame.width();
    const double h = frame.height();
    switch (type) {
    case TransitionType::Cut:
        look.mix = t < 0.5 ? 0.0 : 1.0;
        break;
    case TransitionType::Crossfade:
        look.mix = t;
        break;
    case TransitionType::SlideLeft:
        look.from.offset = QPointF(-t * w, 0);
        look.to.offset = QPointF((1 - t) * w, 0);
        break;
    case TransitionType::SlideUp:
        look.from.offset = QPointF(0, -t * h);
        look.to.offset = QPointF(0, (1 - t) * h);
        break;
    case TransitionType::Zoom:
        look.from.scale = 1 + kZoomAmount * t;
        look.to.scale = 1 - kZoomAmount * (1 - t);
        look.mix = t;
        break;
    case TransitionType::Wipe: {
        // Even, so the edge falls between chroma samples too.
        const int edge = std::clamp(int(std::lround(t * w / 2)) * 2, 0, frame.width());
        look.to.clip = QRect(0, 0, edge, frame.height());
        look.from.clip = QRect(edge, 0, frame.width() - edge, frame.height());
        break;
    }
    }
    return look;
}

TransitionSchedule::TransitionSchedule(const Project &project, const Timeline &timeline)
{
    const int fps = timeline.fps();
    for (int s = 0; s + 1 < timeline.sceneCount() && s < project.scenes.size(); ++s) {
        const Transition &transition = project.scenes[s].transition;
        if (transition.isCut())
            continue;
        const int next = s + 1;
        const qint64 ownFrames = timeline.sceneEnd(s) - timeline.sceneStart(s);
        const qint64 nextFrames = timeline.sceneEnd(next) - timeline.sceneStart(next);
        // Half before the boundary and half after, each within its scene, so
        // neighbouring transitions never overlap.
        const double frames =
            std::min({transition.duration * fps, double(ownFrames), double(nextFrames)});
        if (frames <= 0)
            continue;
        Span span{s, next, transition.type, timeline.sceneStart(next), frames, 0, 0};
        // progress(i) = (i - boundary) / frames + 0.5 lies in (0, 1).
        span.first = span.boundary + qint64(std::floor(-frames / 2)) + 1;
        span.end = span.boundary + qint64(std::ceil(frames / 2));
        if (span.end > span.first)
            m_spans.push_back(span);
    }
}

std::optional<ActiveTransition> TransitionSchedule::at(qint64 frame) const
{
    const auto it = std::upper_bound(m_spans.begin(), m_spans.end(), frame,
                                     [](qint64 f, const Span &s) { return f < s.end; });
    if (it == m_spans.end() || frame < it->first)
        return std::nullopt;
    return ActiveTransition{it->from, it->to, it->type,
                            double(frame - it->boundary) / it->frames + 0.5};
}

std::vector<TransitionSchedule::Window> TransitionSchedule::windows() const
{
    std::vector<Window> windows;
    windows.reserve(m_spans.size());
    for (const Span &span : m_spans)
        windows.push_back({span.from, span.to, span.type, span.boundary - span.frames / 2,
                           span.boundary + span.frames / 2});
    return windows;
}

} // namespace reelsmith
