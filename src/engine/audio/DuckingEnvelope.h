#pragma once

#include <QList>

#include <vector>

namespace reelsmith {

// The music's gain under the voices, computed from where the voices speak
// rather than detected: it reaches `duckDb` kAttack before a phrase's first
// word, holds while it lasts and comes back over kRelease after it. Pauses
// too short for a release and a new attack stay ducked, so the music does not
// pump between sentences. Ramps are raised cosines in dB (12 dB over 80 ms
// moves at most 0.006 dB a sample: no click).
class DuckingEnvelope
{
public:
    static constexpr double kAttackSeconds = 0.08;
    static constexpr double kReleaseSeconds = 0.3;

    struct Interval
    {
        qint64 start = 0; // samples on the video's timeline
        qint64 end = 0;
    };

    DuckingEnvelope() = default;
    // `speech` in any order and overlapping; `sampleRate` for the ramp lengths.
    DuckingEnvelope(std::vector<Interval> speech, double duckDb, int sampleRate);

    // Linear gain factors of the samples [first, first + count) into `gain`.
    // Calls must move forward in time (a cursor walks the phrases), which is
    // how the mixer pulls; an earlier `first` starts the walk again.
    void gains(qint64 first, float *gain, int count);

    // The phrases after merging (start of speech, end of speech): for tests
    // and messages.
    const std::vector<Interval> &phrases() const { return m_phrases; }

private:
    double gainDbAt(const Interval &phrase, qint64 at) const;

    std::vector<Interval> m_phrases;
    double m_duckDb = 0;
    qint64 m_attack = 0;
    qint64 m_release = 0;
    size_t m_cursor = 0; // first phrase whose release has not ended before the last call
};

} // namespace reelsmith
