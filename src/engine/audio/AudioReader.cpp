#include "audio/AudioReader.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

namespace reelsmith {

AudioReader::AudioReader(const QString &path) : m_path(path)
{
    // One thread: audio decodes far faster than the video encodes. A file
    // that stops decoding midway is the user's to fix.
    m_input.emplace(path, AVMEDIA_TYPE_AUDIO, 1, ErrorKind::BadInput);
    m_decoded = av::allocFrame();
    m_fifo.reset(av_audio_fifo_alloc(kSampleFormat, kChannels, 4096));
    if (!m_fifo)
        throwFailure(QStringLiteral("out of memory for an audio buffer"));

    while (buffered() == 0)
        if (!decodeMore())
            throwBadInput(QStringLiteral("%1: no audio could be decoded").arg(path));
}

AudioReader::~AudioReader()
{
    av_channel_layout_uninit(&m_inLayout);
}

int AudioReader::buffered() const
{
    return av_audio_fifo_size(m_fifo.get());
}

int AudioReader::damagedPackets() const
{
    return m_damagedBefore + (m_input ? m_input->damaged() : 0);
}

bool AudioReader::fillTo(qint64 wanted)
{
    while (buffered() < wanted)
        if (!decodeMore())
            return false;
    return true;
}

int AudioReader::read(float *const *out, int count)
{
    if (count <= 0)
        return 0;
    return av::check(av_audio_fifo_read(
                         m_fifo.get(), reinterpret_cast<void **>(const_cast<float **>(out)), count),
                     QStringLiteral("reading buffered audio"));
}

int AudioReader::skip(int count)
{
    const int dropped = std::min(count, buffered());
    if (dropped > 0)
        av::check(av_audio_fifo_drain(m_fifo.get(), dropped),
                  QStringLiteral("dropping buffered audio"));
    return dropped;
}

void AudioReader::restart()
{
    // Reopened rather than seeked: a seek to 0 lands on a keyframe that some
    // formats place after the first samples, and a fresh decoder has no
    // state left from the end of the file.
    m_damagedBefore += m_input->damaged();
    m_input.reset();
    m_input.emplace(m_path, AVMEDIA_TYPE_AUDIO, 1, ErrorKind::BadInput);
    m_swr.reset();
    m_inRate = 0;
    m_inFormat = -1;
    av_channel_layout_uninit(&m_inLayout);
    av_audio_fifo_reset(m_fifo.get());
    m_sourceEnded = false;
}

// Decodes one more frame into the FIFO; false once the file has nothing left.
bool AudioReader::decodeMore()
{
    if (m_sourceEnded)
        return false;
    if (m_input->next(m_decoded.get())) {
        resample(m_decoded.get());
        av_frame_unref(m_decoded.get());
        return true;
    }
    resample(nullptr); // what the resampler still holds
    m_sourceEnded = true;
    return true;
}

void AudioReader::configureResampler(const AVFrame *input)
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
void AudioReader::resample(const AVFrame *input)
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

} // namespace reelsmith
