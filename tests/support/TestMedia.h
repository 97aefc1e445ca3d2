#pragma once

// Small real media made by the tests themselves with Qt and the FFmpeg
// libraries, and helpers that decode what the engine wrote.

#include <QColor>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <functional>

class QPainter;

namespace testmedia {

// Pictures ---------------------------------------------------------------
QImage solid(QSize size, QColor color, QImage::Format format = QImage::Format_RGB32);
// Four quadrants: top-left red, top-right green, bottom-left blue, bottom-right yellow.
QImage quadrants(QSize size);
QString writeImage(const QString &path, const QImage &image, const char *format, int quality = 92);
// A JPEG whose EXIF says `orientation` (1-8) about pixels stored as `stored`.
QString writeJpegWithOrientation(const QString &path, const QImage &stored, int orientation);

// Videos -----------------------------------------------------------------
struct VideoSpec
{
    QSize size{96, 160};
    int fps = 24;
    int frames = 24;
    // Paints frame `index` (whose presentation time is `seconds`).
    std::function<void(QPainter &, int index, double seconds)> paint;
    int rotation = 0;         // display-matrix rotation (clockwise degrees to show upright)
    QList<double> timestamps; // seconds per frame for variable frame rate; empty: index / fps
    const char *encoder = "libx264";
    // Keeps the painted alpha (yuva420p with encoder "libvpx-vp9" into a
    // .webm; yuva444p10, ProRes 4444, with "prores_ks" into a .mov): each
    // frame starts transparent.
    bool alpha = false;
    bool withAudio = false; // adds an AAC track: silent, or `sound`
    // Stereo sample value at `seconds` for the AAC track (withAudio); empty: silence.
    std::function<double(double seconds)> sound;
};
void writeVideo(const QString &path, const VideoSpec &spec);
// A clip whose frame i is filled with colors[i % colors.size()].
VideoSpec colorCycle(QSize size, int fps, int frames, const QList<QColor> &colors);
// A clip of colors.size() seconds whose frames at [k, k + 1) s are filled
// with colors[k] (by each frame's own timestamp, so VFR clips too), with a
// black bar that moves down by a tenth of the height each second.
VideoSpec colorPerSecond(QSize size, int fps, const QList<QColor> &colors);
// Frame times of a variable-frame-rate clip `seconds` long: gaps cycling
// through 1/60, 1/20, 1/30 and 1/12 s, as a phone writes under load.
QList<double> variableTimestamps(double seconds);
// A phone clip filmed sideways: stored `upright.transposed()` with a display
// matrix saying to turn it 90 degrees clockwise, so that shown upright it is
// quadrants(upright) (red top-left, green top-right, blue bottom-left,
// yellow bottom-right).
VideoSpec sidewaysQuadrants(QSize upright, int fps, int frames);
// A sine of `frequency` Hz at `amplitude` while `seconds` is in [from, to).
std::function<double(double)> toneBetween(double frequency, double amplitude, double from = 0,
                                          double to = 1e9);

struct VideoFacts
{
    int width = 0;
    int height = 0;
    int frames = 0;      // frames actually decoded
    double duration = 0; // container duration, seconds
    double fps = 0;
    QString codec;
    QString pixelFormat;
    int videoStreams = 0;
    int audioStreams = 0;
    bool faststart = false; // moov before mdat
};
VideoFacts probe(const QString &path);

// Audio ------------------------------------------------------------------
// A sine tone at amplitude 0.5 on every channel, encoded as the file name's
// extension says: .mp3 (libmp3lame), .wav (pcm_s16le), .m4a (aac), .ogg
// (libvorbis), .flac (flac).
// Reproducible noise, for files that must not decode.
QByteArray randomBytes(int size, quint32 seed);
void writeTone(const QString &path, double seconds, int sampleRate, int channels, double frequency);

struct AudioTrack
{
    QString codec; // empty: the file has no audio stream
    int sampleRate = 0;
    int channels = 0;
    double streamDuration = 0; // seconds, as the container states it
    QList<float> samples;      // the first channel, fully decoded
    double seconds() const { return sampleRate > 0 ? double(samples.size()) / sampleRate : 0; }
    // Root mean square of the first channel over [from, to) seconds.
    double rms(double from, double to) const;
};
// Decodes the best audio stream of `path`.
AudioTrack decodeAudio(const QString &path);

// Decodes `path` and returns the frames at the given indexes as RGB32 images,
// converted with the colour matrix the stream declares.
QList<QImage> frames(const QString &path, const QList<int> &indexes);

// Mean colour of a (2r+1)^2 square around `at`.
QColor sample(const QImage &image, QPoint at, int radius = 3);
bool near(QColor a, QColor b, int tolerance = 24);
QString describe(QColor c);

// Every frame of `path`'s first video stream, in order, as an 8-bit grey
// picture of `size` (its luma, scaled down): small enough to hold a whole clip.
QList<QImage> grayFrames(const QString &path, QSize size);

} // namespace testmedia
