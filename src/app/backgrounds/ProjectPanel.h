#pragma once

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <memory>

namespace Ui {
class ProjectPanel;
}

class QProgressDialog;

namespace reelsmith::editor {

class ProjectDocument;
class ThumbnailCache;

// What the project's scenes lie over: the background (built-ins and the
// user's clips, with thumbnails), where in it the video starts, and the
// soundtrack. "Add Background…" imports a clip through the optimizer.
class ProjectPanel : public QWidget
{
    Q_OBJECT
public:
    ProjectPanel(ProjectDocument *doc, ThumbnailCache *thumbnails, QWidget *parent = nullptr);
    ~ProjectPanel() override;

    // Lists the backgrounds again (off the UI thread).
    void reloadBackgrounds();
    // Imports `clip` into the user's backgrounds folder; the list and the
    // project switch to it when done.
    void importBackground(const QString &clip);
    bool isImporting() const { return m_import.isRunning(); }

signals:
    // The start offset is being dragged; the preview shows that moment.
    void startScrubbed(double seconds);
    void backgroundsListed();
    // An import finished: the new clip's path, or an error text.
    void importFinished(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Listing;
    struct ImportResult
    {
        QString path;
        QString error;
    };

    void showBackgrounds(const Listing &listing);
    void refresh();
    void pickBackground();
    void setStart(double seconds);
    void chooseAudio();
    void chooseClipToImport();
    double backgroundDuration() const;

    std::unique_ptr<Ui::ProjectPanel> m_ui;
    ProjectDocument *m_doc;
    ThumbnailCache *m_thumbnails;
    QThreadPool m_pool;
    QFutureWatcher<std::shared_ptr<Listing>> m_listing;
    QFutureWatcher<ImportResult> m_import;
    QProgressDialog *m_progress = nullptr;
};

} // namespace reelsmith::editor
