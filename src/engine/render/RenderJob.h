#pragma once

#include "core/Error.h"
#include "media/BackgroundReader.h"
#include "project/Project.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace reelsmith {

struct RenderProgress
{
    qint64 framesDone = 0;
    qint64 frameCount = 0;
    double fraction() const { return frameCount > 0 ? double(framesDone) / frameCount : 0.0; }
};

struct RenderResult
{
    QString outputPath;
    qint64 frames = 0;
    qint64 bytes = 0;
    double seconds = 0;   // wall time of the render
    QStringList warnings; // harmless problems met on the way (a damaged picture, ...)

    // The result for a file now in place at `path`, started `elapsedMs` ago.
    static RenderResult finished(const QString &path, qint64 frames, qint64 elapsedMs);
};

// One export: project in, MP4 out, one frame at a time. The project is held
// by value, so the caller may go on editing its own copy.
class RenderJob
{
public:
    using ProgressFn = std::function<void(const RenderProgress &)>;
    using CancelFn = std::function<bool()>;
    using WarningFn = std::function<void(const QString &)>;

    RenderJob(Project project, QString outputPath);

    void setDecoderThreads(int threads) { m_decoderThreads = threads; }
    // Use an optimized copy of the background from AssetCache when one exists.
    void setUseCache(bool use) { m_useCache = use; }
    // The background file the render reads (after preflight(): maybe a cached copy).
    const QString &backgroundPath() const { return m_backgroundPath; }
    // Called as soon as a harmless problem is found (damaged picture, ...).
    void setWarningHandler(WarningFn handler) { m_onWarning = std::move(handler); }

    // Renders to a temporary file beside the output and renames it into place
    // on success. Throws Error: BadInput for bad projects or media, Cancelled
    // when `cancel` returns true (checked every frame), Failure otherwise. On
    // any throw the output path is untouched and no temporary file remains.
    RenderResult run(const ProgressFn &progress = {}, const CancelFn &cancel = {});

    const Project &project() const { return m_project; }
    const QString &outputPath() const { return m_output; }

    // Checks everything that can be checked before encoding starts: project
    // values, background and picture files (headers only). Throws like run().
    void preflight();

private:
    [[noreturn]] void rethrowWithContext(const Error &error, const QString &key) const;
    QString imagePath(int scene) const;

    Project m_project;
    QString m_output;
    QString m_backgroundPath;
    int m_decoderThreads = BackgroundReader::kDefaultDecoderThreads;
    bool m_useCache = true;
    std::vector<bool> m_hidesBackground; // per scene, from preflight()
    WarningFn m_onWarning;
};

} // namespace reelsmith
