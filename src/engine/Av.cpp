#include "Av.h"

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

} // namespace reelsmith::av
