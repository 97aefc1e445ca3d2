#pragma once

#include "core/OutputSettings.h"
#include "media/Av.h"

#include <QList>
#include <QSize>
#include <QString>

#include <optional>

namespace reelsmith {

// AAC-LC from FFmpeg's native encoder, which takes planar float samples.
struct AudioEncoding
{
    int sampleRate = 48000;
    int channels = 2;
    int bitrateKbps = 128;
};

// One cue of a soft subtitle track: seconds in the video's time, lines
// separated by '\n'.
struct TimedText
{
    double start = 0;
    double end = 0;
    QString text;
};

// H.264 (libx264, yuv420p, BT.709 tagged) in MP4 with +faststart, and
// optionally an AAC track, following the send/receive loop of FFmpeg's
// doc/examples/mux.c. Frames get pts 0, 1, 2, ... in a 1/fps time base; audio
// frames are stamped by the samples before them in a 1/sampleRate time base.
// The muxer interleaves the two as long as the caller submits audio close
// behind the video it belongs to.
class Mp4Writer
{
public:
    // With `subtitles`, a 3GPP timed-text (mov_text) subtitle track holding
    // them, which players show or hide; none when the list is empty.
    Mp4Writer(const QString &path, const OutputSettings &encoding,
              const std::optional<AudioEncoding> &audio = std::nullopt,
              const QList<TimedText> &subtitles = {});
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer &) = delete;
    Mp4Writer &operator=(const Mp4Writer &) = delete;

    // The writer's own frame to fill for the next picture; writable until submit().
    AVFrame *frame();
    void submit();
    // Encodes the caller's `picture` (YUV420P of the output size) as the next
    // frame, setting its pts. The encoder takes a reference of its own:
    // libx264 copies the picture and drops that reference before this
    // returns, but av_frame_is_writable() is what tells whether it is free to
    // draw on again.
    void submit(AVFrame *picture);

    bool hasAudio() const { return m_audio.encoder != nullptr; }
    // Planar float buffers for the next audio frame, nb_samples set to the
    // encoder's frame size (1024). Only the last frame may be shortened.
    AVFrame *audioFrame();
    void submitAudio();
    qint64 audioSamplesWritten() const { return m_audio.nextPts; }

    // Drains the encoder, writes the trailer (moving the index to the front)
    // and closes the file.
    void finish();

    qint64 framesWritten() const { return m_video.nextPts; }

private:
    // One encoded stream of the file, as OutputStream in FFmpeg's
    // doc/examples/mux.c.
    struct Track
    {
        av::CodecContext encoder;
        AVStream *stream = nullptr;
        av::Frame frame;    // the writer's own frame; video makes it on the first frame()
        qint64 nextPts = 0; // in the encoder's time base: frames, or samples for audio
    };

    const AVCodec *addTrack(Track &track, const char *encoderName);
    void openTrack(Track &track, const AVCodec *codec, const QString &what);
    void addAudioStream(const AudioEncoding &encoding);
    void addSubtitleStream();
    void writeSubtitles();
    // Sends `frame` (nullptr: the end) to the track's encoder and writes
    // every packet it has ready.
    void encode(Track &track, AVFrame *frame);

    QString m_path;
    av::FormatOutput m_format;
    av::Packet m_packet;
    Track m_video;
    Track m_audio;     // no encoder: no audio
    Track m_subtitles; // no encoder: no subtitle track
    QList<TimedText> m_cues;
    bool m_finished = false;
};

} // namespace reelsmith
