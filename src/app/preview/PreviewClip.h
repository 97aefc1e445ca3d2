#pragma once

#include "core/Fit.h"
#include "project/Project.h"

#include <QImage>
#include <QObject>
#include <QRect>
#include <QSize>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace reelsmith::editor {

// The current clip scene's video in the preview, decoded by the export's own
// reader (BackgroundReader: rotation, frames picked by timestamp, the same
// fit in the layout box) on a worker thread, and timed by the export's own
// rule (SceneClip::timeInClip: clip.start, looped or frozen).
//
// The UI thread only says which scene time it wants (showAt()) and paints the
// last frame delivered: nothing is decoded or converted on it. The engine's
// reader was chosen over a second QMediaPlayer because it shows exactly the
// export's frame for a time (a player seeks to the nearest key frame and
// follows the clock loosely), and because converting a QVideoFrame happens
// on the UI thread at paint time.
class PreviewClip : public QObject
{
    Q_OBJECT
public:
    explicit PreviewClip(QObject *parent = nullptr);
    ~PreviewClip() override;

    // Shows `path` (empty: no clip) fitted by `fit` in a box of `box` device
    // pixels. The same values again keep the reader and the frame; others
    // drop the frame (a stale clip is never shown over another scene).
    void setClip(const QString &path, const ClipSettings &settings, QSize box, Fit fit);
    QString clip() const { return m_path; }
    // The frame `sceneSeconds` into the scene is wanted; delivered later.
    void showAt(double sceneSeconds);

    // While suspended (exports running) the reader is closed after each frame,
    // so its decoder's memory is given back; the frame shown stays.
    void setSuspended(bool suspended);
    // While playing a suspended clip keeps its reader (a frame is wanted
    // every 1/fps s).
    void setPlaying(bool playing);

    // The last frame delivered for the current clip, and where it goes in
    // the box (device pixels). Null while none has come.
    const QImage &image() const { return m_image; }
    QRect placement() const { return m_placement; }
    // True when the frame shown is the one for the last showAt().
    bool isCurrent() const { return !m_path.isEmpty() && m_shownRequest == m_request; }
    // Why the clip cannot be shown (the reader's message); empty when it can.
    QString problem() const { return m_problem; }

signals:
    void frameChanged();

private:
    struct Wish
    {
        quint64 request = 0;
        QString path;
        ClipSettings settings;
        QSize box;
        Fit fit = Fit::Contain;
        double sceneSeconds = 0;
        bool closeAfter = false; // suspended and paused: the reader is closed after the frame
    };
    bool closesAfter() const { return m_suspended && !m_playing; }
    void work();
    void post(quint64 request, const QString &path, const QImage &image, QRect placement,
              const QString &problem);

    // UI thread.
    QString m_path;
    ClipSettings m_settings;
    QSize m_box;
    Fit m_fit = Fit::Contain;
    double m_sceneSeconds = -1;
    bool m_suspended = false;
    bool m_playing = false;
    quint64 m_request = 0;      // the last wish made
    quint64 m_shownRequest = 0; // the wish m_image answers
    QImage m_image;
    QRect m_placement;
    QString m_problem;

    // Shared with the worker.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    Wish m_wish;
    bool m_stop = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace reelsmith::editor
