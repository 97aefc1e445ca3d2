#pragma once

#include "media/Av.h"

#include <QString>

namespace reelsmith {

// Decoded frames of one stream of a media file, in order: the demux/decode
// loop of FFmpeg's doc/examples/transcode.c (read a packet of the chosen
// stream, send it, receive frames until the decoder asks for more, flush at
// the end of the file), shared by the background and the soundtrack. A
// damaged packet or frame is counted and skipped, so one bad spot in a file
// costs a held picture or a short gap rather than the whole render.
class StreamDecoder
{
public:
    // Opens `path` (av::openInput) and a decoder with `threads` threads for
    // its best stream of `type`. Read and decode errors are thrown as
    // `errorKind`: whether a file that stops decoding midway is the user's
    // input or a failure is the caller's call.
    StreamDecoder(const QString &path, AVMediaType type, int threads, ErrorKind errorKind);
    ~StreamDecoder();
    StreamDecoder(const StreamDecoder &) = delete;
    StreamDecoder &operator=(const StreamDecoder &) = delete;

    AVFormatContext *format() const { return m_format.get(); }
    AVStream *stream() const { return m_format->streams[m_stream]; }

    // Decodes the next frame into `frame` (its old contents are released).
    // False once the stream has ended and the decoder has been drained.
    bool next(AVFrame *frame);

    // Goes to the keyframe at or before `seconds` from the stream's start and
    // discards what the decoder holds; next() continues from there.
    void seek(double seconds);

    int damaged() const { return m_damaged; }

private:
    QString m_path;
    QString m_kind; // "video" or "audio", for messages
    ErrorKind m_errorKind;
    av::FormatInput m_format;
    av::CodecContext m_decoder;
    av::Packet m_packet;
    int m_stream = -1;
    bool m_draining = false;
    int m_damaged = 0;
};

} // namespace reelsmith
