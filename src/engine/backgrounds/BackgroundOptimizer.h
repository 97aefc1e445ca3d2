#pragma once

#include "core/Fit.h"
#include "render/RenderJob.h"

#include <QSize>
#include <QString>

namespace reelsmith {

// The background-asset recipe: a creator's heavy gameplay clip (1080p, 60 fps,
// with audio) becomes a small silent 720x1280 asset that renders decode cheaply.
struct OptimizeSettings
{
    QSize size{720, 1280};
    int fps = 24;
    double maxSeconds = 15; // 0: the whole clip
    int crf = 28;
    QString preset = QStringLiteral("veryfast");
    QString tune;          // x264 tune; the render cache asks for "fastdecode"
    int maxrateKbps = 500; // 0: no cap
    int bufsizeKbps = 1000;
    int threads = 2;
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
    RenderResult run(const RenderJob::ProgressFn &progress = {},
                     const RenderJob::CancelFn &cancel = {});

private:
    QString m_input;
    QString m_output;
    OptimizeSettings m_settings;
};

} // namespace reelsmith
