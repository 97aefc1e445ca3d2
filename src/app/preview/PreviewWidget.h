#pragma once

#include "captions/CaptionTrack.h"
#include "preview/PreviewBackground.h"
#include "preview/PreviewClip.h"
#include "preview/PreviewPictureCache.h"
#include "preview/PreviewSound.h"
#include "project/Project.h"
#include "render/Transition.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <map>

class QAudioOutput;
class QMediaPlayer;

namespace reelsmith::editor {

// The project as it will look: the looping background, the current scene's
// picture and caption painted by the export's own paintScene(), in a 9:16
// (output aspect) frame centred in the widget. Motion, transitions and clips
// follow the export's own rules: render/Motion for where a picture is,
// render/Transition for which scenes are on screen, where their layers go and
// how much of each is shown, SceneClip::timeInClip for a clip's frame.
//
// Time is kept by a project clock (QElapsedTimer while playing); the
// background's media player (a PreviewBackground) only follows it, so scenes
// change exactly where the export changes them whatever the player does.
// Pictures are decoded by a PreviewPictureCache at the size they are shown at,
// never on the UI thread.
//
// While exports run the player can be suspended (setPlayerSuspended()) to
// save the memory it holds; the last frame stands in for it.
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
    bool hasBackgroundFrame() const { return m_background.hasFrame(); }
    // Why the background cannot be shown; empty when it can.
    QString backgroundProblem() const;

    // A version 2 project's sound while playing: the export's own mix.
    const PreviewSound &sound() const { return m_sound; }
    // Why the sound cannot be played (the export's own message); empty when it can.
    QString soundProblem() const { return m_soundProblem; }

    // Set while exports run, to save the memory the media player holds.
    void setPlayerSuspended(bool suspended)
    {
        m_background.setSuspended(suspended);
        m_clip.setSuspended(suspended);
    }
    bool isPlayerSuspended() const { return m_background.isSuspended(); }
    // True while the media player holds the background clip (and its decoder).
    bool isPlayerLoaded() const { return m_background.isLoaded(); }

    // The current clip scene's video (empty clip() when the scene is no clip).
    const PreviewClip &clip() const { return m_clip; }
    // The transition on screen at the clock's frame, if any.
    std::optional<ActiveTransition> transitionShown() const;

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
    // Finds the project's background clip and hands it to the player.
    void resolveBackground();
    void tick();
    void setPositionInternal(double seconds, bool sync);
    void stopClock();
    void updateCurrentScene();
    // The clock has jumped, started or stopped: the background and the
    // soundtrack go where it says.
    void syncMedia();
    void syncSoundtrack();
    // Version 2: the mix from the clock's position while playing, silence otherwise.
    void syncMix();

    int sceneAt(double seconds) const;
    QSize devicePixelFrame() const;
    // Where the background's frame is painted, or a typical size for it
    // while the widget has none yet.
    QSize backgroundPaintedSize() const;
    PreviewPictureCache::Key pictureKey(int scene, QSize deviceFrame) const;
    // Asks for the pictures of the current and the next scene.
    void prefetch();

    // The current scene's clip is opened, or closed, and asked for the frame
    // at the clock's time.
    void updateClip();
    void paintBackground(QPainter &painter, const QRect &frame);
    void paintClip(QPainter &painter, const QRect &frame);
    // A scene's layers (picture and caption) at output frame `shown`, moved
    // and clipped by `transform` as the export moves them in a transition.
    void paintLayers(QPainter &painter, const QRect &frame, int scene,
                     const LayerTransform &transform, qint64 shown);
    // These two paint in output pixels (the painter is scaled to them).
    void paintScenePicture(QPainter &painter, int scene, qint64 shown);
    void paintCaption(QPainter &painter, int scene, qint64 shown);
    // Scene `scene`'s caption as the export times and pages it (built once
    // per scene and project change; again while its narration is not
    // synthesized yet). Two scenes' are kept during a transition.
    const CaptionTrack &captionTrackOf(int scene);
    void paintSafeZones(QPainter &painter, const QRect &frame);
    void paintMessage(QPainter &painter, const QRect &area, const QString &text);

    Project m_project;
    reelsmith::Timeline m_timeline;
    TransitionSchedule m_transitions;
    double m_duration = 0;
    int m_currentScene = -1;
    bool m_safeZonesVisible = false;

    // The project clock: while playing, position = m_clockOrigin + elapsed.
    bool m_playing = false;
    double m_clockOrigin = 0;
    QElapsedTimer m_clock;
    QTimer m_ticker;

    bool m_backgroundResolved = false;  // setProject() has looked the background up once
    QString m_backgroundResolveProblem; // why the project's background names no clip

    // Version 1's optional soundtrack (`audio`), played as the file it is.
    QMediaPlayer *m_soundtrack = nullptr;
    QAudioOutput *m_audioOutput = nullptr;
    QString m_soundtrackPath;
    // Version 2's sound: every voice and the music, mixed as the export mixes.
    PreviewSound m_sound;
    QString m_soundProblem; // why the mix cannot be made, until the next try

    struct SceneCaption
    {
        CaptionTrack track;
        bool waitsForVoice = false;
    };
    std::map<int, SceneCaption> m_captions; // by scene: the ones on screen
    // A recording's caption is timed over its voiced span, which takes
    // decoding the file: that runs off the UI thread; until it is back the
    // words are spread over the scene. The counter (bumped by every project
    // change) tells a result for the project shown from a stale one.
    quint64 m_captionGeneration = 0;

    PreviewPictureCache m_pictures;
    PreviewClip m_clip;
    QRect m_clipBox; // device pixels: the layout box m_clip was opened for
    // Last: it asks the members above for the time and size, and goes first.
    PreviewBackground m_background;
};

} // namespace reelsmith::editor
