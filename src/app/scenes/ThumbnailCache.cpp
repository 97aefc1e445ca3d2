#include "scenes/ThumbnailCache.h"

#include "core/Error.h"
#include "media/ImageLoader.h"
#include "media/VideoThumbnail.h"

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

ThumbnailCache::Made makeThumbnail(const QString &path, ThumbnailCache::Kind kind, QSize size)
{
    if (!QFileInfo::exists(path))
        return {{}, {State::Missing, {}}};
    try {
        if (kind == ThumbnailCache::Kind::Video)
            return {videoThumbnail(path, size, 1.0), {State::Ok, {}}};
        const LoadedImage loaded = ImageLoader::load(path, size, Fit::Contain);
        if (!loaded.warnings.isEmpty())
            return {loaded.image, {State::Damaged, withoutPath(loaded.warnings.first(), path)}};
        return {loaded.image, {State::Ok, {}}};
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

QImage ThumbnailCache::thumbnail(const QString &path, Kind kind)
{
    if (const auto it = m_done.constFind(path); it != m_done.cend())
        return it->image;
    if (path.isEmpty() || m_pending.contains(path))
        return {};
    m_pending.insert(path);
    auto *watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (!m_pending.remove(path))
            return; // invalidated meanwhile
        Made made = watcher->result();
        if (made.image.isNull())
            made.image = brokenTile();
        m_done.insert(path, made);
        emit ready(path);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, makeThumbnail, path, kind, m_size));
    return {};
}

ThumbnailCache::Check ThumbnailCache::check(const QString &path, Kind kind)
{
    if (const auto it = m_done.constFind(path); it != m_done.cend())
        return it->check;
    (void)thumbnail(path, kind);
    return {};
}

void ThumbnailCache::invalidate(const QString &path)
{
    m_done.remove(path);
    m_pending.remove(path);
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
