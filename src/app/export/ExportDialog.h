#pragma once

#include "project/Project.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExportDialog;
}

namespace reelsmith::editor {

// Asks where to save the video and with which output settings (starting from
// the project's own), and shows what the export will make: duration, frame
// count and an estimate of the file's size.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(const reelsmith::Project &project, QWidget *parent = nullptr);
    ~ExportDialog() override;

    reelsmith::OutputSettings output() const;
    QString outputPath() const;
    void setOutputPath(const QString &path);

    // What the summary shows, for the settings as they are now.
    qint64 frameCount() const;
    double durationSeconds() const;
    qint64 estimatedBytes() const;
    // Why OK is disabled (empty when it is not).
    QString problem() const { return m_problem; }
    // A remark that does not block the export (an existing file to replace).
    QString warning() const { return m_warning; }

    // The project's file name with .mp4, beside it; for an unsaved project,
    // "video.mp4" in the user's Movies folder.
    static QString defaultOutputPath(const reelsmith::Project &project);
    // A rough size of the MP4 for `seconds` of video; see the definition.
    static qint64 estimateBytes(const reelsmith::OutputSettings &output, double seconds,
                                bool withAudio);

public Q_SLOTS:
    void accept() override;

private:
    void browse();
    void refresh();
    QString validate() const;

    std::unique_ptr<Ui::ExportDialog> m_ui;
    reelsmith::Project m_project;
    QString m_problem;
    QString m_warning;
    QString m_confirmedOverwrite; // the file the save dialog already asked about
};

} // namespace reelsmith::editor
