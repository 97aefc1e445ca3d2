#pragma once

#include "audio/AudioReader.h"
#include "media/Av.h"

#include <QString>

namespace reelsmith {

// Streams an audio file as the soundtrack of a video `totalSamples` long, in
// the shape the native AAC encoder takes (48 kHz stereo planar float, read
// through AudioReader), cut at the video's end with a short fade-out, or
// padded with silence when the file is shorter. Memory stays at a few
// packets' worth whatever the file's length. This is version 1's `audio`
// (no ducking, no loudness change); version 2 mixes through MixedSound.
class Soundtrack
{
public:
    static constexpr int kSampleRate = AudioReader::kSampleRate;
    static constexpr int kChannels = AudioReader::kChannels;
    static constexpr AVSampleFormat kSampleFormat = AudioReader::kSampleFormat;
    // Long enough not to click, short enough not to eat the last words.
    static constexpr double kFadeSeconds = 0.4;

    // Opens `path` and decodes its first samples, so a file that is missing,
    // not media, or without decodable audio fails here (BadInput naming it)
    // rather than halfway through an export.
    Soundtrack(const QString &path, qint64 totalSamples);
    Soundtrack(const Soundtrack &) = delete;
    Soundtrack &operator=(const Soundtrack &) = delete;

    // Samples from the start of the video to the start of frame `frame`,
    // rounded to the nearest sample.
    static qint64 samplesBeforeFrame(qint64 frame, int fps);

    const QString &path() const { return m_path; }
    qint64 totalSamples() const { return m_total; }
    qint64 samplesDelivered() const { return m_delivered; }
    int damagedPackets() const { return m_reader.damagedPackets(); }

    // Fills `frame` (kSampleFormat, kChannels, with buffers for
    // frame->nb_samples) with the next samples and sets nb_samples to how many
    // it wrote: fewer only at the soundtrack's end. Returns that number; 0
    // once totalSamples() have been delivered.
    int fill(AVFrame *frame);

private:
    void fadeOut(AVFrame *frame, qint64 firstSample) const;

    QString m_path;
    qint64 m_total = 0;
    qint64 m_delivered = 0;
    qint64 m_fadeLength = 0;
    AudioReader m_reader;
};

} // namespace reelsmith
