#include "PreviewWidget.h"

#include "BackgroundReader.h"
#include "Backgrounds.h"
#include "Error.h"
#include "SceneOverlay.h"

#include <QAudioOutput>
#include <QDir>
#include <QFutureWatcher>
#include <QMediaPlayer>
#include <QPainter>
#include <QTransform>
#include <QUrl>
#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace reelsmith::editor {

namespace {

// The clock's tick: often enough for a smooth playhead and for scene changes
// to land within a frame of where the export puts them.
constexpr int kTickMs = 20;
// While playing, the background follows the clock loosely: re-seeking a
// decoder is visible, so small drifts are tolerated.
constexpr qint64 kMaxDriftMs = 250;
constexpr qint64 kResyncCooldownMs = 1000;
// A seek has landed when a frame within this distance of its target arrives.
constexpr qint64 kSeekLandedMs = 200;
constexpr int kSeekGuardMs = 400;

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

// Cover, as the export scales the background: the largest centred part of the
// clip with the output's aspect.
QRect coverCrop(QSize frame, QSize image)
{
    const QSize source = frame.scaled(image, Qt::KeepAspectRatio);
    return {QPoint((image.width() - source.width()) / 2, (image.height() - source.height()) / 2),
            source};
}

} // namespace

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent), m_player(new QMediaPlayer(this)), m_sink(new QVideoSink(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    connect(&m_pictures, &PreviewPictureCache::ready, this, [this] { update(frameRect()); });

    m_ticker.setInterval(kTickMs);
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &PreviewWidget::tick);
    m_seekIssuer.setSingleShot(true);
    m_seekIssuer.setInterval(0);
    connect(&m_seekIssuer, &QTimer::timeout, this, &PreviewWidget::issuePlayerSeek);
    m_seekGuard.setSingleShot(true);
    m_seekGuard.setInterval(kSeekGuardMs);
    connect(&m_seekGuard, &QTimer::timeout, this, &PreviewWidget::finishPlayerSeek);

    // No audio output: a background's own sound is never used.
    m_player->setVideoOutput(m_sink);
    m_player->setLoops(QMediaPlayer::Infinite);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &PreviewWidget::onVideoFrame);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PreviewWidget::onMediaStatus);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PreviewWidget::onPlayerDuration);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString &text) {
                if (error == QMediaPlayer::NoError)
                    return;
                m_backgroundProblem = tr("Cannot play the background %1: %2")
                                          .arg(QDir::toNativeSeparators(m_backgroundPath), text);
                update();
            });
}

PreviewWidget::~PreviewWidget()
{
    // The players are children and would outlive this object's own members,
    // still sending frames and status to it; they go first.
    m_player->disconnect(this);
    m_sink->disconnect(this);
    delete m_player;
    delete m_sink;
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
    const QString soundtrack = project.audio.isEmpty() ? QString() : project.resolve(project.audio);
    const double oldPosition = position();

    m_project = project;

    double total = 0;
    for (const Scene &scene : std::as_const(m_project.scenes))
        total += std::max(0.0, scene.duration);
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
        loadBackground();
    } else if (startChanged) {
        syncPlayer(true);
    }

    if (soundtrack != m_soundtrackPath) {
        m_soundtrackPath = soundtrack;
        delete m_soundtrack;
        m_soundtrack = nullptr;
        delete m_audioOutput;
        m_audioOutput = nullptr;
        if (!soundtrack.isEmpty()) {
            m_audioOutput = new QAudioOutput(this);
            m_soundtrack = new QMediaPlayer(this);
            m_soundtrack->setAudioOutput(m_audioOutput);
            m_soundtrack->setSource(QUrl::fromLocalFile(soundtrack));
        }
        syncSoundtrack();
    }

    updateCurrentScene();
    prefetch();
    update();
}

int PreviewWidget::sceneAt(double seconds) const
{
    if (m_project.scenes.isEmpty())
        return -1;
    // Same rule as the export: time t shows frame floor(t * fps), and a frame
    // belongs to the scene whose [start, end) holds its time.
    if (m_project.output.fps > 0) {
        const qint64 last = std::max<qint64>(0, m_project.frameCount() - 1);
        const auto frame = static_cast<qint64>(std::floor(seconds * m_project.output.fps + 1e-6));
        return m_project.sceneAtFrame(std::clamp<qint64>(frame, 0, last));
    }
    double end = 0;
    for (qsizetype i = 0; i < m_project.scenes.size(); ++i) {
        end += m_project.scenes[i].duration;
        if (seconds < end)
            return int(i);
    }
    return int(m_project.scenes.size()) - 1;
}

void PreviewWidget::updateCurrentScene()
{
    const int scene = sceneAt(position());
    if (scene == m_currentScene)
        return;
    m_currentScene = scene;
    emit currentSceneChanged(scene);
    prefetch();
    update();
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
    if (sync) {
        syncPlayer(true);
        syncSoundtrack();
    }
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
    syncPlayer(true);
    syncSoundtrack();
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
    syncPlayer(true);
    syncSoundtrack();
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
        syncPlayer(true);
        syncSoundtrack();
        return;
    }
    emit positionChanged(position());
    updateCurrentScene();
    syncPlayer(false);
}

void PreviewWidget::setSafeZonesVisible(bool visible)
{
    if (visible == m_safeZonesVisible)
        return;
    m_safeZonesVisible = visible;
    update();
}

// ---------------------------------------------------------------------------
// Background

void PreviewWidget::loadBackground()
{
    QString path;
    m_backgroundProblem.clear();
    try {
        path = Backgrounds::resolve(m_project.background, m_project.baseDir);
    } catch (const Error &error) {
        m_backgroundProblem = error.message();
    }
    if (path == m_backgroundPath && !path.isEmpty())
        return;
    unloadBackground();
    m_backgroundPath = path;
    if (path.isEmpty()) {
        update();
        return;
    }
    // The loop length and rotation come from the export's own reader (headers
    // only), so the preview wraps exactly where the video will. It runs on the
    // shared pool: it is brief, and touches only its own values.
    m_factsPending = true;
    auto *watcher = new QFutureWatcher<BackgroundFacts>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onBackgroundFacts(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path]() -> BackgroundFacts {
        BackgroundFacts facts;
        facts.path = path;
        try {
            const BackgroundReader reader(path, QSize(16, 16), 1);
            facts.loopMs = std::llround(reader.duration() * 1000.0);
            facts.rotation = reader.rotation();
            facts.storedSize = reader.sourceSize();
        } catch (const Error &error) {
            facts.problem = error.message();
        } catch (const std::exception &error) {
            facts.problem = QString::fromLocal8Bit(error.what());
        }
        return facts;
    }));
    m_player->setSource(QUrl::fromLocalFile(path));
    // Paused, the player prerolls and shows the frame at its position; the
    // position itself is set once the clip's length is known.
    if (m_playing)
        m_player->play();
    else
        m_player->pause();
    update();
}

void PreviewWidget::unloadBackground()
{
    releasePlayer();
    m_backgroundPath.clear();
    m_backgroundLoopMs = 0;
    m_playerDurationMs = 0;
    m_backgroundRotation = 0;
    m_backgroundStoredSize = QSize();
    m_factsPending = false;
    m_frame = QVideoFrame();
    m_frameImage = QImage();
    m_frameImageValid = false;
    m_heldFrame = QImage();
    m_hasFrame = false;
}

void PreviewWidget::releasePlayer()
{
    m_player->stop();
    m_player->setSource(QUrl());
    m_seekWanted = false;
    m_seekInFlight = -1;
    m_seekLandsOnAnyFrame = false;
    m_seekIssuer.stop();
    m_seekGuard.stop();
    m_awaitingReloadedFrame = false;
}

bool PreviewWidget::isPlayerLoaded() const
{
    return !m_player->source().isEmpty();
}

void PreviewWidget::setPlayerSuspended(bool suspended)
{
    m_playerSuspended = suspended;
    m_unloadWanted = suspended;
    if (suspended)
        unloadPlayerIfIdle();
    else if (!isPlayerLoaded() && !m_backgroundPath.isEmpty())
        reloadPlayer(); // ready to play at once again; the held frame stays until replaced
}

void PreviewWidget::unloadPlayerIfIdle()
{
    // Only once the frame for the clock's position is shown (and the clip's
    // facts are in, which could turn it): that frame is what stays.
    if (!m_unloadWanted || m_playing || !isPlayerLoaded() || m_factsPending || m_seekWanted ||
        m_seekInFlight >= 0 || m_player->mediaStatus() == QMediaPlayer::LoadingMedia)
        return;
    if (const QImage &image = frameImage(); !image.isNull()) {
        // Cropped as painted, and no larger than painted: a clip's full-size
        // frame is many times the preview's.
        QSize device = devicePixelFrame();
        if (device.isEmpty())
            device = outputSizeOf(m_project).scaled(sizeHint(), Qt::KeepAspectRatio);
        m_heldFrame = image.copy(coverCrop(device, image.size()));
        if (m_heldFrame.width() > device.width())
            m_heldFrame =
                m_heldFrame.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    // The frame shares GStreamer's buffer, which would keep it alive.
    m_frame = QVideoFrame();
    m_frameImage = QImage();
    m_frameImageValid = false;
    releasePlayer();
    m_sink->setVideoFrame(QVideoFrame());
    update(frameRect());
}

void PreviewWidget::reloadPlayer()
{
    // Wanted for play or seek: it stays loaded until suspended again.
    m_unloadWanted = false;
    m_awaitingReloadedFrame = !m_heldFrame.isNull();
    m_player->setSource(QUrl::fromLocalFile(m_backgroundPath));
    if (m_playing)
        m_player->play();
    else
        m_player->pause();
}

bool PreviewWidget::isNearInClip(qint64 a, qint64 b) const
{
    const qint64 apart = std::abs(a - b);
    return apart <= kSeekLandedMs || (loopMs() > 0 && std::abs(apart - loopMs()) <= kSeekLandedMs);
}

void PreviewWidget::onVideoFrame(const QVideoFrame &frame)
{
    // Stopping or switching clips sends an empty frame: keep the last picture
    // rather than flashing black.
    if (!frame.isValid() || m_backgroundPath.isEmpty())
        return;
    const qint64 startMs = frame.startTime() >= 0 ? frame.startTime() / 1000 : -1;
    // A reloaded player starts at the clip's beginning: the held frame stays
    // until one for the clock's position comes.
    if (!m_awaitingReloadedFrame || startMs < 0 ||
        isNearInClip(startMs, backgroundMs(position()))) {
        m_awaitingReloadedFrame = false;
        m_frame = frame;
        m_frameImageValid = false;
        m_heldFrame = QImage();
        m_hasFrame = true;
        update(frameRect());
    }
    // Frames already queued before the seek may still arrive; only one near
    // the target says the seek is done. Without timestamps, any will do.
    if (m_seekInFlight >= 0 &&
        (m_seekLandsOnAnyFrame || startMs < 0 || isNearInClip(startMs, m_seekInFlight)))
        finishPlayerSeek();
}

void PreviewWidget::onPlayerDuration(qint64 ms)
{
    if (ms <= 0 || ms == m_playerDurationMs)
        return;
    m_playerDurationMs = ms;
    syncPlayer(true);
}

void PreviewWidget::onBackgroundFacts(const BackgroundFacts &facts)
{
    if (facts.path != m_backgroundPath)
        return; // the background changed while it was read
    m_factsPending = false;
    if (!facts.problem.isEmpty()) {
        m_backgroundProblem = facts.problem;
    } else {
        m_backgroundLoopMs = facts.loopMs;
        m_backgroundRotation = facts.rotation;
        m_backgroundStoredSize = facts.storedSize;
        m_frameImageValid = false;
        syncPlayer(true);
    }
    update();
    unloadPlayerIfIdle();
}

void PreviewWidget::onMediaStatus()
{
    switch (m_player->mediaStatus()) {
    case QMediaPlayer::LoadedMedia:
        if (m_player->duration() > 0)
            m_playerDurationMs = m_player->duration();
        syncPlayer(true);
        break;
    case QMediaPlayer::EndOfMedia:
        // Backends differ on looping (FFmpeg's ignores setLoops in 6.4): wrap
        // around here too, from where the clock says the clip should be.
        if (m_playing)
            syncPlayer(true);
        break;
    case QMediaPlayer::InvalidMedia:
        if (m_backgroundProblem.isEmpty())
            m_backgroundProblem =
                tr("Cannot play the background %1").arg(QDir::toNativeSeparators(m_backgroundPath));
        update();
        break;
    default:
        break;
    }
}

qint64 PreviewWidget::backgroundMs(double seconds) const
{
    qint64 ms = std::llround((m_project.backgroundStart + seconds) * 1000.0);
    const qint64 loop = loopMs();
    if (loop > 0) {
        ms %= loop;
        if (ms < 0)
            ms += loop;
    }
    // The player may count the clip a frame shorter than the export's loop;
    // past its end it would show nothing, so hold its last frame instead.
    if (m_playerDurationMs > 0)
        ms = std::min(ms, m_playerDurationMs - 1);
    return std::max<qint64>(0, ms);
}

void PreviewWidget::syncPlayer(bool force)
{
    if (m_backgroundPath.isEmpty())
        return;
    if (!isPlayerLoaded()) {
        reloadPlayer(); // suspended: LoadedMedia syncs again
        return;
    }
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    if (status == QMediaPlayer::NoMedia || status == QMediaPlayer::LoadingMedia ||
        status == QMediaPlayer::InvalidMedia)
        return; // LoadedMedia syncs again
    const qint64 target = backgroundMs(position());
    if (m_playing) {
        if (m_player->playbackState() != QMediaPlayer::PlayingState)
            m_player->play();
        if (!force) {
            if (m_lastResync.isValid() && m_lastResync.elapsed() < kResyncCooldownMs)
                return;
            qint64 drift = m_player->position() - target;
            // Across the loop point the player and the clock are close even
            // though their numbers are a clip length apart.
            if (const qint64 loop = loopMs(); loop > 0) {
                drift %= loop;
                if (drift > loop / 2)
                    drift -= loop;
                else if (drift < -loop / 2)
                    drift += loop;
            }
            if (std::abs(drift) <= kMaxDriftMs)
                return;
        }
        m_lastResync.start();
    } else if (m_player->playbackState() != QMediaPlayer::PausedState) {
        const bool wasPlaying = m_player->playbackState() == QMediaPlayer::PlayingState;
        m_player->pause();
        // Pausing prerolls a frame through this thread too: a seek now would
        // block until the sink gives up on it, so the seek waits for that frame.
        if (wasPlaying) {
            m_seekInFlight = m_player->position();
            m_seekLandsOnAnyFrame = true;
            m_seekGuard.start();
        }
    }
    requestPlayerSeek();
}

void PreviewWidget::requestPlayerSeek()
{
    m_seekWanted = true;
    if (m_seekInFlight < 0)
        m_seekIssuer.start();
}

void PreviewWidget::issuePlayerSeek()
{
    if (!m_seekWanted || m_seekInFlight >= 0 || m_backgroundPath.isEmpty())
        return;
    m_seekWanted = false;
    // The target is taken now, not when it was asked for: while playing the
    // clock has moved on since.
    const qint64 target = backgroundMs(position());
    if (!m_playing && target == m_player->position()) {
        unloadPlayerIfIdle();
        return; // already there; GStreamer would not send a new frame
    }
    m_seekInFlight = target;
    m_seekLandsOnAnyFrame = false;
    m_seekGuard.start();
    m_player->setPosition(target);
    if (m_playing)
        m_lastResync.start();
}

void PreviewWidget::finishPlayerSeek()
{
    m_seekInFlight = -1;
    m_seekLandsOnAnyFrame = false;
    m_seekGuard.stop();
    m_awaitingReloadedFrame = false; // whatever comes next is the best there is
    if (m_seekWanted)
        m_seekIssuer.start();
    else
        unloadPlayerIfIdle();
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

PreviewPictureCache::Key PreviewWidget::pictureKey(int scene, QSize deviceFrame) const
{
    const Scene &s = m_project.scenes.at(scene);
    return {m_project.resolve(s.image), layoutBox(s.layout, deviceFrame).size(), fitFor(s.layout)};
}

void PreviewWidget::prefetch()
{
    const QSize deviceFrame = devicePixelFrame();
    if (deviceFrame.isEmpty() || m_currentScene < 0)
        return;
    QList<PreviewPictureCache::Key> wanted;
    for (int scene : {m_currentScene, m_currentScene + 1}) {
        if (scene < m_project.scenes.size())
            wanted.append(pictureKey(scene, deviceFrame));
    }
    m_pictures.prefetch(wanted, deviceFrame);
}

// ---------------------------------------------------------------------------
// Painting

void PreviewWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_frameImageValid = false; // converted for the old size
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
        paintScenePicture(painter, frame, m_currentScene);
        paintCaption(painter, frame, m_currentScene);
    }
    if (m_safeZonesVisible)
        paintSafeZones(painter, frame);
    if (!m_backgroundProblem.isEmpty())
        paintMessage(painter, frame, m_backgroundProblem);
    prefetch();
}

void PreviewWidget::paintBackground(QPainter &painter, const QRect &frame)
{
    if (!m_hasFrame) {
        painter.fillRect(frame, Qt::black);
        return;
    }
    if (!m_heldFrame.isNull()) {
        painter.drawImage(frame, m_heldFrame);
        return;
    }
    const QImage &image = frameImage();
    if (image.isNull())
        painter.fillRect(frame, Qt::black);
    else
        painter.drawImage(frame, image, coverCrop(frame.size(), image.size()));
}

const QImage &PreviewWidget::frameImage()
{
    if (!m_frameImageValid) {
        m_frameImage = QImage();
        m_frameImageValid = true;
        if (!m_frame.isValid())
            return m_frameImage;
        // The export turns clips upright by their display matrix; Qt 6.4's
        // frames come as stored. Frames a backend already turned have the
        // upright size and are left alone.
        const QSize stored = m_frame.size();
        const bool turn = m_backgroundRotation != 0 && stored == m_backgroundStoredSize;
        const bool sideways = turn && (m_backgroundRotation == 90 || m_backgroundRotation == 270);
        // Converted straight to the size it is painted at (never larger than
        // the clip): a 1080x1920 frame is shown in a few hundred pixels.
        QSize device = devicePixelFrame();
        if (device.isEmpty())
            device = outputSizeOf(m_project).scaled(sizeHint(), Qt::KeepAspectRatio);
        const QSize upright = sideways ? stored.transposed() : stored;
        const QSize crop = coverCrop(device, upright).size();
        const double factor = crop.isEmpty() ? 1.0
                                             : std::min(1.0, std::max(double(device.width()) / crop.width(),
                                                                      double(device.height()) / crop.height()));
        const QSize target(std::max(2, int(std::lround(stored.width() * factor))),
                           std::max(2, int(std::lround(stored.height() * factor))));
        m_frameImage = m_frameConverter.convert(m_frame, target);
        if (turn && !m_frameImage.isNull())
            m_frameImage = m_frameImage.transformed(QTransform().rotate(m_backgroundRotation));
    }
    return m_frameImage;
}

void PreviewWidget::paintScenePicture(QPainter &painter, const QRect &frame, int scene)
{
    const Scene &s = m_project.scenes.at(scene);
    const QSize deviceFrame = devicePixelFrame();
    const auto picture = m_pictures.picture(pictureKey(scene, deviceFrame), deviceFrame);
    if (!picture)
        return; // still decoding: the background alone for now
    if (picture->image.isNull()) {
        const QRect box = layoutBox(s.layout, frame.size()).translated(frame.topLeft());
        painter.save();
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt::DashLine));
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        painter.restore();
        paintMessage(painter, box, tr("Cannot show the picture: %1").arg(picture->problem));
        return;
    }
    // The picture was decoded at the size it is shown at on this screen, so
    // it is laid out in (device) preview pixels and painted unscaled; the
    // placement rule is the export's own.
    painter.save();
    painter.translate(frame.topLeft());
    painter.scale(double(frame.width()) / picture->frame.width(),
                  double(frame.height()) / picture->frame.height());
    paintScene(painter, picture->frame, s.layout, picture->image, QString());
    painter.restore();
}

void PreviewWidget::paintCaption(QPainter &painter, const QRect &frame, int scene)
{
    const Scene &s = m_project.scenes.at(scene);
    if (s.caption.trimmed().isEmpty())
        return;
    // Laid out in output pixels and scaled down, so lines wrap exactly where
    // the export wraps them.
    const QSize output = outputSizeOf(m_project);
    painter.save();
    painter.translate(frame.topLeft());
    painter.scale(double(frame.width()) / output.width(), double(frame.height()) / output.height());
    paintScene(painter, output, s.layout, QImage(), s.caption);
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
