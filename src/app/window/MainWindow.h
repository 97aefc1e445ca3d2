#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

class QItemSelection;

namespace reelsmith::editor {

class AddMedia;
class AutoDurations;
class Autosave;
class MemoryMeterWidget;
class PreviewPanel;
class RenderQueue;
class RenderQueueDock;
class ProjectDocument;
class ProjectPanel;
class SceneInspector;
class SceneListModel;
class ThumbnailCache;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectDocument *document() const { return m_doc; }
    SceneListModel *sceneModel() const { return m_sceneModel; }
    ProjectPanel *projectPanel() const { return m_projectPanel; }
    SceneInspector *inspector() const { return m_inspector; }
    Autosave *autosave() const { return m_autosave; }
    RenderQueue *renderQueue() const { return m_queue; }
    MemoryMeterWidget *memoryMeter() const { return m_meter; }
    PreviewPanel *previewPanel() const { return m_preview; }

    // Queues an export of a copy of the project as it is now, with its own
    // output settings; returns the job's id. The export dialog ends here too.
    int exportTo(const QString &outputPath);

    // Opens `path` (after asking about unsaved changes); reports a failure
    // in a message box. True when opened.
    bool openProject(const QString &path);
    // Saves to the project's file, or asks for one. False when not saved.
    bool save();
    bool saveAs();
    // Offers the copies a crashed editor left behind.
    void offerRecovery();
    // Adds one scene per picture after the current scene.
    void addPictures(const QStringList &paths);
    // Adds one scene per video clip (or picture) after the current scene,
    // once the files are probed off the UI thread (see AddMedia).
    void addClips(const QStringList &paths);
    AddMedia *mediaAdder() const { return m_addMedia; }
    // A new project (after asking about unsaved changes) with one narrated
    // text card per narration. False when the creator kept the old one.
    bool newFromScript(const QStringList &narrations);

    // The scene rows selected in the list, ascending.
    QList<int> selectedRows() const;
    void selectRows(const QList<int> &rows);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUpActions();
    void updateTitle();
    void updateUndoTexts();
    // Undo/redo from the keyboard: a field being typed in hands its value
    // to the document first, then the document's step is undone.
    void undoFromKeyboard(bool redo);
    void updateActions();
    void updateRecentMenu();
    void selectionChanged();
    // The inspector edits what the list has selected, also after rows moved.
    void syncInspector();
    // The preview shows the last frame of scene `row`, whose length changed.
    void showSceneEnd(int row);
    // Asks what to do with unsaved changes; false when the user cancels.
    bool maybeSave();
    void newFromScriptDialog();
    void newProject();
    void openDialog();
    void addPicturesDialog();
    void addClipsDialog();
    void moveSelection(int delta);
    void showPreferences();
    void exportDialog();
    void applyPreferences();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ProjectDocument *m_doc;
    ThumbnailCache *m_thumbnails;
    ThumbnailCache *m_clipThumbnails;
    SceneListModel *m_sceneModel;
    AutoDurations *m_autoDurations; // before the inspector, which shows its problems
    SceneInspector *m_inspector;
    RenderQueue *m_queue; // before the panel, which queues its imports here
    ProjectPanel *m_projectPanel;
    Autosave *m_autosave;
    RenderQueueDock *m_queueDock;
    MemoryMeterWidget *m_meter;
    PreviewPanel *m_preview;
    AddMedia *m_addMedia;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    bool m_selectingRows = false; // selectRows() is changing the selection
    int m_resizeKey = 0;          // merges the edits of one timeline drag
};

} // namespace reelsmith::editor
