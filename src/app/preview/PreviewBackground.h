#pragma once

#include "preview/VideoFrameImage.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>
#include <QVideoFrame>

#include <functional>

class QMediaPlayer;
class QVideoSink;

namespace reelsmith::editor {

// The preview's looping background clip: a media player that follows a clock
// it does not own, and the frame it shows, ready to paint. A picture as the
// background is shown still, decoded once off the UI thread, with no player.
//
// The clip is wrapped at the loop length the export's own reader finds (read
// off the UI thread), and frames are turned upright by the clip's rotation as
// the export turns them, so the preview shows what the video will.
//
// While suspended (exports running) the player is unloaded whenever it is not
// playing, so GStreamer frees its decoder and buffers; the last frame, kept at
// the size it is painted at, stands in for it. Playing or seeking loads it
// again.
class PreviewBackground : public QObject
{
    Q_OBJECT
public:
    // Where the clock says the clip should be, in seconds from the clip's
    // start (not yet wrapped into it). Asked whenever needed rather than
    // pushed: while playing it moves on between a request and its issue.
    using ClipTime = std::function<double()>;
    // The size, in device pixels, the frame is painted at (the output's
    // aspect). Frames are converted straight to it, and kept at it.
    using PaintedSize = std::function<QSize()>;

    PreviewBackground(ClipTime clipTime, PaintedSize paintedSize, QObject *parent = nullptr);
    ~PreviewBackground() override;

    // Loads the clip at `path` (empty: none); `still`: it is a picture
    // (ImageLoader::probe() said so), shown without a player. The same path
    // again keeps the player and its frame, and only forgets the last problem.
    void setClip(const QString &path, bool still);
    QString clip() const { return m_path; }
    // Why the clip cannot be shown; empty when it can.
    QString problem() const { return m_problem; }

    // The clock jumped, started or stopped: the player goes where it now
    // says, playing or paused.
    void sync(bool playing);
    // Called on each tick while playing: the player is re-aligned only when it
    // has drifted visibly, and not more than once a second.
    void keepUp() { syncPlayer(false); }

    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }
    // True while the media player holds the clip (and its decoder).
    bool isLoaded() const;

    // True once the current clip has delivered a frame.
    bool hasFrame() const { return m_hasFrame; }
    // The current frame, upright and cropped to the painted size's aspect as
    // the export crops it (cover), at most that size: to be painted over the
    // whole output frame. While unloaded, the kept frame, at the size it was
    // kept at. Null when there is none.
    QImage frame();

signals:
    // What frame() gives has changed.
    void frameChanged();
    void problemChanged();

private:
    // What the export's reader says about the clip.
    struct Facts
    {
        QString path;
        qint64 loopMs = 0;
        int rotation = 0;
        QSize storedSize;
        QString problem;
    };

    void unloadClip();
    // Stops the player and lets go of its clip; the clip stays known.
    void releasePlayer();
    // Suspension: unloads once the frame at the clock's position is shown,
    // and loads again when another frame is needed.
    void unloadIfIdle();
    void reload();
    void onVideoFrame(const QVideoFrame &frame);
    void onMediaStatus();
    void onPlayerDuration(qint64 ms);
    void onFacts(const Facts &facts);
    void setProblem(const QString &problem);

    // Clip time (ms) the clock asks for, wrapped into the clip.
    qint64 targetMs() const;
    qint64 loopMs() const { return m_loopMs > 0 ? m_loopMs : m_playerDurationMs; }
    // Whether clip times `a` and `b` (ms) are close, across the loop point too.
    bool isNearInClip(qint64 a, qint64 b) const;
    void syncPlayer(bool force);
    // Seeks are coalesced: GStreamer's setPosition() blocks the caller until
    // the previous seek has prerolled, and prerolling needs this (UI) thread
    // to take the frame, so a second seek issued too early stalls the UI for
    // the sink's 300 ms timeout. One seek is in flight at a time; the latest
    // wish is issued, from the event loop, once the previous one has landed.
    void requestSeek();
    void issueSeek();
    void finishSeek();

    // m_frame converted for `size` and cropped; null when there is none.
    const QImage &converted(QSize size);

    ClipTime m_clipTime;
    PaintedSize m_paintedSize;
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_sink = nullptr;
    bool m_playing = false;

    QString m_path;
    QString m_problem;
    // The loop length the export uses (its reader's), and the player's own
    // idea of the clip's length, which can be a frame shorter.
    qint64 m_loopMs = 0;
    qint64 m_playerDurationMs = 0;
    int m_rotation = 0;
    QSize m_storedSize;
    bool m_factsPending = false; // the export's reader has not answered yet

    bool m_still = false; // m_path is a picture
    QImage m_stillImage;  // it, covering the painted size it was loaded for

    QVideoFrame m_frame;
    VideoFrameImage m_frameConverter;
    QImage m_frameImage; // m_frame converted, made lazily at paint time
    QSize m_frameImageSize;
    bool m_frameImageValid = false;
    // While the player is unloaded: the last frame, cropped as painted.
    QImage m_heldFrame;
    bool m_hasFrame = false;

    // While playing, the player is re-aligned with the clock at most this often.
    QElapsedTimer m_lastResync;
    bool m_seekWanted = false;
    qint64 m_seekInFlight = -1;         // target (ms) of the seek not yet landed, or -1
    bool m_seekLandsOnAnyFrame = false; // waiting for a pause's preroll, not a seek
    QTimer m_seekIssuer;                // zero-delay: issues from the event loop
    QTimer m_seekGuard;                 // gives up waiting for a frame that never comes

    bool m_suspended = false;
    bool m_unloadWanted = false; // suspended, and not reloaded since for play or seek
    // Reloaded: frames from before the first seek lands would flash the wrong picture.
    bool m_awaitingReloadedFrame = false;
};

} // namespace reelsmith::editor
