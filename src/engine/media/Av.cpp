#include "media/Av.h"

extern "C" {
#include <libavutil/avstring.h>
#include <libavutil/pixdesc.h>
}

#include <QFile>
#include <QFileInfo>

namespace reelsmith::av {

QString errorText(int averror)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(averror, buffer, sizeof buffer) < 0)
        return QStringLiteral("error %1").arg(averror);
    return QString::fromLocal8Bit(buffer);
}

int check(int ret, const QString &what, ErrorKind kind)
{
    if (ret < 0)
        throw Error(kind, what + QStringLiteral(": ") + errorText(ret));
    return ret;
}

Frame allocFrame()
{
    Frame frame(av_frame_alloc());
    if (!frame)
        throwFailure(QStringLiteral("out of memory allocating a frame"));
    return frame;
}

Packet allocPacket()
{
    Packet packet(av_packet_alloc());
    if (!packet)
        throwFailure(QStringLiteral("out of memory allocating a packet"));
    return packet;
}

Frame allocVideoFrame(int width, int height, AVPixelFormat format)
{
    Frame frame = allocFrame();
    frame->width = width;
    frame->height = height;
    frame->format = format;
    check(av_frame_get_buffer(frame.get(), 0),
          QStringLiteral("allocating a %1x%2 frame").arg(width).arg(height));
    return frame;
}

QByteArray pathBytes(const QString &path)
{
    return QFile::encodeName(path);
}

// Every demuxer that can read a file the user gave us, and nothing else.
// FFmpeg opens by content, and some "formats" are lists of other files by
// path (hls, concat, dash, imf): a background or soundtrack of that kind
// would pull any local video into the render, so a project could read files
// it does not name. The ones kept are self-contained containers (names as
// FFmpeg 5.1 spells them; a family such as "mov,mp4,m4a,3gp,3g2,mj2" matches
// by any of its names):
//   mov       MP4, MOV, M4A, 3GP: phone clips, the built-in backgrounds, AAC
//             soundtracks (its "data references" to other files stay off:
//             enable_drefs below)
//   matroska  MKV and WebM
//   avi, flv  older cameras and downloads
//   mpegts    .ts/.m2ts camcorder and broadcast recordings
//   mpeg      .mpg/.vob program streams
//   ogg, wav, mp3, flac, aac (ADTS)   soundtracks
// No picture demuxers (image2, *_pipe): pictures are read by ImageLoader, and
// image2 expands "%d" patterns in a name into other files. Adding a demuxer
// here means checking that it never opens another file by name.
const char *const kDemuxerWhitelist = "mov,matroska,avi,flv,mpegts,mpeg,ogg,wav,mp3,flac,aac";

namespace {

// Demuxers that read a list of other files: only for saying why one is refused.
constexpr const char *kListDemuxers = "hls,concat,dash,imf";

// `file` only, for the file itself and for anything a demuxer would open
// from it (nested opens inherit the context's protocol whitelist).
constexpr const char *kProtocolWhitelist = "file";

Dictionary inputOptions()
{
    AVDictionary *raw = nullptr;
    int ret = av_dict_set(&raw, "format_whitelist", kDemuxerWhitelist, 0);
    if (ret >= 0)
        ret = av_dict_set(&raw, "protocol_whitelist", kProtocolWhitelist, 0);
    if (ret >= 0)
        ret = av_dict_set(&raw, "enable_drefs", "0", 0); // the mov demuxer's; its default
    Dictionary options(raw);
    check(ret, QStringLiteral("setting input options"));
    return options;
}

QByteArray fileUrl(const QString &path)
{
    // An explicit protocol: a name such as "concat:a.mp4|b.mp4" or "data:..."
    // is the file of that name, not a protocol.
    return "file:" + pathBytes(QFileInfo(path).absoluteFilePath());
}

} // namespace

const AVInputFormat *probeFormat(const QString &path)
{
    const QByteArray url = fileUrl(path);
    AVDictionary *raw = nullptr;
    if (av_dict_set(&raw, "protocol_whitelist", kProtocolWhitelist, 0) < 0) {
        av_dict_free(&raw);
        return nullptr;
    }
    AVIOContext *io = nullptr;
    const int opened = avio_open2(&io, url.constData(), AVIO_FLAG_READ, nullptr, &raw);
    av_dict_free(&raw);
    if (opened < 0)
        return nullptr;
    const Io owned(io);
    const AVInputFormat *format = nullptr;
    if (av_probe_input_buffer2(owned.get(), &format, url.constData(), nullptr, 0, 0) < 0)
        return nullptr;
    return format;
}

FormatInput openInput(const QString &path, InputProbe probe, AVMediaType only)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwBadInput(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile() || !info.isReadable())
        throwBadInput(QStringLiteral("%1: not a readable file").arg(path));
    const QByteArray url = fileUrl(path);
    Dictionary options = inputOptions();
    AVDictionary *rawOptions = options.release();
    AVFormatContext *raw = nullptr;
    const int ret = avformat_open_input(&raw, url.constData(), nullptr, &rawOptions);
    options.reset(rawOptions); // what no one used
    if (ret < 0) {
        // A demuxer off the whitelist fails with EINVAL after the probe
        // named it; say which, so a playlist is not reported as "damaged".
        const AVInputFormat *refused = ret == AVERROR(EINVAL) ? probeFormat(path) : nullptr;
        if (refused && av_match_list(refused->name, kListDemuxers, ',') > 0)
            throwBadInput(QStringLiteral("%1: is a list of other files (%2), which is never "
                                         "opened: a project reads only the files it names")
                              .arg(path, QString::fromLatin1(refused->name)));
        if (refused && av_match_list(refused->name, kDemuxerWhitelist, ',') <= 0)
            throwBadInput(QStringLiteral("%1: %2 is not a video or audio format this program reads")
                              .arg(path, QString::fromLatin1(refused->long_name ? refused->long_name
                                                                                : refused->name)));
        // "Invalid data" and the like only repeat that nothing recognised
        // the content; other reasons (an I/O error) are worth showing.
        const bool unrecognised = ret == AVERROR_INVALIDDATA || ret == AVERROR(EINVAL);
        throwBadInput(
            QStringLiteral("%1: not a picture, video or audio file this program can read%2")
                .arg(path, unrecognised ? QString() : QStringLiteral(" (%1)").arg(errorText(ret))));
    }
    FormatInput input(raw);
    if (only != AVMEDIA_TYPE_UNKNOWN)
        for (unsigned i = 0; i < input->nb_streams; ++i)
            if (input->streams[i]->codecpar->codec_type != only)
                input->streams[i]->discard = AVDISCARD_ALL;
    if (probe == InputProbe::StreamInfo) {
        const int found = avformat_find_stream_info(input.get(), nullptr);
        if (found < 0)
            throwBadInput(
                QStringLiteral("%1: cannot read stream info (%2)").arg(path, errorText(found)));
    }
    return input;
}

bool streamHasAlpha(const AVStream *stream)
{
    const AVDictionaryEntry *mode = av_dict_get(stream->metadata, "alpha_mode", nullptr, 0);
    if (mode && QByteArray(mode->value) == "1")
        return true;
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(AVPixelFormat(stream->codecpar->format));
    return desc && (desc->flags & AV_PIX_FMT_FLAG_ALPHA);
}

int openBestStreamDecoder(AVFormatContext *input, AVMediaType type, const QString &path,
                          int threads, CodecContext &decoder)
{
    const QString kind = QString::fromLatin1(av_get_media_type_string(type));
    const int index = av_find_best_stream(input, type, -1, -1, nullptr, 0);
    if (index < 0)
        throwBadInput(QStringLiteral("%1: has no %2 stream").arg(path, kind));
    AVStream *stream = input->streams[index];
    // Other streams (cover art, audio, subtitles) would be read and thrown away packet by packet.
    for (unsigned i = 0; i < input->nb_streams; ++i)
        if (int(i) != index)
            input->streams[i]->discard = AVDISCARD_ALL;

    const AVCodec *codec = nullptr;
    // FFmpeg's own VP9 decoder ignores WebM's alpha side data (FFmpeg 5.1).
    if (stream->codecpar->codec_id == AV_CODEC_ID_VP9 && streamHasAlpha(stream))
        codec = avcodec_find_decoder_by_name("libvpx-vp9");
    if (!codec)
        codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec)
        throwBadInput(QStringLiteral("%1: no decoder for its %2 %3")
                          .arg(path,
                               QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id)),
                               kind));
    decoder.reset(avcodec_alloc_context3(codec));
    if (!decoder)
        throwFailure(QStringLiteral("%1: out of memory for a decoder").arg(path));
    check(avcodec_parameters_to_context(decoder.get(), stream->codecpar),
          QStringLiteral("%1: reading decoder parameters").arg(path));
    decoder->thread_count = std::max(1, threads);
    decoder->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    decoder->pkt_timebase = stream->time_base;
    check(avcodec_open2(decoder.get(), codec, nullptr),
          QStringLiteral("%1: opening the %2 decoder").arg(path, QString::fromLatin1(codec->name)),
          ErrorKind::BadInput);
    return index;
}

} // namespace reelsmith::av
