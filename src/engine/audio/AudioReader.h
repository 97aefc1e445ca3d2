#pragma once

#include "media/Av.h"
#include "media/StreamDecoder.h"

#include <QString>

#include <optional>
#include <vector>

namespace reelsmith {

// One audio file streamed as 48 kHz stereo planar float: read packet by
// packet, resampled by libswresample into a small FIFO that the caller reads
// from. Memory stays at a few packets' worth whatever the file's length.
// restart() goes back to the file's first sample (for music that loops).
class AudioReader
{
public:
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 2;
    static constexpr AVSampleFormat kSampleFormat = AV_SAMPLE_FMT_FLTP;

    // Opens `path` (av::openInput) and decodes its first samples, so a file
    // that is missing, not media, or without decodable audio fails here
    // (BadInput naming it) rather than halfway through a render.
    explicit AudioReader(const QString &path);
    ~AudioReader();
    AudioReader(const AudioReader &) = delete;
    AudioReader &operator=(const AudioReader &) = delete;

    const QString &path() const { return m_path; }

    // Decodes until at least `wanted` samples are buffered or the file has
    // nothing left; returns whether `wanted` are there.
    bool fillTo(qint64 wanted);
    int buffered() const;
    // True once the whole file has been decoded into the buffer: what is
    // buffered is all that is left.
    bool sourceEnded() const { return m_sourceEnded; }
    // buffered() == 0 and nothing left to decode.
    bool finished() const { return m_sourceEnded && buffered() == 0; }

    // Moves up to `count` buffered samples into `out` (kChannels planes);
    // returns how many. Call fillTo() first.
    int read(float *const *out, int count);
    // Drops up to `count` buffered samples; returns how many.
    int skip(int count);

    // Starts again from the file's first sample; what was buffered is dropped.
    void restart();

    int damagedPackets() const;

private:
    bool decodeMore();
    void resample(const AVFrame *input);
    void configureResampler(const AVFrame *input);

    QString m_path;
    std::optional<StreamDecoder> m_input;
    int m_damagedBefore = 0; // in decoders replaced by restart()
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
