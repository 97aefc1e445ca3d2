#pragma once

#include <QList>
#include <QtGlobal>

#include <vector>

namespace reelsmith {

struct Project;

// Where every scene sits, in whole frames at the output's frame rate: the one
// answer to "which scene is frame i" and "where does scene s start" that the
// renderer, the preview and the timeline widget all read (MLT's integer frame
// positions). Built from durations in seconds, once, after anything that
// changes them (an "auto" duration, an edit) is known.
//
// Rules (the contract's): the video has round(total x fps) frames; frame i,
// at time i / fps, belongs to the scene whose [start, end) holds that time,
// so scene s starts at frame ceil(start_s x fps). A scene shorter than a frame
// may own no frame at all.
class Timeline
{
public:
    Timeline() = default;
    Timeline(const QList<double> &sceneSeconds, int fps);
    explicit Timeline(const Project &project);

    int fps() const { return m_fps; }
    int sceneCount() const { return int(m_starts.size()) - 1; }
    qint64 frameCount() const { return m_starts.empty() ? 0 : m_starts.back(); }
    double totalSeconds() const { return m_totalSeconds; }
    double durationSeconds() const { return double(frameCount()) / m_fps; }

    // First frame of scene `scene`, and one past its last; sceneStart(sceneCount())
    // is the frame count.
    qint64 sceneStart(int scene) const;
    qint64 sceneEnd(int scene) const { return sceneStart(scene + 1); }
    // The scene that frame `frame` belongs to (clamped into the video; -1 when
    // there are no scenes). Scenes that own no frame are never returned.
    int sceneAt(qint64 frame) const;

    // Seconds <-> frames: time t shows frame floor(t x fps), clamped to the video.
    qint64 frameAt(double seconds) const;
    double secondsAt(qint64 frame) const { return m_fps > 0 ? double(frame) / m_fps : 0.0; }
    int sceneAtSeconds(double seconds) const { return sceneAt(frameAt(seconds)); }

private:
    int m_fps = 1;
    double m_totalSeconds = 0;
    std::vector<qint64> m_starts{0}; // sceneCount() + 1 entries, the last is the frame count
};

} // namespace reelsmith
