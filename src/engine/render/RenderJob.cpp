#include "render/RenderJob.h"

#include "audio/Soundtrack.h"
#include "backgrounds/AssetCache.h"
#include "backgrounds/Backgrounds.h"
#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "media/BackgroundReader.h"
#include "media/ImageLoader.h"
#include "media/Mp4Writer.h"
#include "render/BackgroundPipeline.h"
#include "render/SceneOverlay.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstring>

namespace reelsmith {

namespace {

void clearToBlack(AVFrame *frame)
{
    for (int p = 0; p < 3; ++p) {
        const int rows = p == 0 ? frame->height : frame->height / 2;
        const int width = p == 0 ? frame->width : frame->width / 2;
        for (int y = 0; y < rows; ++y)
            std::memset(frame->data[p] + size_t(y) * frame->linesize[p], p == 0 ? 16 : 128,
                        size_t(width));
    }
}

} // namespace

RenderJob::RenderJob(Project project, QString outputPath)
    : m_project(std::move(project)), m_output(std::move(outputPath))
{
}

void RenderJob::rethrowWithContext(const Error &error, const QString &key) const
{
    QString prefix = key.isEmpty() ? QString() : key + QStringLiteral(": ");
    if (!m_project.filePath.isEmpty())
        prefix = m_project.filePath + QStringLiteral(": ") + prefix;
    throw Error(error.kind(), prefix + error.message());
}

QString RenderJob::imagePath(int scene) const
{
    return m_project.resolve(m_project.scenes[scene].image);
}

void RenderJob::preflight()
{
    m_hidesBackground.clear();
    if (const QString problem = m_project.validationError(); !problem.isEmpty())
        rethrowWithContext(Error(ErrorKind::BadInput, problem), QString());
    try {
        m_backgroundPath = Backgrounds::resolve(m_project.background, m_project.baseDir);
        if (m_useCache) {
            // An optimized copy made earlier (reelsmith-cli optimize --cache,
            // or the editor) saves decoding the creator's heavy original.
            const QString cached = AssetCache::lookup(
                m_backgroundPath,
                AssetCache::renderRecipe(m_project.output.size(), m_project.output.fps));
            if (!cached.isEmpty())
                m_backgroundPath = cached;
        }
    } catch (const Error &e) {
        rethrowWithContext(e, QString());
    }
    for (int i = 0; i < m_project.scenes.size(); ++i) {
        try {
            const ImageInfo info = ImageLoader::probe(imagePath(i));
            // An opaque picture filling the frame hides the background: no
            // need to decode it for this scene.
            m_hidesBackground.push_back(m_project.scenes[i].layout == Layout::Fill &&
                                        !info.mayHaveAlpha);
        } catch (const Error &e) {
            rethrowWithContext(e, QStringLiteral("scenes[%1].image").arg(i));
        }
    }
    if (!m_project.audio.isEmpty()) {
        // Opening it decodes its first samples: a file that is not audio is
        // reported now, not after the video has been encoded.
        try {
            Soundtrack(m_project.resolve(m_project.audio), 1);
        } catch (const Error &e) {
            rethrowWithContext(e, QStringLiteral("audio"));
        }
    }
}

RenderResult RenderJob::run(const ProgressFn &progress, const CancelFn &cancel)
{
    QElapsedTimer clock;
    clock.start();
    preflight();

    const OutputSettings &out = m_project.output;
    const QSize frameSize = out.size();
    const qint64 frameCount = m_project.frameCount();

    AtomicOutput file(m_output);
    QStringList collected;
    std::vector<qint64> sceneStarts;
    for (int s = 0; s <= m_project.scenes.size(); ++s)
        sceneStarts.push_back(s < m_project.scenes.size()
                                  ? std::min(m_project.firstFrameOf(s), frameCount)
                                  : frameCount);
    std::unique_ptr<BackgroundPipeline> background;
    try {
        auto reader =
            std::make_unique<BackgroundReader>(m_backgroundPath, frameSize, m_decoderThreads);
        // Called in order from the pipeline's thread; walks the scenes alongside.
        auto timeOf = [this, sceneStarts, scene = 0, fps = out.fps](qint64 i) mutable {
            while (i >= sceneStarts[scene + 1])
                ++scene;
            return m_hidesBackground[scene] ? -1.0 : m_project.backgroundStart + double(i) / fps;
        };
        background = std::make_unique<BackgroundPipeline>(std::move(reader), frameSize, frameCount,
                                                          std::move(timeOf));
    } catch (const Error &e) {
        rethrowWithContext(e, QStringLiteral("background"));
    }

    VideoEncoding encoding;
    encoding.size = frameSize;
    encoding.fps = out.fps;
    encoding.crf = out.crf;
    encoding.preset = out.preset;
    encoding.threads = out.threads;

    std::unique_ptr<Soundtrack> soundtrack;
    if (!m_project.audio.isEmpty()) {
        try {
            soundtrack =
                std::make_unique<Soundtrack>(m_project.resolve(m_project.audio),
                                             Soundtrack::samplesBeforeFrame(frameCount, out.fps));
        } catch (const Error &e) {
            rethrowWithContext(e, QStringLiteral("audio"));
        }
    }
    Mp4Writer writer(
        file.temporaryPath(), encoding,
        soundtrack ? std::optional(AudioEncoding{Soundtrack::kSampleRate, Soundtrack::kChannels})
                   : std::nullopt);
    // Audio goes in right behind the video it accompanies, so the muxer never
    // queues more than a frame or two of either stream.
    const auto writeAudioUntil = [&](qint64 sample) {
        while (soundtrack && soundtrack->samplesDelivered() < sample) {
            AVFrame *samples = writer.audioFrame();
            try {
                if (soundtrack->fill(samples) == 0)
                    break;
            } catch (const Error &e) {
                rethrowWithContext(e, QStringLiteral("audio"));
            }
            writer.submitAudio();
        }
    };

    int currentScene = -1;
    int scene = 0;
    SceneOverlay overlay;
    for (qint64 i = 0; i < frameCount; ++i) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        while (i >= sceneStarts[scene + 1])
            ++scene;
        if (scene != currentScene) {
            overlay = SceneOverlay(); // release the old planes before building the new ones
            QStringList warnings;
            try {
                overlay = SceneOverlay::build(m_project.scenes[scene], imagePath(scene), frameSize,
                                              &warnings);
            } catch (const Error &e) {
                rethrowWithContext(e, QStringLiteral("scenes[%1].image").arg(scene));
            }
            for (const QString &w : warnings) {
                collected.append(w);
                if (m_onWarning)
                    m_onWarning(w);
            }
            currentScene = scene;
        }
        // The overlay is drawn straight onto the pipeline's frame, which is
        // encoded from there and goes back to the pool once submitted.
        BackgroundPipeline::Lease shown;
        AVFrame *frame = nullptr;
        // A scene that hides the whole frame needs no background pixels; the
        // reader catches up (by seeking when far) when the background shows again.
        if (!m_hidesBackground[scene]) {
            try {
                shown = background->takeNext();
            } catch (const Error &e) {
                rethrowWithContext(e, QStringLiteral("background"));
            }
            frame = shown.get();
        } else {
            frame = writer.frame();
            if (!overlay.coversFrame())
                clearToBlack(
                    frame); // not expected for an opaque fill picture; never leave stale pixels
        }
        overlay.blendOnto(frame);
        writer.submit(frame);
        shown.reset(); // before the audio: the worker may refill it now
        writeAudioUntil(Soundtrack::samplesBeforeFrame(i + 1, out.fps));
        if (progress)
            progress({i + 1, frameCount});
    }
    if (cancel && cancel())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
    if (soundtrack)
        writeAudioUntil(soundtrack->totalSamples());
    writer.finish();
    file.commit();

    RenderResult result = RenderResult::finished(file.target(), frameCount, clock.elapsed());
    result.warnings = collected;
    return result;
}

RenderResult RenderResult::finished(const QString &path, qint64 frames, qint64 elapsedMs)
{
    RenderResult result;
    result.outputPath = path;
    result.frames = frames;
    result.bytes = QFileInfo(path).size();
    result.seconds = elapsedMs / 1000.0;
    return result;
}

} // namespace reelsmith
