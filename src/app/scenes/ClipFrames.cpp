#include "scenes/ClipFrames.h"

#include "core/Error.h"
#include "scenes/SceneMedia.h"

#include <QtConcurrent>

namespace reelsmith::editor {

ClipFrames::ClipFrames(QSize box, QObject *parent) : QObject(parent), m_box(box)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        const Request done = *std::exchange(m_running, std::nullopt);
        const Result result = m_watcher.result();
        if (result.error.isEmpty())
            emit frameReady(done.path, done.seconds, result.frame);
        else
            emit failed(done.path, result.error);
        startNext();
    });
}

ClipFrames::~ClipFrames()
{
    m_next.reset();
    m_watcher.waitForFinished();
}

void ClipFrames::request(const QString &path, double seconds)
{
    m_next = Request{path, seconds};
    if (!m_running)
        startNext();
}

void ClipFrames::startNext()
{
    if (!m_next || m_running)
        return;
    m_running = std::exchange(m_next, std::nullopt);
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [request = *m_running, box = m_box]() -> Result {
        try {
            return {clipFrame(request.path, request.seconds, box), {}};
        } catch (const Error &e) {
            return {{}, e.message()};
        }
    }));
}

} // namespace reelsmith::editor
