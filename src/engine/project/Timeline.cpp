#include "project/Timeline.h"

#include "project/Project.h"

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {

// Durations typed in seconds (0.1, 2.35) are not exact in binary: 0.1 x 30
// comes out as 3.0000000000000004. A millionth of a frame absorbs that
// without moving any boundary a person could have meant.
constexpr double kFrameEpsilon = 1e-6;

} // namespace

Timeline::Timeline(const QList<double> &sceneSeconds, int fps) : m_fps(std::max(1, fps))
{
    m_starts.clear();
    m_starts.reserve(size_t(sceneSeconds.size()) + 1);
    double start = 0;
    for (double seconds : sceneSeconds) {
        m_starts.push_back(static_cast<qint64>(std::ceil(start * m_fps - kFrameEpsilon)));
        if (std::isfinite(seconds) && seconds > 0)
            start += seconds;
    }
    m_totalSeconds = start;
    const qint64 frames = std::llround(start * m_fps);
    for (qint64 &s : m_starts)
        s = std::clamp<qint64>(s, 0, frames);
    m_starts.push_back(frames);
}

Timeline::Timeline(const Project &project)
    : Timeline(
          [&project] {
              QList<double> seconds;
              seconds.reserve(project.scenes.size());
              for (const Scene &scene : project.scenes)
                  seconds.append(scene.duration);
              return seconds;
          }(),
          project.output.fps)
{
}

qint64 Timeline::sceneStart(int scene) const
{
    return m_starts[size_t(std::clamp(scene, 0, sceneCount()))];
}

int Timeline::sceneAt(qint64 frame) const
{
    if (sceneCount() == 0)
        return -1;
    frame = std::clamp<qint64>(frame, 0, std::max<qint64>(0, frameCount() - 1));
    // The last start at or before the frame; equal starts (scenes without a
    // frame) resolve to the last of them, the one that owns the frame.
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end() - 1, frame);
    return std::clamp(int(it - m_starts.begin()) - 1, 0, sceneCount() - 1);
}

qint64 Timeline::frameAt(double seconds) const
{
    if (!std::isfinite(seconds) || seconds <= 0)
        return 0;
    const auto frame = static_cast<qint64>(std::floor(seconds * m_fps + kFrameEpsilon));
    return std::clamp<qint64>(frame, 0, std::max<qint64>(0, frameCount() - 1));
}

} // namespace reelsmith
