#include "media/StreamDecoder.h"

#include <cmath>

namespace reelsmith {

StreamDecoder::StreamDecoder(const QString &path, AVMediaType type, int threads,
                             ErrorKind errorKind)
    : m_path(path), m_kind(QString::fromLatin1(av_get_media_type_string(type))),
      m_errorKind(errorKind)
{
    // Only this kind of stream is probed and read: a clip's sound opens in
    // 9 ms instead of 80 (its 1080p video is not decoded for the probe).
    m_format = av::openInput(path, av::InputProbe::StreamInfo, type);
    m_stream = av::openBestStreamDecoder(m_format.get(), type, path, threads, m_decoder);
    m_packet = av::allocPacket();
}

StreamDecoder::~StreamDecoder() = default;

bool StreamDecoder::next(AVFrame *frame)
{
    for (;;) {
        const int received = avcodec_receive_frame(m_decoder.get(), frame);
        if (received == 0)
            return true;
        if (received == AVERROR_EOF)
            return false;
        if (received == AVERROR_INVALIDDATA) {
            ++m_damaged;
            continue;
        }
        if (received != AVERROR(EAGAIN))
            av::check(received, QStringLiteral("%1: decoding %2").arg(m_path, m_kind), m_errorKind);
        if (m_draining)
            return false; // only if a flushed decoder asks for input again

        const int read = av_read_frame(m_format.get(), m_packet.get());
        if (read == AVERROR_EOF) {
            m_draining = true;
            av::check(avcodec_send_packet(m_decoder.get(), nullptr),
                      QStringLiteral("%1: flushing the %2 decoder").arg(m_path, m_kind));
            continue;
        }
        av::check(read, QStringLiteral("%1: reading %2").arg(m_path, m_kind), m_errorKind);
        if (m_packet->stream_index != m_stream) {
            av_packet_unref(m_packet.get());
            continue;
        }
        const int sent = avcodec_send_packet(m_decoder.get(), m_packet.get());
        av_packet_unref(m_packet.get());
        if (sent == AVERROR_INVALIDDATA) {
            ++m_damaged; // the picture holds, or the sound has a short gap
            continue;
        }
        av::check(sent, QStringLiteral("%1: decoding %2").arg(m_path, m_kind), m_errorKind);
    }
}

void StreamDecoder::seek(double seconds)
{
    const AVStream *s = stream();
    const int64_t start = s->start_time != AV_NOPTS_VALUE ? s->start_time : 0;
    const int64_t target = start + int64_t(std::floor(seconds / av_q2d(s->time_base)));
    av::check(av_seek_frame(m_format.get(), m_stream, target, AVSEEK_FLAG_BACKWARD),
              QStringLiteral("%1: seeking to %2 s").arg(m_path).arg(seconds));
    avcodec_flush_buffers(m_decoder.get());
    m_draining = false;
}

} // namespace reelsmith
