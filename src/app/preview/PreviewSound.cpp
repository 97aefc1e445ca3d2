#include "preview/PreviewSound.h"

#include "audio/MixedSound.h"
#include "core/Error.h"
#include "render/SceneVoices.h"

#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace reelsmith::editor {

namespace {
constexpr int kRate = MixedSound::kSampleRate;
constexpr int kChannels = MixedSound::kChannels;
// What the worker keeps ready: enough to ride out a busy UI thread, small
// enough that a stop is heard at once and memory stays at 384 KB.
constexpr int kReadySamples = kRate / 2;
constexpr int kBlock = 1024; // samples the worker mixes at a time

// An invalid clock is a stopped one.
double elapsedSeconds(const QElapsedTimer &clock)
{
    return clock.isValid() ? double(clock.nsecsElapsed()) / 1e9 : 0.0;
}
} // namespace

// The mix on its way to the sink: a ring of interleaved float samples that
// the worker fills (blocking while it is full) and the sink reads.
class MixStream : public QIODevice
{
public:
    MixStream() : m_ring(size_t(kReadySamples) * kChannels) { open(QIODevice::ReadOnly); }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        std::lock_guard lock(m_mutex);
        return qint64(m_count) * qint64(sizeof(float)) + QIODevice::bytesAvailable();
    }

    // Worker side. Returns false once stopped.
    bool push(const float *interleaved, size_t values)
    {
        std::unique_lock lock(m_mutex);
        while (values > 0) {
            m_space.wait(lock, [&] { return m_stopped || m_count < m_ring.size(); });
            if (m_stopped)
                return false;
            const size_t n = std::min(values, m_ring.size() - m_count);
            for (size_t i = 0; i < n; ++i)
                m_ring[(m_head + m_count + i) % m_ring.size()] = interleaved[i];
            m_count += n;
            interleaved += n;
            values -= n;
        }
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_space.notify_all();
    }
    bool stopped() const
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }
    // Reader side: drops `samples` (per channel) of what is ready, to catch
    // up with the clock; returns how many it could.
    qint64 drop(qint64 samples)
    {
        std::lock_guard lock(m_mutex);
        const size_t n = std::min(size_t(std::max<qint64>(samples, 0)) * kChannels, m_count);
        m_head = (m_head + n) % m_ring.size();
        m_count -= n;
        m_space.notify_all();
        return qint64(n / kChannels);
    }
    bool atEnd() const override
    {
        std::lock_guard lock(m_mutex);
        return m_finished && m_count == 0;
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        std::lock_guard lock(m_mutex);
        // Whole frames only, so the channels never swap.
        const size_t frames =
            std::min(size_t(maxSize) / (sizeof(float) * kChannels), m_count / kChannels);
        const size_t n = frames * kChannels;
        auto *out = reinterpret_cast<float *>(data);
        for (size_t i = 0; i < n; ++i)
            out[i] = m_ring[(m_head + i) % m_ring.size()];
        m_head = (m_head + n) % m_ring.size();
        m_count -= n;
        m_space.notify_all();
        return qint64(n * sizeof(float));
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_space;
    std::vector<float> m_ring;
    size_t m_head = 0;
    size_t m_count = 0;
    bool m_finished = false;
    bool m_stopped = false;
};

PreviewSound::PreviewSound(QObject *parent) : QObject(parent) {}

PreviewSound::~PreviewSound()
{
    stop();
}

QIODevice *PreviewSound::stream() const
{
    return m_stream.get();
}

void PreviewSound::play(double seconds, const QElapsedTimer &clock, bool playThroughDevice)
{
    stop();
    m_clock = clock;
    m_clockOrigin = seconds;
    m_playThroughDevice = playThroughDevice;
    auto stream = std::make_shared<MixStream>();
    m_stream = stream;
    // The worker gets its own copies: the project may change while it runs.
    m_worker = QThread::create([this, stream, project = m_project, seconds, clock]() mutable {
        const CancelFn cancel = [&stream] { return stream->stopped(); };
        const auto report = [this, &stream](const QString &message) {
            QMetaObject::invokeMethod(
                this,
                [this, stream, message] {
                    if (stream == m_stream)
                        emit failed(message);
                },
                Qt::QueuedConnection);
        };
        try {
            const SceneVoices voices = findSceneVoices(project, cancel);
            project.resolveAutoDurations(
                [&voices](int scene) { return voices[scene] ? voices[scene]->seconds : 0.0; });
            const SceneClipSounds clips = findSceneClipSounds(project, cancel);
            MixedSound mix(mixPlan(project, voices, clips), cancel);
            mix.prepare(cancel);

            std::vector<float> planes[kChannels];
            float *out[kChannels];
            for (int c = 0; c < kChannels; ++c) {
                planes[c].resize(kBlock);
                out[c] = planes[c].data();
            }
            // Skip to where the clock is by now (what preparing took
            // included): mixing is far faster than real time, so a second
            // look finds it moved on only by the skipping itself.
            qint64 target = 0;
            for (int look = 0; look < 2; ++look) {
                target = std::llround((seconds + elapsedSeconds(clock)) * kRate);
                while (mix.samplesDelivered() < target && !stream->stopped())
                    if (mix.fill(out, int(std::min<qint64>(kBlock,
                                                           target - mix.samplesDelivered()))) == 0)
                        break;
            }
            const double start = double(mix.samplesDelivered()) / kRate;
            QMetaObject::invokeMethod(
                this,
                [this, stream, start, gain = mix.appliedGainDb()] {
                    if (stream == m_stream)
                        onReady(start, gain);
                },
                Qt::QueuedConnection);

            std::vector<float> interleaved(size_t(kBlock) * kChannels);
            for (;;) {
                const int n = mix.fill(out, kBlock);
                if (n == 0)
                    break;
                for (int i = 0; i < n; ++i)
                    for (int c = 0; c < kChannels; ++c)
                        interleaved[size_t(i) * kChannels + size_t(c)] = out[c][i];
                if (!stream->push(interleaved.data(), size_t(n) * kChannels))
                    return;
            }
            stream->finish();
        } catch (const Error &e) {
            if (e.kind() != ErrorKind::Cancelled)
                report(e.message());
        } catch (const std::exception &e) {
            report(QString::fromLocal8Bit(e.what()));
        }
    });
    m_worker->setObjectName(QStringLiteral("preview sound"));
    m_worker->start();
}

void PreviewSound::onReady(double seconds, double gainDb)
{
    m_streamStart = seconds;
    m_gainDb = gainDb;
    if (m_playThroughDevice)
        startSink();
    emit ready(seconds);
}

void PreviewSound::startSink()
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull())
        return; // nothing to play through: the picture plays on, silent
    QAudioFormat format;
    format.setSampleRate(kRate);
    format.setChannelCount(kChannels);
    format.setSampleFormat(QAudioFormat::Float);
    if (!device.isFormatSupported(format))
        return;
    // The clock has moved on since the worker skipped to `m_streamStart`:
    // what it passed is dropped, so the first sample played is the clock's.
    const double now = m_clockOrigin + elapsedSeconds(m_clock);
    const qint64 late = std::llround((now - m_streamStart) * kRate);
    m_streamStart += double(m_stream->drop(late)) / kRate;
    m_sink = new QAudioSink(device, format, this);
    m_sink->start(m_stream.get());
}

void PreviewSound::stop()
{
    if (m_sink) {
        m_sink->stop();
        delete m_sink;
        m_sink = nullptr;
    }
    if (m_stream)
        m_stream->stop();
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_stream.reset();
}

} // namespace reelsmith::editor
