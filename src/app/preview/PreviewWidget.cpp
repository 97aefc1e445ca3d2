#include "preview/PreviewWidget.h"

#include "backgrounds/Backgrounds.h"
#include "core/Error.h"
#include "media/ImageLoader.h"
#include "media/MediaProbe.h"
#include "narration/NarrationCache.h"
#include "render/Motion.h"
#include "render/SceneCaptions.h"
#include "render/SceneClip.h"
#include "render/SceneOverlay.h"
#include "settings/EditorSettings.h"

#include <QAudioOutput>
#include <QMediaPlayer>
#include <QPainter>
#include <QUrl>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace reelsmith::editor {

namespace {

// The clock's tick: often enough for a smooth playhead and for scene changes
// to land within a frame of where the export puts them.
constexpr int kTickMs = 20;

Fit fitFor(Layout layout)
{
    return layout == Layout::Fill ? Fit::Cover : Fit::Contain;
}

QSize outputSizeOf(const Project &project)
{
    const QSize size = project.output.size();
    // A project being edited may hold an invalid size for a moment; keep the
    // product's default aspect rather than painting nothing.
    return size.width() > 0 && size.height() > 0 ? size : QSize(720, 1280);
}

// Whether `path` is a picture, from its header.
bool isPicture(const QString &path)
{
    try {
        ImageLoader::probe(path); // the header only
        return true;
    } catch (const Error &) {
        return false;
    }
}

bool soundsAlike(const Project &a, const Project &b)
{
    if (a.version != b.version || a.voice != b.voice || a.music != b.music ||
        a.loudnessLufs != b.loudnessLufs || a.baseDir != b.baseDir ||
        a.output.fps != b.output.fps || a.scenes.size() != b.scenes.size())
        return false;
    for (qsizetype i = 0; i < a.scenes.size(); ++i) {
        const Scene &x = a.scenes[i];
        const Scene &y = b.scenes[i];
        if (x.narration != y.narration || x.voice != y.voice || x.voiceFile != y.voiceFile ||
            x.duration != y.duration || x.autoDuration != y.autoDuration || x.media != y.media ||
            x.clipSettings() != y.clipSettings()) // a clip's own sound
            return false;
    }
    return true;
}

} // namespace

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent), m_background([this] { return m_project.backgroundStart + position(); },
                                    [this] { return backgroundPaintedSize(); })
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    connect(&m_pictures, &PreviewPictureCache::ready, this, [this] {
        updateClip(); // a scene's media may have turned out to be a clip
        update(frameRect());
    });
    connect(&m_background, &PreviewBackground::frameChanged, this, [this] { update(frameRect()); });
    connect(&m_background, &PreviewBackground::problemChanged, this, [this] { update(); });
    connect(&m_clip, &PreviewClip::frameChanged, this, [this] { update(frameRect()); });
    // The export would stop with the same message: say it where the picture plays on.
    connect(&m_sound, &PreviewSound::failed, this, [this](const QString &message) {
        m_soundProblem = message;
        update();
    });

    m_ticker.setInterval(kTickMs);
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &PreviewWidget::tick);
}

PreviewWidget::~PreviewWidget()
{
    delete m_soundtrack;
    delete m_audioOutput;
}

QSize PreviewWidget::sizeHint() const
{
    return {360, 640};
}

QSize PreviewWidget::minimumSizeHint() const
{
    return {90, 160};
}

QColor PreviewWidget::letterboxColor()
{
    return QColor(40, 40, 44);
}

QRect PreviewWidget::frameRect() const
{
    const QSize frame = outputSizeOf(m_project).scaled(size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - frame.width()) / 2, (height() - frame.height()) / 2), frame);
}

// ---------------------------------------------------------------------------
// Project

void PreviewWidget::setProject(const Project &project)
{
    const bool backgroundChanged = project.background != m_project.background ||
                                   project.baseDir != m_project.baseDir || !m_backgroundResolved;
    const bool startChanged = project.backgroundStart != m_project.backgroundStart;
    const QString soundtrack = project.version == 1 && !project.audio.isEmpty()
                                   ? project.resolve(project.audio)
                                   : QString();
    const bool soundChanged = !soundsAlike(project, m_project);
    const double oldPosition = position();

    m_project = project;
    m_timeline = m_project.timeline();
    m_transitions = TransitionSchedule(m_project, m_timeline);
    m_captions.clear(); // captions are timed and paged again
    ++m_captionGeneration;

    // The video's own length (whole frames), so the clock, the timeline and
    // the export agree on where it ends.
    const double total = m_timeline.durationSeconds();
    if (total != m_duration) {
        m_duration = total;
        emit durationChanged(m_duration);
    }
    if (oldPosition > m_duration) {
        m_clockOrigin = m_duration;
        if (m_playing)
            m_clock.start();
        emit positionChanged(m_duration);
    }

    if (backgroundChanged) {
        m_backgroundResolved = true;
        resolveBackground();
    } else if (startChanged) {
        m_background.sync(m_playing);
    }

    if (soundtrack != m_soundtrackPath) {
        m_soundtrackPath = soundtrack;
        delete m_soundtrack;
        m_soundtrack = nullptr;
        delete m_audioOutput;
        m_audioOutput = nullptr;
        bool playable = !soundtrack.isEmpty();
        try {
            if (playable)
                probeMedia(soundtrack); // what the render refuses (a playlist) is not played either
        } catch (const Error &) {
            playable = false; // the export names the problem
        }
        if (playable) {
            m_audioOutput = new QAudioOutput(this);
            m_soundtrack = new QMediaPlayer(this);
            m_soundtrack->setAudioOutput(m_audioOutput);
            m_soundtrack->setSource(QUrl::fromLocalFile(soundtrack));
        }
        syncSoundtrack();
    }

    updateCurrentScene();
    if (soundChanged)
        syncMix(); // a playing mix starts again from where the clock is, with the change
    prefetch();
    update();
}

int PreviewWidget::sceneAt(double seconds) const
{
    // The export's own rule: time t shows frame floor(t * fps).
    return m_timeline.sceneAtSeconds(seconds);
}

void PreviewWidget::updateCurrentScene()
{
    const int scene = sceneAt(position());
    if (scene != m_currentScene) {
        m_currentScene = scene;
        emit currentSceneChanged(scene);
        prefetch();
        update();
    } else if (m_playing && (m_transitions.at(m_timeline.frameAt(position())) ||
                             m_project.scenes.value(scene).motion != Motion::None)) {
        update(frameRect()); // layers move with the clock, not only with the background
    }
    updateClip();
}

std::optional<ActiveTransition> PreviewWidget::transitionShown() const
{
    return m_transitions.at(m_timeline.frameAt(position()));
}

// ---------------------------------------------------------------------------
// Clock and transport

double PreviewWidget::position() const
{
    if (!m_playing)
        return m_clockOrigin;
    return std::min(m_duration, m_clockOrigin + double(m_clock.nsecsElapsed()) / 1e9);
}

void PreviewWidget::setPositionInternal(double seconds, bool sync)
{
    m_clockOrigin = std::clamp(seconds, 0.0, m_duration);
    if (m_playing)
        m_clock.start();
    emit positionChanged(m_clockOrigin);
    updateCurrentScene();
    if (sync)
        syncMedia();
}

void PreviewWidget::seek(double seconds)
{
    setPositionInternal(seconds, true);
}

void PreviewWidget::play()
{
    if (m_playing || m_duration <= 0)
        return;
    // Playing from the end starts over, as media players do.
    if (m_clockOrigin >= m_duration - 1e-3)
        m_clockOrigin = 0;
    m_playing = true;
    m_clock.start();
    m_ticker.start();
    emit playingChanged(true);
    emit positionChanged(m_clockOrigin);
    updateCurrentScene();
    syncMedia();
}

void PreviewWidget::pause()
{
    if (!m_playing)
        return;
    stopClock();
    emit playingChanged(false);
    emit positionChanged(m_clockOrigin);
    updateCurrentScene();
    // Show the frame the clock stopped at, not wherever the player drifted to.
    syncMedia();
}

void PreviewWidget::togglePlaying()
{
    if (m_playing)
        pause();
    else
        play();
}

void PreviewWidget::stopClock()
{
    m_clockOrigin = position();
    m_playing = false;
    m_ticker.stop();
}

void PreviewWidget::tick()
{
    if (!m_playing)
        return;
    if (position() >= m_duration) {
        stopClock();
        m_clockOrigin = m_duration;
        emit playingChanged(false);
        emit positionChanged(m_clockOrigin);
        updateCurrentScene();
        syncMedia();
        return;
    }
    emit positionChanged(position());
    updateCurrentScene();
    m_background.keepUp();
}

void PreviewWidget::setSafeZonesVisible(bool visible)
{
    if (visible == m_safeZonesVisible)
        return;
    m_safeZonesVisible = visible;
    update();
}

// ---------------------------------------------------------------------------
// Background and soundtrack

void PreviewWidget::resolveBackground()
{
    QString path;
    bool still = false;
    m_backgroundResolveProblem.clear();
    try {
        path = Backgrounds::resolve(m_project.background, m_project.baseDir,
                                    EditorSettings::backgroundFolders());
        // The player (GStreamer) would open whatever it recognises; show only
        // what the render itself opens, so a playlist posing as a clip never
        // brings other files into the preview either. A picture is shown
        // still, without a player.
        still = isPicture(path);
        if (!still)
            probeMedia(path);
    } catch (const Error &error) {
        m_backgroundResolveProblem = error.message();
        path.clear();
    }
    m_background.setClip(path, still);
}

QString PreviewWidget::backgroundProblem() const
{
    return m_backgroundResolveProblem.isEmpty() ? m_background.problem()
                                                : m_backgroundResolveProblem;
}

void PreviewWidget::syncMedia()
{
    m_background.sync(m_playing);
    m_clip.setPlaying(m_playing);
    syncSoundtrack();
    syncMix();
}

void PreviewWidget::syncMix()
{
    m_soundProblem.clear();
    m_sound.setProject(m_project);
    if (m_playing && m_project.version != 1 && m_project.hasMixedSound())
        m_sound.play(m_clockOrigin, m_clock);
    else
        m_sound.stop();
}

void PreviewWidget::syncSoundtrack()
{
    // The soundtrack is only aligned on play, pause and seek: over a short
    // video the audio clock and the project clock do not drift apart audibly.
    if (!m_soundtrack)
        return;
    const qint64 target = std::llround(position() * 1000.0);
    const qint64 length = m_soundtrack->duration();
    if (!m_playing || (length > 0 && target >= length)) {
        m_soundtrack->pause();
        m_soundtrack->setPosition(length > 0 ? std::min(target, length) : target);
        return;
    }
    m_soundtrack->setPosition(target);
    m_soundtrack->play();
}

// ---------------------------------------------------------------------------
// Pictures

QSize PreviewWidget::devicePixelFrame() const
{
    return (QSizeF(frameRect().size()) * devicePixelRatioF()).toSize();
}

QSize PreviewWidget::backgroundPaintedSize() const
{
    const QSize device = devicePixelFrame();
    return device.isEmpty() ? outputSizeOf(m_project).scaled(sizeHint(), Qt::KeepAspectRatio)
                            : device;
}

PreviewPictureCache::Key PreviewWidget::pictureKey(int scene, QSize deviceFrame) const
{
    const Scene &s = m_project.scenes.at(scene);
    return {m_project.resolve(s.media), layoutBox(s.layout, deviceFrame).size(), fitFor(s.layout)};
}

void PreviewWidget::prefetch()
{
    const QSize deviceFrame = devicePixelFrame();
    if (deviceFrame.isEmpty() || m_currentScene < 0)
        return;
    QList<PreviewPictureCache::Key> wanted;
    // The previous scene too: a transition shows it after the boundary.
    for (int scene : {m_currentScene, m_currentScene + 1, m_currentScene - 1}) {
        if (scene >= 0 && scene < m_project.scenes.size())
            wanted.append(pictureKey(scene, deviceFrame));
    }
    m_pictures.prefetch(wanted, deviceFrame);
}

// ---------------------------------------------------------------------------
// Painting

void PreviewWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    prefetch();
}

void PreviewWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), letterboxColor());
    const QRect frame = frameRect();
    if (frame.isEmpty())
        return;
    painter.setClipRect(frame);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    paintBackground(painter, frame);
    if (m_currentScene >= 0 && m_currentScene < m_project.scenes.size()) {
        updateClip();
        // The export's composition (RenderJob::run): the current scene's
        // clip over the background, then the scenes' layers; a transition
        // that mixes draws each scene over its own copy of that and mixes
        // the two by the transition's weight.
        const qint64 shown = m_timeline.frameAt(position());
        paintClip(painter, frame);
        if (const auto transition = m_transitions.at(shown); !transition) {
            paintLayers(painter, frame, m_currentScene, LayerTransform(), shown);
        } else {
            const TransitionLook look =
                transitionLook(transition->type, transition->progress, outputSizeOf(m_project));
            paintLayers(painter, frame, transition->from, look.from, shown);
            if (look.mix) {
                QImage incoming(devicePixelFrame(), QImage::Format_RGB32);
                incoming.setDevicePixelRatio(devicePixelRatioF());
                {
                    QPainter mixed(&incoming);
                    mixed.setRenderHints(painter.renderHints());
                    const QRect local(QPoint(0, 0), frame.size());
                    paintBackground(mixed, local);
                    paintClip(mixed, local);
                    paintLayers(mixed, local, transition->to, look.to, shown);
                }
                painter.save();
                painter.setOpacity(*look.mix);
                painter.drawImage(frame, incoming);
                painter.restore();
            } else {
                paintLayers(painter, frame, transition->to, look.to, shown);
            }
        }
    }
    if (m_safeZonesVisible)
        paintSafeZones(painter, frame);
    if (const QString problem = backgroundProblem(); !problem.isEmpty())
        paintMessage(painter, frame, problem);
    else if (!m_soundProblem.isEmpty())
        paintMessage(painter, frame, m_soundProblem);
    prefetch();
}

void PreviewWidget::paintBackground(QPainter &painter, const QRect &frame)
{
    // Cropped to the output's aspect already, as the export crops it.
    const QImage image = m_background.hasFrame() ? m_background.frame() : QImage();
    if (image.isNull())
        painter.fillRect(frame, Qt::black);
    else
        painter.drawImage(frame, image);
}

void PreviewWidget::updateClip()
{
    QString path;
    ClipSettings settings;
    QSize box;
    Fit fit = Fit::Contain;
    const int scene = m_currentScene;
    const QSize deviceFrame = devicePixelFrame();
    if (scene >= 0 && scene < m_project.scenes.size() && !deviceFrame.isEmpty()) {
        const Scene &s = m_project.scenes.at(scene);
        // Known to be a clip once the picture cache has failed to read it as
        // a picture (off the UI thread); until then, nothing is drawn for it.
        const auto picture = m_pictures.picture(pictureKey(scene, deviceFrame), deviceFrame);
        if (picture && picture->isVideo) {
            path = m_project.resolve(s.media);
            settings = s.clipSettings();
            m_clipBox = layoutBox(s.layout, deviceFrame);
            box = m_clipBox.size();
            fit = fitFor(s.layout);
        }
    }
    m_clip.setClip(path, settings, box, fit);
    if (!path.isEmpty()) {
        // The export's clip frame i of the scene is at i / fps scene seconds.
        const qint64 shown = m_timeline.frameAt(position());
        m_clip.showAt(m_timeline.secondsAt(shown - m_timeline.sceneStart(scene)));
    }
}

void PreviewWidget::paintClip(QPainter &painter, const QRect &frame)
{
    const QImage &image = m_clip.image();
    if (m_clip.clip().isEmpty())
        return;
    const QSize deviceFrame = devicePixelFrame();
    painter.save();
    painter.translate(frame.topLeft());
    painter.scale(double(frame.width()) / deviceFrame.width(),
                  double(frame.height()) / deviceFrame.height());
    if (!m_clip.problem().isEmpty()) {
        paintMessage(painter, m_clipBox, tr("Cannot play the clip: %1").arg(m_clip.problem()));
    } else if (!image.isNull()) {
        // Where SceneClip puts it: the reader's placement in the layout box,
        // whose corner is rounded down to even pixels.
        const QPoint corner(m_clipBox.x() & ~1, m_clipBox.y() & ~1);
        painter.drawImage(m_clip.placement().translated(corner), image);
    }
    painter.restore();
}

void PreviewWidget::paintLayers(QPainter &painter, const QRect &frame, int scene,
                                const LayerTransform &transform, qint64 shown)
{
    if (scene < 0 || scene >= m_project.scenes.size())
        return;
    const QSize output = outputSizeOf(m_project);
    painter.save();
    painter.translate(frame.topLeft());
    painter.scale(double(frame.width()) / output.width(), double(frame.height()) / output.height());
    // The clip is in frame pixels; the move is where the export's own
    // LayerTransform::map sends the whole frame (a scale and a shift).
    if (!transform.clip.isNull())
        painter.setClipRect(transform.clip, Qt::IntersectClip);
    if (!transform.isIdentity()) {
        const QRectF whole(QPointF(0, 0), QSizeF(output));
        const QRectF moved = transform.map(whole, output);
        painter.translate(moved.topLeft());
        painter.scale(moved.width() / whole.width(), moved.height() / whole.height());
    }
    paintScenePicture(painter, scene, shown);
    paintCaption(painter, scene, shown);
    painter.restore();
}

void PreviewWidget::paintScenePicture(QPainter &painter, int scene, qint64 shown)
{
    const Scene &s = m_project.scenes.at(scene);
    const QSize deviceFrame = devicePixelFrame();
    const QSize output = outputSizeOf(m_project);
    const auto picture = m_pictures.picture(pictureKey(scene, deviceFrame), deviceFrame);
    if (!picture || picture->isVideo)
        return; // still decoding (the background alone for now), or a clip drawn below
    if (picture->image.isNull()) {
        // In widget pixels, so the text is as legible as any other message.
        const QRect box = painter.transform().mapRect(QRectF(layoutBox(s.layout, output))).toRect();
        painter.save();
        painter.resetTransform();
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt::DashLine));
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        paintMessage(painter, box, tr("Cannot show the picture: %1").arg(picture->problem));
        painter.restore();
        return;
    }
    // The picture was decoded at the size it is shown at on this screen, so
    // it is laid out in (device) preview pixels and painted unscaled; the
    // placement rule is the export's own.
    painter.save();
    painter.scale(double(output.width()) / picture->frame.width(),
                  double(output.height()) / picture->frame.height());
    if (s.motion == Motion::None) {
        paintScene(painter, picture->frame, s.layout, picture->image, QString());
    } else {
        // Where the export puts it at this frame (render/Motion), drawn with
        // the painter's smooth (bilinear) transform.
        QRectF rest(QPointF(0, 0), QSizeF(picture->image.size()));
        rest.moveCenter(QRectF(layoutBox(s.layout, picture->frame)).center());
        const double progress =
            motion::progress(shown, m_timeline.sceneStart(scene), m_timeline.sceneEnd(scene));
        painter.drawImage(motion::rectAt(s.motion, s.layout, rest, picture->frame, progress),
                          picture->image);
    }
    painter.restore();
}

const CaptionTrack &PreviewWidget::captionTrackOf(int scene)
{
    if (const auto it = m_captions.find(scene); it != m_captions.end() && !it->second.waitsForVoice)
        return it->second.track;
    // Only the scenes on screen (two during a transition) and their
    // neighbours are kept.
    std::erase_if(m_captions,
                  [this](const auto &entry) { return std::abs(entry.first - m_currentScene) > 1; });
    SceneCaption &caption = m_captions[scene];
    caption = SceneCaption();
    // The scene as the export times it: its length on the timeline, and its
    // voice's word times (only what is already synthesized, never on this
    // thread; until then the words are spread over the scene).
    Project project = m_project;
    Scene &s = project.scenes[scene];
    s.duration = m_timeline.secondsAt(m_timeline.sceneEnd(scene)) -
                 m_timeline.secondsAt(m_timeline.sceneStart(scene));
    std::optional<SceneVoice> voice;
    if (project.version != 1) {
        const QString key = QStringLiteral("scenes[%1]").arg(scene);
        if (!s.voiceFile.isEmpty()) {
            const SceneVoice recording{project.resolve(s.voiceFile), 0, key, {}, false};
            const QSize size = outputSizeOf(m_project);
            auto *timing = new QFutureWatcher<CaptionTrack>(this);
            connect(timing, &QFutureWatcher<CaptionTrack>::finished, this,
                    [this, timing, generation = m_captionGeneration, scene] {
                        timing->deleteLater();
                        if (generation != m_captionGeneration)
                            return; // the project changed meanwhile
                        m_captions[scene] = SceneCaption{timing->result(), false};
                        update();
                    });
            timing->setFuture(QtConcurrent::run([project, scene, recording, size] {
                try {
                    return sceneCaptionTrack(project, scene, recording, size);
                } catch (const Error &) {
                    return CaptionTrack(); // the export names the file
                }
            }));
        } else if (!s.narration.trimmed().isEmpty()) {
            if (const auto narration = NarrationCache::cached(s.narration, project.voiceOf(scene)))
                voice = SceneVoice{narration->audioPath, narration->seconds, key, narration->words,
                                   true};
            else
                caption.waitsForVoice = true;
        }
    }
    try {
        caption.track = sceneCaptionTrack(project, scene, voice, outputSizeOf(m_project));
    } catch (const Error &) {
        // A missing font or timing file: the export names it; no caption here.
    }
    return caption.track;
}

void PreviewWidget::paintCaption(QPainter &painter, int scene, qint64 shown)
{
    const CaptionTrack &track = captionTrackOf(scene);
    if (track.isEmpty())
        return;
    // The state of the frame the export shows at this time (before its
    // scene starts, during a transition in, its first page), laid out in
    // output pixels, so lines wrap exactly where the export wraps them and
    // the same word is highlighted.
    const double seconds = m_timeline.secondsAt(shown - m_timeline.sceneStart(scene));
    const CaptionState state = track.stateAt(seconds);
    painter.save();
    // A page's pop, about the page's centre as the export scales its layer.
    if (const double pop = track.popScaleAt(seconds); pop != 1.0 && !state.isEmpty()) {
        const QPointF centre = QRectF(track.pageBounds(state.page)).center();
        painter.translate(centre);
        painter.scale(pop, pop);
        painter.translate(-centre);
    }
    track.paint(painter, state);
    painter.restore();
}

void PreviewWidget::paintSafeZones(QPainter &painter, const QRect &frame)
{
    // Where Shorts, Reels and TikTok draw their own controls over a 9:16
    // video, as fractions of the frame (approximate; the apps differ a little
    // and change over time):
    //  - top bar (tabs, search, camera): the top 9 %;
    //  - action buttons (like, comment, share, sound): the right 16 % of the
    //    width, from 40 % down to 78 % of the height;
    //  - description (account, caption text, sound name, navigation): the
    //    bottom 22 %.
    struct Zone
    {
        QRectF rect;
        QString label;
    };
    const Zone zones[] = {
        {QRectF(0.0, 0.0, 1.0, 0.09), tr("Top bar")},
        {QRectF(0.84, 0.40, 0.16, 0.38), tr("Buttons")},
        {QRectF(0.0, 0.78, 1.0, 0.22), tr("Description")},
    };
    painter.save();
    QFont font = painter.font();
    font.setPixelSize(std::max(9, frame.height() / 55));
    painter.setFont(font);
    for (const Zone &zone : zones) {
        const QRectF r(frame.x() + zone.rect.x() * frame.width(),
                       frame.y() + zone.rect.y() * frame.height(),
                       zone.rect.width() * frame.width(), zone.rect.height() * frame.height());
        painter.fillRect(r, QColor(255, 70, 40, 80));
        painter.setPen(QPen(QColor(255, 120, 90, 200), 1, Qt::DashLine));
        painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        painter.setPen(Qt::white);
        painter.drawText(r.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         zone.label);
    }
    painter.restore();
}

void PreviewWidget::paintMessage(QPainter &painter, const QRect &area, const QString &text)
{
    painter.save();
    QFont font = painter.font();
    font.setPixelSize(std::clamp(area.width() / 22, 10, 16));
    painter.setFont(font);
    const QRect textArea = area.adjusted(12, 12, -12, -12);
    QRect bounds =
        painter.fontMetrics().boundingRect(textArea, Qt::AlignCenter | Qt::TextWordWrap, text);
    bounds = bounds.adjusted(-8, -6, 8, 6).intersected(area);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 190));
    painter.drawRoundedRect(bounds, 6, 6);
    painter.setPen(QColor(240, 240, 240));
    painter.drawText(textArea, Qt::AlignCenter | Qt::TextWordWrap, text);
    painter.restore();
}

} // namespace reelsmith::editor
