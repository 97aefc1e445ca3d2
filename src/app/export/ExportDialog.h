#pragma once

#include "project/Project.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExportDialog;
}

namespace reelsmith::editor {

class ProjectDocument;

// Asks where to save the video and with which output settings (a named
// preset or custom values, starting from the project's own), and shows what
// the export will make: duration, frame count and an estimate of the file's
// size, with a warning when the video is longer than the platform limit
// chosen in Preferences.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(const reelsmith::Project &project, QWidget *parent = nullptr);
    ~ExportDialog() override;

    reelsmith::OutputSettings output() const;
    // The file to write: the name as typed, with ".mp4" added when it does
    // not end so.
    QString outputPath() const;
    void setOutputPath(const QString &path);

    // Keeps the chosen output settings (and preset) in the document, as one
    // undoable edit, when they differ from the project's.
    void saveChoiceTo(ProjectDocument *document) const;

    // What the summary shows, for the settings as they are now.
    qint64 frameCount() const;
    double durationSeconds() const;
    qint64 estimatedBytes() const;
    // Why OK is disabled (empty when it is not).
    QString problem() const { return m_problem; }
    // Remarks that do not block the export (a video longer than the
    // platform limit, an existing file to replace), one a line.
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
    int m_lengthLimitSeconds;     // EditorSettings' platform limit; 0: none
};

} // namespace reelsmith::editor
