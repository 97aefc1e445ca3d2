#pragma once

// A thin RAII layer over the FFmpeg and TurboJPEG handles the engine owns,
// and the one helper that turns an AVERROR into text.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "core/Error.h"

#include <QString>
#include <memory>

namespace reelsmith::av {

struct FormatInputDeleter
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
// An output context owns its AVIOContext only after avio_open; Mp4Writer closes it.
struct FormatOutputDeleter
{
    void operator()(AVFormatContext *c) const { avformat_free_context(c); }
};
struct CodecContextDeleter
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct FrameDeleter
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct PacketDeleter
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct SwsDeleter
{
    void operator()(SwsContext *c) const { sws_freeContext(c); }
};
struct SwrDeleter
{
    void operator()(SwrContext *c) const { swr_free(&c); }
};
struct AudioFifoDeleter
{
    void operator()(AVAudioFifo *f) const { av_audio_fifo_free(f); }
};
struct DictionaryDeleter
{
    void operator()(AVDictionary *d) const { av_dict_free(&d); }
};
struct IoDeleter
{
    void operator()(AVIOContext *c) const { avio_closep(&c); }
};

using FormatInput = std::unique_ptr<AVFormatContext, FormatInputDeleter>;
using FormatOutput = std::unique_ptr<AVFormatContext, FormatOutputDeleter>;
using CodecContext = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using Frame = std::unique_ptr<AVFrame, FrameDeleter>;
using Packet = std::unique_ptr<AVPacket, PacketDeleter>;
using Sws = std::unique_ptr<SwsContext, SwsDeleter>;
using Swr = std::unique_ptr<SwrContext, SwrDeleter>;
using AudioFifo = std::unique_ptr<AVAudioFifo, AudioFifoDeleter>;
using Dictionary = std::unique_ptr<AVDictionary, DictionaryDeleter>;
using Io = std::unique_ptr<AVIOContext, IoDeleter>;

QString errorText(int averror);

// Throws a Failure (or BadInput when `kind` says so) that reads
// "<what>: <FFmpeg's description>" when `ret` is negative; returns `ret` otherwise.
int check(int ret, const QString &what, ErrorKind kind = ErrorKind::Failure);

Frame allocFrame();
Packet allocPacket();
// A frame with its own buffers, ready to be written into.
Frame allocVideoFrame(int width, int height, AVPixelFormat format);

// FFmpeg takes paths as bytes; on POSIX that is the local 8-bit encoding.
QByteArray pathBytes(const QString &path);

// The demuxers any input may be read with: self-contained media containers
// only, never a playlist or list of files (see Av.cpp).
extern const char *const kDemuxerWhitelist;

enum class InputProbe {
    StreamInfo, // also decodes the first packets to learn what the headers leave out
    Headers,    // the container's headers only (nothing is decoded)
};

// Opens the local file `path` for reading: every media input of the engine
// (background, soundtrack, clips, probe, thumbnails) comes through here, so
// that only the demuxers of kDemuxerWhitelist and the `file` protocol are
// used, for the file itself and anything a demuxer would open from it.
// BadInput with the file's name when it is missing, not media, or a
// playlist or list of other files.
//
// `only`: the kind of stream the caller will read; the others are discarded
// before the probe (a clip's sound is opened without decoding its video).
FormatInput openInput(const QString &path, InputProbe probe = InputProbe::StreamInfo,
                      AVMediaType only = AVMEDIA_TYPE_UNKNOWN);

// What FFmpeg's content probe makes of the file, any demuxer considered,
// read through the same protocol fence; nullptr when nothing recognises it.
// For explaining a refusal: no demuxer is opened.
const AVInputFormat *probeFormat(const QString &path);

// Whether `stream`'s pictures carry transparency: a pixel format with alpha
// (ProRes 4444, PNG or QuickTime Animation in MOV), or VP9 whose alpha rides
// beside it in WebM (the `alpha_mode` tag), which only libvpx decodes.
bool streamHasAlpha(const AVStream *stream);

// Finds the best stream of `type` in `input`, tells the demuxer to drop every
// other stream, and opens a decoder for it with `threads` threads (frame and
// slice threading; libvpx for VP9 with alpha, so the alpha is decoded too).
// BadInput naming `path` when there is no such stream or
// no decoder for it. Returns the stream's index.
int openBestStreamDecoder(AVFormatContext *input, AVMediaType type, const QString &path,
                          int threads, CodecContext &decoder);

} // namespace reelsmith::av
