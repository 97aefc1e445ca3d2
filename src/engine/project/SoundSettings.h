#pragma once

#include <QString>

namespace reelsmith {

// How a narration is spoken: the project's `voice` object, or a scene's
// override of it (SPEC: project file version 2).
struct VoiceSettings
{
    static constexpr double kMinRate = 0.5;
    static constexpr double kMaxRate = 2.0;
    static constexpr double kMinPitch = 0.5;
    static constexpr double kMaxPitch = 2.0;

    QString name;       // one of `reelsmith-cli voices`; empty: the default voice
    double rate = 1.0;  // 1 = the voice's natural speed
    double pitch = 1.0; // 1 = the voice's natural pitch

    bool operator==(const VoiceSettings &) const = default;
};

// Music under the whole video: the project's `music` object.
struct MusicSettings
{
    static constexpr double kMinVolumeDb = -60.0;
    static constexpr double kMaxVolumeDb = 12.0;
    static constexpr double kMinDuckDb = -40.0;
    static constexpr double kMaxDuckDb = 0.0;
    static constexpr double kMaxFadeSeconds = 30.0;

    QString file; // as written in the project (relative to its folder)
    // A music bed under a voice sits well below it; the loudness pass then
    // brings the whole mix to the target.
    double volumeDb = -16.0;
    double duckDb = -12.0; // how far it drops while a voice speaks
    double fadeIn = 0.5;   // seconds
    double fadeOut = 1.5;  // seconds, ending at the video's end

    bool operator==(const MusicSettings &) const = default;
};

// Integrated loudness of the final mix (EBU R128), and its true-peak ceiling.
struct LoudnessTarget
{
    static constexpr double kMinLufs = -30.0;
    static constexpr double kMaxLufs = -8.0;
    static constexpr double kDefaultLufs = -14.0; // what the platforms normalise to
    static constexpr double kTruePeakCeilingDb = -1.0;
};

} // namespace reelsmith
