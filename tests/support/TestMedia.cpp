#include "TestMedia.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace testmedia {

namespace {

// FFmpeg's own chatter would bury test output.
const int kQuietLogs = [] {
    av_log_set_level(AV_LOG_ERROR);
    return 0;
}();

void check(int ret, const char *what)
{
    if (ret < 0) {
        char text[AV_ERROR_MAX_STRING_SIZE] = {};
        av_strerror(ret, text, sizeof text);
        throw std::runtime_error(std::string(what) + ": " + text);
    }
}

template <typename T, void (*Free)(T **)> struct Deleter
{
    void operator()(T *p) const { Free(&p); }
};
void freeFormatInput(AVFormatContext **c)
{
    avformat_close_input(c);
}
using InputPtr = std::unique_ptr<AVFormatContext, Deleter<AVFormatContext, freeFormatInput>>;
using CodecPtr = std::unique_ptr<AVCodecContext, Deleter<AVCodecContext, avcodec_free_context>>;
using FramePtr = std::unique_ptr<AVFrame, Deleter<AVFrame, av_frame_free>>;
using PacketPtr = std::unique_ptr<AVPacket, Deleter<AVPacket, av_packet_free>>;
struct SwsFree
{
    void operator()(SwsContext *c) const { sws_freeContext(c); }
};
struct OutputFree
{
    void operator()(AVFormatContext *c) const
    {
        if (c->pb)
            avio_closep(&c->pb);
        avformat_free_context(c);
    }
};

void writePackets(AVFormatContext *fmt, AVCodecContext *enc, AVStream *st, AVFrame *frame)
{
    check(avcodec_send_frame(enc, frame), "send frame");
    PacketPtr pkt(av_packet_alloc());
    for (;;) {
        const int ret = avcodec_receive_packet(enc, pkt.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return;
        check(ret, "receive packet");
        av_packet_rescale_ts(pkt.get(), enc->time_base, st->time_base);
        pkt->stream_index = st->index;
        check(av_interleaved_write_frame(fmt, pkt.get()), "write packet");
    }
}

// Decodes every frame of stream `stream` (flushing at the end) and hands each to `onFrame`.
void decodeStream(AVFormatContext *fmt, int stream,
                  const std::function<void(const AVFrame *)> &onFrame)
{
    AVStream *st = fmt->streams[stream];
    const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
    CodecPtr dec(avcodec_alloc_context3(codec));
    check(avcodec_parameters_to_context(dec.get(), st->codecpar), "dec params");
    dec->pkt_timebase = st->time_base;
    check(avcodec_open2(dec.get(), codec, nullptr), "open dec");
    PacketPtr pkt(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    const auto take = [&] {
        while (avcodec_receive_frame(dec.get(), frame.get()) == 0) {
            onFrame(frame.get());
            av_frame_unref(frame.get());
        }
    };
    while (av_read_frame(fmt, pkt.get()) >= 0) {
        if (pkt->stream_index == stream) {
            check(avcodec_send_packet(dec.get(), pkt.get()), "send packet");
            take();
        }
        av_packet_unref(pkt.get());
    }
    check(avcodec_send_packet(dec.get(), nullptr), "flush decoder");
    take();
}

QByteArray bigEndian16(int v)
{
    QByteArray b(2, 0);
    b[0] = char((v >> 8) & 0xFF);
    b[1] = char(v & 0xFF);
    return b;
}

} // namespace

QImage solid(QSize size, QColor color, QImage::Format format)
{
    QImage image(size, format);
    image.fill(color);
    return image;
}

QImage quadrants(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    const int w = size.width() / 2, h = size.height() / 2;
    p.fillRect(0, 0, w, h, QColor(220, 20, 20));
    p.fillRect(w, 0, size.width() - w, h, QColor(20, 200, 20));
    p.fillRect(0, h, w, size.height() - h, QColor(20, 20, 220));
    p.fillRect(w, h, size.width() - w, size.height() - h, QColor(230, 220, 20));
    return image;
}

QString writeImage(const QString &path, const QImage &image, const char *format, int quality)
{
    if (!image.save(path, format, quality))
        throw std::runtime_error("cannot write " + path.toStdString());
    return path;
}

QString writeJpegWithOrientation(const QString &path, const QImage &stored, int orientation)
{
    QByteArray jpeg;
    {
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        stored.save(&buffer, "JPEG", 92);
    }
    // APP1 "Exif\0\0" + big-endian TIFF with one IFD entry: Orientation (0x0112).
    QByteArray tiff("MM\x00\x2A\x00\x00\x00\x08", 8);
    tiff += bigEndian16(1);      // entries
    tiff += bigEndian16(0x0112); // tag
    tiff += bigEndian16(3);      // SHORT
    tiff += QByteArray("\x00\x00\x00\x01", 4);
    tiff += bigEndian16(orientation);
    tiff += QByteArray(2, 0); // value padding
    tiff += QByteArray(4, 0); // next IFD
    QByteArray app1("Exif\x00\x00", 6);
    app1 += tiff;
    QByteArray segment("\xFF\xE1", 2);
    segment += bigEndian16(int(app1.size()) + 2);
    segment += app1;
    jpeg.insert(2, segment); // right after SOI
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(jpeg) != jpeg.size())
        throw std::runtime_error("cannot write " + path.toStdString());
    return path;
}

VideoSpec colorCycle(QSize size, int fps, int frames, const QList<QColor> &colors)
{
    VideoSpec spec;
    spec.size = size;
    spec.fps = fps;
    spec.frames = frames;
    spec.paint = [colors](QPainter &p, int index, double) {
        p.fillRect(p.window(), colors[index % colors.size()]);
    };
    return spec;
}

VideoSpec colorPerSecond(QSize size, int fps, const QList<QColor> &colors)
{
    VideoSpec spec;
    spec.size = size;
    spec.fps = fps;
    spec.frames = int(colors.size()) * fps;
    spec.paint = [colors](QPainter &p, int, double seconds) {
        const int k = std::clamp(int(std::floor(seconds + 1e-9)), 0, int(colors.size()) - 1);
        p.fillRect(p.window(), colors[k]);
        const QRect all = p.window();
        p.fillRect(QRect(0, all.height() * (k % 10) / 10, all.width(), all.height() / 20),
                   Qt::black);
    };
    return spec;
}

QList<double> variableTimestamps(double seconds)
{
    static const double kGaps[] = {1.0 / 60, 1.0 / 20, 1.0 / 30, 1.0 / 12};
    QList<double> times;
    double t = 0;
    for (int i = 0; t < seconds - 1e-9; ++i) {
        times.append(std::round(t * 1000) / 1000); // the test writer's millisecond time base
        t += kGaps[i % 4];
    }
    return times;
}

VideoSpec sidewaysQuadrants(QSize upright, int fps, int frames)
{
    VideoSpec spec;
    spec.size = upright.transposed();
    spec.fps = fps;
    spec.frames = frames;
    spec.rotation = 90;
    // Stored turned a quarter counter-clockwise: shown a quarter clockwise, upright.
    const QImage stored = quadrants(upright).transformed(QTransform().rotate(-90));
    spec.paint = [stored](QPainter &p, int, double) { p.drawImage(0, 0, stored); };
    return spec;
}

std::function<double(double)> toneBetween(double frequency, double amplitude, double from,
                                          double to)
{
    return [=](double t) {
        return t >= from && t < to ? amplitude * std::sin(2 * std::numbers::pi * frequency * t)
                                   : 0.0;
    };
}

void writeVideo(const QString &path, const VideoSpec &spec)
{
    AVFormatContext *raw = nullptr;
    check(
        avformat_alloc_output_context2(&raw, nullptr, nullptr, QFile::encodeName(path).constData()),
        "output context");
    std::unique_ptr<AVFormatContext, OutputFree> fmt(raw);
    const AVCodec *codec = avcodec_find_encoder_by_name(spec.encoder);
    if (!codec)
        throw std::runtime_error(std::string("no encoder ") + spec.encoder);
    AVStream *st = avformat_new_stream(fmt.get(), nullptr);
    CodecPtr enc(avcodec_alloc_context3(codec));
    const bool vfr = !spec.timestamps.isEmpty();
    enc->width = spec.size.width();
    enc->height = spec.size.height();
    enc->time_base = vfr ? AVRational{1, 1000} : AVRational{1, spec.fps};
    enc->framerate = AVRational{spec.fps, 1};
    const bool prores = QByteArray(spec.encoder) == "prores_ks";
    if (prores) // ProRes 4444 carries alpha in 4:4:4 at 10 bits
        enc->pix_fmt = spec.alpha ? AV_PIX_FMT_YUVA444P10LE : AV_PIX_FMT_YUV422P10LE;
    else
        enc->pix_fmt = spec.alpha ? AV_PIX_FMT_YUVA420P : AV_PIX_FMT_YUV420P;
    enc->gop_size = spec.fps; // a keyframe a second, so seeks land near
    enc->colorspace = AVCOL_SPC_BT709;
    enc->color_range = AVCOL_RANGE_MPEG;
    if (QByteArray(spec.encoder) == "libx264") {
        av_opt_set(enc->priv_data, "preset", "ultrafast", 0);
        av_opt_set(enc->priv_data, "crf", "12", 0);
    } else {
        enc->bit_rate = 4000000;
    }
    if (prores && spec.alpha)
        av_opt_set(enc->priv_data, "profile", "4444", 0);
    if (QByteArray(spec.encoder) == "libvpx-vp9") {
        av_opt_set(enc->priv_data, "deadline", "realtime", 0);
        av_opt_set(enc->priv_data, "cpu-used", "8", 0);
    }
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check(avcodec_open2(enc.get(), codec, nullptr), "open encoder");
    check(avcodec_parameters_from_context(st->codecpar, enc.get()), "parameters");
    st->time_base = enc->time_base;
    if (spec.rotation != 0) {
        auto *matrix = reinterpret_cast<int32_t *>(
            av_stream_new_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, sizeof(int32_t) * 9));
        // av_display_rotation_get() of the result is -angle, and players rotate by
        // -get() clockwise: this makes a file shown after turning it `rotation` clockwise.
        av_display_rotation_set(matrix, spec.rotation);
    }

    CodecPtr audio;
    AVStream *ast = nullptr;
    if (spec.withAudio) {
        const AVCodec *aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
        ast = avformat_new_stream(fmt.get(), nullptr);
        audio.reset(avcodec_alloc_context3(aac));
        audio->sample_rate = 48000;
        audio->sample_fmt = AV_SAMPLE_FMT_FLTP;
        av_channel_layout_default(&audio->ch_layout, 2);
        audio->bit_rate = 64000;
        audio->time_base = AVRational{1, 48000};
        if (fmt->oformat->flags & AVFMT_GLOBALHEADER)
            audio->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        check(avcodec_open2(audio.get(), aac, nullptr), "open aac");
        check(avcodec_parameters_from_context(ast->codecpar, audio.get()), "aac parameters");
        ast->time_base = audio->time_base;
    }

    check(avio_open(&fmt->pb, QFile::encodeName(path).constData(), AVIO_FLAG_WRITE), "open file");
    check(avformat_write_header(fmt.get(), nullptr), "header");

    QImage canvas(spec.size, spec.alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    std::unique_ptr<SwsContext, SwsFree> sws(
        sws_getContext(spec.size.width(), spec.size.height(), AV_PIX_FMT_BGRA, spec.size.width(),
                       spec.size.height(), enc->pix_fmt, SWS_BICUBIC, nullptr, nullptr, nullptr));
    sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_ITU709), 1,
                             sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
    FramePtr frame(av_frame_alloc());
    frame->width = spec.size.width();
    frame->height = spec.size.height();
    frame->format = enc->pix_fmt;
    check(av_frame_get_buffer(frame.get(), 0), "frame buffer");
    for (int i = 0; i < spec.frames; ++i) {
        const double t = vfr ? spec.timestamps.value(i) : double(i) / spec.fps;
        canvas.fill(spec.alpha ? Qt::transparent : Qt::black);
        {
            QPainter painter(&canvas);
            spec.paint(painter, i, t);
        }
        check(av_frame_make_writable(frame.get()), "writable");
        const uint8_t *src[1] = {canvas.constBits()};
        const int stride[1] = {int(canvas.bytesPerLine())};
        sws_scale(sws.get(), src, stride, 0, spec.size.height(), frame->data, frame->linesize);
        frame->pts = vfr ? std::llround(t * 1000) : i;
        writePackets(fmt.get(), enc.get(), st, frame.get());
    }
    writePackets(fmt.get(), enc.get(), st, nullptr);

    if (audio) {
        const double seconds =
            vfr ? spec.timestamps.last() + 1.0 / spec.fps : double(spec.frames) / spec.fps;
        const int total = int(seconds * 48000);
        FramePtr af(av_frame_alloc());
        af->nb_samples = audio->frame_size;
        af->format = audio->sample_fmt;
        check(av_channel_layout_copy(&af->ch_layout, &audio->ch_layout), "layout");
        check(av_frame_get_buffer(af.get(), 0), "audio buffer");
        for (int s = 0; s < total; s += audio->frame_size) {
            check(av_frame_make_writable(af.get()), "writable audio");
            for (int c = 0; c < 2; ++c) {
                auto *plane = reinterpret_cast<float *>(af->data[c]);
                for (int k = 0; k < af->nb_samples; ++k)
                    plane[k] = spec.sound ? float(spec.sound(double(s + k) / 48000)) : 0.0f;
            }
            af->pts = s;
            writePackets(fmt.get(), audio.get(), ast, af.get());
        }
        writePackets(fmt.get(), audio.get(), ast, nullptr);
    }
    check(av_write_trailer(fmt.get()), "trailer");
}

VideoFacts probe(const QString &path)
{
    VideoFacts facts;
    AVFormatContext *raw = nullptr;
    check(avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr), "open");
    InputPtr fmt(raw);
    check(avformat_find_stream_info(fmt.get(), nullptr), "stream info");
    facts.duration = fmt->duration > 0 ? double(fmt->duration) / AV_TIME_BASE : 0;
    int video = -1;
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        const AVCodecParameters *par = fmt->streams[i]->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO) {
            ++facts.videoStreams;
            if (video < 0)
                video = int(i);
        } else if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
            ++facts.audioStreams;
        }
    }
    if (video < 0)
        return facts;
    AVStream *st = fmt->streams[video];
    facts.width = st->codecpar->width;
    facts.height = st->codecpar->height;
    facts.codec = QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id));
    facts.pixelFormat =
        QString::fromLatin1(av_get_pix_fmt_name(AVPixelFormat(st->codecpar->format)));
    facts.fps = av_q2d(st->avg_frame_rate);

    decodeStream(fmt.get(), video, [&](const AVFrame *) { ++facts.frames; });

    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray head = file.read(1 << 20);
        const qsizetype moov = head.indexOf("moov");
        const qsizetype mdat = head.indexOf("mdat");
        facts.faststart = moov >= 0 && (mdat < 0 || moov < mdat);
    }
    return facts;
}

QList<QImage> frames(const QString &path, const QList<int> &indexes)
{
    QList<QImage> result(indexes.size());
    AVFormatContext *raw = nullptr;
    check(avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr), "open");
    InputPtr fmt(raw);
    check(avformat_find_stream_info(fmt.get(), nullptr), "stream info");
    const int video = av_find_best_stream(fmt.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    check(video, "video stream");
    int index = 0;
    decodeStream(fmt.get(), video, [&](const AVFrame *frame) {
        for (qsizetype k = 0; k < indexes.size(); ++k) {
            if (indexes[k] != index)
                continue;
            QImage image(frame->width, frame->height, QImage::Format_RGB32);
            std::unique_ptr<SwsContext, SwsFree> sws(sws_getContext(
                frame->width, frame->height, AVPixelFormat(frame->format), frame->width,
                frame->height, AV_PIX_FMT_BGRA,
                SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
            const int cs = frame->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
            sws_setColorspaceDetails(sws.get(), sws_getCoefficients(cs),
                                     frame->color_range == AVCOL_RANGE_JPEG ? 1 : 0,
                                     sws_getCoefficients(cs), 1, 0, 1 << 16, 1 << 16);
            uint8_t *dst[1] = {image.bits()};
            const int stride[1] = {int(image.bytesPerLine())};
            sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, dst, stride);
            result[k] = image;
        }
        ++index;
    });
    return result;
}

QColor sample(const QImage &image, QPoint at, int radius)
{
    long r = 0, g = 0, b = 0, n = 0;
    for (int y = at.y() - radius; y <= at.y() + radius; ++y)
        for (int x = at.x() - radius; x <= at.x() + radius; ++x) {
            if (!image.valid(x, y))
                continue;
            const QRgb px = image.pixel(x, y);
            r += qRed(px);
            g += qGreen(px);
            b += qBlue(px);
            ++n;
        }
    if (n == 0)
        return {};
    return QColor(int(r / n), int(g / n), int(b / n));
}

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(QColor c)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

namespace {

void putSample(AVFrame *frame, int channel, int index, double value)
{
    const auto format = AVSampleFormat(frame->format);
    const bool planar = av_sample_fmt_is_planar(format);
    const int channels = frame->ch_layout.nb_channels;
    uint8_t *plane = frame->extended_data[planar ? channel : 0];
    const int at = planar ? index : index * channels + channel;
    switch (av_get_packed_sample_fmt(format)) {
    case AV_SAMPLE_FMT_FLT:
        reinterpret_cast<float *>(plane)[at] = float(value);
        return;
    case AV_SAMPLE_FMT_S16:
        reinterpret_cast<int16_t *>(plane)[at] = int16_t(std::lround(value * 32767));
        return;
    case AV_SAMPLE_FMT_S32:
        reinterpret_cast<int32_t *>(plane)[at] = int32_t(std::llround(value * 2147483647.0));
        return;
    default:
        throw std::runtime_error(std::string("writeTone: unhandled sample format ") +
                                 av_get_sample_fmt_name(format));
    }
}

double getSample(const AVFrame *frame, int channel, int index)
{
    const auto format = AVSampleFormat(frame->format);
    const bool planar = av_sample_fmt_is_planar(format);
    const uint8_t *plane = frame->extended_data[planar ? channel : 0];
    const int at = planar ? index : index * frame->ch_layout.nb_channels + channel;
    switch (av_get_packed_sample_fmt(format)) {
    case AV_SAMPLE_FMT_FLT:
        return reinterpret_cast<const float *>(plane)[at];
    case AV_SAMPLE_FMT_S16:
        return reinterpret_cast<const int16_t *>(plane)[at] / 32768.0;
    case AV_SAMPLE_FMT_S32:
        return reinterpret_cast<const int32_t *>(plane)[at] / 2147483648.0;
    default:
        throw std::runtime_error(std::string("decodeAudio: unhandled sample format ") +
                                 av_get_sample_fmt_name(format));
    }
}

} // namespace

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, '\0');
    for (char &c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

void writeTone(const QString &path, double seconds, int sampleRate, int channels, double frequency)
{
    const QString suffix = path.section(QLatin1Char('.'), -1).toLower();
    const char *encoder = suffix == QLatin1String("mp3")    ? "libmp3lame"
                          : suffix == QLatin1String("wav")  ? "pcm_s16le"
                          : suffix == QLatin1String("m4a")  ? "aac"
                          : suffix == QLatin1String("ogg")  ? "libvorbis"
                          : suffix == QLatin1String("flac") ? "flac"
                                                            : nullptr;
    if (!encoder)
        throw std::runtime_error("writeTone: no encoder for " + path.toStdString());
    const AVCodec *codec = avcodec_find_encoder_by_name(encoder);
    if (!codec)
        throw std::runtime_error(std::string("no encoder ") + encoder);
    AVFormatContext *raw = nullptr;
    check(
        avformat_alloc_output_context2(&raw, nullptr, nullptr, QFile::encodeName(path).constData()),
        "output context");
    std::unique_ptr<AVFormatContext, OutputFree> fmt(raw);
    AVStream *st = avformat_new_stream(fmt.get(), nullptr);
    CodecPtr enc(avcodec_alloc_context3(codec));
    enc->sample_fmt = codec->sample_fmts ? codec->sample_fmts[0] : AV_SAMPLE_FMT_S16;
    enc->sample_rate = sampleRate;
    av_channel_layout_default(&enc->ch_layout, channels);
    enc->bit_rate = 128000;
    enc->time_base = AVRational{1, sampleRate};
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check(avcodec_open2(enc.get(), codec, nullptr), "open audio encoder");
    check(avcodec_parameters_from_context(st->codecpar, enc.get()), "audio parameters");
    st->time_base = enc->time_base;
    check(avio_open(&fmt->pb, QFile::encodeName(path).constData(), AVIO_FLAG_WRITE), "open file");
    check(avformat_write_header(fmt.get(), nullptr), "header");

    const int frameSize = enc->frame_size > 0 ? enc->frame_size : 1024;
    FramePtr frame(av_frame_alloc());
    frame->format = enc->sample_fmt;
    frame->sample_rate = sampleRate;
    frame->nb_samples = frameSize;
    check(av_channel_layout_copy(&frame->ch_layout, &enc->ch_layout), "layout");
    check(av_frame_get_buffer(frame.get(), 0), "audio buffer");
    const int64_t total = std::llround(seconds * sampleRate);
    for (int64_t s = 0; s < total; s += frameSize) {
        frame->nb_samples = frameSize;
        check(av_frame_make_writable(frame.get()), "writable audio");
        frame->nb_samples = int(std::min<int64_t>(frameSize, total - s));
        for (int i = 0; i < frame->nb_samples; ++i) {
            const double v =
                0.5 * std::sin(2 * std::numbers::pi * frequency * double(s + i) / sampleRate);
            for (int c = 0; c < channels; ++c)
                putSample(frame.get(), c, i, v);
        }
        frame->pts = s;
        writePackets(fmt.get(), enc.get(), st, frame.get());
    }
    writePackets(fmt.get(), enc.get(), st, nullptr);
    check(av_write_trailer(fmt.get()), "trailer");
}

double AudioTrack::rms(double from, double to) const
{
    const qsizetype begin = std::clamp<qsizetype>(qsizetype(from * sampleRate), 0, samples.size());
    const qsizetype end = std::clamp<qsizetype>(qsizetype(to * sampleRate), begin, samples.size());
    if (end == begin)
        return 0;
    double sum = 0;
    for (qsizetype i = begin; i < end; ++i)
        sum += double(samples[i]) * samples[i];
    return std::sqrt(sum / double(end - begin));
}

AudioTrack decodeAudio(const QString &path)
{
    AudioTrack track;
    AVFormatContext *raw = nullptr;
    check(avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr), "open");
    InputPtr fmt(raw);
    check(avformat_find_stream_info(fmt.get(), nullptr), "stream info");
    const int index = av_find_best_stream(fmt.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (index < 0)
        return track;
    AVStream *st = fmt->streams[index];
    track.codec = QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id));
    track.sampleRate = st->codecpar->sample_rate;
    track.channels = st->codecpar->ch_layout.nb_channels;
    if (st->duration != AV_NOPTS_VALUE)
        track.streamDuration = double(st->duration) * av_q2d(st->time_base);
    decodeStream(fmt.get(), index, [&](const AVFrame *frame) {
        for (int i = 0; i < frame->nb_samples; ++i)
            track.samples.append(float(getSample(frame, 0, i)));
    });
    return track;
}

QList<QImage> grayFrames(const QString &path, QSize size)
{
    QList<QImage> result;
    AVFormatContext *raw = nullptr;
    check(avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr), "open");
    InputPtr fmt(raw);
    check(avformat_find_stream_info(fmt.get(), nullptr), "stream info");
    const int video = av_find_best_stream(fmt.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    check(video, "video stream");
    std::unique_ptr<SwsContext, SwsFree> sws;
    decodeStream(fmt.get(), video, [&](const AVFrame *frame) {
        if (!sws)
            sws.reset(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format),
                                     size.width(), size.height(), AV_PIX_FMT_GRAY8, SWS_AREA,
                                     nullptr, nullptr, nullptr));
        QImage image(size, QImage::Format_Grayscale8);
        uint8_t *dst[1] = {image.bits()};
        const int stride[1] = {int(image.bytesPerLine())};
        sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, dst, stride);
        result << image;
    });
    return result;
}

} // namespace testmedia
