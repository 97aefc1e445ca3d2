#pragma once

// Sound made and measured by the mixer and loudness tests: WAVs of any
// signal, the whole output of a MixedSound, band levels (Goertzel), and an
// AAC round trip as the render's encoder does it.

#include "audio/AudioReader.h"
#include "audio/MixedSound.h"

#include <ebur128.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
}

#include <QFile>
#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace testaudio {

constexpr int kRate = 48000;

// 32-bit float WAV of `frames` frames; `sample(i, channel)` gives each value.
inline void writeWav(const QString &path, qint64 frames, int channels,
                     const std::function<double(qint64, int)> &sample, int rate = kRate)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.toStdString());
    const auto u32 = [&](quint32 v) { file.write(reinterpret_cast<const char *>(&v), 4); };
    const auto u16 = [&](quint16 v) { file.write(reinterpret_cast<const char *>(&v), 2); };
    const quint32 dataBytes = quint32(frames * channels * 4);
    file.write("RIFF");
    u32(36 + dataBytes);
    file.write("WAVEfmt ");
    u32(16);
    u16(3); // IEEE float
    u16(quint16(channels));
    u32(quint32(rate));
    u32(quint32(rate * channels * 4));
    u16(quint16(channels * 4));
    u16(32);
    file.write("data");
    u32(dataBytes);
    for (qint64 i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c) {
            const float v = float(sample(i, c));
            file.write(reinterpret_cast<const char *>(&v), 4);
        }
}

inline double tone(double frequency, double amplitude, qint64 i, int rate = kRate)
{
    return amplitude * std::sin(2 * std::numbers::pi * frequency * double(i) / rate);
}

struct Stereo
{
    std::vector<float> left, right;
    qint64 size() const { return qint64(left.size()); }
    const float *plane(int c) const { return c == 0 ? left.data() : right.data(); }
};

// Everything `sound` delivers, pulled in the AAC encoder's 1024-sample frames.
inline Stereo pullAll(reelsmith::MixedSound &sound)
{
    std::unique_ptr<AVFrame, void (*)(AVFrame *)> frame(av_frame_alloc(),
                                                        [](AVFrame *f) { av_frame_free(&f); });
    frame->format = AV_SAMPLE_FMT_FLTP;
    frame->sample_rate = kRate;
    av_channel_layout_default(&frame->ch_layout, 2);
    frame->nb_samples = 1024;
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        throw std::runtime_error("audio frame");
    Stereo out;
    for (;;) {
        frame->nb_samples = 1024;
        const int got = sound.fill(frame.get());
        if (got == 0)
            break;
        const auto *l = reinterpret_cast<const float *>(frame->extended_data[0]);
        const auto *r = reinterpret_cast<const float *>(frame->extended_data[1]);
        out.left.insert(out.left.end(), l, l + got);
        out.right.insert(out.right.end(), r, r + got);
    }
    return out;
}

// A whole file as 48 kHz stereo float, through the engine's reader.
inline Stereo decode(const QString &path)
{
    reelsmith::AudioReader reader(path);
    Stereo out;
    std::vector<float> l(4096), r(4096);
    float *planes[2] = {l.data(), r.data()};
    for (;;) {
        reader.fillTo(4096);
        const int got = reader.read(planes, 4096);
        if (got <= 0)
            break;
        out.left.insert(out.left.end(), l.begin(), l.begin() + got);
        out.right.insert(out.right.end(), r.begin(), r.begin() + got);
    }
    return out;
}

// Amplitude (dBFS of a sine's peak) of `frequency` in `x[from, from + count)`,
// Hann-windowed so a neighbouring tone does not leak in.
inline double bandDb(const float *x, qint64 from, int count, double frequency)
{
    const double w = 2 * std::numbers::pi * frequency / kRate;
    double s1 = 0, s2 = 0, windowSum = 0;
    for (int i = 0; i < count; ++i) {
        const double hann = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * i / (count - 1));
        windowSum += hann;
        const double s = hann * x[from + i] + 2 * std::cos(w) * s1 - s2;
        s2 = s1;
        s1 = s;
    }
    const double power = s1 * s1 + s2 * s2 - 2 * std::cos(w) * s1 * s2;
    const double amplitude = 2 * std::sqrt(std::max(power, 0.0)) / windowSum;
    return 20 * std::log10(std::max(amplitude, 1e-12));
}

// Band level of channel 0 in a 50 ms window centred at `seconds`.
inline double bandAt(const Stereo &s, double seconds, double frequency)
{
    const int count = kRate / 20;
    const qint64 from = qint64(seconds * kRate) - count / 2;
    return bandDb(s.left.data(), from, count, frequency);
}

// The largest step between neighbouring samples of either channel in [from, to).
inline double largestStep(const Stereo &s, qint64 from = 1, qint64 to = -1)
{
    if (to < 0 || to > s.size())
        to = s.size();
    double step = 0;
    for (qint64 i = std::max<qint64>(from, 1); i < to; ++i)
        for (int c = 0; c < 2; ++c)
            step = std::max(step, double(std::abs(s.plane(c)[i] - s.plane(c)[i - 1])));
    return step;
}

// Encodes `s` as AAC-LC 128 kbit/s 48 kHz stereo in an .m4a, as Mp4Writer
// encodes a render's sound (FFmpeg's native encoder, planar float).
inline void writeAac(const QString &path, const Stereo &s)
{
    const auto check = [](int ret, const char *what) {
        if (ret < 0)
            throw std::runtime_error(std::string("writeAac: ") + what);
    };
    const AVCodec *codec = avcodec_find_encoder_by_name("aac");
    if (!codec)
        throw std::runtime_error("no aac encoder");
    AVFormatContext *raw = nullptr;
    check(
        avformat_alloc_output_context2(&raw, nullptr, "ipod", QFile::encodeName(path).constData()),
        "output");
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext *)> fmt(raw, [](AVFormatContext *c) {
        if (c->pb)
            avio_closep(&c->pb);
        avformat_free_context(c);
    });
    AVStream *st = avformat_new_stream(fmt.get(), nullptr);
    std::unique_ptr<AVCodecContext, void (*)(AVCodecContext *)> enc(
        avcodec_alloc_context3(codec), [](AVCodecContext *c) { avcodec_free_context(&c); });
    enc->sample_fmt = AV_SAMPLE_FMT_FLTP;
    enc->sample_rate = kRate;
    av_channel_layout_default(&enc->ch_layout, 2);
    enc->bit_rate = 128000;
    enc->time_base = AVRational{1, kRate};
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check(avcodec_open2(enc.get(), codec, nullptr), "open encoder");
    check(avcodec_parameters_from_context(st->codecpar, enc.get()), "parameters");
    st->time_base = enc->time_base;
    check(avio_open(&fmt->pb, QFile::encodeName(path).constData(), AVIO_FLAG_WRITE), "open");
    check(avformat_write_header(fmt.get(), nullptr), "header");
    std::unique_ptr<AVPacket, void (*)(AVPacket *)> pkt(av_packet_alloc(),
                                                        [](AVPacket *p) { av_packet_free(&p); });
    const auto send = [&](AVFrame *frame) {
        check(avcodec_send_frame(enc.get(), frame), "send");
        for (;;) {
            const int ret = avcodec_receive_packet(enc.get(), pkt.get());
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
                return;
            check(ret, "receive");
            av_packet_rescale_ts(pkt.get(), enc->time_base, st->time_base);
            pkt->stream_index = st->index;
            check(av_interleaved_write_frame(fmt.get(), pkt.get()), "write");
        }
    };
    std::unique_ptr<AVFrame, void (*)(AVFrame *)> frame(av_frame_alloc(),
                                                        [](AVFrame *f) { av_frame_free(&f); });
    frame->format = AV_SAMPLE_FMT_FLTP;
    frame->sample_rate = kRate;
    check(av_channel_layout_copy(&frame->ch_layout, &enc->ch_layout), "layout");
    frame->nb_samples = enc->frame_size;
    check(av_frame_get_buffer(frame.get(), 0), "buffer");
    for (qint64 at = 0; at < s.size(); at += enc->frame_size) {
        check(av_frame_make_writable(frame.get()), "writable");
        frame->nb_samples = int(std::min<qint64>(enc->frame_size, s.size() - at));
        for (int c = 0; c < 2; ++c)
            std::copy(s.plane(c) + at, s.plane(c) + at + frame->nb_samples,
                      reinterpret_cast<float *>(frame->extended_data[c]));
        frame->pts = at;
        send(frame.get());
    }
    send(nullptr);
    check(av_write_trailer(fmt.get()), "trailer");
}

struct Loudness
{
    double lufs = 0;
    double truePeakDb = 0;
};

// EBU R128 integrated loudness and true peak of `s`, straight from libebur128
// (independent of the engine's own meter).
inline Loudness measure(const Stereo &s)
{
    ebur128_state *state = ebur128_init(2, kRate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    if (!state)
        throw std::runtime_error("ebur128_init");
    std::vector<float> interleaved;
    interleaved.reserve(size_t(2 * s.size()));
    for (qint64 i = 0; i < s.size(); ++i) {
        interleaved.push_back(s.left[size_t(i)]);
        interleaved.push_back(s.right[size_t(i)]);
    }
    Loudness m;
    double left = 0, right = 0;
    const bool ok =
        ebur128_add_frames_float(state, interleaved.data(), size_t(s.size())) == EBUR128_SUCCESS &&
        ebur128_loudness_global(state, &m.lufs) == EBUR128_SUCCESS &&
        ebur128_true_peak(state, 0, &left) == EBUR128_SUCCESS &&
        ebur128_true_peak(state, 1, &right) == EBUR128_SUCCESS;
    ebur128_destroy(&state);
    if (!ok)
        throw std::runtime_error("libebur128 failed");
    m.truePeakDb = 20 * std::log10(std::max({left, right, 1e-12}));
    return m;
}

} // namespace testaudio
