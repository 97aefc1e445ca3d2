#pragma once

#include "Av.h"
#include "BackgroundReader.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace reelsmith {

// Runs a BackgroundReader on a worker thread a few frames ahead of the
// encoder, so decoding and scaling the background overlap with compositing
// and encoding instead of taking turns on one core. A fixed pool of
// output-sized frames bounds the memory, whatever the video's length.
class BackgroundPipeline
{
public:
    // `timeOf(i)` gives the background time of output frame i, or a negative
    // number when frame i does not show the background (a fully covered scene).
    BackgroundPipeline(std::unique_ptr<BackgroundReader> reader, QSize size, qint64 frameCount,
                       std::function<double(qint64)> timeOf, int depth = 2);
    ~BackgroundPipeline();
    BackgroundPipeline(const BackgroundPipeline &) = delete;
    BackgroundPipeline &operator=(const BackgroundPipeline &) = delete;

    // Copies the next background frame (in the order of the frames timeOf()
    // marks as showing it) into `dst`. Rethrows the worker's error, if any.
    void takeNext(AVFrame *dst);

private:
    void work();

    std::unique_ptr<BackgroundReader> m_reader;
    qint64 m_frameCount;
    std::function<double(qint64)> m_timeOf;
    std::vector<av::Frame> m_pool;
    std::vector<AVFrame *> m_free;
    std::deque<AVFrame *> m_ready;
    std::exception_ptr m_error;
    bool m_finished = false; // the worker produced everything it will
    bool m_stop = false;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace reelsmith
