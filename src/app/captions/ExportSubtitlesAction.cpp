#include "captions/ExportSubtitlesAction.h"

#include "backgrounds/Backgrounds.h"
#include "captions/SubtitleFile.h"
#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "render/RenderJob.h"
#include "scenes/SceneNumbers.h"
#include "settings/EditorSettings.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent>

namespace reelsmith::editor {

void writeProjectSubtitles(const Project &project, const QString &path,
                           const BackgroundFolders &folders, const std::function<bool()> &cancel)
{
    try {
        // Refused by its name before anything is synthesized.
        const SubtitleFormat format = subtitleFormatForPath(path);
        Project copy = project;
        // The editor's own backgrounds folders, as its exports use them.
        try {
            copy.background =
                Backgrounds::resolve(copy.background, copy.baseDir, folders, copy.output.size());
        } catch (const Error &) {
            // The preflight below names it, with the project's context.
        }
        // The render's own preflight: voices (synthesized if need be), "auto"
        // lengths and every scene's caption pages, so the times are the
        // exported video's.
        RenderJob job(std::move(copy), path);
        job.preflight(cancel);
        writeSubtitles(path, job.subtitleCues(), format);
    } catch (const Error &e) {
        throw Error(e.kind(), withSceneNumbers(e.message()));
    }
}

ExportSubtitlesAction::ExportSubtitlesAction(ProjectDocument *doc, QWidget *window, QObject *parent)
    : QAction(parent), m_doc(doc), m_window(window)
{
    setObjectName(QStringLiteral("actionExportSubtitles"));
    retranslate();
    connect(this, &QAction::triggered, this, &ExportSubtitlesAction::choose);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &ExportSubtitlesAction::done);
    connect(doc, &ProjectDocument::changed, this, &ExportSubtitlesAction::updateEnabled);
    updateEnabled();
}

ExportSubtitlesAction::~ExportSubtitlesAction()
{
    // A synthesis under way stops at its next check; the worker holds its
    // own copies of everything it uses.
    if (m_cancel)
        m_cancel->store(true);
}

void ExportSubtitlesAction::retranslate()
{
    setText(tr("Export &Subtitles…"));
    setStatusTip(tr("Write the captions as an SRT or WebVTT file, timed as in the video"));
}

bool ExportSubtitlesAction::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAction::event(event);
}

void ExportSubtitlesAction::updateEnabled()
{
    setEnabled(m_doc->sceneCount() > 0 && !isRunning());
}

void ExportSubtitlesAction::choose()
{
    const QString folder = m_doc->isUntitled() ? EditorSettings::lastFolder()
                                               : QFileInfo(m_doc->filePath()).absolutePath();
    QString base = m_doc->isUntitled() ? tr("subtitles") : QFileInfo(m_doc->filePath()).fileName();
    if (base.endsWith(QLatin1String(".reel.json")))
        base.chop(int(qstrlen(".reel.json")));
    const QString suggested = QDir(folder).filePath(base + QStringLiteral(".srt"));
    QString path;
    if (m_chooser) {
        path = m_chooser(suggested);
    } else {
        const QString srt = tr("SubRip subtitles (*.srt)");
        const QString vtt = tr("WebVTT subtitles (*.vtt)");
        QString filter = srt;
        path = QFileDialog::getSaveFileName(m_window, tr("Export Subtitles"), suggested,
                                            srt + QStringLiteral(";;") + vtt, &filter);
        // A name typed without a suffix gets the chosen format's.
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (!path.isEmpty() && suffix != QLatin1String("srt") && suffix != QLatin1String("vtt"))
            path += filter == vtt ? QStringLiteral(".vtt") : QStringLiteral(".srt");
    }
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    exportTo(path);
}

void ExportSubtitlesAction::exportTo(const QString &path)
{
    if (isRunning())
        return;
    m_path = QFileInfo(path).absoluteFilePath();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_watcher.setFuture(
        QtConcurrent::run([project = m_doc->project(), path = m_path, cancel = m_cancel,
                           folders = EditorSettings::backgroundFolders()] {
            try {
                writeProjectSubtitles(project, path, folders, [cancel] { return cancel->load(); });
                return QString();
            } catch (const Error &e) {
                return e.message();
            }
        }));
    updateEnabled();
    if (auto *window = qobject_cast<QMainWindow *>(m_window.data()))
        window->statusBar()->showMessage(
            tr("Writing subtitles to %1…").arg(QDir::toNativeSeparators(m_path)));
}

void ExportSubtitlesAction::done()
{
    const QString error = m_watcher.result();
    updateEnabled();
    auto *window = qobject_cast<QMainWindow *>(m_window.data());
    if (error.isEmpty()) {
        if (window)
            window->statusBar()->showMessage(
                tr("Subtitles written to %1").arg(QDir::toNativeSeparators(m_path)), 5000);
    } else {
        if (window)
            window->statusBar()->clearMessage();
        if (m_window) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Subtitles"),
                                        tr("The subtitles were not written.\n\n%1").arg(error),
                                        QMessageBox::Ok, m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    }
    emit finished(m_path, error);
}

} // namespace reelsmith::editor
