#include "render/SceneClip.h"

#include "audio/Soundtrack.h"
#include "core/Error.h"
#include "media/BackgroundReader.h"
#include "media/MediaProbe.h"
#include "render/MovingLayer.h"
#include "render/SceneOverlay.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace reelsmith {

namespace {

// A frozen clip asks for a time this far before its end, so the reader
// settles on the last frame rather than wrapping to the first.
constexpr double kBeforeEnd = 1e-3;

// round(v / 255) for v in [0, 255 * 255], as SceneOverlay's blend does it.
inline unsigned div255(unsigned v)
{
    v += 128;
    return (v + (v >> 8)) >> 8;
}

} // namespace

// Straight (not premultiplied) YUVA from the scaler over the frame: each
// plane mixed by the alpha at its own resolution (chroma by the mean of the
// 2x2 alphas it covers).
void SceneClip::blendOnto(const AVFrame *src, AVFrame *frame) const
{
    const int w = m_placed.width();
    const int h = m_placed.height();
    const uint8_t *alpha = src->data[3] + size_t(m_source.y()) * src->linesize[3] + m_source.x();
    const int alphaStride = src->linesize[3];
    for (int y = 0; y < h; ++y) {
        const uint8_t *s =
            src->data[0] + size_t(m_source.y() + y) * src->linesize[0] + m_source.x();
        const uint8_t *a = alpha + size_t(y) * alphaStride;
        uint8_t *d = frame->data[0] + size_t(m_placed.y() + y) * frame->linesize[0] + m_placed.x();
        for (int x = 0; x < w; ++x)
            d[x] = uint8_t(div255(unsigned(s[x]) * a[x] + unsigned(d[x]) * (255u - a[x])));
    }
    for (int p = 1; p < 3; ++p)
        for (int y = 0; y < h / 2; ++y) {
            const uint8_t *s =
                src->data[p] + size_t(m_source.y() / 2 + y) * src->linesize[p] + m_source.x() / 2;
            const uint8_t *a0 = alpha + size_t(2 * y) * alphaStride;
            const uint8_t *a1 = a0 + alphaStride;
            uint8_t *d = frame->data[p] + size_t(m_placed.y() / 2 + y) * frame->linesize[p] +
                         m_placed.x() / 2;
            for (int x = 0; x < w / 2; ++x) {
                const unsigned a = (a0[2 * x] + a0[2 * x + 1] + a1[2 * x] + a1[2 * x + 1] + 2) / 4;
                d[x] = uint8_t(div255(unsigned(s[x]) * a + unsigned(d[x]) * (255u - a)));
            }
        }
}

bool SceneClip::isVideo(const QString &path)
{
    try {
        return probeMedia(path).kind == MediaInfo::Kind::Video;
    } catch (const Error &) {
        static const QStringList kVideoSuffixes = {
            QStringLiteral("mp4"), QStringLiteral("m4v"),  QStringLiteral("mov"),
            QStringLiteral("mkv"), QStringLiteral("webm"), QStringLiteral("avi"),
            QStringLiteral("3gp"), QStringLiteral("ts"),   QStringLiteral("mts"),
            QStringLiteral("flv"), QStringLiteral("mpg"),  QStringLiteral("mpeg")};
        return kVideoSuffixes.contains(QFileInfo(path).suffix().toLower());
    }
}

ClipFacts SceneClip::check(const QString &path, const ClipSettings &settings)
{
    ClipFacts facts;
    // One thread and a tiny output: only whether a frame decodes matters here.
    // The reader reports a file it cannot open or decode as a failure of the
    // render; here, before anything is written, it is the clip's fault.
    const auto asBadInput = [](const Error &e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw e;
        throwBadInput(e.message());
    };
    std::optional<BackgroundReader> opened;
    try {
        opened.emplace(path, QSize(16, 16), 1, Fit::Cover, true);
    } catch (const Error &e) {
        asBadInput(e);
    }
    BackgroundReader &reader = *opened;
    facts.hasSound = reader.hasAudioStream();
    facts.seconds = reader.duration();
    facts.hasAlpha = reader.outputFormat() == AV_PIX_FMT_YUVA420P;
    if (facts.seconds > 0 && settings.start >= facts.seconds)
        throwBadInput(QStringLiteral("%1: clip.start %2 s is at or past the clip's end (%3 s)")
                          .arg(path)
                          .arg(settings.start)
                          .arg(facts.seconds));
    av::Frame frame = av::allocVideoFrame(16, 16, reader.outputFormat());
    try {
        reader.frameAt(settings.start, frame.get());
    } catch (const Error &e) {
        asBadInput(e);
    }
    return facts;
}

double SceneClip::timeInClip(const ClipSettings &settings, double clipSeconds, double sceneSeconds)
{
    const double t = settings.start + std::max(0.0, sceneSeconds);
    if (clipSeconds <= settings.start)
        return t;
    if (settings.fit == ClipFit::Freeze)
        return std::min(t, clipSeconds - kBeforeEnd);
    return settings.start + std::fmod(t - settings.start, clipSeconds - settings.start);
}

MixClip SceneClip::sound(const Project &project, int scene, const ClipFacts &facts)
{
    const Timeline timeline = project.timeline();
    const int fps = project.output.fps;
    const ClipSettings settings = project.scenes[scene].clipSettings();
    const auto toSamples = [](double seconds) {
        return qint64(std::llround(seconds * Soundtrack::kSampleRate));
    };
    MixClip clip;
    clip.path = project.resolve(project.scenes[scene].media);
    clip.startSample = Soundtrack::samplesBeforeFrame(timeline.sceneStart(scene), fps);
    clip.lengthSamples =
        Soundtrack::samplesBeforeFrame(timeline.sceneEnd(scene), fps) - clip.startSample;
    clip.offsetSamples = toSamples(settings.start);
    clip.passSamples =
        facts.seconds > settings.start ? toSamples(facts.seconds - settings.start) : 0;
    clip.loop = settings.fit == ClipFit::Loop;
    clip.volumeDb = settings.volumeDb.value_or(0.0);
    clip.key = QStringLiteral("scenes[%1].media").arg(scene);
    return clip;
}

SceneClip::SceneClip(const QString &path, const ClipSettings &settings, Layout layout, QSize frame,
                     int fps, qint64 frames, int decoderThreads, qint64 lead)
    : m_frame(frame)
{
    const QRect box = layoutBox(layout, frame);
    auto reader = std::make_unique<BackgroundReader>(
        path, box.size(), decoderThreads, layout == Layout::Fill ? Fit::Cover : Fit::Contain, true);
    m_alpha = reader->outputFormat() == AV_PIX_FMT_YUVA420P;
    const double length = reader->duration();
    const QRect inBox = reader->placement();
    m_placed = inBox.translated(box.x() & ~1, box.y() & ~1);
    m_source = inBox.topLeft();
    auto timeOf = [settings, length, fps, lead](qint64 i) {
        return timeInClip(settings, length, double(i - lead) / fps);
    };
    // One frame decoded ahead: the clip's pipeline runs beside the
    // background's, which already keeps the encoder fed; each frame more is
    // up to 1.4 MB (a full 720x1280 box) for no measured speed.
    m_pipeline = std::make_unique<BackgroundPipeline>(std::move(reader), box.size(), frames,
                                                      std::move(timeOf), 1);
}

SceneClip::~SceneClip() = default;

void SceneClip::drawOnto(AVFrame *frame)
{
    const BackgroundPipeline::Lease shown = m_pipeline->takeNext();
    const AVFrame *src = shown.get();
    if (m_alpha) {
        blendOnto(src, frame);
        return;
    }
    for (int p = 0; p < 3; ++p) {
        const int shift = p == 0 ? 0 : 1;
        const int rows = m_placed.height() >> shift;
        const size_t width = size_t(m_placed.width() >> shift);
        const uint8_t *from = src->data[p] + size_t(m_source.y() >> shift) * src->linesize[p] +
                              (m_source.x() >> shift);
        uint8_t *to = frame->data[p] + size_t(m_placed.y() >> shift) * frame->linesize[p] +
                      (m_placed.x() >> shift);
        for (int y = 0; y < rows; ++y)
            std::memcpy(to + size_t(y) * frame->linesize[p], from + size_t(y) * src->linesize[p],
                        width);
    }
}

void SceneClip::drawOnto(AVFrame *frame, const LayerTransform &transform)
{
    if (transform.isIdentity()) {
        drawOnto(frame);
        return;
    }
    const BackgroundPipeline::Lease shown = m_pipeline->takeNext();
    const MovingLayer layer =
        MovingLayer::fromFrame(shown.get(), QRect(m_source, m_placed.size()), m_placed.topLeft());
    layer.blendOnto(frame, transform.map(layer.place(), m_frame), transform.clip);
}

} // namespace reelsmith
