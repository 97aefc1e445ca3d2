#pragma once

#include "media/Av.h"
#include "media/StreamDecoder.h"

extern "C" {
#include <libavutil/audio_fifo.h>
}

#include <QString>

#include <memory>
#include <vector>

namespace reelsmith {

// Streams an audio file as the soundtrack of a video `totalSamples` long, in
// the shape the native AAC encoder takes (48 kHz stereo planar float): read
// packet by packet, resampled by libswresample into a small FIFO, cut at the
// video's end with a short fade-out, or padded with silence when the file is
// shorter. Memory stays at a few packets' worth whatever the file's length.
class Soundtrack
{
public:
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 2;
    static constexpr AVSampleFormat kSampleFormat = AV_SAMPLE_FMT_FLTP;
    // Long enough not to click, short enough not to eat the last words.
    static constexpr double kFadeSeconds = 0.4;

    // Opens `path` and decodes its first samples, so a file that is missing,
    // not media, or without decodable audio fails here (BadInput naming it)
    // rather than halfway through an export.
    Soundtrack(const QString &path, qint64 totalSamples);
    ~Soundtrack();
    Soundtrack(const Soundtrack &) = delete;
    Soundtrack &operator=(const Soundtrack &) = delete;

    // Samples from the start of the video to the start of frame `frame`,
    // rounded to the nearest sample.
    static qint64 samplesBeforeFrame(qint64 frame, int fps);

    const QString &path() const { return m_path; }
    qint64 totalSamples() const { return m_total; }
    qint64 samplesDelivered() const { return m_delivered; }
    int damagedPackets() const { return m_input.damaged(); }

    // Fills `frame` (kSampleFormat, kChannels, with buffers for
    // frame->nb_samples) with the next samples and sets nb_samples to how many
    // it wrote: fewer only at the soundtrack's end. Returns that number; 0
    // once totalSamples() have been delivered.
    int fill(AVFrame *frame);

private:
    bool decodeMore();
    void resample(const AVFrame *input);
    void configureResampler(const AVFrame *input);
    void fadeOut(AVFrame *frame, qint64 firstSample) const;

    QString m_path;
    qint64 m_total = 0;
    qint64 m_delivered = 0;
    qint64 m_fadeLength = 0;
    StreamDecoder m_input;
    av::Frame m_decoded;
    av::Swr m_swr;
    av::AudioFifo m_fifo;
    std::vector<float> m_scratch[kChannels]; // resampler output before it enters the FIFO
    // What the resampler was set up for; a stream may change it midway.
    int m_inRate = 0;
    int m_inFormat = -1;
    AVChannelLayout m_inLayout{};
    bool m_sourceEnded = false;
};

} // namespace reelsmith
