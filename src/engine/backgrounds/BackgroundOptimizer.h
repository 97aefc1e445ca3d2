#pragma once

#include "core/Fit.h"
#include "core/Job.h"
#include "core/OutputSettings.h"

#include <QSize>
#include <QString>

namespace reelsmith {

// The background-asset recipe: a creator's heavy gameplay clip (1080p, 60 fps,
// with audio) becomes a small silent 720x1280 asset that renders decode cheaply.
struct OptimizeSettings
{
    // 720x1280, 24 fps, x264 veryfast crf 28 capped at 500 kbit/s (bufsize
    // 1000); at another size or rate the cap grows with the pixel rate, so a
    // 1080x1920 60 fps copy keeps the same quality per pixel.
    static OutputSettings assetEncoding(QSize size = {720, 1280}, int fps = 24);

    OutputSettings encoding = assetEncoding(); // the render cache asks for tune "fastdecode"
    double startSeconds = 0;                   // where in the clip the copy begins
    double maxSeconds = 15;                    // 0: the rest of the clip from the start
    Fit fit = Fit::Contain; // fit inside and pad; the render cache covers instead

    bool operator==(const OptimizeSettings &) const = default;
};

// First broken limit as "problem" with the setting's name in `badKey`, or empty.
QString checkOptimizeSettings(const OptimizeSettings &settings, QString *badKey);

class BackgroundOptimizer
{
public:
    BackgroundOptimizer(QString input, QString output, OptimizeSettings settings = {});

    // Streams the input through the recipe into a temporary file beside the
    // output, renamed into place when complete. Throws Error like RenderJob.
    RenderResult run(const ProgressFn &progress = {}, const CancelFn &cancel = {});

private:
    QString m_input;
    QString m_output;
    OptimizeSettings m_settings;
};

} // namespace reelsmith
