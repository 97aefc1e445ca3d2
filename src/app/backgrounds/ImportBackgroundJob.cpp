#include "backgrounds/ImportBackgroundJob.h"

#include "backgrounds/BackgroundOptimizer.h"
#include "core/Error.h"

#include <QDir>
#include <QFileInfo>

namespace reelsmith::editor {

ImportBackgroundJob::ImportBackgroundJob(QString clip, QString output, OptimizeSettings recipe)
    : m_clip(std::move(clip)), m_output(std::move(output)), m_recipe(std::move(recipe))
{
}

OptimizeSettings ImportBackgroundJob::defaultRecipe()
{
    // The asset recipe, but cropped to cover: a background always fills the
    // frame, so bars baked into the asset would show.
    OptimizeSettings settings;
    settings.fit = Fit::Cover;
    return settings;
}

QString ImportBackgroundJob::freeName(const QString &folder, const QString &base,
                                      const QStringList &taken)
{
    const auto pathOf = [&folder](const QString &name) {
        return QDir(folder).filePath(name + QStringLiteral(".mp4"));
    };
    QString name = base;
    for (int n = 2; QFileInfo::exists(pathOf(name)) || taken.contains(pathOf(name)); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return pathOf(name);
}

QString ImportBackgroundJob::title() const
{
    return Job::tr("Background from %1").arg(QFileInfo(m_clip).fileName());
}

QString ImportBackgroundJob::startingText() const
{
    return Job::tr("Reading the clip");
}

int ImportBackgroundJob::peakMegabytes() const
{
    // An import is a render without pictures or captions: the reader (here
    // decoding the creator's clip, often 1080p, instead of a small asset)
    // feeding x264 with the recipe's encoding. The model's compositor frames
    // it does not have stand in for the bigger source frames it decodes.
    return modelledEncodePeakMegabytes(m_recipe.encoding);
}

RenderResult ImportBackgroundJob::run(QPromise<QString> &promise)
{
    const QString folder = QFileInfo(m_output).absolutePath();
    if (!QDir().mkpath(folder))
        throwFailure(Job::tr("%1: cannot create the folder").arg(folder));
    FrameReporter reporter(promise);
    BackgroundOptimizer optimizer(m_clip, m_output, m_recipe);
    return optimizer.run(reporter.progressFn(), reporter.cancelFn());
}

} // namespace reelsmith::editor
