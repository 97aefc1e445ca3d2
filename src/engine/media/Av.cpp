#include "media/Av.h"

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

FormatInput openInput(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwBadInput(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile() || !info.isReadable())
        throwBadInput(QStringLiteral("%1: not a readable file").arg(path));
    AVFormatContext *raw = nullptr;
    const int ret = avformat_open_input(&raw, pathBytes(path).constData(), nullptr, nullptr);
    if (ret < 0)
        throwBadInput(QStringLiteral("%1: cannot open as media (%2)").arg(path, errorText(ret)));
    FormatInput input(raw);
    const int found = avformat_find_stream_info(input.get(), nullptr);
    if (found < 0)
        throwBadInput(
            QStringLiteral("%1: cannot read stream info (%2)").arg(path, errorText(found)));
    return input;
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

    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
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
