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

OutputSettings OptimizeSettings::assetEncoding(QSize size, int fps)
{
    OutputSettings encoding;
    const double pixelRate = double(size.width()) * size.height() * fps /
                             (double(encoding.width) * encoding.height * encoding.fps);
    encoding.setSize(size);
    encoding.fps = fps;
    encoding.preset = QStringLiteral("veryfast");
    encoding.maxrateKbps = std::max(1, int(std::lround(500 * std::max(pixelRate, 0.0))));
    encoding.bufsizeKbps = 2 * encoding.maxrateKbps;
    return encoding;
}

QString checkOptimizeSettings(const OptimizeSettings &s, QString *badKey)
{
    if (QString problem = checkOutputSettings(s.encoding, badKey); !problem.isEmpty())
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
    if (!std::isfinite(s.startSeconds) || s.startSeconds < 0 ||
        s.startSeconds > Project::kMaxTotalSeconds)
        return bad("start", QStringLiteral("must be between 0 and %1 s, not %2")
                                .arg(Project::kMaxTotalSeconds)
                                .arg(s.startSeconds));
    return {};
}

BackgroundOptimizer::BackgroundOptimizer(QString input, QString output, OptimizeSettings settings)
    : m_input(std::move(input)), m_output(std::move(output)), m_settings(std::move(settings))
{
}

RenderResult BackgroundOptimizer::run(const ProgressFn &progress, const CancelFn &cancel)
{
    QElapsedTimer clock;
    clock.start();
    QString badKey;
    if (const QString problem = checkOptimizeSettings(m_settings, &badKey); !problem.isEmpty())
        throwBadInput(badKey + QStringLiteral(": ") + problem);

    const OutputSettings &encoding = m_settings.encoding;
    auto reader = std::make_unique<BackgroundReader>(
        m_input, encoding.size(), BackgroundReader::kDefaultDecoderThreads, m_settings.fit);
    if (reader->duration() <= 0)
        throwBadInput(QStringLiteral("%1: cannot tell how long the video is").arg(m_input));
    const double start = m_settings.startSeconds;
    if (start >= reader->duration())
        throwBadInput(QStringLiteral("start: %1 s is past the end of %2 (%3 s long)")
                          .arg(start)
                          .arg(m_input)
                          .arg(reader->duration(), 0, 'f', 2));
    const double rest = reader->duration() - start;
    const double seconds = m_settings.maxSeconds > 0 ? std::min(m_settings.maxSeconds, rest) : rest;
    const qint64 frames = std::max<qint64>(1, std::llround(seconds * encoding.fps));

    AtomicOutput file(m_output);
    Mp4Writer writer(file.temporaryPath(), encoding);
    // Decoding and scaling run ahead on the pipeline's thread, beside x264.
    BackgroundPipeline pipeline(
        std::move(reader), encoding.size(), frames,
        [fps = encoding.fps, start](qint64 i) { return start + double(i) / fps; });

    for (qint64 i = 0; i < frames; ++i) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        writer.submit(pipeline.takeNext().get()); // lent until the frame is submitted
        if (progress)
            progress({i + 1, frames});
    }
    writer.finish();
    // The point of no return, as in RenderJob::run: after the rename the file is the user's.
    if (cancel && cancel())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
    file.commit();

    return RenderResult::finished(file.target(), frames, clock.elapsed());
}

} // namespace reelsmith
