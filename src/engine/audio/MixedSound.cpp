#include "audio/MixedSound.h"

#include "audio/AudioReader.h"
#include "audio/LoudnessMeter.h"
#include "audio/Mixer.h"
#include "audio/SpeechGate.h"
#include "audio/TruePeakLimiter.h"
#include "core/ErrorContext.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace reelsmith {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kBlock = 4096; // samples per step of a loudness pass

void throwIfCancelled(const CancelFn &cancel)
{
    if (cancel && cancel())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
}

qint64 toSamples(double seconds)
{
    return qint64(std::llround(seconds * MixedSound::kSampleRate));
}

} // namespace

// Mix, gain, limiter: what a loudness pass measures and what fill() delivers.
struct MixedSound::Chain
{
    std::unique_ptr<Mixer> mixer;   // mixes the sources, or
    std::unique_ptr<QFile> keptMix; // reads the first pass's mix back
    QFile *keep = nullptr;          // the first pass writes its mix here
    std::vector<float> interleaved;
    std::unique_ptr<TruePeakLimiter> limiter;
    float gain = 1;
    bool primed = false;
};

MixedSound::MixedSound(MixPlan plan, const CancelFn &cancel)
    : m_plan(std::move(plan)), m_measuredLufs(kNaN), m_measuredTruePeak(kNaN), m_outputLufs(kNaN)
{
    m_plan.totalSamples = std::max<qint64>(m_plan.totalSamples, 0);
    if (m_plan.music)
        withKey(m_plan.music->key, [&] { AudioReader check(m_plan.music->path); });

    for (const MixClip &clip : std::as_const(m_plan.clips))
        withKey(clip.key, [&] { AudioReader check(clip.path); });
    // Music and clips' sound drop under the voices; without music, clips
    // use the music's default depth.
    const bool ducks = m_plan.music || !m_plan.clips.isEmpty();
    std::vector<DuckingEnvelope::Interval> speech;
    for (const MixVoice &voice : std::as_const(m_plan.voices)) {
        throwIfCancelled(cancel);
        QList<SpeechSpan> spans;
        if (voice.speech)
            spans = *voice.speech;
        if (!voice.speech && ducks) // the gate decodes it all, and so checks it
            spans = withKey(voice.key, [&] { return SpeechGate::find(voice.path, cancel); });
        else
            withKey(voice.key, [&] { AudioReader check(voice.path); });
        for (const SpeechSpan &span : std::as_const(spans))
            speech.push_back({voice.startSample + toSamples(span.start),
                              voice.startSample + toSamples(span.end)});
    }
    if (ducks)
        m_ducking = DuckingEnvelope(
            std::move(speech),
            m_plan.music ? m_plan.music->settings.duckDb : MusicSettings().duckDb, kSampleRate);
}

MixedSound::~MixedSound() = default;

std::unique_ptr<MixedSound::Chain> MixedSound::makeChain(double gainDb,
                                                         std::optional<double> ceilingDb) const
{
    auto chain = std::make_unique<Chain>();
    if (m_mixKept) {
        chain->keptMix = std::make_unique<QFile>(m_keptMix->fileName());
        if (!chain->keptMix->open(QIODevice::ReadOnly))
            throwFailure(QStringLiteral("reading back the mixed sound from %1: %2")
                             .arg(QDir::toNativeSeparators(m_keptMix->fileName()),
                                  chain->keptMix->errorString()));
    } else {
        chain->mixer = std::make_unique<Mixer>(m_plan, m_ducking);
    }
    chain->gain = float(std::pow(10.0, gainDb / 20.0));
    if (ceilingDb)
        chain->limiter = std::make_unique<TruePeakLimiter>(*ceilingDb, kSampleRate);
    return chain;
}

void MixedSound::pull(Chain &chain, float *const *out, int count)
{
    if (chain.limiter && !chain.primed) {
        // Fill the limiter's look-ahead, so its output starts at the video's start.
        std::vector<float> planes[kChannels];
        float *prime[kChannels];
        for (int c = 0; c < kChannels; ++c) {
            planes[c].resize(size_t(chain.limiter->latency()));
            prime[c] = planes[c].data();
        }
        source(chain, prime, chain.limiter->latency());
        for (int c = 0; c < kChannels; ++c)
            for (float &s : planes[c])
                s *= chain.gain;
        chain.limiter->process(prime, chain.limiter->latency());
        chain.primed = true;
    }
    if (count <= 0)
        return;
    source(chain, out, count);
    if (chain.gain != 1.0f)
        for (int c = 0; c < kChannels; ++c)
            for (int i = 0; i < count; ++i)
                out[c][i] *= chain.gain;
    if (chain.limiter)
        chain.limiter->process(out, count);
}

void MixedSound::source(Chain &chain, float *const *out, int count)
{
    std::vector<float> &frames = chain.interleaved;
    frames.resize(size_t(count) * kChannels);
    const qint64 bytes = qint64(frames.size() * sizeof(float));
    if (chain.keptMix) {
        const qint64 got = chain.keptMix->read(reinterpret_cast<char *>(frames.data()), bytes);
        if (got < 0)
            throwFailure(QStringLiteral("reading back the mixed sound from %1: %2")
                             .arg(QDir::toNativeSeparators(chain.keptMix->fileName()),
                                  chain.keptMix->errorString()));
        // Past the end of the kept mix is silence, as it is past the mixer's.
        std::memset(reinterpret_cast<char *>(frames.data()) + got, 0, size_t(bytes - got));
        for (int i = 0; i < count; ++i)
            for (int c = 0; c < kChannels; ++c)
                out[c][i] = frames[size_t(i) * kChannels + size_t(c)];
        return;
    }
    chain.mixer->mix(out, count);
    m_peakOpenVoices = std::max(m_peakOpenVoices, chain.mixer->peakOpenVoices());
    if (!chain.keep)
        return;
    for (int i = 0; i < count; ++i)
        for (int c = 0; c < kChannels; ++c)
            frames[size_t(i) * kChannels + size_t(c)] = out[c][i];
    if (chain.keep->write(reinterpret_cast<const char *>(frames.data()), bytes) != bytes)
        chain.keep = nullptr; // a full disk: the passes after this one mix again
}

QString MixedSound::keptMixPath() const
{
    return m_mixKept ? m_keptMix->fileName() : QString();
}

std::pair<double, double> MixedSound::measure(double gainDb, double ceilingDb,
                                              const CancelFn &cancel)
{
    ++m_passes;
    const auto chain = makeChain(gainDb, ceilingDb);
    // The first pass keeps its mix for the others (and fill()).
    // (QDir::tempPath() is empty when TMPDIR names no folder.)
    if (const QString folder = QDir::tempPath();
        m_keepMix && !m_mixKept && !folder.isEmpty() && QFileInfo(folder).isDir()) {
        m_keepMix = false; // one try
        m_keptMix =
            std::make_unique<QTemporaryFile>(folder + QStringLiteral("/reelsmith-mix-XXXXXX.f32"));
        if (m_keptMix->open())
            chain->keep = m_keptMix.get();
    }
    LoudnessMeter meter(kChannels, kSampleRate, false);
    std::vector<float> planes[kChannels];
    float *out[kChannels];
    for (int c = 0; c < kChannels; ++c) {
        planes[c].resize(kBlock);
        out[c] = planes[c].data();
    }
    for (qint64 at = 0; at < m_plan.totalSamples; at += kBlock) {
        throwIfCancelled(cancel);
        const int count = int(std::min<qint64>(kBlock, m_plan.totalSamples - at));
        pull(*chain, out, count);
        meter.add(out, count);
    }
    if (chain->keep && chain->keep->flush()) {
        m_mixKept = true;
        chain->keep->close(); // the file stays until m_keptMix goes
    } else if (m_keptMix && !m_mixKept) {
        m_keptMix.reset(); // not all written: removed, and every pass mixes
    }
    return {meter.integratedLufs(), chain->limiter->inputPeakDb() - gainDb};
}

void MixedSound::prepare(const CancelFn &cancel)
{
    if (m_prepared)
        return;
    m_prepared = true;
    if (!m_plan.loudnessLufs)
        return;
    m_limit = true;
    const double target = *m_plan.loudnessLufs;
    // The mix as it is; a ceiling nothing reaches makes the limiter a true-peak meter.
    const auto [lufs, peak] = measure(0, 1000.0, cancel);
    m_measuredLufs = lufs;
    m_measuredTruePeak = peak;
    if (!std::isfinite(lufs))
        return; // silence stays silence
    const double maxGain = std::min(kMaxGainDb, kLimiterCeilingDb - peak + kMaxLimitingDb);
    m_gainDb = std::min(target - lufs, maxGain);
    m_outputLufs = lufs + m_gainDb;
    if (peak + m_gainDb <= kLimiterCeilingDb)
        return; // the limiter will not touch it: that measurement holds

    // Limited, the output is quieter than lufs + gain: measure it and search
    // the gain. Output loudness rises with the gain, 1 LU a dB up to the gain
    // where the limiter starts (the first `below`) and less after it, so the target
    // lies between a gain measured too quiet and one measured too loud:
    // secant steps from the quiet side until one is too loud, then regula
    // falsi inside that bracket (bisection when a step would hug one end).
    // espeak speech 6–8 dB short of −14 LUFS takes two limited passes.
    // A pass costs about 0.1 s of CPU for a minute of sound (mostly decoding).
    struct Point
    {
        double gain, lufs;
    };
    Point below{kLimiterCeilingDb - peak, lufs + kLimiterCeilingDb - peak};
    Point previous = below;
    std::optional<Point> above;
    double bestError = std::numeric_limits<double>::infinity();
    // lufs + gain is an upper bound the limited output never reaches; for
    // speech the answer has lain 40–70 % further from the free gain, so the
    // first try goes half as far again (too far is fine: it brackets).
    double gain = std::min(m_gainDb + (m_gainDb - below.gain) / 2, maxGain);
    for (int pass = 1; pass < kMaxPasses; ++pass) {
        const double out = measure(gain, kLimiterCeilingDb, cancel).first;
        if (std::abs(out - target) < bestError) {
            bestError = std::abs(out - target);
            m_gainDb = gain;
            m_outputLufs = out;
        }
        if (bestError <= kLoudnessTolerance)
            break;
        const Point now{gain, out};
        if (out < target) {
            previous = below;
            below = now;
        } else {
            above = now;
        }
        if (above) {
            const double span = above->gain - below.gain;
            double next = below.gain + span * (target - below.lufs) / (above->lufs - below.lufs);
            if (next < below.gain + span / 8 || next > above->gain - span / 8)
                next = below.gain + span / 2;
            gain = next;
        } else {
            if (gain >= maxGain)
                break; // as loud as the limiter may make it
            // Limiting only ever takes away: the slope is in (0, 1]; a floor
            // keeps a near-flat stretch from sending the gain to the cap.
            const double slope = below.gain != previous.gain
                                     ? (below.lufs - previous.lufs) / (below.gain - previous.gain)
                                     : 1.0;
            gain = std::min(gain + (target - out) / std::clamp(slope, 0.25, 1.0), maxGain);
        }
    }
}

int MixedSound::fill(AVFrame *frame)
{
    if (frame->format != AV_SAMPLE_FMT_FLTP || frame->ch_layout.nb_channels != kChannels)
        throwFailure(QStringLiteral("the mixed sound was given a frame in the wrong format"));
    frame->nb_samples = fill(reinterpret_cast<float *const *>(frame->extended_data),
                             std::max(frame->nb_samples, 0));
    return frame->nb_samples;
}

int MixedSound::fill(float *const *planes, int count)
{
    prepare();
    if (!m_chain)
        m_chain = makeChain(m_gainDb, m_limit ? std::optional(kLimiterCeilingDb) : std::nullopt);
    count = int(std::clamp<qint64>(count, 0, m_plan.totalSamples - m_delivered));
    if (count <= 0)
        return 0;
    pull(*m_chain, planes, count);
    m_delivered += count;
    return count;
}

} // namespace reelsmith
