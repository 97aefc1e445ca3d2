#include "scenes/ThumbnailCache.h"

#include "core/Error.h"
#include "media/ImageLoader.h"
#include "media/VideoThumbnail.h"

#include <QFutureWatcher>
#include <QPainter>
#include <QtConcurrent>

namespace reelsmith::editor {

namespace {

QImage makeThumbnail(const QString &path, ThumbnailCache::Kind kind, QSize size)
{
    try {
        if (kind == ThumbnailCache::Kind::Video)
            return videoThumbnail(path, size, 1.0);
        return ImageLoader::load(path, size, Fit::Contain).image;
    } catch (const Error &) {
        return {};
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
        return *it;
    if (path.isEmpty() || m_pending.contains(path))
        return {};
    m_pending.insert(path);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (!m_pending.remove(path))
            return; // invalidated meanwhile
        const QImage image = watcher->result();
        m_done.insert(path, image.isNull() ? brokenTile() : image);
        emit ready(path);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, makeThumbnail, path, kind, m_size));
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
