#include "audio/ClipSound.h"

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {

constexpr int kChannels = AudioReader::kChannels;

} // namespace

ClipSound::ClipSound(const MixClip &clip, DuckingEnvelope ducking)
    : m_reader(clip.path), m_clip(clip), m_ducking(std::move(ducking)),
      m_volume(float(std::pow(10.0, clip.volumeDb / 20.0)))
{
    startPass();
}

void ClipSound::startPass()
{
    if (m_passes > 0)
        m_reader.restart();
    ++m_passes;
    m_inPass = 0;
    // Decoded through rather than seeked: audio decodes at hundreds of times
    // real time, and a sample-exact start keeps the sound with the picture.
    qint64 drop = m_clip.offsetSamples;
    while (drop > 0 && m_reader.fillTo(1))
        drop -= m_reader.skip(int(std::min<qint64>(drop, 1 << 16)));
}

void ClipSound::read(int count)
{
    float *out[kChannels];
    for (int c = 0; c < kChannels; ++c) {
        if (m_plane[c].size() < size_t(count))
            m_plane[c].resize(size_t(count));
        out[c] = m_plane[c].data();
        std::fill(out[c], out[c] + count, 0.0f);
    }
    int done = 0;
    bool emptyPass = false;
    while (done < count && !m_stopped) {
        if (m_clip.passSamples > 0 && m_inPass >= m_clip.passSamples) {
            if (!m_clip.loop) {
                m_stopped = true;
                break;
            }
            startPass();
        }
        const qint64 left = m_clip.passSamples > 0 ? m_clip.passSamples - m_inPass : count;
        const int wanted = int(std::min<qint64>(count - done, left));
        float *at[kChannels] = {out[0] + done, out[1] + done};
        m_reader.fillTo(wanted);
        const int got = m_reader.read(at, wanted);
        if (got < wanted && m_clip.passSamples <= 0) {
            // No known length: the sound's own end is the pass's end.
            if (!m_clip.loop || (got == 0 && emptyPass)) {
                m_stopped = true; // or nothing decodes any more: silence, not a hang
                break;
            }
            emptyPass = got == 0;
            done += got;
            m_inPass = 0;
            startPass();
            continue;
        }
        // A sound track shorter than the picture is silent up to the pass's end.
        m_inPass += wanted;
        done += wanted;
    }
}

void ClipSound::addTo(float *const *mix, qint64 first, int count)
{
    const qint64 from = std::max(first, m_clip.startSample);
    const qint64 to = std::min(first + count, endSample());
    if (to <= from)
        return;
    const int n = int(to - from);
    const int offset = int(from - first);
    read(n);
    if (m_gain.size() < size_t(n))
        m_gain.resize(size_t(n));
    m_ducking.gains(from, m_gain.data(), n);
    for (int c = 0; c < kChannels; ++c)
        for (int i = 0; i < n; ++i)
            mix[c][offset + i] += m_plane[c][size_t(i)] * m_gain[size_t(i)] * m_volume;
}

} // namespace reelsmith
