#include "media/Mp4Writer.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstring>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

namespace reelsmith {

Mp4Writer::Mp4Writer(const QString &path, const OutputSettings &enc,
                     const std::optional<AudioEncoding> &audio, const QList<TimedText> &subtitles)
    : m_path(path), m_cues(subtitles)
{
    AVFormatContext *raw = nullptr;
    av::check(avformat_alloc_output_context2(&raw, nullptr, "mp4", av::pathBytes(path).constData()),
              QStringLiteral("%1: creating the MP4 muxer").arg(path));
    m_format.reset(raw);

    const AVCodec *codec = addTrack(m_video, "libx264");
    AVCodecContext *c = m_video.encoder.get();
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
    av::check(av_opt_set(c->priv_data, "preset", enc.preset.toUtf8().constData(), 0),
              QStringLiteral("x264 preset \"%1\"").arg(enc.preset), ErrorKind::BadInput);
    av::check(av_opt_set_double(c->priv_data, "crf", enc.crf, 0),
              QStringLiteral("x264 crf %1").arg(enc.crf), ErrorKind::BadInput);
    if (!enc.tune.isEmpty())
        av::check(av_opt_set(c->priv_data, "tune", enc.tune.toUtf8().constData(), 0),
                  QStringLiteral("x264 tune \"%1\"").arg(enc.tune), ErrorKind::BadInput);
    // The preset's frame threads, lookahead, references and B-frames, lowered
    // when they would take the render over its memory budget at this size
    // (core/OutputSettings.cpp has the model and its measurements).
    // REELSMITH_X264_UNCAPPED=1 keeps the preset's own, for measuring what
    // the caps cost.
    const X264MemoryPlan plan = memoryCappedPlan(enc, QThread::idealThreadCount());
    if (plan.capped && !qEnvironmentVariableIsSet("REELSMITH_X264_UNCAPPED")) {
        c->thread_count = plan.frameThreads;
        const QByteArray params = plan.x264Params().toLatin1();
        av::check(av_opt_set(c->priv_data, "x264-params", params.constData(), 0),
                  QStringLiteral("x264 parameters \"%1\"").arg(QLatin1String(params)));
    }
    openTrack(m_video, codec, QStringLiteral("the H.264 encoder"));
    m_video.stream->avg_frame_rate = c->framerate;
    if (audio)
        addAudioStream(*audio); // streams must all exist before the header is written
    if (!m_cues.isEmpty())
        addSubtitleStream();

    av::check(avio_open(&m_format->pb, av::pathBytes(path).constData(), AVIO_FLAG_WRITE),
              QStringLiteral("%1: cannot create").arg(path));
    AVDictionary *options = nullptr;
    av::check(av_dict_set(&options, "movflags", "+faststart", 0),
              QStringLiteral("setting the MP4 options"));
    const int header = avformat_write_header(m_format.get(), &options);
    av_dict_free(&options);
    av::check(header, QStringLiteral("%1: writing the MP4 header").arg(path));

    m_packet = av::allocPacket();
}

// A stream in the file and an encoder context for it (mux.c's add_stream);
// the caller sets the encoder up, then openTrack().
const AVCodec *Mp4Writer::addTrack(Track &track, const char *encoderName)
{
    const AVCodec *codec = avcodec_find_encoder_by_name(encoderName);
    if (!codec)
        throwFailure(QStringLiteral("the %1 encoder is missing from this FFmpeg build")
                         .arg(QString::fromLatin1(encoderName)));
    track.stream = avformat_new_stream(m_format.get(), nullptr);
    if (!track.stream)
        throwFailure(QStringLiteral("%1: cannot add a stream for %2")
                         .arg(m_path, QString::fromLatin1(encoderName)));
    track.encoder.reset(avcodec_alloc_context3(codec));
    if (!track.encoder)
        throwFailure(QStringLiteral("out of memory for the %1 encoder")
                         .arg(QString::fromLatin1(encoderName)));
    if (m_format->oformat->flags & AVFMT_GLOBALHEADER)
        track.encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    return codec;
}

void Mp4Writer::openTrack(Track &track, const AVCodec *codec, const QString &what)
{
    AVCodecContext *c = track.encoder.get();
    av::check(avcodec_open2(c, codec, nullptr), QStringLiteral("opening %1").arg(what));
    av::check(avcodec_parameters_from_context(track.stream->codecpar, c),
              QStringLiteral("copying the parameters of %1").arg(what));
    track.stream->time_base = c->time_base;
}

void Mp4Writer::addAudioStream(const AudioEncoding &enc)
{
    const AVCodec *codec = addTrack(m_audio, "aac");
    AVCodecContext *c = m_audio.encoder.get();
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    c->sample_rate = enc.sampleRate;
    av_channel_layout_default(&c->ch_layout, enc.channels);
    c->bit_rate = int64_t(enc.bitrateKbps) * 1000;
    c->time_base = AVRational{1, enc.sampleRate};
    // FFmpeg's default "twoloop" quantiser search cost 1.55 s of CPU for a
    // 25 s narrated mix where "fast" costs 0.50 s: most of what sound added to
    // a render (1.37x the silent job's wall time before, bench/narration). At
    // 128 kbit/s for speech and music the difference is not what a listener
    // on a phone notices; the render's time is.
    av::check(av_opt_set(c->priv_data, "aac_coder", "fast", 0),
              QStringLiteral("choosing the AAC encoder's fast coder"));
    openTrack(m_audio, codec,
              QStringLiteral("the AAC encoder (%1 Hz, %2 channels, %3 kbit/s)")
                  .arg(enc.sampleRate)
                  .arg(enc.channels)
                  .arg(enc.bitrateKbps));

    m_audio.frame = av::allocFrame();
    AVFrame *frame = m_audio.frame.get();
    frame->format = c->sample_fmt;
    frame->sample_rate = c->sample_rate;
    frame->nb_samples = c->frame_size;
    av::check(av_channel_layout_copy(&frame->ch_layout, &c->ch_layout),
              QStringLiteral("copying the audio channel layout"));
    av::check(av_frame_get_buffer(frame, 0),
              QStringLiteral("allocating a %1-sample audio frame").arg(c->frame_size));
}

Mp4Writer::~Mp4Writer()
{
    if (m_format && m_format->pb)
        avio_closep(&m_format->pb);
}

AVFrame *Mp4Writer::frame()
{
    const AVCodecContext *c = m_video.encoder.get();
    if (!m_video.frame)
        m_video.frame = av::allocVideoFrame(c->width, c->height, c->pix_fmt);
    // The encoder may still reference the previous picture's buffers.
    av::check(av_frame_make_writable(m_video.frame.get()),
              QStringLiteral("making a frame writable"));
    return m_video.frame.get();
}

void Mp4Writer::submit()
{
    if (!m_video.frame)
        throwFailure(QStringLiteral("%1: a frame submitted before it was filled").arg(m_path));
    submit(m_video.frame.get());
}

void Mp4Writer::submit(AVFrame *picture)
{
    const AVCodecContext *c = m_video.encoder.get();
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
    picture->pts = m_video.nextPts++;
    encode(m_video, picture);
}

AVFrame *Mp4Writer::audioFrame()
{
    if (!m_audio.encoder)
        throwFailure(QStringLiteral("%1: audio submitted to a writer without audio").arg(m_path));
    // Restored before make_writable, which copies at the frame's current size.
    m_audio.frame->nb_samples = m_audio.encoder->frame_size;
    av::check(av_frame_make_writable(m_audio.frame.get()),
              QStringLiteral("making an audio frame writable"));
    return m_audio.frame.get();
}

void Mp4Writer::submitAudio()
{
    if (!m_audio.encoder)
        throwFailure(QStringLiteral("%1: audio submitted to a writer without audio").arg(m_path));
    AVFrame *frame = m_audio.frame.get();
    frame->pts = m_audio.nextPts;
    m_audio.nextPts += frame->nb_samples;
    encode(m_audio, frame);
}

namespace {

// The mov_text encoder reads its default style from an ASS header (what
// FFmpeg's ff_ass_subtitle_header_default() writes, which is not public).
constexpr char kAssHeader[] =
    "[Script Info]\r\n"
    "ScriptType: v4.00+\r\n"
    "PlayResX: 384\r\n"
    "PlayResY: 288\r\n"
    "ScaledBorderAndShadow: yes\r\n"
    "\r\n"
    "[V4+ Styles]\r\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\r\n"
    "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1"
    "\r\n"
    "\r\n"
    "[Events]\r\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n";

// A cue's text as an ASS event's text, which the mov_text encoder parses
// (FFmpeg's ass_split): a line break is \N, and a backslash gets a word
// joiner on either side so that no "\N" or "{\" override tag is made of it
// and the text around it. Braces alone are text.
QByteArray assText(const QString &text)
{
    QByteArray out;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += "\\N";
        else if (c == QLatin1Char('\r'))
            continue;
        else if (c == QLatin1Char('\\'))
            out += "\xe2\x81\xa0\\\xe2\x81\xa0";
        else
            out += QString(c).toUtf8();
    }
    return out;
}

} // namespace

void Mp4Writer::addSubtitleStream()
{
    const AVCodec *codec = addTrack(m_subtitles, "mov_text");
    AVCodecContext *c = m_subtitles.encoder.get();
    c->time_base = AVRational{1, 1000};
    c->subtitle_header = static_cast<uint8_t *>(av_mallocz(sizeof kAssHeader));
    if (!c->subtitle_header)
        throwFailure(QStringLiteral("out of memory for the subtitle track"));
    std::memcpy(c->subtitle_header, kAssHeader, sizeof kAssHeader);
    c->subtitle_header_size = int(sizeof kAssHeader - 1);
    openTrack(m_subtitles, codec, QStringLiteral("the mov_text subtitle encoder"));
}

// Every cue, after the video and sound: each stream's packets need only be
// in order within the stream, and the muxer fills the gaps between cues.
void Mp4Writer::writeSubtitles()
{
    AVCodecContext *c = m_subtitles.encoder.get();
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    qint64 lastEnd = 0;
    for (qsizetype i = 0; i < m_cues.size(); ++i) {
        const TimedText &cue = m_cues[i];
        // Milliseconds, never overlapping the cue before (a track holds one
        // cue at a time) and never empty.
        const qint64 start = std::max(lastEnd, qint64(std::llround(cue.start * 1000)));
        const qint64 end = std::max(start + 1, qint64(std::llround(cue.end * 1000)));
        const QByteArray event = "0,0,Default,,0,0,0,," + assText(cue.text);
        AVSubtitleRect rect{};
        rect.type = SUBTITLE_ASS;
        rect.ass = const_cast<char *>(event.constData());
        AVSubtitleRect *rects[] = {&rect};
        AVSubtitle sub{};
        sub.num_rects = 1;
        sub.rects = rects;
        // AV_TIME_BASE_Q is a C99 compound literal, which clang refuses in C++.
        sub.pts = av_rescale_q(start, c->time_base, AVRational{1, AV_TIME_BASE});
        sub.end_display_time = uint32_t(end - start);
        const QString what = QStringLiteral("%1: subtitle cue %2").arg(m_path).arg(i + 1);
        const int size = avcodec_encode_subtitle(c, reinterpret_cast<uint8_t *>(buffer.data()),
                                                 int(buffer.size()), &sub);
        if (size < 0)
            av::check(size, QStringLiteral("encoding %1").arg(what));
        av::check(av_new_packet(m_packet.get(), size),
                  QStringLiteral("out of memory for %1").arg(what));
        std::memcpy(m_packet->data, buffer.constData(), size_t(size));
        m_packet->pts = m_packet->dts = start;
        m_packet->duration = end - start;
        m_packet->flags |= AV_PKT_FLAG_KEY;
        av_packet_rescale_ts(m_packet.get(), c->time_base, m_subtitles.stream->time_base);
        m_packet->stream_index = m_subtitles.stream->index;
        const int written = av_interleaved_write_frame(m_format.get(), m_packet.get());
        if (written < 0)
            av::check(written, QStringLiteral("writing %1").arg(what));
        lastEnd = end;
    }
}

void Mp4Writer::encode(Track &track, AVFrame *frame)
{
    AVCodecContext *encoder = track.encoder.get();
    const bool video = encoder->codec_type == AVMEDIA_TYPE_VIDEO;
    // Messages are made only on failure: this runs for every frame.
    const auto kind = [video] { return video ? QStringLiteral("video") : QStringLiteral("audio"); };
    const int sent = avcodec_send_frame(encoder, frame);
    if (sent < 0)
        av::check(sent, !frame  ? QStringLiteral("flushing the %1 encoder").arg(kind())
                        : video ? QStringLiteral("encoding frame %1").arg(frame->pts)
                                : QStringLiteral("encoding audio at sample %1").arg(frame->pts));
    for (;;) {
        const int ret = avcodec_receive_packet(encoder, m_packet.get());
        // A flushed encoder gives every packet it holds, then EOF; asking
        // for more input then would be a broken encoder.
        if (ret == AVERROR(EAGAIN) && frame)
            return;
        if (ret == AVERROR_EOF)
            return;
        if (ret < 0)
            av::check(ret, QStringLiteral("encoding %1").arg(kind()));
        if (video && m_packet->duration == 0)
            m_packet->duration = 1; // one frame, so the stream's length counts the last one
        av_packet_rescale_ts(m_packet.get(), encoder->time_base, track.stream->time_base);
        m_packet->stream_index = track.stream->index;
        // av_interleaved_write_frame takes the packet's reference.
        const int written = av_interleaved_write_frame(m_format.get(), m_packet.get());
        if (written < 0)
            av::check(written, QStringLiteral("%1: writing %2").arg(m_path, kind()));
    }
}

void Mp4Writer::finish()
{
    if (m_finished)
        return;
    encode(m_video, nullptr);
    if (m_audio.encoder)
        encode(m_audio, nullptr);
    if (m_subtitles.encoder)
        writeSubtitles();
    av::check(av_write_trailer(m_format.get()),
              QStringLiteral("%1: finishing the MP4").arg(m_path));
    av::check(avio_closep(&m_format->pb), QStringLiteral("%1: closing").arg(m_path));
    m_finished = true;
}

} // namespace reelsmith
