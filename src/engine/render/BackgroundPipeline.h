#pragma once

#include "media/Av.h"
#include "media/BackgroundReader.h"

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
    struct GiveBack
    {
        BackgroundPipeline *pipeline = nullptr;
        void operator()(AVFrame *frame) const { pipeline->giveBack(frame); }
    };

public:
    // A pool frame lent to the caller, who may draw on it and encode it; it
    // goes back to the pool when the lease ends. Must not outlive the pipeline.
    using Lease = std::unique_ptr<AVFrame, GiveBack>;

    // `timeOf(i)` gives the background time of output frame i, or a negative
    // number when frame i does not show the background (a fully covered scene).
    // `depth` frames are decoded ahead besides the one lent out.
    BackgroundPipeline(std::unique_ptr<BackgroundReader> reader, QSize size, qint64 frameCount,
                       std::function<double(qint64)> timeOf, int depth = 2);
    // A background that is one picture: `still` (YUV420P of `size`) copied
    // into every frame that shows the background.
    BackgroundPipeline(av::Frame still, QSize size, qint64 frameCount,
                       std::function<double(qint64)> timeOf, int depth = 2);
    ~BackgroundPipeline();
    BackgroundPipeline(const BackgroundPipeline &) = delete;
    BackgroundPipeline &operator=(const BackgroundPipeline &) = delete;

    // Lends the next background frame (in the order of the frames timeOf()
    // marks as showing it), of the output size in the reader's outputFormat(). Rethrows the
    // worker's error, if any.
    Lease takeNext();

private:
    void start(QSize size, AVPixelFormat format, int depth);
    void work();
    void giveBack(AVFrame *frame);

    std::unique_ptr<BackgroundReader> m_reader; // or
    av::Frame m_still;
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
