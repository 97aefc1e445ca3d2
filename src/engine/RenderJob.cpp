#include "RenderJob.h"

#include "AssetCache.h"
#include "AtomicOutput.h"
#include "BackgroundReader.h"
#include "Backgrounds.h"
#include "Error.h"
#include "ImageLoader.h"
#include "Mp4Writer.h"
#include "SceneOverlay.h"
#include "Soundtrack.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace reelsmith {

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
            ImageLoader::probe(imagePath(i));
        } catch (const Error &e) {
            rethrowWithContext(e, QStringLiteral("scenes[%1].image").arg(i));
        }
    }
    if (!m_project.audio.isEmpty() && !QFileInfo(m_project.resolve(m_project.audio)).isFile())
        rethrowWithContext(
            Error(ErrorKind::BadInput,
                  QStringLiteral("%1: no such file").arg(m_project.resolve(m_project.audio))),
            QStringLiteral("audio"));
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
    std::unique_ptr<BackgroundReader> background;
    try {
        background =
            std::make_unique<BackgroundReader>(m_backgroundPath, frameSize, m_decoderThreads);
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
    SceneOverlay overlay;
    for (qint64 i = 0; i < frameCount; ++i) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        const int scene = m_project.sceneAtFrame(i);
        if (scene != currentScene) {
            overlay = SceneOverlay(); // release the old planes before building the new ones
            QStringList warnings;
            try {
                overlay = SceneOverlay::build(m_project.scenes[scene], imagePath(scene), frameSize,
                                              &warnings);
            } catch (const Error &e) {
                rethrowWithContext(e, QStringLiteral("scenes[%1].image").arg(scene));
            }
            for (const QString &w : warnings)
                if (m_onWarning)
                    m_onWarning(w);
            currentScene = scene;
        }
        AVFrame *frame = writer.frame();
        // A scene that hides the whole frame needs no background pixels; the
        // reader catches up (by seeking when far) when the background shows again.
        if (!overlay.coversFrame())
            background->frameAt(m_project.backgroundStart + double(i) / out.fps, frame);
        overlay.blendOnto(frame);
        writer.submit();
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

    RenderResult result;
    result.outputPath = file.target();
    result.frames = frameCount;
    result.bytes = QFileInfo(file.target()).size();
    result.seconds = clock.elapsed() / 1000.0;
    return result;
}

} // namespace reelsmith
