// reelsmith-cli render PROJECT -o OUT.mp4 [flags]

#include "CliCommon.h"
#include "backgrounds/AssetCache.h"
#include "captions/SubtitleFile.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QFileInfo>

#include <cstdio>
#include <optional>

namespace reelsmith::cli {

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Render a project to an H.264 MP4, with AAC audio when the project has a "
            "soundtrack.\n"
            "The options override the project's \"output\" block. OUT.mp4 is written under a "
            "temporary name beside it and renamed into place only when complete.\n"
            "A copy of the background made by 'optimize --cache' for this size and frame rate "
            "is read instead of the background itself, from %1 ($REELSMITH_CACHE_DIR).\n"
            "--subtitles writes the burned-in captions as SubRip (.srt) or WebVTT (.vtt) in the "
            "video's time, lines as shown; a WebVTT of word-timed captions (karaoke, words) "
            "has each word's time. It is written like the video, once the video is complete.")
            .arg(AssetCache::folder()));
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("The project file (.reel.json)."),
                                 QStringLiteral("PROJECT.reel.json"));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Output MP4 file (required)."),
         QStringLiteral("file")},
        outputOption("fps", QStringLiteral("Frame rate"), QStringLiteral("n")),
        outputOption("crf", QStringLiteral("x264 quality (lower is better)"), QStringLiteral("n")),
        {QStringLiteral("preset"),
         QStringLiteral("x264 preset: %1. %2")
             .arg(x264PresetNames().join(QStringLiteral(", ")), presetMemoryNote()),
         QStringLiteral("name")},
        outputOption("threads",
                     QStringLiteral("Encoder threads (0 = automatic; frame threads are capped "
                                    "with the preset to keep memory under %1 MB)")
                         .arg(kRenderMemoryBudgetMB),
                     QStringLiteral("n")),
        outputOption("width", QStringLiteral("Output width"), QStringLiteral("w")),
        outputOption("height", QStringLiteral("Output height"), QStringLiteral("h")),
        {QStringLiteral("subtitles"),
         QStringLiteral("Also write the captions as subtitles to FILE (.srt or .vtt)."),
         QStringLiteral("file")},
        {QStringLiteral("soft-subtitles"),
         QStringLiteral("Also put the captions in the MP4 as a subtitle track players can show "
                        "or hide (as output.soft_subtitles: true).")},
        {QStringLiteral("no-cache"),
         QStringLiteral("Read the background itself, not its optimized copy from the cache.")},
        quietOption(),
    });
    if (!parseVerb(parser, args))
        return kExitOk;
    const QString projectPath =
        onePositional(parser, QStringLiteral("render"), QStringLiteral("project"));
    if (!parser.isSet(QStringLiteral("output")))
        throw UsageError(QStringLiteral("render: -o OUT.mp4 is required"));
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    // A subtitles path that cannot be right is refused before anything is rendered.
    const QString subtitlesPath = parser.value(QStringLiteral("subtitles"));
    std::optional<SubtitleFormat> subtitleFormat;
    if (parser.isSet(QStringLiteral("subtitles"))) {
        try {
            subtitleFormat = subtitleFormatForPath(subtitlesPath);
        } catch (const Error &e) {
            throw Error(ErrorKind::BadInput, QStringLiteral("--subtitles: ") + e.message());
        }
        const QFileInfo folder(QFileInfo(subtitlesPath).absolutePath());
        if (!folder.isDir() || !folder.isWritable())
            throw Error(ErrorKind::BadInput,
                        QStringLiteral("--subtitles: %1: the folder does not exist or cannot be "
                                       "written")
                            .arg(subtitlesPath));
    }

    Project project = Project::load(projectPath);
    for (const QString &warning : std::as_const(project.warnings))
        if (!quiet)
            printLine(QStringLiteral("warning: ") + warning);

    OutputSettings &out = project.output;
    out.fps = integerOption(parser, QStringLiteral("fps"), out.fps);
    out.crf = integerOption(parser, QStringLiteral("crf"), out.crf);
    out.threads = integerOption(parser, QStringLiteral("threads"), out.threads);
    out.width = integerOption(parser, QStringLiteral("width"), out.width);
    out.height = integerOption(parser, QStringLiteral("height"), out.height);
    if (parser.isSet(QStringLiteral("preset")))
        out.preset = parser.value(QStringLiteral("preset"));
    if (parser.isSet(QStringLiteral("soft-subtitles")))
        out.softSubtitles = true;
    QString badKey;
    if (const QString problem = checkOutputSettings(out, &badKey); !problem.isEmpty()) {
        const bool fromFlag = parser.isSet(badKey);
        throw Error(ErrorKind::BadInput,
                    fromFlag
                        ? QStringLiteral("--%1: %2").arg(badKey, problem)
                        : QStringLiteral("%1: output.%2: %3").arg(projectPath, badKey, problem));
    }

    RenderJob job(project, parser.value(QStringLiteral("output")));
    job.setUseCache(!parser.isSet(QStringLiteral("no-cache")));
    job.setWarningHandler([](const QString &w) { printLine(QStringLiteral("warning: ") + w); });
    const RenderResult result = runWithProgress(
        QStringLiteral("render"), quiet, [&](const ProgressFn &progress, const CancelFn &cancel) {
            return job.run(progress, cancel);
        });
    if (subtitleFormat)
        writeSubtitles(subtitlesPath, job.subtitleCues(), *subtitleFormat);
    if (!quiet) {
        const double videoSeconds = double(result.frames) / out.fps;
        // The loudness pass's share is what bench/narration watches.
        const QString loudness =
            result.loudnessSeconds > 0
                ? QStringLiteral(", loudness pass %1 s").arg(result.loudnessSeconds, 0, 'f', 2)
                : QString();
        printLine(QStringLiteral("rendered %1: %2 frames (%3 s of video) in %4 s (%5 fps)%6, %7, "
                                 "%8")
                      .arg(result.outputPath)
                      .arg(result.frames)
                      .arg(videoSeconds, 0, 'f', 1)
                      .arg(result.seconds, 0, 'f', 1)
                      .arg(result.seconds > 0 ? result.frames / result.seconds : 0.0, 0, 'f', 1)
                      .arg(loudness, megabytes(result.bytes), peakRssText()));
    }
    return kExitOk;
}

} // namespace reelsmith::cli
