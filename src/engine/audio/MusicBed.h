#pragma once

#include "audio/AudioReader.h"
#include "audio/DuckingEnvelope.h"
#include "project/SoundSettings.h"

#include <QString>

#include <vector>

namespace reelsmith {

// The project's music as the mixer hears it: looped while the video lasts
// (an equal-power crossfade of kLoopCrossfadeSeconds at each loop point, so a
// loop whose end and start do not meet never clicks), cut at the video's end,
// `volume_db`, `fade_in` from the start, `fade_out` ending at the video's
// end, and ducked under the voices by `ducking`. One decoder, read forward;
// the crossfade needs the last kLoopCrossfadeSeconds of each pass held back,
// nothing more.
class MusicBed
{
public:
    static constexpr double kLoopCrossfadeSeconds = 0.05;

    // Opens the file (BadInput naming it when it is not audio).
    MusicBed(const QString &path, const MusicSettings &settings, qint64 totalSamples,
             DuckingEnvelope ducking);

    // Adds the next `count` samples into `mix` (AudioReader::kChannels planes).
    void addTo(float *const *mix, int count);

    qint64 position() const { return m_position; }
    int loops() const { return m_loops; } // loop points passed so far

private:
    // The next `count` samples of the file looped, at unity gain, into m_plane.
    void readLooped(int count);
    void gainsFor(qint64 first, int count);

    AudioReader m_reader;
    MusicSettings m_settings;
    qint64 m_total = 0;
    qint64 m_position = 0;
    qint64 m_fadeIn = 0;  // samples
    qint64 m_fadeOut = 0; // samples
    int m_crossfade = 0;  // samples held back at the end of each pass
    DuckingEnvelope m_ducking;
    float m_volume = 1;
    int m_loops = 0;
    // The end of the last pass, faded out under the start of the next one.
    std::vector<float> m_tail[AudioReader::kChannels];
    int m_tailLength = 0;
    int m_tailPosition = 0;
    std::vector<float> m_plane[AudioReader::kChannels];
    std::vector<float> m_gain;
};

} // namespace reelsmith
