#include "media/MediaProbe.h"

#include "media/Av.h"
#include "media/ImageLoader.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {

// Dividing by the power of ten (not multiplying by a step such as 0.001)
// gives the double nearest the decimal, which JSON then prints short: 2.006.
double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// Qt's reader maps EXIF orientations to transformations; this is its inverse.
int exifOrientation(QImageIOHandler::Transformations t)
{
    using T = QImageIOHandler;
    switch (int(t)) {
    case T::TransformationMirror:
        return 2;
    case T::TransformationRotate180:
        return 3;
    case T::TransformationFlip:
        return 4;
    case T::TransformationFlipAndRotate90:
        return 5;
    case T::TransformationRotate90:
        return 6;
    case T::TransformationMirrorAndRotate90:
        return 7;
    case T::TransformationRotate270:
        return 8;
    default:
        return 1;
    }
}

// FFmpeg recognises still pictures with its image demuxers (which it is
// never allowed to open them with, see av::kDemuxerWhitelist).
bool isPictureDemuxer(const AVInputFormat *format)
{
    const QLatin1String name(format->name);
    return name.endsWith(QLatin1String("_pipe")) || name == QLatin1String("image2");
}

// "mov,mp4,m4a,3gp,3g2,mj2" is one demuxer for a family; the major brand says
// which member the file is.
QString containerName(const AVFormatContext *format)
{
    const QString demuxer = QString::fromLatin1(format->iformat->name);
    if (demuxer != QLatin1String("mov,mp4,m4a,3gp,3g2,mj2"))
        return demuxer.section(QLatin1Char(','), 0, 0);
    const AVDictionaryEntry *brand = av_dict_get(format->metadata, "major_brand", nullptr, 0);
    // QuickTime files from before ftyp existed carry no brand at all.
    const QString b = brand ? QString::fromLatin1(brand->value).trimmed() : QStringLiteral("qt");
    if (b == QLatin1String("qt"))
        return QStringLiteral("mov");
    if (b.startsWith(QLatin1String("3gp")))
        return QStringLiteral("3gp");
    if (b.startsWith(QLatin1String("3g2")))
        return QStringLiteral("3g2");
    if (b == QLatin1String("mjp2"))
        return QStringLiteral("mj2");
    if (b == QLatin1String("M4A") || b == QLatin1String("M4B"))
        return QStringLiteral("m4a");
    return QStringLiteral("mp4");
}

void checkReadableFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwBadInput(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        throwBadInput(QStringLiteral("%1: is a folder, not a file").arg(path));
    if (!info.isFile())
        throwBadInput(QStringLiteral("%1: not a regular file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    if (file.size() == 0)
        throwBadInput(QStringLiteral("%1: empty file").arg(path));
}

MediaInfo describePicture(const QString &path)
{
    const ImageInfo picture = ImageLoader::probe(path);
    MediaInfo info;
    info.path = path;
    info.kind = MediaInfo::Kind::Image;
    info.format = QString::fromLatin1(picture.format);
    info.width = picture.size.width();
    info.height = picture.size.height();
    info.orientation = exifOrientation(picture.orientation);
    return info;
}

StreamInfo describeStream(AVFormatContext *format, AVStream *stream)
{
    const AVCodecParameters *par = stream->codecpar;
    StreamInfo info;
    info.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
    if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
        info.type = StreamInfo::Type::Audio;
        info.channels = std::max(0, par->ch_layout.nb_channels);
        info.sampleRate = std::max(0, par->sample_rate);
        return info;
    }
    info.type = StreamInfo::Type::Video;
    info.width = std::max(0, par->width);
    info.height = std::max(0, par->height);
    // FFmpeg's own pick between the timestamp cadence and the average rate.
    const AVRational rate = av_guess_frame_rate(format, stream, nullptr);
    if (rate.num > 0 && rate.den > 0)
        info.fps = rounded(av_q2d(rate), 3);
    info.rotation = clockwiseRotation(stream);
    if (const char *name = av_get_pix_fmt_name(AVPixelFormat(par->format)))
        info.pixelFormat = QString::fromLatin1(name);
    return info;
}

MediaInfo describeMedia(const QString &path, av::FormatInput format)
{
    const int found = avformat_find_stream_info(format.get(), nullptr);
    if (found < 0)
        throwBadInput(
            QStringLiteral("%1: cannot read stream info (%2)").arg(path, av::errorText(found)));
    MediaInfo info;
    info.path = path;
    info.format = containerName(format.get());
    if (format->duration != AV_NOPTS_VALUE && format->duration >= 0)
        info.duration = rounded(double(format->duration) / AV_TIME_BASE, 3);
    bool hasVideo = false;
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        AVStream *stream = format->streams[i];
        const AVMediaType type = stream->codecpar->codec_type;
        if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO)
            continue;
        if (stream->codecpar->codec_id == AV_CODEC_ID_NONE)
            continue; // nothing known about it, not even its codec
        if (type == AVMEDIA_TYPE_VIDEO && (stream->disposition & AV_DISPOSITION_ATTACHED_PIC))
            continue;
        hasVideo = hasVideo || type == AVMEDIA_TYPE_VIDEO;
        info.streams.append(describeStream(format.get(), stream));
    }
    if (info.streams.isEmpty())
        throwBadInput(QStringLiteral("%1: has no video or audio stream").arg(path));
    info.kind = hasVideo ? MediaInfo::Kind::Video : MediaInfo::Kind::Audio;
    return info;
}

QString kindName(MediaInfo::Kind kind)
{
    switch (kind) {
    case MediaInfo::Kind::Video:
        return QStringLiteral("video");
    case MediaInfo::Kind::Audio:
        return QStringLiteral("audio");
    case MediaInfo::Kind::Image:
        return QStringLiteral("image");
    }
    return {};
}

} // namespace

int clockwiseRotation(const AVStream *stream)
{
    const auto *matrix = reinterpret_cast<const int32_t *>(
        av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    const double ccw = av_display_rotation_get(matrix);
    if (std::isnan(ccw))
        return 0;
    // The matrix rotates counter-clockwise; showing it upright takes the opposite.
    int clockwise = int(std::lround(-ccw / 90.0)) * 90 % 360;
    if (clockwise < 0)
        clockwise += 360;
    return clockwise;
}

QJsonObject StreamInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("codec"), codec);
    if (type == Type::Audio) {
        o.insert(QStringLiteral("type"), QStringLiteral("audio"));
        if (channels > 0)
            o.insert(QStringLiteral("channels"), channels);
        if (sampleRate > 0)
            o.insert(QStringLiteral("sample_rate"), sampleRate);
        return o;
    }
    o.insert(QStringLiteral("type"), QStringLiteral("video"));
    if (width > 0)
        o.insert(QStringLiteral("width"), width);
    if (height > 0)
        o.insert(QStringLiteral("height"), height);
    if (fps > 0)
        o.insert(QStringLiteral("fps"), fps);
    o.insert(QStringLiteral("rotation"), rotation);
    if (!pixelFormat.isEmpty())
        o.insert(QStringLiteral("pix_fmt"), pixelFormat);
    return o;
}

QJsonObject MediaInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), path);
    o.insert(QStringLiteral("kind"), kindName(kind));
    o.insert(QStringLiteral("format"), format);
    if (kind == Kind::Image) {
        o.insert(QStringLiteral("width"), width);
        o.insert(QStringLiteral("height"), height);
        o.insert(QStringLiteral("orientation"), orientation);
        return o;
    }
    if (duration >= 0)
        o.insert(QStringLiteral("duration"), duration);
    QJsonArray list;
    for (const StreamInfo &s : streams)
        list.append(s.toJson());
    o.insert(QStringLiteral("streams"), list);
    return o;
}

MediaInfo probeMedia(const QString &path)
{
    checkReadableFile(path);
    av::FormatInput format;
    try {
        // Only the headers here: a file FFmpeg does not open as media may be
        // a picture, which must not be decoded by FFmpeg's stream-info pass.
        format = av::openInput(path, av::InputProbe::Headers);
    } catch (const Error &notMedia) {
        // FFmpeg's picture demuxers are not on the input whitelist: pictures
        // are described by the reader the renderer uses for them, which
        // knows EXIF and the renderer's format names.
        try {
            return describePicture(path);
        } catch (const Error &) {
            // A damaged picture: the picture reader's reason is the useful one.
            const AVInputFormat *seen = av::probeFormat(path);
            if (seen && isPictureDemuxer(seen))
                throw;
            throw notMedia;
        }
    }
    return describeMedia(path, std::move(format));
}

} // namespace reelsmith
