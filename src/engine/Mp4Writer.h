#pragma once

#include "Av.h"

#include <QSize>
#include <QString>

namespace reelsmith {

struct VideoEncoding
{
    QSize size{720, 1280};
    int fps = 24;
    int crf = 28;
    QString preset = QStringLiteral("ultrafast");
    int threads = 2;     // 0: automatic
    int maxrateKbps = 0; // 0: no VBV cap
    int bufsizeKbps = 0;
};

// H.264 (libx264, yuv420p, BT.709 tagged) in MP4 with +faststart, following
// the send/receive loop of FFmpeg's doc/examples/mux.c. Frames get pts 0, 1,
// 2, ... in a 1/fps time base.
class Mp4Writer
{
public:
    Mp4Writer(const QString &path, const VideoEncoding &encoding);
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer &) = delete;
    Mp4Writer &operator=(const Mp4Writer &) = delete;

    // The frame to fill for the next picture; writable until submit().
    AVFrame *frame();
    void submit();
    // Drains the encoder, writes the trailer (moving the index to the front)
    // and closes the file.
    void finish();

    qint64 framesWritten() const { return m_frames; }

private:
    void drain(bool flushing);

    QString m_path;
    av::FormatOutput m_format;
    av::CodecContext m_encoder;
    av::Frame m_frame;
    av::Packet m_packet;
    AVStream *m_stream = nullptr;
    qint64 m_frames = 0;
    bool m_finished = false;
};

} // namespace reelsmith
