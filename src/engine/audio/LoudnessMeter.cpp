#include "audio/LoudnessMeter.h"

#include "core/Error.h"

#include <cmath>
#include <limits>

namespace reelsmith {

namespace {

void check(int ret, const char *what)
{
    if (ret != EBUR128_SUCCESS)
        throwFailure(QStringLiteral("measuring loudness (libebur128): %1 failed with error %2")
                         .arg(QString::fromLatin1(what))
                         .arg(ret));
}

} // namespace

void LoudnessMeter::Deleter::operator()(ebur128_state *state) const
{
    ebur128_destroy(&state);
}

LoudnessMeter::LoudnessMeter(int channels, int sampleRate, bool truePeak)
    : m_channels(channels), m_truePeak(truePeak)
{
    const int mode = EBUR128_MODE_I | (truePeak ? EBUR128_MODE_TRUE_PEAK : 0);
    m_state.reset(ebur128_init(unsigned(channels), static_cast<unsigned long>(sampleRate), mode));
    if (!m_state)
        throwFailure(QStringLiteral("measuring loudness (libebur128): cannot start a meter for "
                                    "%1 channels at %2 Hz")
                         .arg(channels)
                         .arg(sampleRate));
}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::add(const float *const *planes, int count)
{
    if (count <= 0)
        return;
    m_interleaved.resize(size_t(count) * size_t(m_channels));
    for (int i = 0; i < count; ++i)
        for (int c = 0; c < m_channels; ++c)
            m_interleaved[size_t(i) * size_t(m_channels) + size_t(c)] = planes[c][i];
    check(ebur128_add_frames_float(m_state.get(), m_interleaved.data(), size_t(count)),
          "ebur128_add_frames_float");
}

double LoudnessMeter::integratedLufs() const
{
    double lufs = 0;
    check(ebur128_loudness_global(m_state.get(), &lufs), "ebur128_loudness_global");
    return lufs; // -HUGE_VAL when gated to nothing
}

double LoudnessMeter::truePeakDb() const
{
    if (!m_truePeak)
        throwFailure(QStringLiteral("measuring loudness: a true peak was asked of a meter "
                                    "started without it"));
    double peak = 0;
    for (int c = 0; c < m_channels; ++c) {
        double channelPeak = 0;
        check(ebur128_true_peak(m_state.get(), unsigned(c), &channelPeak), "ebur128_true_peak");
        peak = std::max(peak, channelPeak);
    }
    return peak > 0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity();
}

} // namespace reelsmith
