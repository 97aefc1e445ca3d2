#include "preview/PreviewBackground.h"

#include "core/Error.h"
#include "core/Geometry.h"
#include "media/BackgroundReader.h"
#include "media/ImageLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QMediaPlayer>
#include <QTransform>
#include <QUrl>
#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace reelsmith::editor {

namespace {

// While playing, the background follows the clock loosely: re-seeking a
// decoder is visible, so small drifts are tolerated.
constexpr qint64 kMaxDriftMs = 250;
constexpr qint64 kResyncCooldownMs = 1000;
// A seek has landed when a frame within this distance of its target arrives.
constexpr qint64 kSeekLandedMs = 200;
constexpr int kSeekGuardMs = 400;

// The messages are the preview's, and translated under its name.
QString cannotPlay(const QString &path)
{
    return QCoreApplication::translate("reelsmith::editor::PreviewWidget",
                                       "Cannot play the background %1")
        .arg(QDir::toNativeSeparators(path));
}

QString cannotPlay(const QString &path, const QString &why)
{
    return QCoreApplication::translate("reelsmith::editor::PreviewWidget",
                                       "Cannot play the background %1: %2")
        .arg(QDir::toNativeSeparators(path), why);
}

} // namespace

PreviewBackground::PreviewBackground(ClipTime clipTime, PaintedSize paintedSize, QObject *parent)
    : QObject(parent), m_clipTime(std::move(clipTime)), m_paintedSize(std::move(paintedSize)),
      m_player(new QMediaPlayer(this)), m_sink(new QVideoSink(this))
{
    m_seekIssuer.setSingleShot(true);
    m_seekIssuer.setInterval(0);
    connect(&m_seekIssuer, &QTimer::timeout, this, &PreviewBackground::issueSeek);
    m_seekGuard.setSingleShot(true);
    m_seekGuard.setInterval(kSeekGuardMs);
    connect(&m_seekGuard, &QTimer::timeout, this, &PreviewBackground::finishSeek);

    // No audio output: a background's own sound is never used.
    m_player->setVideoOutput(m_sink);
    m_player->setLoops(QMediaPlayer::Infinite);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &PreviewBackground::onVideoFrame);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PreviewBackground::onMediaStatus);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PreviewBackground::onPlayerDuration);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString &text) {
                if (error != QMediaPlayer::NoError)
                    setProblem(cannotPlay(m_path, text));
            });
}

PreviewBackground::~PreviewBackground()
{
    // The player and sink are children and would outlive this object's own
    // members, still sending frames and status to it; they go first.
    m_player->disconnect(this);
    m_sink->disconnect(this);
    delete m_player;
    delete m_sink;
}

void PreviewBackground::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit problemChanged();
}

// ---------------------------------------------------------------------------
// Clip

void PreviewBackground::setClip(const QString &path, bool still)
{
    setProblem(QString());
    if (path == m_path && !path.isEmpty())
        return;
    unloadClip();
    m_path = path;
    emit frameChanged();
    if (path.isEmpty())
        return;
    // A picture is shown still, as the export shows it: no player. It is
    // decoded on the pool.
    m_still = still;
    if (m_still) {
        const QSize box = m_paintedSize().isEmpty() ? QSize(720, 1280) : m_paintedSize();
        auto *watcher = new QFutureWatcher<std::pair<QImage, QString>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
            watcher->deleteLater();
            const auto [image, problem] = watcher->result();
            if (path != m_path)
                return; // another background since
            if (!problem.isEmpty()) {
                setProblem(problem);
                return;
            }
            m_stillImage = image;
            m_frameImageValid = false;
            m_hasFrame = true;
            emit frameChanged();
        });
        watcher->setFuture(QtConcurrent::run([path, box]() -> std::pair<QImage, QString> {
            try {
                return {ImageLoader::load(path, box, Fit::Cover).image, QString()};
            } catch (const Error &error) {
                return {QImage(), error.message()};
            } catch (const std::exception &error) {
                return {QImage(), QString::fromLocal8Bit(error.what())};
            }
        }));
        return;
    }
    // The loop length and rotation come from the export's own reader (headers
    // only), so the preview wraps exactly where the video will. It runs on the
    // shared pool: it is brief, and touches only its own values.
    m_factsPending = true;
    auto *watcher = new QFutureWatcher<Facts>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onFacts(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Facts {
        Facts facts;
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
}

void PreviewBackground::unloadClip()
{
    releasePlayer();
    m_path.clear();
    m_loopMs = 0;
    m_playerDurationMs = 0;
    m_rotation = 0;
    m_storedSize = QSize();
    m_factsPending = false;
    m_frame = QVideoFrame();
    m_frameImage = QImage();
    m_frameImageValid = false;
    m_heldFrame = QImage();
    m_hasFrame = false;
    m_still = false;
    m_stillImage = QImage();
}

void PreviewBackground::releasePlayer()
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

void PreviewBackground::onFacts(const Facts &facts)
{
    if (facts.path != m_path)
        return; // the clip changed while it was read
    m_factsPending = false;
    if (!facts.problem.isEmpty()) {
        setProblem(facts.problem);
    } else {
        m_loopMs = facts.loopMs;
        m_rotation = facts.rotation;
        m_storedSize = facts.storedSize;
        m_frameImageValid = false; // the rotation may turn it
        emit frameChanged();
        syncPlayer(true);
    }
    unloadIfIdle();
}

void PreviewBackground::onPlayerDuration(qint64 ms)
{
    if (ms <= 0 || ms == m_playerDurationMs)
        return;
    m_playerDurationMs = ms;
    syncPlayer(true);
}

void PreviewBackground::onMediaStatus()
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
        if (m_problem.isEmpty())
            setProblem(cannotPlay(m_path));
        break;
    default:
        break;
    }
}

// ---------------------------------------------------------------------------
// Suspension

bool PreviewBackground::isLoaded() const
{
    return !m_player->source().isEmpty();
}

void PreviewBackground::setSuspended(bool suspended)
{
    m_suspended = suspended;
    m_unloadWanted = suspended;
    if (m_still)
        return; // no player to unload
    if (suspended)
        unloadIfIdle();
    else if (!isLoaded() && !m_path.isEmpty())
        reload(); // ready to play at once again; the held frame stays until replaced
}

void PreviewBackground::unloadIfIdle()
{
    // Only once the frame for the clock's position is shown (and the clip's
    // facts are in, which could turn it): that frame is what stays.
    if (!m_unloadWanted || m_playing || !isLoaded() || m_factsPending || m_seekWanted ||
        m_seekInFlight >= 0 || m_player->mediaStatus() == QMediaPlayer::LoadingMedia)
        return;
    const QSize size = m_paintedSize();
    if (const QImage &image = converted(size); !image.isNull()) {
        // No larger than painted: a clip's full-size frame is many times the
        // preview's.
        m_heldFrame = image;
        if (m_heldFrame.width() > size.width())
            m_heldFrame = m_heldFrame.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    // The frame shares GStreamer's buffer, which would keep it alive.
    m_frame = QVideoFrame();
    m_frameImage = QImage();
    m_frameImageValid = false;
    releasePlayer();
    m_sink->setVideoFrame(QVideoFrame());
    emit frameChanged();
}

void PreviewBackground::reload()
{
    // Wanted for play or seek: it stays loaded until suspended again.
    m_unloadWanted = false;
    m_awaitingReloadedFrame = !m_heldFrame.isNull();
    m_player->setSource(QUrl::fromLocalFile(m_path));
    if (m_playing)
        m_player->play();
    else
        m_player->pause();
}

// ---------------------------------------------------------------------------
// Following the clock

qint64 PreviewBackground::targetMs() const
{
    qint64 ms = std::llround(m_clipTime() * 1000.0);
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

bool PreviewBackground::isNearInClip(qint64 a, qint64 b) const
{
    const qint64 apart = std::abs(a - b);
    return apart <= kSeekLandedMs || (loopMs() > 0 && std::abs(apart - loopMs()) <= kSeekLandedMs);
}

void PreviewBackground::sync(bool playing)
{
    m_playing = playing;
    syncPlayer(true);
}

void PreviewBackground::syncPlayer(bool force)
{
    if (m_path.isEmpty() || m_still)
        return;
    if (!isLoaded()) {
        reload(); // suspended: LoadedMedia syncs again
        return;
    }
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    if (status == QMediaPlayer::NoMedia || status == QMediaPlayer::LoadingMedia ||
        status == QMediaPlayer::InvalidMedia)
        return; // LoadedMedia syncs again
    if (m_playing) {
        if (m_player->playbackState() != QMediaPlayer::PlayingState)
            m_player->play();
        if (!force) {
            if (m_lastResync.isValid() && m_lastResync.elapsed() < kResyncCooldownMs)
                return;
            qint64 drift = m_player->position() - targetMs();
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
    requestSeek();
}

void PreviewBackground::requestSeek()
{
    m_seekWanted = true;
    if (m_seekInFlight < 0)
        m_seekIssuer.start();
}

void PreviewBackground::issueSeek()
{
    if (!m_seekWanted || m_seekInFlight >= 0 || m_path.isEmpty())
        return;
    m_seekWanted = false;
    // The target is taken now, not when it was asked for: while playing the
    // clock has moved on since.
    const qint64 target = targetMs();
    if (!m_playing && target == m_player->position()) {
        unloadIfIdle();
        return; // already there; GStreamer would not send a new frame
    }
    m_seekInFlight = target;
    m_seekLandsOnAnyFrame = false;
    m_seekGuard.start();
    m_player->setPosition(target);
    if (m_playing)
        m_lastResync.start();
}

void PreviewBackground::finishSeek()
{
    m_seekInFlight = -1;
    m_seekLandsOnAnyFrame = false;
    m_seekGuard.stop();
    m_awaitingReloadedFrame = false; // whatever comes next is the best there is
    if (m_seekWanted)
        m_seekIssuer.start();
    else
        unloadIfIdle();
}

// ---------------------------------------------------------------------------
// Frames

void PreviewBackground::onVideoFrame(const QVideoFrame &frame)
{
    // Stopping or switching clips sends an empty frame: keep the last picture
    // rather than flashing black.
    if (!frame.isValid() || m_path.isEmpty())
        return;
    const qint64 startMs = frame.startTime() >= 0 ? frame.startTime() / 1000 : -1;
    // A reloaded player starts at the clip's beginning: the held frame stays
    // until one for the clock's position comes.
    if (!m_awaitingReloadedFrame || startMs < 0 || isNearInClip(startMs, targetMs())) {
        m_awaitingReloadedFrame = false;
        m_frame = frame;
        m_frameImageValid = false;
        m_heldFrame = QImage();
        m_hasFrame = true;
        emit frameChanged();
    }
    // Frames already queued before the seek may still arrive; only one near
    // the target says the seek is done. Without timestamps, any will do.
    if (m_seekInFlight >= 0 &&
        (m_seekLandsOnAnyFrame || startMs < 0 || isNearInClip(startMs, m_seekInFlight)))
        finishSeek();
}

QImage PreviewBackground::frame()
{
    if (m_still) {
        // Loaded covering the painted size of its time; scaled once when
        // the widget is resized since.
        const QSize size = m_paintedSize();
        if (m_stillImage.isNull() || size.isEmpty() || m_stillImage.size() == size)
            return m_stillImage;
        if (!m_frameImageValid || m_frameImageSize != size) {
            m_frameImage =
                m_stillImage.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            m_frameImageSize = size;
            m_frameImageValid = true;
        }
        return m_frameImage;
    }
    if (!m_heldFrame.isNull())
        return m_heldFrame;
    return converted(m_paintedSize());
}

const QImage &PreviewBackground::converted(QSize size)
{
    if (m_frameImageValid && size == m_frameImageSize)
        return m_frameImage;
    m_frameImage = QImage();
    m_frameImageSize = size;
    m_frameImageValid = true;
    if (!m_frame.isValid() || size.isEmpty())
        return m_frameImage;
    // The export turns clips upright by their display matrix; Qt 6.4's
    // frames come as stored. Frames a backend already turned have the
    // upright size and are left alone.
    const QSize stored = m_frame.size();
    const bool turn = m_rotation != 0 && stored == m_storedSize;
    const bool sideways = turn && (m_rotation == 90 || m_rotation == 270);
    // Converted straight to the size it is painted at (never larger than the
    // clip): a 1080x1920 frame is shown in a few hundred pixels.
    const QSize upright = sideways ? stored.transposed() : stored;
    // Cover, as the export frames the background (core/Geometry).
    const QSize crop = coverSourceRect(upright, size).size();
    const double factor = crop.isEmpty()
                              ? 1.0
                              : std::min(1.0, std::max(double(size.width()) / crop.width(),
                                                       double(size.height()) / crop.height()));
    const QSize target(std::max(2, int(std::lround(stored.width() * factor))),
                       std::max(2, int(std::lround(stored.height() * factor))));
    QImage image = m_frameConverter.convert(m_frame, target);
    if (image.isNull())
        return m_frameImage;
    if (turn)
        image = image.transformed(QTransform().rotate(m_rotation));
    // Cropped once here rather than at every paint.
    const QRect visible = coverSourceRect(image.size(), size);
    m_frameImage = visible == image.rect() ? image : image.copy(visible);
    return m_frameImage;
}

} // namespace reelsmith::editor
