#include "audio/Mixer.h"

#include "core/ErrorContext.h"

#include <algorithm>

namespace reelsmith {

namespace {

constexpr int kChannels = AudioReader::kChannels;

} // namespace

Mixer::Mixer(const MixPlan &plan, const DuckingEnvelope &ducking)
    : m_total(std::max<qint64>(plan.totalSamples, 0)), m_voices(plan.voices), m_clips(plan.clips),
      m_ducking(ducking)
{
    std::stable_sort(m_clips.begin(), m_clips.end(), [](const MixClip &a, const MixClip &b) {
        return a.startSample < b.startSample;
    });
    std::stable_sort(m_voices.begin(), m_voices.end(), [](const MixVoice &a, const MixVoice &b) {
        return a.startSample < b.startSample;
    });
    if (plan.music)
        withKey(plan.music->key,
                [&] { m_music.emplace(plan.music->path, plan.music->settings, m_total, ducking); });
}

Mixer::~Mixer() = default;

void Mixer::openVoicesStartingBefore(qint64 end)
{
    while (m_nextVoice < m_voices.size() && m_voices[m_nextVoice].startSample < end) {
        const MixVoice &voice = m_voices[m_nextVoice++];
        if (voice.startSample >= m_total)
            continue; // after the video's end: never heard
        ActiveVoice active;
        active.reader =
            withKey(voice.key, [&] { return std::make_unique<AudioReader>(voice.path); });
        active.startSample = std::max<qint64>(voice.startSample, 0);
        active.key = voice.key;
        // A voice that starts before the video (not expected) is heard from the video's start.
        if (voice.startSample < 0)
            withKey(voice.key, [&] {
                qint64 drop = -voice.startSample;
                while (drop > 0 && active.reader->fillTo(1))
                    drop -= active.reader->skip(int(std::min<qint64>(drop, 1 << 16)));
            });
        m_active.push_back(std::move(active));
    }
    m_peakOpen = std::max(m_peakOpen, int(m_active.size()));
}

void Mixer::openClipsStartingBefore(qint64 end)
{
    while (m_nextClip < m_clips.size() && m_clips[m_nextClip].startSample < end) {
        const MixClip &clip = m_clips[m_nextClip++];
        if (clip.startSample >= m_total || clip.lengthSamples <= 0)
            continue;
        m_activeClips.push_back(
            withKey(clip.key, [&] { return std::make_unique<ClipSound>(clip, m_ducking); }));
    }
}

void Mixer::mix(float *const *out, int count)
{
    for (int c = 0; c < kChannels; ++c)
        std::fill(out[c], out[c] + count, 0.0f);
    const qint64 first = m_position;
    const qint64 end = std::min(first + count, m_total);
    if (end > first) {
        openVoicesStartingBefore(end);
        for (int c = 0; c < kChannels; ++c)
            if (m_scratch[c].size() < size_t(count))
                m_scratch[c].resize(size_t(count));
        float *scratch[kChannels] = {m_scratch[0].data(), m_scratch[1].data()};
        for (ActiveVoice &voice : m_active) {
            const int offset = int(std::max<qint64>(voice.startSample - first, 0));
            const int wanted = int(end - first) - offset;
            if (wanted <= 0)
                continue;
            const int got = withKey(voice.key, [&] {
                voice.reader->fillTo(wanted);
                return voice.reader->read(scratch, wanted);
            });
            for (int c = 0; c < kChannels; ++c)
                for (int i = 0; i < got; ++i)
                    out[c][offset + i] += scratch[c][i];
        }
        // A voice that has played to its end, or reached the video's end, closes now.
        std::erase_if(m_active, [end, this](const ActiveVoice &v) {
            return v.reader->finished() || end >= m_total;
        });
        openClipsStartingBefore(end);
        for (auto &clip : m_activeClips)
            clip->addTo(out, first, int(end - first));
        std::erase_if(m_activeClips, [end](const auto &c) { return end >= c->endSample(); });
        if (m_music)
            m_music->addTo(out, int(end - first));
    }
    m_position += count;
}

} // namespace reelsmith
