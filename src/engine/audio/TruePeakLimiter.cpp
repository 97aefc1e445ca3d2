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
        m_input[size_t(c)].assign(size_t(kTapsPerPhase - 1 + kChunk), 0.0f);
        m_delay[c].assign(size_t(std::max(m_latency, 1)), 0.0f);
    }
    // Before the oldest leaves, the queue holds up to m_window + 1 entries;
    // one slot more keeps a full ring from looking empty.
    m_minAt.assign(size_t(m_window + 2), 0);
    m_minGain.assign(size_t(m_window + 2), 1.0f);
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
    return 20.0 * std::log10(double(m_deepest));
}

// The window of the detection point j is m_input[c][j .. j + kTapsPerPhase),
// oldest to newest; the point lies between its samples kHalf - 1 and kHalf.
void TruePeakLimiter::detectChunk()
{
    constexpr int kSpan = kTapsPerPhase - 1 + kChunk;
    float largest = 0;
    for (const auto &input : m_input)
        for (int i = 0; i < kSpan; ++i)
            largest = std::max(largest, std::abs(input[size_t(i)]));
    m_segments.fill(0.0f);
    // Below the ceiling and below the peak so far whatever lies between the
    // samples: the exact values change neither the gain nor the meter.
    const bool quiet = largest * m_tapBound < std::min(m_ceiling, m_maxPeak);
    for (const auto &input : m_input) {
        const float *x = input.data();
        for (int j = 0; j < kChunk; ++j)
            m_segments[size_t(j)] = std::max(m_segments[size_t(j)], std::abs(x[j + kHalf]));
        if (quiet)
            continue;
        for (const auto &taps : m_phases) {
            std::array<float, kChunk> y{};
            for (int k = 0; k < kTapsPerPhase; ++k) {
                const float tap = taps[size_t(k)];
                for (int j = 0; j < kChunk; ++j)
                    y[size_t(j)] += x[j + k] * tap;
            }
            for (int j = 0; j < kChunk; ++j)
                m_segments[size_t(j)] = std::max(m_segments[size_t(j)], std::abs(y[size_t(j)]));
        }
    }
}

void TruePeakLimiter::process(float *const *planes, int count)
{
    const int delayLength = int(m_delay[0].size());
    const int ring = int(m_minAt.size());
    const double perWindow = 1.0 / m_window;
    constexpr int kKept = kTapsPerPhase - 1;
    for (int at = 0; at < count; at += kChunk) {
        const int n = std::min(kChunk, count - at);
        for (int c = 0; c < kChannels; ++c) {
            float *input = m_input[size_t(c)].data();
            std::copy(planes[c] + at, planes[c] + at + n, input + kKept);
            std::fill(input + kKept + n, input + kKept + kChunk, 0.0f);
        }
        detectChunk();
        for (int i = 0; i < n; ++i) {
            // The detection point's peak: itself and the segments on either side.
            const float segment = m_segments[size_t(i)];
            const float peak = std::max(segment, m_previousSegment);
            m_maxPeak = std::max(m_maxPeak, segment);
            m_previousSegment = segment;
            const float needed = peak > m_ceiling ? m_ceiling / peak : 1.0f;

            // The least gain any sample of the look-ahead window needs.
            while (m_minBack != m_minFront &&
                   m_minGain[size_t((m_minBack + ring - 1) % ring)] >= needed)
                m_minBack = (m_minBack + ring - 1) % ring;
            m_minAt[size_t(m_minBack)] = m_detected;
            m_minGain[size_t(m_minBack)] = needed;
            m_minBack = (m_minBack + 1) % ring;
            while (m_minAt[size_t(m_minFront)] <= m_detected - m_window)
                m_minFront = (m_minFront + 1) % ring;
            ++m_detected;
            const float windowMin = m_minGain[size_t(m_minFront)];

            // Down at once (the average below spreads it), back up gently.
            m_held = windowMin < m_held ? windowMin : m_held + (windowMin - m_held) * m_release;
            m_heldSum += double(m_held) - double(m_heldWindow[size_t(m_heldAt)]);
            m_heldWindow[size_t(m_heldAt)] = m_held;
            m_heldAt = m_heldAt + 1 == m_window ? 0 : m_heldAt + 1;
            const float gain = std::min(1.0f, float(m_heldSum * perWindow));
            m_deepest = std::min(m_deepest, gain);

            for (int c = 0; c < kChannels; ++c) {
                float &slot = m_delay[c][size_t(m_delayAt)];
                const float delayed = slot;
                slot = planes[c][at + i];
                planes[c][at + i] = delayed * gain;
            }
            m_delayAt = m_delayAt + 1 == delayLength ? 0 : m_delayAt + 1;
        }
        // The last kKept inputs lead the next chunk.
        for (auto &input : m_input)
            std::copy(input.begin() + n, input.begin() + n + kKept, input.begin());
    }
}

} // namespace reelsmith
