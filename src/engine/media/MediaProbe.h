#pragma once

// Facts about one file, as `reelsmith-cli probe` prints them (reelsmith-cli(1),
// packaging/reelsmith-cli.1, "probe").
//
// Files are told apart by content, never by name: FFmpeg's content probe
// picks the reader (from the containers av::openInput allows; a playlist or
// list of other files is refused), and a file FFmpeg does not open as media
// is described through ImageLoader::probe, so a picture gets the same format
// name and EXIF orientation the renderer uses.
//
// Choices the man page leaves open, made here:
// - "path" is the path as given (not made absolute), like the error lines.
// - "format" is a short container name: for the MP4/QuickTime family it comes
//   from the file's major brand ("mp4", "mov", "m4a", "3gp", "3g2", "mj2")
//   rather than FFmpeg's "mov,mp4,m4a,3gp,3g2,mj2", which names every member;
//   otherwise it is the first name of FFmpeg's demuxer ("matroska", "wav",
//   "mp3", "ogg"...). Pictures use the image reader's name ("jpeg", "png",
//   "webp", "bmp").
// - "rotation" is always present on video streams, 0 without a display
//   matrix, and "orientation" always on pictures, 1 without EXIF: "shown as
//   stored" is a fact, not a missing value, and scripts need no default.
// - "width"/"height" are as stored: before rotation or EXIF orientation.
// - "duration" is the container's, as ffprobe reports it, rounded to
//   milliseconds; "fps" is FFmpeg's guess (av_guess_frame_rate), rounded to
//   thousandths.
// - Cover art (attached pictures) is not a video stream: an MP3 with a cover
//   is "audio". Subtitle and data streams are not listed.

#include <QJsonObject>
#include <QList>
#include <QString>

struct AVStream;

namespace reelsmith {

struct StreamInfo
{
    enum class Type { Video, Audio };
    Type type = Type::Video;
    QString codec; // FFmpeg's codec name: "h264", "aac", "pcm_s16le"...
    // Video; 0 or empty when the file does not say.
    int width = 0;
    int height = 0;
    double fps = 0;
    int rotation = 0; // clockwise degrees to show upright: 0, 90, 180, 270
    QString pixelFormat;
    // Audio; 0 when the file does not say.
    int channels = 0;
    int sampleRate = 0;

    QJsonObject toJson() const;
};

struct MediaInfo
{
    enum class Kind { Video, Audio, Image };
    QString path;
    Kind kind = Kind::Video;
    QString format;
    // Media only; negative when the container gives no duration.
    double duration = -1;
    QList<StreamInfo> streams;
    // Pictures only.
    int width = 0;
    int height = 0;
    int orientation = 1; // EXIF orientation, 1-8

    QJsonObject toJson() const;
};

// Reads `path`'s headers (and, for media, a little of its packets to learn
// stream parameters). Throws Error(BadInput) naming the file when it is
// missing, empty, a folder, or neither a picture nor media this build reads.
MediaInfo probeMedia(const QString &path);

// Clockwise degrees (0, 90, 180, 270) that show `stream` upright, from its
// display matrix; 0 without one.
int clockwiseRotation(const AVStream *stream);

} // namespace reelsmith
