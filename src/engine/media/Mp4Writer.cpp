#include "media/Mp4Writer.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

namespace reelsmith {

Mp4Writer::Mp4Writer(const QString &path, const OutputSettings &enc,
                     const std::optional<AudioEncoding> &audio)
    : m_path(path)
{
    AVFormatContext *raw = nullptr;
    av::check(avformat_alloc_output_context2(&raw, nullptr, "mp4", av::pathBytes(path).constData()),
              QStringLiteral("%1: creating the MP4 muxer").arg(path));
    m_format.reset(raw);

    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        throwFailure(QStringLiteral("the libx264 encoder is missing from this FFmpeg build"));
    m_stream = avformat_new_stream(m_format.get(), nullptr);
    if (!m_stream)
        throwFailure(QStringLiteral("%1: cannot add a video stream").arg(path));
    m_encoder.reset(avcodec_alloc_context3(codec));
    if (!m_encoder)
        throwFailure(QStringLiteral("out of memory for the H.264 encoder"));

    AVCodecContext *c = m_encoder.get();
    c->width = enc.width;
    c->height = enc.height;
    c->time_base = AVRational{1, enc.fps};
    c->framerate = AVRational{enc.fps, 1};
    c->sample_aspect_ratio = AVRational{1, 1};
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->thread_count = enc.threads;
    c->color_range = AVCOL_RANGE_MPEG;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    if (enc.maxrateKbps > 0) {
        c->rc_max_rate = int64_t(enc.maxrateKbps) * 1000;
        c->rc_buffer_size = (enc.bufsizeKbps > 0 ? enc.bufsizeKbps : 2 * enc.maxrateKbps) * 1000;
    }
    if (m_format->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av::check(av_opt_set(c->priv_data, "preset", enc.preset.toUtf8().constData(), 0),
              QStringLiteral("x264 preset \"%1\"").arg(enc.preset), ErrorKind::BadInput);
    av::check(av_opt_set_double(c->priv_data, "crf", enc.crf, 0),
              QStringLiteral("x264 crf %1").arg(enc.crf), ErrorKind::BadInput);
    if (!enc.tune.isEmpty())
        av::check(av_opt_set(c->priv_data, "tune", enc.tune.toUtf8().constData(), 0),
                  QStringLiteral("x264 tune \"%1\"").arg(enc.tune), ErrorKind::BadInput);
    av::check(avcodec_open2(c, codec, nullptr), QStringLiteral("opening the H.264 encoder"));

    av::check(avcodec_parameters_from_context(m_stream->codecpar, c),
              QStringLiteral("copying encoder parameters"));
    m_stream->time_base = c->time_base;
    m_stream->avg_frame_rate = c->framerate;
    if (audio)
        addAudioStream(*audio); // streams must all exist before the header is written

    av::check(avio_open(&m_format->pb, av::pathBytes(path).constData(), AVIO_FLAG_WRITE),
              QStringLiteral("%1: cannot create").arg(path));
    AVDictionary *options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    const int header = avformat_write_header(m_format.get(), &options);
    av_dict_free(&options);
    av::check(header, QStringLiteral("%1: writing the MP4 header").arg(path));

    m_packet = av::allocPacket();
}

void Mp4Writer::addAudioStream(const AudioEncoding &enc)
{
    const AVCodec *codec = avcodec_find_encoder_by_name("aac");
    if (!codec)
        throwFailure(QStringLiteral("the aac encoder is missing from this FFmpeg build"));
    m_audioStream = avformat_new_stream(m_format.get(), nullptr);
    if (!m_audioStream)
        throwFailure(QStringLiteral("%1: cannot add an audio stream").arg(m_path));
    m_audioEncoder.reset(avcodec_alloc_context3(codec));
    if (!m_audioEncoder)
        throwFailure(QStringLiteral("out of memory for the AAC encoder"));

    AVCodecContext *c = m_audioEncoder.get();
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    c->sample_rate = enc.sampleRate;
    av_channel_layout_default(&c->ch_layout, enc.channels);
    c->bit_rate = int64_t(enc.bitrateKbps) * 1000;
    c->time_base = AVRational{1, enc.sampleRate};
    if (m_format->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av::check(avcodec_open2(c, codec, nullptr),
              QStringLiteral("opening the AAC encoder (%1 Hz, %2 channels, %3 kbit/s)")
                  .arg(enc.sampleRate)
                  .arg(enc.channels)
                  .arg(enc.bitrateKbps));
    av::check(avcodec_parameters_from_context(m_audioStream->codecpar, c),
              QStringLiteral("copying audio encoder parameters"));
    m_audioStream->time_base = c->time_base;

    m_audioFrame = av::allocFrame();
    m_audioFrame->format = c->sample_fmt;
    m_audioFrame->sample_rate = c->sample_rate;
    m_audioFrame->nb_samples = c->frame_size;
    av::check(av_channel_layout_copy(&m_audioFrame->ch_layout, &c->ch_layout),
              QStringLiteral("copying the audio channel layout"));
    av::check(av_frame_get_buffer(m_audioFrame.get(), 0),
              QStringLiteral("allocating a %1-sample audio frame").arg(c->frame_size));
}

Mp4Writer::~Mp4Writer()
{
    if (m_format && m_format->pb)
        avio_closep(&m_format->pb);
}

AVFrame *Mp4Writer::frame()
{
    if (!m_frame)
        m_frame = av::allocVideoFrame(m_encoder->width, m_encoder->height, m_encoder->pix_fmt);
    // The encoder may still reference the previous picture's buffers.
    av::check(av_frame_make_writable(m_frame.get()), QStringLiteral("making a frame writable"));
    return m_frame.get();
}

void Mp4Writer::submit()
{
    if (!m_frame)
        throwFailure(QStringLiteral("%1: a frame submitted before it was filled").arg(m_path));
    submit(m_frame.get());
}

void Mp4Writer::submit(AVFrame *picture)
{
    const AVCodecContext *c = m_encoder.get();
    if (picture->width != c->width || picture->height != c->height ||
        picture->format != c->pix_fmt) {
        const char *format = av_get_pix_fmt_name(AVPixelFormat(picture->format));
        throwFailure(QStringLiteral("%1: a %2x%3 %4 frame submitted to a %5x%6 %7 encoder")
                         .arg(m_path)
                         .arg(picture->width)
                         .arg(picture->height)
                         .arg(QString::fromLatin1(format ? format : "unknown-format"))
                         .arg(c->width)
                         .arg(c->height)
                         .arg(QString::fromLatin1(av_get_pix_fmt_name(c->pix_fmt))));
    }
    picture->pts = m_frames++;
    av::check(avcodec_send_frame(m_encoder.get(), picture),
              QStringLiteral("encoding frame %1").arg(picture->pts));
    drain(m_encoder.get(), m_stream, false);
}

AVFrame *Mp4Writer::audioFrame()
{
    if (!m_audioEncoder)
        throwFailure(QStringLiteral("%1: audio submitted to a writer without audio").arg(m_path));
    // Restored before make_writable, which copies at the frame's current size.
    m_audioFrame->nb_samples = m_audioEncoder->frame_size;
    av::check(av_frame_make_writable(m_audioFrame.get()),
              QStringLiteral("making an audio frame writable"));
    return m_audioFrame.get();
}

void Mp4Writer::submitAudio()
{
    m_audioFrame->pts = m_audioSamples;
    m_audioSamples += m_audioFrame->nb_samples;
    av::check(avcodec_send_frame(m_audioEncoder.get(), m_audioFrame.get()),
              QStringLiteral("encoding audio at sample %1").arg(m_audioFrame->pts));
    drain(m_audioEncoder.get(), m_audioStream, false);
}

void Mp4Writer::drain(AVCodecContext *encoder, AVStream *stream, bool flushing)
{
    const bool video = encoder->codec_type == AVMEDIA_TYPE_VIDEO;
    for (;;) {
        const int ret = avcodec_receive_packet(encoder, m_packet.get());
        if (ret == AVERROR(EAGAIN) && !flushing)
            return;
        if (ret == AVERROR_EOF)
            return;
        av::check(ret, video ? QStringLiteral("encoding video") : QStringLiteral("encoding audio"));
        if (video && m_packet->duration == 0)
            m_packet->duration = 1; // one frame, so the stream's length counts the last one
        av_packet_rescale_ts(m_packet.get(), encoder->time_base, stream->time_base);
        m_packet->stream_index = stream->index;
        // av_interleaved_write_frame takes the packet's reference.
        av::check(av_interleaved_write_frame(m_format.get(), m_packet.get()),
                  QStringLiteral("%1: writing %2")
                      .arg(m_path, video ? QStringLiteral("video") : QStringLiteral("audio")));
    }
}

void Mp4Writer::finish()
{
    if (m_finished)
        return;
    av::check(avcodec_send_frame(m_encoder.get(), nullptr), QStringLiteral("flushing the encoder"));
    drain(m_encoder.get(), m_stream, true);
    if (m_audioEncoder) {
        av::check(avcodec_send_frame(m_audioEncoder.get(), nullptr),
                  QStringLiteral("flushing the audio encoder"));
        drain(m_audioEncoder.get(), m_audioStream, true);
    }
    av::check(av_write_trailer(m_format.get()),
              QStringLiteral("%1: finishing the MP4").arg(m_path));
    av::check(avio_closep(&m_format->pb), QStringLiteral("%1: closing").arg(m_path));
    m_finished = true;
}

} // namespace reelsmith
