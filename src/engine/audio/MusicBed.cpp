#include "audio/MusicBed.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace reelsmith {

namespace {

constexpr int kChannels = AudioReader::kChannels;

// 0 → 1 with zero slope at both ends: a fade that starts and lands softly.
float smooth(double x)
{
    return float(0.5 - 0.5 * std::cos(std::numbers::pi * std::clamp(x, 0.0, 1.0)));
}

} // namespace

MusicBed::MusicBed(const QString &path, const MusicSettings &settings, qint64 totalSamples,
                   DuckingEnvelope ducking)
    : m_reader(path), m_settings(settings), m_total(std::max<qint64>(totalSamples, 0)),
      m_ducking(std::move(ducking)), m_volume(float(std::pow(10.0, settings.volumeDb / 20.0)))
{
    constexpr int rate = AudioReader::kSampleRate;
    m_fadeIn = qint64(std::llround(std::max(0.0, settings.fadeIn) * rate));
    m_fadeOut = qint64(std::llround(std::max(0.0, settings.fadeOut) * rate));
    if (m_fadeIn + m_fadeOut > m_total && m_fadeIn + m_fadeOut > 0) {
        // Fades longer than the video share it in their proportion.
        const double scale = double(m_total) / double(m_fadeIn + m_fadeOut);
        m_fadeIn = qint64(double(m_fadeIn) * scale);
        m_fadeOut = m_total - m_fadeIn;
    }
    // A very short file (a beat, a drone) crossfades over a quarter of itself at most.
    m_crossfade = int(kLoopCrossfadeSeconds * rate);
    if (!m_reader.fillTo(4 * qint64(m_crossfade)))
        m_crossfade = m_reader.buffered() / 4;
    for (int c = 0; c < kChannels; ++c)
        m_tail[c].resize(size_t(m_crossfade));
}

void MusicBed::readLooped(int count)
{
    float *out[kChannels];
    for (int c = 0; c < kChannels; ++c) {
        if (m_plane[c].size() < size_t(count))
            m_plane[c].resize(size_t(count));
        out[c] = m_plane[c].data();
    }
    int done = 0;
    bool restartedEmpty = false;
    while (done < count) {
        float *at[kChannels] = {out[0] + done, out[1] + done};
        if (m_tailPosition < m_tailLength) {
            // Just past a loop point: the new pass fades in under the old one's end.
            const int n = std::min(count - done, m_tailLength - m_tailPosition);
            m_reader.fillTo(n);
            const int got = m_reader.read(at, n);
            for (int i = 0; i < n; ++i) {
                const double w = (double(m_tailPosition + i) + 0.5) / m_tailLength;
                const float in = float(std::sin(w * std::numbers::pi / 2));
                const float outGain = float(std::cos(w * std::numbers::pi / 2));
                for (int c = 0; c < kChannels; ++c) {
                    const float head = i < got ? at[c][i] : 0.0f;
                    at[c][i] = head * in + m_tail[c][size_t(m_tailPosition + i)] * outGain;
                }
            }
            m_tailPosition += n;
            done += n;
            continue;
        }
        const int wanted = count - done;
        m_reader.fillTo(qint64(wanted) + m_crossfade);
        const int available =
            m_reader.sourceEnded() ? m_reader.buffered() - m_crossfade : m_reader.buffered();
        if (available > 0) {
            const int n = std::min(wanted, available);
            done += m_reader.read(at, n);
            continue;
        }
        // The loop point: hold the pass's last samples back for the crossfade.
        float *tail[kChannels] = {m_tail[0].data(), m_tail[1].data()};
        m_tailLength = m_reader.read(tail, m_reader.buffered());
        m_tailPosition = 0;
        m_reader.restart();
        ++m_loops;
        if (m_tailLength == 0 && !m_reader.fillTo(1)) {
            if (restartedEmpty) { // decodes nothing any more: silence, not a hang
                for (int c = 0; c < kChannels; ++c)
                    std::fill(at[c], at[c] + wanted, 0.0f);
                return;
            }
            restartedEmpty = true;
        }
    }
}

void MusicBed::gainsFor(qint64 first, int count)
{
    if (m_gain.size() < size_t(count))
        m_gain.resize(size_t(count));
    m_ducking.gains(first, m_gain.data(), count);
    for (int i = 0; i < count; ++i) {
        const qint64 at = first + i;
        float g = m_volume;
        if (at < m_fadeIn)
            g *= smooth(double(at) / double(m_fadeIn));
        if (at >= m_total - m_fadeOut)
            g *= smooth(double(m_total - at) / double(m_fadeOut));
        m_gain[size_t(i)] *= g;
    }
}

void MusicBed::addTo(float *const *mix, int count)
{
    // Nothing past the video's end: the music is trimmed there.
    const int n = int(std::clamp<qint64>(m_total - m_position, 0, count));
    if (n > 0) {
        readLooped(n);
        gainsFor(m_position, n);
        for (int c = 0; c < kChannels; ++c)
            for (int i = 0; i < n; ++i)
                mix[c][i] += m_plane[c][size_t(i)] * m_gain[size_t(i)];
    }
    m_position += count;
}

} // namespace reelsmith
