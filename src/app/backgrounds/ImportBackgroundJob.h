#pragma once

#include "backgrounds/BackgroundOptimizer.h"
#include "jobs/Job.h"

namespace reelsmith::editor {

// "Add Background…": a creator's clip made into a background in their
// folder (BackgroundOptimizer), as a job in the queue.
class ImportBackgroundJob : public Job
{
public:
    // `output` is the file to make in the user's backgrounds folder, with
    // `recipe` (AddBackgroundDialog's choice; by default the asset recipe's
    // first 15 s at 720x1280 and 24 fps, cropped to cover).
    ImportBackgroundJob(QString clip, QString output, OptimizeSettings recipe = defaultRecipe());
    static OptimizeSettings defaultRecipe();

    // A name in `folder` for a clip called `base` that no file has yet and
    // that is not among `taken` (the outputs of imports still queued).
    static QString freeName(const QString &folder, const QString &base,
                            const QStringList &taken = {});

    Kind kind() const override { return Kind::Import; }
    QString title() const override;
    QString outputPath() const override { return m_output; }
    QString startingText() const override;
    int peakMegabytes() const override;
    RenderResult run(QPromise<QString> &promise) override;

    const QString &clip() const { return m_clip; }

private:
    QString m_clip;
    QString m_output;
    OptimizeSettings m_recipe;
};

} // namespace reelsmith::editor
