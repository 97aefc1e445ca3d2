#include "render/BackgroundPipeline.h"

#include "core/Error.h"

namespace reelsmith {

BackgroundPipeline::BackgroundPipeline(std::unique_ptr<BackgroundReader> reader, QSize size,
                                       qint64 frameCount, std::function<double(qint64)> timeOf,
                                       int depth)
    : m_reader(std::move(reader)), m_frameCount(frameCount), m_timeOf(std::move(timeOf))
{
    start(size, m_reader->outputFormat(), depth);
}

BackgroundPipeline::BackgroundPipeline(av::Frame still, QSize size, qint64 frameCount,
                                       std::function<double(qint64)> timeOf, int depth)
    : m_still(std::move(still)), m_frameCount(frameCount), m_timeOf(std::move(timeOf))
{
    start(size, AVPixelFormat(m_still->format), depth);
}

void BackgroundPipeline::start(QSize size, AVPixelFormat format, int depth)
{
    // One more than `depth`: the frame lent out (being drawn on and encoded)
    // should not stall the worker.
    for (int i = 0; i < std::max(1, depth) + 1; ++i) {
        m_pool.push_back(av::allocVideoFrame(size.width(), size.height(), format));
        m_free.push_back(m_pool.back().get());
    }
    m_thread = std::thread([this] { work(); });
}

BackgroundPipeline::~BackgroundPipeline()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void BackgroundPipeline::work()
{
    try {
        for (qint64 i = 0; i < m_frameCount; ++i) {
            const double t = m_timeOf(i);
            if (t < 0)
                continue;
            AVFrame *frame = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
                if (m_stop)
                    return;
                frame = m_free.back();
                m_free.pop_back();
            }
            // The encoder a lent frame went to may still reference its buffers
            // (libx264 copies the picture inside avcodec_send_frame and lets go,
            // but an encoder may keep it for later): never draw into them.
            av::check(av_frame_make_writable(frame),
                      QStringLiteral("making a background frame writable"));
            if (m_reader)
                m_reader->frameAt(t, frame);
            else
                av::check(av_frame_copy(frame, m_still.get()),
                          QStringLiteral("copying the background picture"));
            {
                std::lock_guard lock(m_mutex);
                m_ready.push_back(frame);
            }
            m_changed.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
    }
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_changed.notify_all();
}

BackgroundPipeline::Lease BackgroundPipeline::takeNext()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_finished; });
    if (m_ready.empty()) {
        if (m_error)
            std::rethrow_exception(m_error);
        throwFailure(QStringLiteral("the background ran out of frames"));
    }
    AVFrame *frame = m_ready.front();
    m_ready.pop_front();
    return Lease(frame, GiveBack{this});
}

void BackgroundPipeline::giveBack(AVFrame *frame)
{
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(frame);
    }
    m_changed.notify_all();
}

} // namespace reelsmith
