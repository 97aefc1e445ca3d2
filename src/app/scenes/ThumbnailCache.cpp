#include "scenes/ThumbnailCache.h"

#include "core/Error.h"
#include "media/ImageLoader.h"
#include "media/VideoThumbnail.h"
#include "render/SceneClip.h"
#include "scenes/SceneMedia.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPainter>
#include <QtConcurrent>

namespace reelsmith::editor {

namespace {

using State = ThumbnailCache::Check::State;

// The engine's messages start with the path; the list shows that already.
QString withoutPath(const QString &message, const QString &path)
{
    const QString prefix = path + QStringLiteral(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}

ThumbnailCache::Made makeThumbnail(const QString &path, ThumbnailCache::Kind kind, double seconds,
                                   QSize size)
{
    if (!QFileInfo::exists(path))
        return {{}, {State::Missing, {}}};
    try {
        if (kind == ThumbnailCache::Kind::Video)
            return {videoThumbnail(path, size, 1.0), {State::Ok, {}}};
        try {
            const LoadedImage loaded = ImageLoader::load(path, size, Fit::Contain);
            if (!loaded.warnings.isEmpty())
                return {loaded.image, {State::Damaged, withoutPath(loaded.warnings.first(), path)}};
            return {loaded.image, {State::Ok, {}}};
        } catch (const Error &) {
            // Not a picture: a clip scene when the engine's probe says so
            // (the render's order); otherwise the picture reader's words.
            if (!SceneClip::isVideo(path))
                throw;
        }
        return {clipFrame(path, seconds, size), {State::Ok, {}}};
    } catch (const Error &error) {
        return {{}, {State::Broken, withoutPath(error.message(), path)}};
    }
}

} // namespace

ThumbnailCache::ThumbnailCache(QSize size, QObject *parent) : QObject(parent), m_size(size)
{
    // Thumbnails must not compete with an export for the CPU.
    m_pool.setMaxThreadCount(1);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailCache::Request::key() const
{
    // A picture, a background and a clip's first frame are known by their path.
    if (kind == Kind::Video || seconds == 0)
        return path;
    return path + QChar(0x1f) + QString::number(seconds, 'g', 17);
}

QImage ThumbnailCache::thumbnail(const QString &path, Kind kind, double seconds)
{
    const Request request{path, kind, seconds};
    const QString key = request.key();
    if (const auto it = m_done.constFind(key); it != m_done.cend())
        return it->image;
    if (path.isEmpty())
        return {};
    if (!m_pending.contains(key)) {
        if (m_runningKey.contains(path))
            m_waiting.insert(path, request); // replaces an older waiting one
        else
            start(request);
    }
    return m_latest.value(path);
}

void ThumbnailCache::start(const Request &request)
{
    const QString key = request.key();
    m_pending.insert(key);
    m_runningKey.insert(request.path, key);
    auto *watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher, request, key] {
        watcher->deleteLater();
        const QString &path = request.path;
        m_runningKey.remove(path);
        const bool wanted = m_pending.remove(key); // not invalidated meanwhile
        if (wanted) {
            Made made = watcher->result();
            if (made.image.isNull())
                made.image = brokenTile();
            m_done.insert(key, made);
            m_latest.insert(path, made.image);
        }
        if (const auto next = m_waiting.constFind(path); next != m_waiting.cend()) {
            const Request waiting = *next;
            m_waiting.erase(next);
            if (!m_done.contains(waiting.key()))
                start(waiting);
        }
        if (wanted)
            emit ready(path);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, makeThumbnail, request.path, request.kind,
                                         request.seconds, m_size));
}

ThumbnailCache::Check ThumbnailCache::check(const QString &path, Kind kind, double seconds)
{
    if (const auto it = m_done.constFind(Request{path, kind, seconds}.key()); it != m_done.cend())
        return it->check;
    (void)thumbnail(path, kind, seconds);
    return {};
}

void ThumbnailCache::invalidate(const QString &path)
{
    const QString prefix = path + QChar(0x1f);
    const auto ofPath = [&](const QString &key) { return key == path || key.startsWith(prefix); };
    m_done.removeIf([&](QHash<QString, Made>::iterator it) { return ofPath(it.key()); });
    m_pending.removeIf([&](const QString &key) { return ofPath(key); });
    m_waiting.remove(path);
    m_latest.remove(path);
}

void ThumbnailCache::waitForIdle()
{
    m_pool.waitForDone();
}

QImage ThumbnailCache::brokenTile() const
{
    QImage tile(m_size, QImage::Format_ARGB32_Premultiplied);
    tile.fill(QColor(60, 60, 60));
    QPainter painter(&tile);
    painter.setPen(QPen(QColor(220, 70, 70), 3));
    const QRect box = tile.rect().adjusted(8, 8, -8, -8);
    painter.drawLine(box.topLeft(), box.bottomRight());
    painter.drawLine(box.topRight(), box.bottomLeft());
    return tile;
}

} // namespace reelsmith::editor
