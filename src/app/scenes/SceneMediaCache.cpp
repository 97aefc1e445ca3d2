#include "scenes/SceneMediaCache.h"

#include "core/Error.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace reelsmith::editor {

SceneMediaCache::SceneMediaCache(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

SceneMediaCache::~SceneMediaCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

std::optional<SceneMediaFacts> SceneMediaCache::facts(const QString &path)
{
    if (const auto it = m_done.constFind(path); it != m_done.cend())
        return it->facts;
    if (path.isEmpty() || m_pending.contains(path))
        return std::nullopt;
    m_pending.insert(path);
    auto *watcher = new QFutureWatcher<Probed>(this);
    connect(watcher, &QFutureWatcher<Probed>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (!m_pending.remove(path))
            return; // invalidated meanwhile
        m_done.insert(path, watcher->result());
        emit ready(path);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path]() -> Probed {
        try {
            return {probeSceneMedia(path), {}};
        } catch (const Error &e) {
            return {std::nullopt, e.message()};
        }
    }));
    return std::nullopt;
}

QString SceneMediaCache::problem(const QString &path) const
{
    return m_done.value(path).problem;
}

void SceneMediaCache::invalidate(const QString &path)
{
    m_done.remove(path);
    m_pending.remove(path);
}

void SceneMediaCache::waitForIdle()
{
    m_pool.waitForDone();
}

} // namespace reelsmith::editor
