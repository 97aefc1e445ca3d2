#include "audio/Soundtrack.h"

#include <algorithm>

namespace reelsmith {

Soundtrack::Soundtrack(const QString &path, qint64 totalSamples)
    : m_path(path), m_total(std::max<qint64>(totalSamples, 0)), m_reader(path)
{
    // Half the video at most, so a very short video still starts at full volume.
    m_fadeLength = std::min<qint64>(qint64(kFadeSeconds * kSampleRate), m_total / 2);
}

qint64 Soundtrack::samplesBeforeFrame(qint64 frame, int fps)
{
    // Integer arithmetic: a three-hour video must not drift by a sample.
    return (2 * frame * kSampleRate + fps) / (2 * qint64(fps));
}

int Soundtrack::fill(AVFrame *frame)
{
    if (frame->format != kSampleFormat || frame->ch_layout.nb_channels != kChannels)
        throwFailure(QStringLiteral("the soundtrack was given a frame in the wrong format"));
    const qint64 remaining = m_total - m_delivered;
    const int count = int(std::min<qint64>(frame->nb_samples, remaining));
    frame->nb_samples = std::max(count, 0);
    if (count <= 0)
        return 0;

    const qint64 end = m_delivered + count;
    const qint64 fadeStart = m_total - m_fadeLength;
    // Whether to fade depends on whether the file goes on past the video's
    // end, so near the end read ahead one sample beyond it (at most the fade
    // length plus a frame).
    const qint64 wanted = end > fadeStart ? remaining + 1 : count;
    m_reader.fillTo(wanted);
    const bool trimmed = m_reader.buffered() > remaining;

    const int got = m_reader.read(reinterpret_cast<float *const *>(frame->extended_data), count);
    for (int c = 0; c < kChannels; ++c) {
        float *samples = reinterpret_cast<float *>(frame->extended_data[c]);
        std::fill(samples + got, samples + count, 0.0f); // a short file ends in silence
    }
    if (trimmed && end > fadeStart)
        fadeOut(frame, m_delivered);
    m_delivered = end;
    return count;
}

// A linear ramp to silence over the last m_fadeLength samples of the video.
void Soundtrack::fadeOut(AVFrame *frame, qint64 firstSample) const
{
    const qint64 fadeStart = m_total - m_fadeLength;
    for (int i = 0; i < frame->nb_samples; ++i) {
        const qint64 at = firstSample + i;
        if (at < fadeStart)
            continue;
        const float gain = float(m_total - at) / float(m_fadeLength);
        for (int c = 0; c < kChannels; ++c)
            reinterpret_cast<float *>(frame->extended_data[c])[i] *= gain;
    }
}

} // namespace reelsmith
