#pragma once

#include <QAction>
#include <QFutureWatcher>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QWidget;

namespace reelsmith {
struct BackgroundFolders;
struct Project;
} // namespace reelsmith

namespace reelsmith::editor {

class ProjectDocument;

// The project's captions as an SRT or WebVTT file, in the video's time:
// the same timing and paging the export burns in, from the engine's own
// preflight (RenderJob::subtitleCues, as `reelsmith-cli render
// --subtitles`), written atomically. Narration that is not synthesized yet is
// synthesized on a worker thread, never on the UI thread.
// Writes `project`'s subtitles to `path` (.srt or .vtt), a user background
// looked up in `folders` as the editor's exports do. Runs on any thread;
// throws Error naming the file or key (scenes by the list's numbers).
void writeProjectSubtitles(const Project &project, const QString &path,
                           const BackgroundFolders &folders,
                           const std::function<bool()> &cancel = {});

// File > Export Subtitles…: asks where (or the chooser), then writes off the
// UI thread and says how it went in the window's status bar, or in a message.
class ExportSubtitlesAction : public QAction
{
    Q_OBJECT
public:
    // Returns the path to write, empty to cancel; `suggested` is a default.
    using Chooser = std::function<QString(const QString &suggested)>;

    ExportSubtitlesAction(ProjectDocument *doc, QWidget *window, QObject *parent = nullptr);
    ~ExportSubtitlesAction() override;
    void setChooser(Chooser chooser) { m_chooser = std::move(chooser); }

    // Starts writing the current project's subtitles to `path`.
    void exportTo(const QString &path);
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    // `error` is empty when the file was written.
    void finished(const QString &path, const QString &error);

private:
    void choose();
    void done();
    void updateEnabled();
    void retranslate();
    bool event(QEvent *event) override;

    ProjectDocument *m_doc;
    QPointer<QWidget> m_window;
    Chooser m_chooser;
    QString m_path; // being written
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<QString> m_watcher; // the error, empty on success
};

} // namespace reelsmith::editor
