#pragma once

#include "audio/MixPlan.h"
#include "core/Job.h"

#include <QList>
#include <QString>

namespace reelsmith {

// Where a recorded voice speaks, for the music's ducking: an energy gate over
// the whole file in one audio-only pass (no buffers beyond a window).
// Windows of 10 ms whose RMS (both channels) is above kThresholdDb count as
// speech; pauses shorter than kBridgeSeconds are bridged (the closure between
// syllables and words), and blips shorter than kMinSpeechSeconds (a click, a
// breath) are dropped. The threshold is absolute: a recording's noise floor
// sits near −60 dBFS, quiet speech at −35 dBFS RMS and more.
class SpeechGate
{
public:
    static constexpr double kWindowSeconds = 0.01;
    static constexpr double kThresholdDb = -45.0;
    static constexpr double kBridgeSeconds = 0.1;
    static constexpr double kMinSpeechSeconds = 0.05;

    // Decodes `path` (BadInput naming it when it is not audio).
    static QList<SpeechSpan> find(const QString &path, const CancelFn &cancel = {});
};

} // namespace reelsmith
