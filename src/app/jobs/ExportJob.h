#pragma once

#include "backgrounds/Backgrounds.h"
#include "core/Error.h"
#include "jobs/Job.h"
#include "project/Project.h"

#include <optional>

namespace reelsmith::editor {

// An export: a copy of the project rendered to an MP4.
class ExportJob : public Job
{
public:
    // Runs on the UI thread: the background is looked up now, in `folders`,
    // so the job renders the clip the creator saw when queueing it whatever
    // the preferences say later.
    ExportJob(Project project, QString outputPath, const BackgroundFolders &folders);

    Kind kind() const override { return Kind::Export; }
    QString title() const override;
    QString outputPath() const override { return m_outputPath; }
    qint64 expectedFrames() const override { return m_frameCount; }
    QString startingText() const override;
    int peakMegabytes() const override;
    RenderResult run(QPromise<QString> &promise) override;

private:
    Project m_project;
    QString m_outputPath;
    qint64 m_frameCount = 0;
    std::optional<Error> m_backgroundProblem; // reported when the job runs
};

} // namespace reelsmith::editor
