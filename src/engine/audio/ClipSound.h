#pragma once

#include "audio/AudioReader.h"
#include "audio/DuckingEnvelope.h"
#include "audio/MixPlan.h"

#include <vector>

namespace reelsmith {

// A clip scene's sound as the mixer hears it (MixClip): one decoder, read
// forward from clip.start; at the end of a pass it restarts (loop) or gives
// silence (freeze), so the sound follows what the picture does. Open only
// while its scene plays.
class ClipSound
{
public:
    // Opens the file and decodes up to clip.start (BadInput naming it when
    // it has no sound).
    ClipSound(const MixClip &clip, DuckingEnvelope ducking);

    // Adds the samples of the video's [first, first + count) that fall in the
    // scene into `mix` (AudioReader::kChannels planes). Calls move forward.
    void addTo(float *const *mix, qint64 first, int count);

    qint64 endSample() const { return m_clip.startSample + m_clip.lengthSamples; }
    int passes() const { return m_passes; }

private:
    void startPass();
    // The next `count` samples of the clip at unity gain into m_plane.
    void read(int count);

    AudioReader m_reader;
    MixClip m_clip;
    DuckingEnvelope m_ducking;
    float m_volume = 1;
    qint64 m_inPass = 0; // samples of the current pass already given
    int m_passes = 0;
    bool m_stopped = false; // a frozen clip past its end
    std::vector<float> m_plane[AudioReader::kChannels];
    std::vector<float> m_gain;
};

} // namespace reelsmith
