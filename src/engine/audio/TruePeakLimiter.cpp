#include "audio/TruePeakLimiter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace reelsmith {

namespace {

constexpr int kHalf = TruePeakLimiter::kTapsPerPhase / 2;

double sinc(double x)
{
    if (std::abs(x) < 1e-9)
        return 1;
    return std::sin(std::numbers::pi * x) / (std::numbers::pi * x);
}

} // namespace

TruePeakLimiter::TruePeakLimiter(double ceilingDb, int sampleRate)
    : m_ceiling(float(std::pow(10.0, ceilingDb / 20.0))),
      m_window(std::max(1, int(std::lround(kLookAheadSeconds * sampleRate))))
{
    // The detection point sits kHalf samples behind the newest input (half
    // the interpolator), and the gain for a sample is known m_window - 1
    // samples after it is detected.
    m_latency = kHalf + m_window - 1;

    // Phase p interpolates at p / kOversampling past history[kHalf - 1], from
    // a Hann-windowed sinc over the kTapsPerPhase nearest samples, normalised
    // so a constant passes unchanged.
    for (int p = 1; p < kOversampling; ++p) {
        const double at = kHalf - 1 + double(p) / kOversampling;
        double sum = 0;
        for (int k = 0; k < kTapsPerPhase; ++k) {
            const double d = k - at;
            const double w = 0.5 + 0.5 * std::cos(std::numbers::pi * d / (kHalf + 0.5));
            const double tap = sinc(d) * w;
            m_phases[size_t(p - 1)][size_t(k)] = float(tap);
            sum += tap;
        }
        double bound = 0;
        for (float &tap : m_phases[size_t(p - 1)]) {
            tap = float(tap / sum);
            bound += std::abs(tap);
        }
        m_tapBound = std::max(m_tapBound, float(bound));
    }
    for (int c = 0; c < kChannels; ++c) {
        m_history[c].assign(2 * kTapsPerPhase, 0.0f);
        m_delay[c].assign(size_t(std::max(m_latency, 1)), 0.0f);
    }
    m_heldWindow.assign(size_t(m_window), 1.0f);
    m_heldSum = m_window;
    m_release = float(1.0 - std::exp(-1.0 / (kReleaseSeconds * sampleRate)));
}

double TruePeakLimiter::inputPeakDb() const
{
    return m_maxPeak > 0 ? 20.0 * std::log10(double(m_maxPeak)) : -1000.0;
}

double TruePeakLimiter::maxReductionDb() const
{
    return 20.0 * std::log10(double(m_minGain));
}

// Takes one new input sample per channel; returns the true peak of the
// segment after the detection point (both channels, every phase).
float TruePeakLimiter::detect(const float *in)
{
    float peak = 0;
    for (int c = 0; c < kChannels; ++c) {
        float *history = m_history[c].data();
        history[m_historyAt] = in[c];
        history[m_historyAt + kTapsPerPhase] = in[c];
    }
    m_historyAt = (m_historyAt + 1) % kTapsPerPhase;
    for (int c = 0; c < kChannels; ++c) {
        const float *window = m_history[c].data() + m_historyAt; // oldest to newest
        float largest = 0;
        for (int k = 0; k < kTapsPerPhase; ++k)
            largest = std::max(largest, std::abs(window[k]));
        // Below the ceiling and below the peak so far whatever lies between
        // the samples: the exact value changes neither the gain nor the meter.
        if (largest * m_tapBound < std::min(m_ceiling, m_maxPeak)) {
            peak = std::max(peak, std::abs(window[kHalf]));
            continue;
        }
        for (const auto &taps : m_phases) {
            float v = 0;
            for (int k = 0; k < kTapsPerPhase; ++k)
                v += window[k] * taps[size_t(k)];
            peak = std::max(peak, std::abs(v));
        }
        peak = std::max(peak, std::abs(window[kHalf])); // the sample after the detection point
    }
    return peak;
}

void TruePeakLimiter::process(float *const *planes, int count)
{
    const int delayLength = int(m_delay[0].size());
    for (int i = 0; i < count; ++i) {
        const float in[kChannels] = {planes[0][i], planes[1][i]};
        // The detection point's peak: itself and the segments on either side.
        const float segment = detect(in);
        const float peak = std::max(segment, m_previousSegment);
        m_maxPeak = std::max(m_maxPeak, segment);
        m_previousSegment = segment;
        const float needed = peak > m_ceiling ? m_ceiling / peak : 1.0f;

        // The least gain any sample of the look-ahead window needs.
        while (!m_minQueue.empty() && m_minQueue.back().second >= needed)
            m_minQueue.pop_back();
        m_minQueue.emplace_back(m_detected, needed);
        while (m_minQueue.front().first <= m_detected - m_window)
            m_minQueue.pop_front();
        ++m_detected;
        const float windowMin = m_minQueue.front().second;

        // Down at once (the average below spreads it), back up gently.
        m_held = windowMin < m_held ? windowMin : m_held + (windowMin - m_held) * m_release;
        m_heldSum += double(m_held) - double(m_heldWindow[size_t(m_heldAt)]);
        m_heldWindow[size_t(m_heldAt)] = m_held;
        m_heldAt = (m_heldAt + 1) % m_window;
        const float gain = std::min(1.0f, float(m_heldSum / m_window));
        m_minGain = std::min(m_minGain, gain);

        for (int c = 0; c < kChannels; ++c) {
            float &slot = m_delay[c][size_t(m_delayAt)];
            const float delayed = slot;
            slot = in[c];
            planes[c][i] = delayed * gain;
        }
        m_delayAt = (m_delayAt + 1) % delayLength;
    }
}

} // namespace reelsmith
