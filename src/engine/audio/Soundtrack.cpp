#include "audio/Soundtrack.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>

namespace reelsmith {

Soundtrack::Soundtrack(const QString &path, qint64 totalSamples)
    : m_path(path), m_total(std::max<qint64>(totalSamples, 0)),
      // One thread: audio decodes far faster than the video encodes. A file
      // that stops decoding midway is the user's to fix.
      m_input(path, AVMEDIA_TYPE_AUDIO, 1, ErrorKind::BadInput)
{
    // Half the video at most, so a very short video still starts at full volume.
    m_fadeLength = std::min<qint64>(qint64(kFadeSeconds * kSampleRate), m_total / 2);

    m_decoded = av::allocFrame();
    m_fifo.reset(av_audio_fifo_alloc(kSampleFormat, kChannels, 4096));
    if (!m_fifo)
        throwFailure(QStringLiteral("out of memory for an audio buffer"));

    while (av_audio_fifo_size(m_fifo.get()) == 0)
        if (!decodeMore())
            throwBadInput(QStringLiteral("%1: no audio could be decoded").arg(path));
}

Soundtrack::~Soundtrack()
{
    av_channel_layout_uninit(&m_inLayout);
}

qint64 Soundtrack::samplesBeforeFrame(qint64 frame, int fps)
{
    // Integer arithmetic: a three-hour video must not drift by a sample.
    return (2 * frame * kSampleRate + fps) / (2 * qint64(fps));
}

// Decodes one more frame into the FIFO; false once the file has nothing left.
bool Soundtrack::decodeMore()
{
    if (m_sourceEnded)
        return false;
    if (m_input.next(m_decoded.get())) {
        resample(m_decoded.get());
        av_frame_unref(m_decoded.get());
        return true;
    }
    resample(nullptr); // what the resampler still holds
    m_sourceEnded = true;
    return true;
}

void Soundtrack::configureResampler(const AVFrame *input)
{
    AVChannelLayout layout{};
    // Files that do not name their channels (some WAVs) get the usual layout for their count.
    if (input->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&layout, input->ch_layout.nb_channels);
    else
        av::check(av_channel_layout_copy(&layout, &input->ch_layout),
                  QStringLiteral("copying a channel layout"));
    const bool same = m_swr && input->sample_rate == m_inRate && input->format == m_inFormat &&
                      av_channel_layout_compare(&layout, &m_inLayout) == 0;
    if (same) {
        av_channel_layout_uninit(&layout);
        return;
    }
    if (m_swr)
        resample(nullptr); // keep the old resampler's tail before replacing it
    av_channel_layout_uninit(&m_inLayout);
    m_inLayout = layout;
    m_inRate = input->sample_rate;
    m_inFormat = input->format;

    AVChannelLayout stereo{};
    av_channel_layout_default(&stereo, kChannels);
    SwrContext *raw = nullptr;
    const int allocated =
        swr_alloc_set_opts2(&raw, &stereo, kSampleFormat, kSampleRate, &m_inLayout,
                            AVSampleFormat(m_inFormat), m_inRate, 0, nullptr);
    m_swr.reset(raw);
    av::check(allocated, QStringLiteral("%1: setting up the resampler for %2 Hz, %3 channels")
                             .arg(m_path)
                             .arg(m_inRate)
                             .arg(m_inLayout.nb_channels));
    av::check(swr_init(m_swr.get()),
              QStringLiteral("%1: starting the resampler for %2 Hz, %3 channels")
                  .arg(m_path)
                  .arg(m_inRate)
                  .arg(m_inLayout.nb_channels),
              ErrorKind::BadInput);
}

// Resamples `input` (nullptr: the resampler's delayed tail) into the FIFO.
void Soundtrack::resample(const AVFrame *input)
{
    if (input)
        configureResampler(input);
    if (!m_swr)
        return; // flushing before anything was decoded
    const int inSamples = input ? input->nb_samples : 0;
    const int capacity = av::check(swr_get_out_samples(m_swr.get(), inSamples),
                                   QStringLiteral("%1: sizing resampled audio").arg(m_path));
    uint8_t *out[kChannels];
    for (int c = 0; c < kChannels; ++c) {
        if (m_scratch[c].size() < size_t(capacity))
            m_scratch[c].resize(size_t(capacity));
        out[c] = reinterpret_cast<uint8_t *>(m_scratch[c].data());
    }
    const int produced =
        av::check(swr_convert(m_swr.get(), out, capacity,
                              input ? const_cast<const uint8_t **>(input->extended_data) : nullptr,
                              inSamples),
                  QStringLiteral("%1: resampling audio").arg(m_path));
    if (produced > 0)
        av::check(av_audio_fifo_write(m_fifo.get(), reinterpret_cast<void **>(out), produced),
                  QStringLiteral("buffering audio"));
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
    while (av_audio_fifo_size(m_fifo.get()) < wanted && decodeMore()) {
    }
    const bool trimmed = av_audio_fifo_size(m_fifo.get()) > remaining;

    const int got = av::check(
        av_audio_fifo_read(m_fifo.get(), reinterpret_cast<void **>(frame->extended_data), count),
        QStringLiteral("reading buffered audio"));
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
