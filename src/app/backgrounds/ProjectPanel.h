#pragma once

#include "backgrounds/ImportBackgroundJob.h"
#include "document/ProjectDocument.h"
#include "document/UndoText.h"

#include <QFutureWatcher>
#include <QIcon>
#include <QImage>
#include <QList>
#include <QThreadPool>
#include <QWidget>

class QDialog;

#include <functional>
#include <memory>

namespace Ui {
class ProjectPanel;
}

namespace reelsmith::editor {

class ProjectDocument;
class RenderQueue;
class ThumbnailCache;

// What the project's scenes lie over: the background (built-ins and the
// user's clips, with thumbnails), where in it the video starts, and the
// soundtrack. "Add Background…" queues an import (ImportBackgroundJob) in the
// editor's job queue, which shows its progress and any error.
class ProjectPanel : public QWidget
{
    Q_OBJECT
public:
    ProjectPanel(ProjectDocument *doc, ThumbnailCache *thumbnails, RenderQueue *queue,
                 QWidget *parent = nullptr);
    ~ProjectPanel() override;

    // Lists the backgrounds again (off the UI thread).
    void reloadBackgrounds();
    // Queues an import of `clip` into the user's backgrounds folder; when it
    // is done the list shows it and the project switches to it. Returns the
    // job's id.
    int importBackground(const QString &clip,
                         const OptimizeSettings &recipe = ImportBackgroundJob::defaultRecipe());
    bool isImporting() const { return !m_imports.isEmpty(); }
    // Makes the picture at `path` the project's background, shown still (one
    // undo step). Returns why it cannot be, naming the file (nothing changes
    // then), or an empty string.
    QString usePicture(const QString &path);

signals:
    // The start offset is being dragged; the preview shows that moment.
    void startScrubbed(double seconds);
    void backgroundsListed();
    // An import finished: the new clip's path, or an error text (both empty
    // when it was cancelled).
    void importFinished(const QString &path, const QString &error);
    // "Add Background…" chose a clip and asks how to import it (tests drive it).
    void addBackgroundDialogOpened(QDialog *dialog);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Listing;

    void showBackgrounds(const Listing &listing);
    void refresh();
    void pickBackground();
    void setStart(double seconds);
    void chooseAudio();
    // Music, the project's voice and the loudness target.
    void connectSoundControls();
    void refreshSound();
    void editSettings(const std::function<void(ProjectDocument::Settings &)> &change, UndoText text,
                      int mergeKey);
    // A background's list picture: `thumbnail` fitted on a tile of the
    // list's icon size (a blank tile while it is being made).
    QIcon tile(const QImage &thumbnail) const;
    // An undo step's text in this panel's translation context.
    static UndoText undoText(const char *source);
    void chooseClipToImport();
    void choosePicture();
    void jobFinished(int id);
    double backgroundDuration() const;

    std::unique_ptr<Ui::ProjectPanel> m_ui;
    ProjectDocument *m_doc;
    ThumbnailCache *m_thumbnails;
    RenderQueue *m_queue;
    QThreadPool m_pool;
    QFutureWatcher<std::shared_ptr<Listing>> m_listing;
    bool m_listAgain = false; // the folders changed while a listing ran
    QList<int> m_imports;     // ids of the imports queued from here, not finished
};

} // namespace reelsmith::editor
