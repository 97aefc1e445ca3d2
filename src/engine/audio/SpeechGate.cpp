#include "audio/SpeechGate.h"

#include "audio/AudioReader.h"

#include <cmath>

namespace reelsmith {

QList<SpeechSpan> SpeechGate::find(const QString &path, const CancelFn &cancel)
{
    constexpr int kRate = AudioReader::kSampleRate;
    const int window = int(kWindowSeconds * kRate);
    const double threshold = std::pow(10.0, kThresholdDb / 10.0); // mean square
    AudioReader reader(path);
    std::vector<float> planes[AudioReader::kChannels];
    float *out[AudioReader::kChannels];
    for (int c = 0; c < AudioReader::kChannels; ++c) {
        planes[c].resize(size_t(window));
        out[c] = planes[c].data();
    }

    QList<SpeechSpan> spans;
    qint64 position = 0;     // samples read so far
    qint64 speechStart = -1; // of the span being found
    qint64 lastLoud = -1;    // end of the last loud window
    const auto close = [&] {
        if (speechStart >= 0 && double(lastLoud - speechStart) / kRate >= kMinSpeechSeconds)
            spans.append({double(speechStart) / kRate, double(lastLoud) / kRate});
        speechStart = -1;
    };
    for (;;) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        reader.fillTo(window);
        const int got = reader.read(out, window);
        if (got <= 0)
            break;
        double sum = 0;
        for (int c = 0; c < AudioReader::kChannels; ++c)
            for (int i = 0; i < got; ++i)
                sum += double(planes[c][size_t(i)]) * planes[c][size_t(i)];
        const bool loud = sum / (double(got) * AudioReader::kChannels) > threshold;
        if (loud) {
            if (speechStart >= 0 && double(position - lastLoud) / kRate > kBridgeSeconds)
                close();
            if (speechStart < 0)
                speechStart = position;
            lastLoud = position + got;
        }
        position += got;
    }
    close();
    return spans;
}

} // namespace reelsmith
