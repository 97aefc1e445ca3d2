#pragma once

#include "Fit.h"
#include "Project.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QHashFunctions>
#include <QImage>
#include <QThreadPool>
#include <QTimer>
#include <QVideoFrame>
#include <QWidget>

#include <list>

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
// them whatever the player does. Pictures are decoded on a private thread
// pool at the size they are shown at, never on the UI thread.
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
    struct PictureKey
    {
        QString path;
        QSize box; // device pixels
        Fit fit = Fit::Contain;
        bool operator==(const PictureKey &) const = default;
        friend size_t qHash(const PictureKey &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.path, key.box.width(), key.box.height(), int(key.fit));
        }
    };

    struct Picture
    {
        QImage image; // empty when the file could not be read
        QString problem;
        QSize frame; // device-pixel frame size the picture was laid out for
    };
    struct LoadResult
    {
        QImage image;
        QString problem;
    };
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

    int sceneAt(double seconds) const;
    QSize devicePixelFrame() const;
    PictureKey pictureKey(int scene, QSize deviceFrame) const;
    // The best picture at hand for `scene` (exact size, or another size while
    // the exact one loads); null when none.
    const Picture *pictureFor(int scene, QSize deviceFrame);
    void requestPicture(const PictureKey &key, QSize deviceFrame);
    // Asks for the pictures of the current and the next scene, and drops
    // queued decodes nobody is waiting for any more (fast scrubbing).
    void prefetch();
    void trimCache();

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
    QImage m_frameImage; // m_frame converted, made lazily at paint time
    bool m_frameImageValid = false;
    bool m_hasFrame = false;
    // While playing, the player is re-aligned with the clock at most this often.
    QElapsedTimer m_lastResync;
    bool m_seekWanted = false;
    qint64 m_seekInFlight = -1;         // target (ms) of the seek not yet landed, or -1
    bool m_seekLandsOnAnyFrame = false; // waiting for a pause's preroll, not a seek
    QTimer m_seekIssuer;                // zero-delay: issues from the event loop
    QTimer m_seekGuard;                 // gives up waiting for a frame that never comes

    // Optional soundtrack, only while playing.
    QMediaPlayer *m_soundtrack = nullptr;
    QAudioOutput *m_audioOutput = nullptr;
    QString m_soundtrackPath;

    // Pictures at preview size, most recently used first.
    QThreadPool m_pool;
    std::list<std::pair<PictureKey, Picture>> m_pictures;
    QHash<PictureKey, QFutureWatcher<LoadResult> *> m_pending;
};

} // namespace reelsmith::editor
