// reelsmith-cli optimize IN -o OUT.mp4: the background-asset recipe.
//   reelsmith-cli optimize IN --cache: the copy renders use, into the asset cache.

#include "CliCommon.h"
#include "backgrounds/AssetCache.h"
#include "backgrounds/BackgroundOptimizer.h"
#include "core/Error.h"

namespace reelsmith::cli {

int runOptimize(const QStringList &args)
{
    const OutputSettings asset = OptimizeSettings::assetEncoding();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Turn a heavy clip into a small background asset: fit inside and pad to "
                       "720x1280, 24 fps, the first 15 s, no audio, x264 crf 28 capped at "
                       "500 kbit/s, +faststart.\n"
                       "With --cache, make instead the output-sized copy that renders of "
                       "projects using IN_VIDEO pick up by themselves (whole clip, cropped to "
                       "cover, no audio) in %1 ($REELSMITH_CACHE_DIR); only --fps, --width and "
                       "--height apply then.")
            .arg(AssetCache::folder()));
    parser.addPositionalArgument(QStringLiteral("input"), QStringLiteral("The video to optimize."),
                                 QStringLiteral("IN_VIDEO"));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Output MP4 file (or --cache)."),
         QStringLiteral("file")},
        {QStringLiteral("duration"), QStringLiteral("Seconds to keep from the start (default 15)."),
         QStringLiteral("s")},
        outputOption("fps", QStringLiteral("Frame rate"), QStringLiteral("n"),
                     QString::number(asset.fps)),
        outputOption("crf", QStringLiteral("x264 quality"), QStringLiteral("n"),
                     QString::number(asset.crf)),
        outputOption("maxrate", QStringLiteral("Bit-rate cap in kbit/s"), QStringLiteral("kbps"),
                     QString::number(asset.maxrateKbps)),
        {QStringLiteral("preset"),
         QStringLiteral("x264 preset (default %1). %2").arg(asset.preset, presetMemoryNote()),
         QStringLiteral("name")},
        outputOption("width", QStringLiteral("Output width"), QStringLiteral("w"),
                     QString::number(asset.width)),
        outputOption("height", QStringLiteral("Output height"), QStringLiteral("h"),
                     QString::number(asset.height)),
        {QStringLiteral("cache"),
         QStringLiteral("Write the render cache's copy for this size and --fps instead of -o.")},
        quietOption(),
    });
    if (!parseVerb(parser, args))
        return kExitOk;
    const QString input =
        onePositional(parser, QStringLiteral("optimize"), QStringLiteral("video"));
    const bool toCache = parser.isSet(QStringLiteral("cache"));
    if (toCache == parser.isSet(QStringLiteral("output")))
        throw UsageError(QStringLiteral("optimize: give either -o OUT.mp4 or --cache"));
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    OptimizeSettings settings;
    OutputSettings &encoding = settings.encoding;
    const QSize size(integerOption(parser, QStringLiteral("width"), encoding.width),
                     integerOption(parser, QStringLiteral("height"), encoding.height));
    const int fps = integerOption(parser, QStringLiteral("fps"), encoding.fps);
    if (toCache) {
        settings = AssetCache::renderRecipe(size, fps);
    } else {
        encoding.setSize(size);
        encoding.fps = fps;
        settings.maxSeconds = numberOption(parser, QStringLiteral("duration"), settings.maxSeconds);
        encoding.crf = integerOption(parser, QStringLiteral("crf"), encoding.crf);
        encoding.maxrateKbps =
            integerOption(parser, QStringLiteral("maxrate"), encoding.maxrateKbps);
        encoding.bufsizeKbps = encoding.maxrateKbps * 2;
        if (parser.isSet(QStringLiteral("preset")))
            encoding.preset = parser.value(QStringLiteral("preset"));
        if (parser.isSet(QStringLiteral("duration")) && settings.maxSeconds <= 0)
            throw UsageError(QStringLiteral("--duration: must be more than 0 s"));
    }
    QString badKey;
    if (const QString problem = checkOptimizeSettings(settings, &badKey); !problem.isEmpty())
        throw UsageError(QStringLiteral("--%1: %2").arg(badKey, problem));

    const RenderResult result = runWithProgress(
        QStringLiteral("optimize"), quiet, [&](const ProgressFn &progress, const CancelFn &cancel) {
            if (!toCache)
                return BackgroundOptimizer(input, parser.value(QStringLiteral("output")), settings)
                    .run(progress, cancel);
            RenderResult cached;
            cached.outputPath = AssetCache::create(input, settings, progress, cancel);
            return cached;
        });
    if (!quiet) {
        if (toCache)
            printLine(
                QStringLiteral("cached %1 as %2, %3").arg(input, result.outputPath, peakRssText()));
        else
            printLine(QStringLiteral("optimized %1 into %2: %3 frames (%4 s) in %5 s, %6, %7")
                          .arg(input, result.outputPath)
                          .arg(result.frames)
                          .arg(double(result.frames) / settings.encoding.fps, 0, 'f', 1)
                          .arg(result.seconds, 0, 'f', 1)
                          .arg(megabytes(result.bytes), peakRssText()));
    }
    return kExitOk;
}

} // namespace reelsmith::cli
