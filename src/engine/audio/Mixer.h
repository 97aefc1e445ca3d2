#pragma once

#include "audio/AudioReader.h"
#include "audio/ClipSound.h"
#include "audio/DuckingEnvelope.h"
#include "audio/MixPlan.h"
#include "audio/MusicBed.h"

#include <memory>
#include <optional>
#include <vector>

namespace reelsmith {

// Sums every sound of a render into 48 kHz stereo float, block by block, from
// the start of the video: each voice from its start sample at unity gain, and
// the music bed (looped, faded, ducked), and clip scenes' own sound
// (ducked like the music, open only while their scene plays). A voice's file is opened only when
// the block reaching its start is mixed and closed when it has been played,
// so a video of 200 narrated scenes holds one or two decoders at a time, not
// 200. Past the video's end it gives silence.
class Mixer
{
public:
    // The plan's files are assumed openable (MixedSound checks them first);
    // `ducking` is the music's envelope under the voices.
    Mixer(const MixPlan &plan, const DuckingEnvelope &ducking);
    ~Mixer();
    Mixer(const Mixer &) = delete;
    Mixer &operator=(const Mixer &) = delete;

    // Writes the next `count` samples into `out` (AudioReader::kChannels planes).
    void mix(float *const *out, int count);

    qint64 position() const { return m_position; }
    int openVoices() const { return int(m_active.size()); }
    int peakOpenVoices() const { return m_peakOpen; }

private:
    struct ActiveVoice
    {
        std::unique_ptr<AudioReader> reader;
        qint64 startSample = 0;
        QString key;
    };

    void openVoicesStartingBefore(qint64 end);
    void openClipsStartingBefore(qint64 end);

    qint64 m_total = 0;
    qint64 m_position = 0;
    QList<MixVoice> m_voices; // by start sample
    qsizetype m_nextVoice = 0;
    std::vector<ActiveVoice> m_active;
    int m_peakOpen = 0;
    QList<MixClip> m_clips; // by start sample
    qsizetype m_nextClip = 0;
    std::vector<std::unique_ptr<ClipSound>> m_activeClips;
    DuckingEnvelope m_ducking;
    std::optional<MusicBed> m_music;
    std::vector<float> m_scratch[AudioReader::kChannels];
};

} // namespace reelsmith
