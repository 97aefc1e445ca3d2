#pragma once

#include <ebur128.h>

#include <memory>
#include <vector>

namespace reelsmith {

// EBU R128 / ITU-R BS.1770 measurement through libebur128: integrated
// loudness (gated, LUFS) and, when asked, the true peak (dBTP, 4x
// oversampled by the library at 48 kHz). Takes planar float blocks.
class LoudnessMeter
{
public:
    LoudnessMeter(int channels, int sampleRate, bool truePeak);
    ~LoudnessMeter();
    LoudnessMeter(const LoudnessMeter &) = delete;
    LoudnessMeter &operator=(const LoudnessMeter &) = delete;

    void add(const float *const *planes, int count);

    // -infinity for silence (nothing above the absolute gate of −70 LUFS).
    double integratedLufs() const;
    // The highest true peak of any channel, dBTP; -infinity for silence.
    // Only with `truePeak` set.
    double truePeakDb() const;

private:
    struct Deleter
    {
        void operator()(ebur128_state *state) const;
    };
    std::unique_ptr<ebur128_state, Deleter> m_state;
    int m_channels = 0;
    bool m_truePeak = false;
    std::vector<float> m_interleaved;
};

} // namespace reelsmith
