#include "audio/DuckingEnvelope.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace reelsmith {

namespace {

// 0 → 1 with zero slope at both ends.
double raisedCosine(double x)
{
    return 0.5 - 0.5 * std::cos(std::numbers::pi * std::clamp(x, 0.0, 1.0));
}

} // namespace

DuckingEnvelope::DuckingEnvelope(std::vector<Interval> speech, double duckDb, int sampleRate)
    : m_duckDb(duckDb), m_attack(qint64(std::llround(kAttackSeconds * sampleRate))),
      m_release(qint64(std::llround(kReleaseSeconds * sampleRate)))
{
    std::erase_if(speech, [](const Interval &i) { return i.end <= i.start; });
    std::sort(speech.begin(), speech.end(),
              [](const Interval &a, const Interval &b) { return a.start < b.start; });
    for (const Interval &i : speech) {
        // A gap the release and the next attack would overlap in stays ducked.
        if (!m_phrases.empty() && i.start - m_phrases.back().end < m_attack + m_release)
            m_phrases.back().end = std::max(m_phrases.back().end, i.end);
        else
            m_phrases.push_back(i);
    }
}

double DuckingEnvelope::gainDbAt(const Interval &phrase, qint64 at) const
{
    if (at < phrase.start - m_attack || at > phrase.end + m_release)
        return 0;
    if (at < phrase.start)
        return m_duckDb * raisedCosine(double(at - (phrase.start - m_attack)) / double(m_attack));
    if (at <= phrase.end)
        return m_duckDb;
    return m_duckDb * (1.0 - raisedCosine(double(at - phrase.end) / double(m_release)));
}

void DuckingEnvelope::gains(qint64 first, float *gain, int count)
{
    const float ducked = float(std::pow(10.0, m_duckDb / 20.0));
    if (m_cursor > 0 && m_cursor <= m_phrases.size() &&
        first <= m_phrases[m_cursor - 1].end + m_release)
        m_cursor = 0; // moved back in time
    int i = 0;
    while (i < count) {
        const qint64 at = first + i;
        while (m_cursor < m_phrases.size() && m_phrases[m_cursor].end + m_release < at)
            ++m_cursor;
        if (m_cursor == m_phrases.size()) {
            std::fill(gain + i, gain + count, 1.0f);
            return;
        }
        const Interval &phrase = m_phrases[m_cursor];
        const qint64 rampIn = phrase.start - m_attack;
        if (at < rampIn) { // before the phrase's attack: full level
            const int n = int(std::min<qint64>(count - i, rampIn - at));
            std::fill(gain + i, gain + i + n, 1.0f);
            i += n;
        } else if (at >= phrase.start && at <= phrase.end) { // speaking: fully ducked
            const int n = int(std::min<qint64>(count - i, phrase.end + 1 - at));
            std::fill(gain + i, gain + i + n, ducked);
            i += n;
        } else { // on a ramp
            gain[i] = float(std::pow(10.0, gainDbAt(phrase, at) / 20.0));
            ++i;
        }
    }
}

} // namespace reelsmith
