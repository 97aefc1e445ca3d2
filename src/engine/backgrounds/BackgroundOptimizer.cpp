#include "backgrounds/BackgroundOptimizer.h"

#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "media/BackgroundReader.h"
#include "media/Mp4Writer.h"
#include "project/Project.h"
#include "render/BackgroundPipeline.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>

namespace reelsmith {

QString checkOptimizeSettings(const OptimizeSettings &s, QString *badKey)
{
    OutputSettings asOutput;
    asOutput.width = s.size.width();
    asOutput.height = s.size.height();
    asOutput.fps = s.fps;
    asOutput.crf = s.crf;
    asOutput.preset = s.preset;
    asOutput.threads = s.threads;
    if (QString problem = checkOutputSettings(asOutput, badKey); !problem.isEmpty())
        return problem;
    auto bad = [&](const char *key, const QString &problem) {
        if (badKey)
            *badKey = QLatin1String(key);
        return problem;
    };
    if (!std::isfinite(s.maxSeconds) || s.maxSeconds < 0 ||
        s.maxSeconds > Project::kMaxTotalSeconds)
        return bad("duration", QStringLiteral("must be between 0 and %1 s, not %2")
                                   .arg(Project::kMaxTotalSeconds)
                                   .arg(s.maxSeconds));
    if (s.maxrateKbps != 0 && (s.maxrateKbps < 50 || s.maxrateKbps > 200000))
        return bad(
            "maxrate",
            QStringLiteral("must be between 50 and 200000 kbit/s, not %1").arg(s.maxrateKbps));
    return {};
}

BackgroundOptimizer::BackgroundOptimizer(QString input, QString output, OptimizeSettings settings)
    : m_input(std::move(input)), m_output(std::move(output)), m_settings(std::move(settings))
{
}

RenderResult BackgroundOptimizer::run(const RenderJob::ProgressFn &progress,
                                      const RenderJob::CancelFn &cancel)
{
    QElapsedTimer clock;
    clock.start();
    QString badKey;
    if (const QString problem = checkOptimizeSettings(m_settings, &badKey); !problem.isEmpty())
        throwBadInput(badKey + QStringLiteral(": ") + problem);

    auto reader = std::make_unique<BackgroundReader>(
        m_input, m_settings.size, BackgroundReader::kDefaultDecoderThreads, m_settings.fit);
    if (reader->duration() <= 0)
        throwBadInput(QStringLiteral("%1: cannot tell how long the video is").arg(m_input));
    const double seconds = m_settings.maxSeconds > 0
                               ? std::min(m_settings.maxSeconds, reader->duration())
                               : reader->duration();
    const qint64 frames = std::max<qint64>(1, std::llround(seconds * m_settings.fps));

    AtomicOutput file(m_output);
    VideoEncoding encoding;
    encoding.size = m_settings.size;
    encoding.fps = m_settings.fps;
    encoding.crf = m_settings.crf;
    encoding.preset = m_settings.preset;
    encoding.tune = m_settings.tune;
    encoding.threads = m_settings.threads;
    encoding.maxrateKbps = m_settings.maxrateKbps;
    encoding.bufsizeKbps = m_settings.bufsizeKbps;
    Mp4Writer writer(file.temporaryPath(), encoding);
    // Decoding and scaling run ahead on the pipeline's thread, beside x264.
    BackgroundPipeline pipeline(std::move(reader), m_settings.size, frames,
                                [fps = m_settings.fps](qint64 i) { return double(i) / fps; });

    for (qint64 i = 0; i < frames; ++i) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        writer.submit(pipeline.takeNext().get()); // lent until the frame is submitted
        if (progress)
            progress({i + 1, frames});
    }
    if (cancel && cancel())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
    writer.finish();
    file.commit();

    return RenderResult::finished(file.target(), frames, clock.elapsed());
}

} // namespace reelsmith
