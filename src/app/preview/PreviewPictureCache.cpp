#include "preview/PreviewPictureCache.h"

#include "core/Error.h"
#include "media/ImageLoader.h"
#include "render/SceneClip.h"

#include <QtConcurrent/QtConcurrentRun>

namespace reelsmith::editor {

PreviewPictureCache::PreviewPictureCache(QObject *parent) : QObject(parent)
{
    // One decode at a time: pictures are requested a scene or two ahead, and
    // the UI thread and the media player need the other core.
    m_pool.setMaxThreadCount(1);
}

PreviewPictureCache::~PreviewPictureCache()
{
    // Queued decodes are of no use any more; a running one is waited for by
    // the pool's destructor (it only touches its own values).
    m_pool.clear();
}

std::optional<PreviewPictureCache::Picture> PreviewPictureCache::picture(const Key &key,
                                                                         QSize frame)
{
    if (key.path.isEmpty())
        return std::nullopt;
    for (auto it = m_pictures.begin(); it != m_pictures.end(); ++it) {
        if (it->first == key) {
            m_pictures.splice(m_pictures.begin(), m_pictures, it);
            return m_pictures.front().second;
        }
    }
    request(key, frame);
    // While the exact size decodes (after a resize), the same picture at
    // another size stands in, scaled.
    for (const auto &[other, picture] : m_pictures) {
        if (other.path == key.path && other.fit == key.fit && !picture.image.isNull())
            return picture;
    }
    return std::nullopt;
}

void PreviewPictureCache::prefetch(const QList<Key> &keys, QSize frame)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (keys.contains(it.key())) {
            ++it;
        } else {
            it.value()->cancel(); // a queued decode is skipped; a running one finishes unheard
            it = m_pending.erase(it);
        }
    }
    for (const Key &key : keys)
        request(key, frame);
}

void PreviewPictureCache::clear()
{
    for (QFutureWatcher<Decoded> *watcher : std::as_const(m_pending))
        watcher->cancel();
    m_pending.clear();
    m_pictures.clear();
}

qint64 PreviewPictureCache::bytes() const
{
    qint64 total = 0;
    for (const auto &entry : m_pictures)
        total += entry.second.image.sizeInBytes();
    return total;
}

PreviewPictureCache::Decoded PreviewPictureCache::decode(const Key &key)
{
    try {
        return {ImageLoader::load(key.path, key.box, key.fit).image, {}};
    } catch (const Error &error) {
        // The render's own order: a picture first, else a video clip.
        if (SceneClip::isVideo(key.path))
            return {{}, {}, true};
        return {{}, error.message()};
    } catch (const std::exception &error) {
        return {{}, QString::fromLocal8Bit(error.what())};
    }
}

void PreviewPictureCache::request(const Key &key, QSize frame)
{
    if (key.path.isEmpty() || key.box.isEmpty() || m_pending.contains(key))
        return;
    for (const auto &entry : m_pictures) {
        if (entry.first == key)
            return;
    }
    auto *watcher = new QFutureWatcher<Decoded>(this);
    m_pending.insert(key, watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key, frame] {
        watcher->deleteLater();
        if (m_pending.value(key) != watcher)
            return; // dropped while it ran
        m_pending.remove(key);
        if (watcher->isCanceled())
            return;
        Decoded result = watcher->result();
        m_pictures.emplace_front(
            key, Picture{std::move(result.image), result.problem, frame, result.isVideo});
        trim();
        emit ready();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [key] { return decode(key); }));
}

void PreviewPictureCache::trim()
{
    qint64 total = 0;
    int count = 0;
    for (auto it = m_pictures.begin(); it != m_pictures.end();) {
        total += it->second.image.sizeInBytes();
        ++count;
        // The most recent entry always stays, however large.
        if (count > 1 && (count > kMaxPictures || total > kMaxBytes))
            it = m_pictures.erase(it);
        else
            ++it;
    }
}

} // namespace reelsmith::editor
