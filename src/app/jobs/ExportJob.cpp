#include "jobs/ExportJob.h"

#include "scenes/SceneNumbers.h"

#include <QFileInfo>

namespace reelsmith::editor {

ExportJob::ExportJob(Project project, QString outputPath, const BackgroundFolders &folders)
    : m_project(std::move(project)), m_outputPath(std::move(outputPath)),
      m_frameCount(m_project.frameCount())
{
    if (m_project.background.isEmpty())
        return; // the render's validation names what is missing
    try {
        m_project.background = Backgrounds::resolve(m_project.background, m_project.baseDir,
                                                    folders, m_project.output.size());
    } catch (const Error &error) {
        // In the row, like every other problem of the project, with the same
        // context the render gives its own errors.
        const QString prefix =
            m_project.filePath.isEmpty() ? QString() : m_project.filePath + QStringLiteral(": ");
        m_backgroundProblem = Error(error.kind(), prefix + error.message());
    }
}

QString ExportJob::title() const
{
    return QFileInfo(m_outputPath).fileName();
}

QString ExportJob::startingText() const
{
    return Job::tr("Checking pictures and background");
}

int ExportJob::peakMegabytes() const
{
    return modelledEncodePeakMegabytes(m_project.output);
}

RenderResult ExportJob::run(QPromise<QString> &promise)
{
    // A project that is invalid anyway says so first, as the CLI's render does.
    if (m_backgroundProblem && m_project.validationError().isEmpty())
        throw *m_backgroundProblem;
    FrameReporter reporter(promise);
    RenderJob render(m_project, m_outputPath);
    // The render names scenes by their key (scenes[1], from 0); the queue
    // shows them as the scene list numbers them (scene 2).
    render.setWarningHandler(
        [&promise](const QString &warning) { promise.addResult(withSceneNumbers(warning)); });
    try {
        return render.run(reporter.progressFn(), reporter.cancelFn());
    } catch (const Error &error) {
        if (error.kind() == ErrorKind::Cancelled)
            throw;
        throw Error(error.kind(), withSceneNumbers(error.message()));
    }
}

} // namespace reelsmith::editor
