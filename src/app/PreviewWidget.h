#pragma once

#include "PreviewPictureCache.h"
#include "Project.h"
#include "VideoFrameImage.h"

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QVideoFrame>
#include <QWidget>

class QAudioOutput;
class QMediaPlayer;
class QVideoSink;

namespace reelsmith::editor {

// The project as it will look: the looping background, the current scene's
// picture and caption painted by the export's own paintScene(), in a 9:16
// (output aspect) frame centred in the widget.
//
// Time is kept by a project clock (QElapsedTimer while playing); the media
// player only follows it, so scenes change exactly where the export changes
// them whatever the player does. Pictures are decoded by a
// PreviewPictureCache at the size they are shown at, never on the UI thread.
//
// While exports run the player can be suspended (setPlayerSuspended()): when
// not playing, it is unloaded so GStreamer frees its decoder and buffers, and
// the last frame, kept at the size it is painted at, stands in for it. Playing
// or seeking loads it again.
class PreviewWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewWidget(QWidget *parent = nullptr);
    ~PreviewWidget() override;

    // Cheap when only scenes, captions or durations changed: the background is
    // reloaded only when it names another file.
    void setProject(const reelsmith::Project &project);

    double position() const; // seconds into the video
    double duration() const { return m_duration; }
    bool isPlaying() const { return m_playing; }
    int currentScene() const { return m_currentScene; }
    bool safeZonesVisible() const { return m_safeZonesVisible; }

    // Where the output frame sits in the widget (letterboxed 9:16 area).
    QRect frameRect() const;
    static QColor letterboxColor();
    // True once the current background clip has delivered a frame.
    bool hasBackgroundFrame() const { return m_hasFrame; }
    // Why the background cannot be shown; empty when it can.
    QString backgroundProblem() const { return m_backgroundProblem; }

    // Set while exports run, to save the memory the media player holds.
    void setPlayerSuspended(bool suspended);
    bool isPlayerSuspended() const { return m_playerSuspended; }
    // True while the media player holds the background clip (and its decoder).
    bool isPlayerLoaded() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void seek(double seconds);
    void play();
    void pause();
    void togglePlaying();
    void setSafeZonesVisible(bool visible);

signals:
    void positionChanged(double seconds);
    void playingChanged(bool playing);
    void durationChanged(double seconds);
    void currentSceneChanged(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // What the export's reader says about the background clip.
    struct BackgroundFacts
    {
        QString path;
        qint64 loopMs = 0;
        int rotation = 0;
        QSize storedSize;
        QString problem;
    };

    void loadBackground();
    void unloadBackground();
    // Stops the player and lets go of its clip; the background stays known.
    void releasePlayer();
    // Suspension: unloads once the frame at the clock's position is shown,
    // and loads again when another frame is needed.
    void unloadPlayerIfIdle();
    void reloadPlayer();
    void onVideoFrame(const QVideoFrame &frame);
    void onMediaStatus();
    void onPlayerDuration(qint64 ms);
    void onBackgroundFacts(const BackgroundFacts &facts);
    void tick();
    void setPositionInternal(double seconds, bool syncPlayer);
    void stopClock();
    void updateCurrentScene();
    // Background time (ms) for project time `seconds`, wrapped into the clip.
    qint64 backgroundMs(double seconds) const;
    qint64 loopMs() const
    {
        return m_backgroundLoopMs > 0 ? m_backgroundLoopMs : m_playerDurationMs;
    }
    void syncPlayer(bool force);
    // Seeks are coalesced: GStreamer's setPosition() blocks the caller until
    // the previous seek has prerolled, and prerolling needs this (UI) thread
    // to take the frame, so a second seek issued too early stalls the UI for
    // the sink's 300 ms timeout. One seek is in flight at a time; the latest
    // wish is issued, from the event loop, once the previous one has landed.
    void requestPlayerSeek();
    void issuePlayerSeek();
    void finishPlayerSeek();
    void syncSoundtrack();

    // Whether background times `a` and `b` (ms) are close, across the loop point too.
    bool isNearInClip(qint64 a, qint64 b) const;

    int sceneAt(double seconds) const;
    QSize devicePixelFrame() const;
    PreviewPictureCache::Key pictureKey(int scene, QSize deviceFrame) const;
    // Asks for the pictures of the current and the next scene.
    void prefetch();

    // The current frame upright; null when there is none.
    const QImage &frameImage();
    void paintBackground(QPainter &painter, const QRect &frame);
    void paintScenePicture(QPainter &painter, const QRect &frame, int scene);
    void paintCaption(QPainter &painter, const QRect &frame, int scene);
    void paintSafeZones(QPainter &painter, const QRect &frame);
    void paintMessage(QPainter &painter, const QRect &area, const QString &text);

    Project m_project;
    double m_duration = 0;
    int m_currentScene = -1;
    bool m_safeZonesVisible = false;

    // The project clock: while playing, position = m_clockOrigin + elapsed.
    bool m_playing = false;
    double m_clockOrigin = 0;
    QElapsedTimer m_clock;
    QTimer m_ticker;

    // Background.
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_sink = nullptr;
    bool m_backgroundResolved = false; // setProject() has looked the background up once
    QString m_backgroundPath;
    QString m_backgroundProblem;
    // The loop length the export uses (its reader's), and the player's own
    // idea of the clip's length, which can be a frame shorter.
    qint64 m_backgroundLoopMs = 0;
    qint64 m_playerDurationMs = 0;
    int m_backgroundRotation = 0;
    QSize m_backgroundStoredSize;
    QVideoFrame m_frame;
    VideoFrameImage m_frameConverter;
    QImage m_frameImage; // m_frame converted, made lazily at paint time
    bool m_frameImageValid = false;
    // While the player is unloaded: the last frame, cropped as painted.
    QImage m_heldFrame;
    bool m_hasFrame = false;
    bool m_factsPending = false; // the export's reader has not answered yet
    // While playing, the player is re-aligned with the clock at most this often.
    QElapsedTimer m_lastResync;
    bool m_seekWanted = false;
    qint64 m_seekInFlight = -1;         // target (ms) of the seek not yet landed, or -1
    bool m_seekLandsOnAnyFrame = false; // waiting for a pause's preroll, not a seek
    QTimer m_seekIssuer;                // zero-delay: issues from the event loop
    QTimer m_seekGuard;                 // gives up waiting for a frame that never comes
    bool m_playerSuspended = false;
    bool m_unloadWanted = false; // suspended, and not reloaded since for play or seek
    // Reloaded: frames from before the first seek lands would flash the wrong picture.
    bool m_awaitingReloadedFrame = false;

    // Optional soundtrack, only while playing.
    QMediaPlayer *m_soundtrack = nullptr;
    QAudioOutput *m_audioOutput = nullptr;
    QString m_soundtrackPath;

    PreviewPictureCache m_pictures;
};

} // namespace reelsmith::editor
