#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace reelsmith {

// A look-ahead limiter that keeps the true peak (the peak of the waveform
// between samples, as a DAC or a codec's decoder rebuilds it) at or below a
// ceiling, in place on planar stereo float, delayed by latency() samples.
//
// Detection oversamples 4x with a 48-tap windowed-sinc interpolator (the
// length of ITU-R BS.1770-4's true-peak filter), so the peaks it sees are
// those a true-peak meter sees. For each sample the gain it needs is the
// ceiling over the larger of its own peak and the peaks on either side of it;
// the applied gain is the minimum of that over a kLookAheadSeconds window,
// held and released over kReleaseSeconds, then averaged over the same window.
// The average of a window minimum can never exceed the need of the sample it
// lands on, so no peak passes, and the gain moves in ramps of at least
// kLookAheadSeconds: no click, no distortion products from instant steps.
//
// Detection runs over chunks of kChunk samples, phase by phase and tap by
// tap, loops the compiler turns into vector instructions; the gain is then
// worked out sample by sample.
class TruePeakLimiter
{
public:
    static constexpr int kChannels = 2;
    static constexpr int kOversampling = 4;
    static constexpr int kTapsPerPhase = 12;
    static constexpr double kLookAheadSeconds = 0.003;
    static constexpr double kReleaseSeconds = 0.05;
    static constexpr int kChunk = 64;

    TruePeakLimiter(double ceilingDb, int sampleRate);

    int latency() const { return m_latency; }
    // Limits `count` samples of `planes` in place; what comes out is the input
    // of latency() samples before (silence at first).
    void process(float *const *planes, int count);

    // The deepest gain reduction so far, in dB (≤ 0).
    double maxReductionDb() const;
    // The highest true peak of the input so far, as detected (dBTP): with a
    // ceiling no signal reaches, the limiter is a true-peak meter.
    double inputPeakDb() const;

private:
    // The true peak of the segment after each detection point of the chunk
    // in m_input (both channels, every phase) into m_segments.
    void detectChunk();

    float m_ceiling = 1;
    int m_window = 1; // look-ahead samples
    int m_latency = 0;
    // Interpolation: kOversampling - 1 phases between two samples.
    std::array<std::array<float, kTapsPerPhase>, kOversampling - 1> m_phases{};
    // Per channel, the kTapsPerPhase - 1 input samples before the chunk,
    // then the chunk (zeros after its end).
    std::array<std::vector<float>, kChannels> m_input;
    std::array<float, kChunk> m_segments{};
    float m_previousSegment = 0; // peak between the detection point and the sample before it
    // The running minimum of the needed gains over the last m_window samples:
    // a monotonic queue in a ring of (index, gain) pairs.
    std::vector<qint64> m_minAt;
    std::vector<float> m_minGain;
    int m_minFront = 0, m_minBack = 0; // [front, back) in the ring
    qint64 m_detected = 0;             // samples through detection
    float m_held = 1;                  // the window minimum after release
    float m_release = 0;               // the held gain's recovery per sample (a one-pole step)
    // The box average of m_held over the window.
    std::vector<float> m_heldWindow;
    int m_heldAt = 0;
    double m_heldSum = 0;
    // The audio, delayed to meet its gain.
    std::vector<float> m_delay[kChannels];
    int m_delayAt = 0;
    float m_deepest = 1; // the least gain applied so far
    float m_maxPeak = 0;
    // No interpolated value can exceed the largest sample of its window
    // times this (the largest sum of a phase's absolute taps), so quiet
    // windows skip the interpolation.
    float m_tapBound = 1;
};

} // namespace reelsmith
