#pragma once

#include "audio/DuckingEnvelope.h"
#include "audio/MixPlan.h"
#include "core/Job.h"

#include <QTemporaryFile>

extern "C" {
#include <libavutil/frame.h>
}

#include <memory>
#include <optional>
#include <vector>

namespace reelsmith {

class Mixer;
class TruePeakLimiter;

// The sound of a version 2 render: every voice and the music mixed (Mixer),
// brought to the plan's loudness, and held under a true-peak ceiling, pulled
// by the render in encoder frames like Soundtrack. Nothing is held beyond a
// few blocks and the decoders of the sounds playing now, whatever the length.
//
// Loudness is two steps. prepare() mixes the whole sound once, audio only,
// through an EBU R128 meter and sets the gain that brings it to the target.
// When that gain pushes peaks over the ceiling, the limiter takes some
// loudness away, so prepare() measures the limited output again and searches
// the gain (secant steps, then regula falsi once the target is bracketed)
// until the output is within kLoudnessTolerance of the target: three or four
// audio-only passes in all for espeak speech 6–8 dB short of −14 LUFS.
// fill() then runs the same chain: mix, gain, limiter.
//
// The first pass keeps the mix it made in a temporary file (float samples,
// 384 kB a second, removed with this object), and the passes after it and
// fill() read that back instead of decoding, resampling and mixing every
// source again: memory stays flat, and a pass after the first costs only the
// gain, the limiter and the meter. When the file cannot be written, every
// pass mixes, as it would without it.
class MixedSound
{
public:
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 2;
    // The limiter's ceiling sits below the promised −1 dBTP to leave room for
    // the AAC encoder, whose quantisation noise adds to the peaks: at 128
    // kbit/s the decoded output measured 0.2 dB over its input's true peak on
    // tst_loudness's speech and up to 0.56 dB on espeak's Russian limited to
    // −10 LUFS, so 1 dB of margin (0.4 dB of headroom over the worst seen).
    static constexpr double kCodecMarginDb = 1.0;
    static constexpr double kLimiterCeilingDb = LoudnessTarget::kTruePeakCeilingDb - kCodecMarginDb;
    // No more gain than this: a mix of near silence stays near silence
    // rather than becoming loud noise.
    static constexpr double kMaxGainDb = 40.0;
    // Nor more than 20 dB of limiting: a sound whose every pitch period
    // peaks (a pulse train, most of its crest within a period) gains little
    // loudness from more, and is left quieter rather than crushed.
    static constexpr double kMaxLimitingDb = 20.0;
    // How close prepare() brings the limited output to the target (the
    // promise is 1 LU; the rest is the codec's).
    static constexpr double kLoudnessTolerance = 0.4;
    static constexpr int kMaxPasses = 5;

    // Opens every source once (a file that is not audio fails here:
    // Error(BadInput) "KEY: FILE: why"), and runs the energy gate over voices
    // whose speech is not known when there is music to duck.
    explicit MixedSound(MixPlan plan, const CancelFn &cancel = {});
    ~MixedSound();
    MixedSound(const MixedSound &) = delete;
    MixedSound &operator=(const MixedSound &) = delete;

    // The audio-only loudness pass (decodes no video); call before fill().
    // Does nothing without a target. fill() runs it itself if it was not.
    void prepare(const CancelFn &cancel = {});

    // Fills `frame` (FLTP, kChannels, buffers for frame->nb_samples) with the
    // next samples and sets nb_samples to how many it wrote: fewer only at
    // the end. Returns that number; 0 once totalSamples() have been delivered.
    int fill(AVFrame *frame);
    // The same into `count` samples of kChannels float planes (the editor's
    // preview plays it); returns how many were written.
    int fill(float *const *planes, int count);

    qint64 totalSamples() const { return m_plan.totalSamples; }
    qint64 samplesDelivered() const { return m_delivered; }

    // The mix as it was, before the gain (LUFS; -infinity for silence, NaN
    // without a target), and the gain applied to it (dB).
    double measuredLufs() const { return m_measuredLufs; }
    double appliedGainDb() const { return m_gainDb; }
    // The output as the last pass measured it (NaN without a target).
    double outputLufs() const { return m_outputLufs; }
    // The mix's own true peak before the gain (dBTP, 4x oversampled by the
    // limiter's detector; NaN without a target).
    double measuredTruePeakDb() const { return m_measuredTruePeak; }
    int loudnessPasses() const { return m_passes; }
    // Whether the first pass's mix is kept on disk for the passes after it
    // and fill() (on by default; set before prepare()). Off, every pass mixes.
    void setMixKeptOnDisk(bool on) { m_keepMix = on; }
    // The file the mix is kept in once prepare() has written it; empty when
    // there is none.
    QString keptMixPath() const;

    // The most voice files open at once so far (the render's pass and the
    // loudness passes alike).
    int peakOpenVoices() const { return m_peakOpenVoices; }
    const DuckingEnvelope &ducking() const { return m_ducking; }

private:
    struct Chain;
    // `ceilingDb` nullopt: no limiter.
    std::unique_ptr<Chain> makeChain(double gainDb, std::optional<double> ceilingDb) const;
    void pull(Chain &chain, float *const *out, int count);
    // The chain's next `count` samples before the gain: mixed (and kept,
    // during the first pass), or read back from the kept mix.
    void source(Chain &chain, float *const *out, int count);
    // The whole output of a chain through an EBU R128 meter: its integrated
    // loudness and the true peak of the limiter's input (as its detector sees it).
    std::pair<double, double> measure(double gainDb, double ceilingDb, const CancelFn &cancel);

    MixPlan m_plan;
    DuckingEnvelope m_ducking;
    std::unique_ptr<Chain> m_chain; // the render's
    bool m_prepared = false;
    qint64 m_delivered = 0;
    double m_gainDb = 0;
    bool m_limit = false;
    double m_measuredLufs;
    double m_measuredTruePeak;
    double m_outputLufs;
    int m_passes = 0;
    int m_peakOpenVoices = 0;
    bool m_keepMix = true;
    std::unique_ptr<QTemporaryFile> m_keptMix; // complete once m_mixKept
    bool m_mixKept = false;
};

} // namespace reelsmith
