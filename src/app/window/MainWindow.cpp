#include "window/MainWindow.h"
#include "ui_MainWindow.h"

#include "backgrounds/ProjectPanel.h"
#include "batch/BatchDialog.h"
#include "captions/ExportSubtitlesAction.h"
#include "core/Error.h"
#include "document/Autosave.h"
#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "document/UndoText.h"
#include "export/ExportDialog.h"
#include "jobs/ExportJob.h"
#include "jobs/RenderQueue.h"
#include "jobs/RenderQueueDock.h"
#include "narration/AutoDurations.h"
#include "narration/ScriptDialog.h"
#include "preview/LengthLabel.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewWidget.h"
#include "preview/TimelineWidget.h"
#include "scenes/AddMedia.h"
#include "scenes/RelinkAction.h"
#include "scenes/SceneInspector.h"
#include "scenes/SceneListDelegate.h"
#include "scenes/SceneListModel.h"
#include "scenes/ThumbnailCache.h"
#include "settings/EditorSettings.h"
#include "settings/PreferencesDialog.h"
#include "window/MemoryMeterWidget.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>

#include <algorithm>

namespace reelsmith::editor {

namespace {

const QString kProjectFilter = QStringLiteral("*.reel.json");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()),
      m_doc(new ProjectDocument(this)), m_thumbnails(new ThumbnailCache(QSize(96, 96), this)),
      m_clipThumbnails(new ThumbnailCache(QSize(54, 96), this)),
      m_sceneModel(new SceneListModel(m_doc, m_thumbnails, this)),
      m_autoDurations(new AutoDurations(m_doc, this)),
      m_inspector(new SceneInspector(m_doc, m_autoDurations)), m_queue(new RenderQueue(this)),
      m_projectPanel(new ProjectPanel(m_doc, m_clipThumbnails, m_queue)),
      m_autosave(new Autosave(m_doc, 3000, this)), m_queueDock(new RenderQueueDock(m_queue)),
      m_meter(new MemoryMeterWidget), m_preview(new PreviewPanel),
      m_addMedia(new AddMedia(m_doc, this))
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    m_doc->reset(EditorSettings::defaultOutput());

    m_ui->sceneList->setModel(m_sceneModel);
    m_ui->sceneList->setItemDelegate(new SceneListDelegate(m_ui->sceneList));
    m_ui->sceneList->setDropIndicatorShown(true);
    // Scenes whose picture is missing are pointed to the file's new place.
    m_ui->menuScenes->addSeparator();
    m_ui->menuScenes->addAction(new RelinkAction(m_doc, m_ui->sceneList, this));
    // File > Export Subtitles…, right after Export.
    {
        const QList<QAction *> file = m_ui->menuFile->actions();
        m_ui->menuFile->insertAction(file.value(file.indexOf(m_ui->actionExport) + 1),
                                     new ExportSubtitlesAction(m_doc, this, this));
    }
    connect(m_ui->sceneList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::selectionChanged);
    connect(m_ui->sceneList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::selectionChanged);
    // Rows that move, come or go take their selection along; the inspector's
    // row numbers follow.
    connect(m_sceneModel, &QAbstractItemModel::rowsMoved, this, &MainWindow::syncInspector);
    connect(m_sceneModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::syncInspector);
    connect(m_sceneModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::syncInspector);
    connect(m_sceneModel, &QAbstractItemModel::modelReset, this, &MainWindow::syncInspector);
    // Clips dropped on the list are probed first; they arrive through AddMedia.
    connect(m_sceneModel, &SceneListModel::mediaDropped, m_addMedia, &AddMedia::add);
    connect(m_addMedia, &AddMedia::added, this, &MainWindow::selectRows);
    connect(m_addMedia, &AddMedia::refused, this, [this](const QString &problems) {
        // Not modal: the add runs after a drop or a dialog has returned.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Add These Files"),
                                    tr("Nothing was added: these files cannot be used as scenes."),
                                    QMessageBox::Ok, this);
        box->setInformativeText(problems);
        box->setObjectName(QStringLiteral("addMediaRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_sceneModel, &SceneListModel::rowsDropped, this, [this](const QList<int> &rows) {
        // After the view has finished its own drop handling.
        QMetaObject::invokeMethod(
            this, [this, rows] { selectRows(rows); }, Qt::QueuedConnection);
    });

    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("inspectorTabs"));
    tabs->addTab(m_inspector, tr("Scene"));
    tabs->addTab(m_projectPanel, tr("Project"));
    m_ui->inspectorLayout->addWidget(tabs);

    m_ui->centralLayout->addWidget(m_preview);
    // The preview follows every edit; it reloads the background only when
    // the background itself changed.
    connect(m_doc, &ProjectDocument::changed, this,
            [this] { m_preview->setProject(m_doc->project()); });
    m_preview->setProject(m_doc->project());
    connect(m_preview->timeline(), &TimelineWidget::sceneClicked, this,
            [this](int row) { selectRows({row}); });
    // Dragging a scene's end: one undo step per drag.
    connect(m_preview->timeline(), &TimelineWidget::sceneResizeStarted, this, [this](int row) {
        m_resizeKey = newMergeKey();
        selectRows({row});
    });
    connect(m_preview->timeline(), &TimelineWidget::sceneResized, this,
            [this](int row, qint64 frames) {
                resizeScene(m_doc, row, frames, m_resizeKey);
                showSceneEnd(row);
            });
    connect(m_inspector, &SceneInspector::durationEdited, this, &MainWindow::showSceneEnd);
    connect(m_projectPanel, &ProjectPanel::startScrubbed, this,
            [this] { m_preview->preview()->seek(0); });

    m_ui->queueLayout->addWidget(m_queueDock);
    statusBar()->addPermanentWidget(m_meter);
    connect(m_queue, &RenderQueue::busyChanged, m_meter, &MemoryMeterWidget::setBusy);
    // An export needs the memory the preview's decoder holds; the preview
    // keeps showing its frame and reloads if the creator plays or scrubs.
    connect(m_queue, &RenderQueue::busyChanged, m_preview->preview(),
            &PreviewWidget::setPlayerSuspended);
    connect(m_queue, &RenderQueue::jobFinished, this, [this](int id) {
        if (const auto job = m_queue->job(id); job && job->state == RenderQueue::State::Done)
            statusBar()->showMessage(
                tr("Exported %1").arg(QDir::toNativeSeparators(job->outputPath)), 5000);
    });
    applyPreferences();
    // The preview gets the room; the queue a few rows.
    resizeDocks({m_ui->scenesDock, m_ui->inspectorDock}, {300, 360}, Qt::Horizontal);
    resizeDocks({m_ui->queueDock}, {150}, Qt::Vertical);
    // An empty queue folds away and gives the preview its room (on a
    // 1024x600 screen the frame was 160x290 px under it); a job brings it
    // back, and View > Render Queue shows it whenever wanted.
    m_ui->queueDock->setVisible(m_queue->count() > 0);
    connect(m_queue, &RenderQueue::jobAdded, m_ui->queueDock, &QWidget::show);
    connect(m_queue, &RenderQueue::jobRemoved, this, [this] {
        if (m_queue->count() == 0)
            m_ui->queueDock->hide();
    });

    setUpActions();
    connect(m_doc, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::changed, this, &MainWindow::updateActions);
    updateTitle();
    updateActions();
    updateRecentMenu();
}

MainWindow::~MainWindow()
{
    // The document is a child, deleted after this destructor has run; as its
    // undo stack is cleared on the way it would still signal into this
    // window's slots (UBSan: member call on a destroyed MainWindow). Nothing
    // of it reaches the window from here on.
    m_doc->undoStack()->disconnect(this);
    m_doc->disconnect(this);
}

void MainWindow::setUpActions()
{
    QUndoStack *undo = m_doc->undoStack();
    // Own actions rather than createUndoAction(): their text is a whole
    // translatable sentence ("Undo %1"), and it follows a language switch.
    QAction *undoAction = new QAction(this);
    undoAction->setObjectName(QStringLiteral("actionUndo"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    connect(undoAction, &QAction::triggered, this, [this] { undoFromKeyboard(false); });
    connect(undo, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(undo, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    QAction *redoAction = new QAction(this);
    redoAction->setObjectName(QStringLiteral("actionRedo"));
    // Every key the platform binds to redo, and both keys people reach for
    // on Linux whatever the desktop says (Qt 6.4's offscreen and some
    // desktops' themes bind only one); setShortcut() would keep only the first.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    redoAction->setShortcuts(redoKeys);
    redoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    connect(redoAction, &QAction::triggered, this, [this] { undoFromKeyboard(true); });
    connect(undo, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(undo, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);
    m_undoAction = undoAction;
    m_redoAction = redoAction;
    // Text fields and spin boxes claim the undo keys for their own undo
    // (a ShortcutOverride they accept), which knows nothing of the document:
    // Ctrl+Z after typing a duration did nothing. Inside this window the
    // keys belong to the document's undo stack.
    qApp->installEventFilter(this);
    updateUndoTexts();
    QAction *first = m_ui->menuEdit->actions().value(0);
    m_ui->menuEdit->insertAction(first, undoAction);
    m_ui->menuEdit->insertAction(first, redoAction);
    m_ui->menuEdit->insertSeparator(first);

    m_ui->menuView->addSeparator();
    for (QDockWidget *dock : {m_ui->scenesDock, m_ui->inspectorDock, m_ui->queueDock})
        m_ui->menuView->addAction(dock->toggleViewAction());

    // Desktop icon themes first; the style's own pictures where there is none.
    const std::pair<QAction *, QStyle::StandardPixmap> fallbacks[] = {
        {m_ui->actionNew, QStyle::SP_FileIcon},
        {m_ui->actionOpen, QStyle::SP_DialogOpenButton},
        {m_ui->actionSave, QStyle::SP_DialogSaveButton},
        {m_ui->actionAddPictures, QStyle::SP_FileDialogNewFolder},
        {m_ui->actionExport, QStyle::SP_MediaPlay},
        {m_ui->actionDeleteScenes, QStyle::SP_TrashIcon},
        {m_ui->actionMoveUp, QStyle::SP_ArrowUp},
        {m_ui->actionMoveDown, QStyle::SP_ArrowDown},
        {m_ui->actionQuit, QStyle::SP_DialogCloseButton},
        {undoAction, QStyle::SP_ArrowBack},
        {redoAction, QStyle::SP_ArrowForward},
    };
    for (const auto &[action, pixmap] : fallbacks)
        if (action->icon().isNull() || !QIcon::hasThemeIcon(action->icon().name()))
            action->setIcon(QIcon::fromTheme(action->icon().name(), style()->standardIcon(pixmap)));

    // Shortcuts from the form are portable names; give them their meaning.
    m_ui->actionNew->setShortcut(QKeySequence::New);
    m_ui->actionOpen->setShortcut(QKeySequence::Open);
    m_ui->actionSave->setShortcut(QKeySequence::Save);
    m_ui->actionSaveAs->setShortcuts(QKeySequence::SaveAs);
    // Some desktops (and the offscreen platform) bind nothing to Save As.
    if (m_ui->actionSaveAs->shortcuts().isEmpty())
        m_ui->actionSaveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    m_ui->actionPreferences->setShortcut(QKeySequence::Preferences);

    connect(m_ui->actionNew, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_ui->actionNewFromScript, &QAction::triggered, this, &MainWindow::newFromScriptDialog);
    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::openDialog);
    connect(m_ui->actionSave, &QAction::triggered, this, &MainWindow::save);
    connect(m_ui->actionSaveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAddPictures, &QAction::triggered, this, &MainWindow::addPicturesDialog);
    connect(m_ui->actionAddClips, &QAction::triggered, this, &MainWindow::addClipsDialog);
    connect(m_ui->actionDuplicateScenes, &QAction::triggered, this,
            [this] { selectRows(duplicateScenes(m_doc, selectedRows())); });
    connect(m_ui->actionDeleteScenes, &QAction::triggered, this, [this] {
        const QList<int> rows = selectedRows();
        deleteScenes(m_doc, rows);
        if (!rows.isEmpty() && m_doc->sceneCount() > 0)
            selectRows({std::min(rows.first(), m_doc->sceneCount() - 1)});
    });
    connect(m_ui->actionMoveUp, &QAction::triggered, this, [this] { moveSelection(-1); });
    connect(m_ui->actionMoveDown, &QAction::triggered, this, [this] { moveSelection(+1); });
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_ui->actionExport, &QAction::triggered, this, &MainWindow::exportDialog);
    connect(m_ui->actionBatchRender, &QAction::triggered, this,
            [this] { BatchDialog::openFor(this); });
    connect(m_ui->actionPlayPause, &QAction::triggered, m_preview->preview(),
            &PreviewWidget::togglePlaying);
    m_ui->actionSafeZones->setCheckable(true);
    connect(m_ui->actionSafeZones, &QAction::toggled, m_preview->preview(),
            &PreviewWidget::setSafeZonesVisible);
    connect(m_preview->safeZonesButton(), &QToolButton::toggled, m_ui->actionSafeZones,
            &QAction::setChecked);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    // The delete key belongs to the scene list, not to text fields.
    m_ui->actionDeleteScenes->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_ui->scenesDock->addAction(m_ui->actionDeleteScenes);
}

bool MainWindow::openProject(const QString &path)
{
    if (!maybeSave())
        return false;
    try {
        m_doc->load(path);
        EditorSettings::addRecentFile(path);
        EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
        updateRecentMenu();
        if (m_doc->sceneCount() > 0)
            selectRows({0});
        return true;
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Cannot open the project"), error.message());
        if (!QFileInfo::exists(path)) {
            EditorSettings::removeRecentFile(path);
            updateRecentMenu();
        }
        return false;
    }
}

bool MainWindow::save()
{
    if (m_doc->isUntitled())
        return saveAs();
    try {
        m_doc->save(m_doc->filePath());
        statusBar()->showMessage(tr("Saved %1").arg(m_doc->displayName()), 3000);
        return true;
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Cannot save the project"), error.message());
        return false;
    }
}

bool MainWindow::saveAs()
{
    const QString suggested = m_doc->isUntitled()
                                  ? QDir(EditorSettings::lastFolder())
                                        .filePath(tr("untitled") + QStringLiteral(".reel.json"))
                                  : m_doc->filePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested,
                                                tr("Reelsmith projects (%1)").arg(kProjectFilter));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".reel.json")))
        path += path.endsWith(QLatin1String(".json")) ? QString() : QStringLiteral(".reel.json");
    try {
        m_doc->save(path);
        EditorSettings::addRecentFile(path);
        EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
        updateRecentMenu();
        return true;
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Cannot save the project"), error.message());
        return false;
    }
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newProject()
{
    if (maybeSave())
        m_doc->reset(EditorSettings::defaultOutput());
}

bool MainWindow::newFromScript(const QStringList &narrations)
{
    if (!maybeSave())
        return false;
    m_doc->reset(EditorSettings::defaultOutput());
    selectRows(addNarrations(m_doc, narrations, 0));
    return true;
}

void MainWindow::newFromScriptDialog()
{
    ScriptDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        newFromScript(dialog.narrations());
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Project"), EditorSettings::lastFolder(),
        tr("Reelsmith projects (%1);;JSON files (*.json)").arg(kProjectFilter));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::offerRecovery()
{
    for (const Autosave::Orphan &orphan : Autosave::orphans()) {
        const QString name = orphan.originalPath.isEmpty()
                                 ? tr("an untitled project")
                                 : QDir::toNativeSeparators(orphan.originalPath);
        const auto answer = QMessageBox::question(
            this, tr("Recover unsaved work?"),
            tr("Reelsmith did not close properly. Unsaved changes to %1 from %2 were kept.\n\n"
               "Recover them?")
                .arg(name, QLocale().toString(orphan.savedAt, QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore, QMessageBox::Yes);
        if (answer == QMessageBox::Discard) {
            Autosave::discard(orphan);
        } else if (answer == QMessageBox::Yes) {
            try {
                Autosave::recover(orphan, m_doc);
                if (m_doc->sceneCount() > 0)
                    selectRows({0});
            } catch (const Error &error) {
                QMessageBox::warning(this, tr("Cannot recover"), error.message());
            }
            return; // one document per window
        }
    }
    // Kept for later (Ignore), or nothing to offer: locks of crashed sessions
    // without a copy still go.
    Autosave::removeStaleLocks();
}

void MainWindow::addPicturesDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add Pictures"), EditorSettings::lastFolder(),
        tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)"));
    if (paths.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(paths.first()).absolutePath());
    addPictures(paths);
}

void MainWindow::addPictures(const QStringList &paths)
{
    const QList<int> rows = selectedRows();
    const int at = rows.isEmpty() ? m_doc->sceneCount() : rows.last() + 1;
    selectRows(reelsmith::editor::addPictures(m_doc, paths, at));
}

void MainWindow::addClipsDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add Clips"), EditorSettings::lastFolder(),
        tr("Video clips (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.3gp *.ts *.mts *.mpg *.mpeg);;"
           "All files (*)"));
    if (paths.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(paths.first()).absolutePath());
    addClips(paths);
}

void MainWindow::addClips(const QStringList &paths)
{
    const QList<int> rows = selectedRows();
    m_addMedia->add(paths, rows.isEmpty() ? m_doc->sceneCount() : rows.last() + 1);
}

void MainWindow::moveSelection(int delta)
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    // Up: in front of the scene above the first; down: behind the one below the last.
    const int before = delta < 0 ? rows.first() - 1 : rows.last() + 2;
    if (before < 0 || before > m_doc->sceneCount())
        return;
    selectRows(moveScenes(m_doc, rows, before));
}

QList<int> MainWindow::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->sceneList->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void MainWindow::selectRows(const QList<int> &rows)
{
    QItemSelectionModel *selection = m_ui->sceneList->selectionModel();
    // The selection and the current row change in two steps, each signalled;
    // in between the current row is the old scene, and reacting there would
    // seek the preview to it (a click inside a scene on the timeline jumped
    // to the scene's start). One reaction, at the end.
    const bool outer = !m_selectingRows;
    m_selectingRows = true;
    QItemSelection items;
    for (int row : rows)
        if (row >= 0 && row < m_doc->sceneCount())
            items.select(m_sceneModel->index(row), m_sceneModel->index(row));
    selection->select(items, QItemSelectionModel::ClearAndSelect);
    if (!items.isEmpty()) {
        const QModelIndex current = m_sceneModel->index(rows.first());
        selection->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_ui->sceneList->scrollTo(current);
    }
    if (!outer)
        return;
    m_selectingRows = false;
    selectionChanged();
}

void MainWindow::selectionChanged()
{
    if (m_selectingRows)
        return;
    const QModelIndex current = m_ui->sceneList->selectionModel()->currentIndex();
    // Choosing a scene shows it, unless the preview is already inside it.
    PreviewWidget *preview = m_preview->preview();
    if (current.isValid() && current.row() < m_doc->sceneCount() && !preview->isPlaying() &&
        preview->currentScene() != current.row()) {
        preview->setProject(m_doc->project());
        const Project &project = m_doc->project();
        const Timeline timeline = project.timeline();
        preview->seek(timeline.secondsAt(timeline.sceneStart(current.row())));
    }
    syncInspector();
}

void MainWindow::showSceneEnd(int row)
{
    // Where a length change is seen: the scene's last frame, right at the
    // line being moved (the next scene starts on the frame after it).
    PreviewWidget *preview = m_preview->preview();
    if (row < 0 || row >= m_doc->sceneCount() || preview->isPlaying())
        return;
    const Timeline timeline = m_doc->project().timeline();
    const qint64 end = timeline.sceneEnd(row);
    if (end <= timeline.sceneStart(row))
        return; // no frame of its own to show
    preview->setProject(m_doc->project());
    preview->seek(timeline.secondsAt(end - 1));
}

void MainWindow::syncInspector()
{
    const QModelIndex current = m_ui->sceneList->selectionModel()->currentIndex();
    m_inspector->setSelection(selectedRows(), current.isValid() ? current.row() : -1);
    updateActions();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && m_undoAction) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && (widget == this || isAncestorOf(widget))) {
            const QKeySequence key(static_cast<QKeyEvent *>(event)->keyCombination());
            if (m_undoAction->shortcuts().contains(key) ||
                m_redoAction->shortcuts().contains(key)) {
                event->ignore(); // not the field's: the window's action gets it
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::undoFromKeyboard(bool redo)
{
    // A spin box holds typed text until Enter or leaving it: make it an edit
    // first, so undo takes back what the creator sees, not the step before.
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(QApplication::focusWidget());
        spin && isAncestorOf(spin) && !spin->isReadOnly())
        spin->interpretText();
    QUndoStack *undo = m_doc->undoStack();
    if (redo)
        undo->redo();
    else
        undo->undo();
}

void MainWindow::updateUndoTexts()
{
    QUndoStack *undo = m_doc->undoStack();
    m_undoAction->setEnabled(undo->canUndo());
    m_undoAction->setText(undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    m_redoAction->setEnabled(undo->canRedo());
    m_redoAction->setText(undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*]").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::updateActions()
{
    const QList<int> rows = selectedRows();
    const bool any = !rows.isEmpty();
    m_ui->actionDuplicateScenes->setEnabled(any);
    m_ui->actionDeleteScenes->setEnabled(any);
    m_ui->actionMoveUp->setEnabled(any && rows.first() > 0);
    m_ui->actionMoveDown->setEnabled(any && rows.last() < m_doc->sceneCount() - 1);
    m_ui->actionExport->setEnabled(m_doc->sceneCount() > 0);
}

void MainWindow::updateRecentMenu()
{
    QMenu *menu = m_ui->menuRecent;
    menu->clear();
    const QStringList files = EditorSettings::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        QAction *action =
            menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName()));
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { openProject(file); });
    }
    if (!files.isEmpty()) {
        menu->addSeparator();
        connect(menu->addAction(tr("&Clear Recent Files")), &QAction::triggered, this, [this] {
            EditorSettings::clearRecentFiles();
            updateRecentMenu();
        });
    }
    menu->setEnabled(!files.isEmpty());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        applyPreferences();
        m_projectPanel->reloadBackgrounds();
    }
}

void MainWindow::applyPreferences()
{
    m_queue->setConcurrency(EditorSettings::queueConcurrency());
    m_queue->setMemoryBudgetMegabytes(EditorSettings::memoryBudgetMegabytes());
    m_meter->setBudgetMegabytes(EditorSettings::memoryBudgetMegabytes());
    m_preview->lengthLabel()->setLimitSeconds(EditorSettings::lengthLimitSeconds());
}

void MainWindow::exportDialog()
{
    if (m_doc->sceneCount() == 0)
        return;
    ExportDialog dialog(m_doc->project(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The preset chosen is the project's from now on (undoable).
    dialog.saveChoiceTo(m_doc);
    Project project = m_doc->project();
    project.output = dialog.output();
    m_queue->enqueue(std::make_unique<ExportJob>(std::move(project), dialog.outputPath(),
                                                 EditorSettings::backgroundFolders()));
    m_ui->queueDock->show();
    m_ui->queueDock->raise();
}

int MainWindow::exportTo(const QString &outputPath)
{
    const int id = m_queue->enqueue(std::make_unique<ExportJob>(
        m_doc->project(), outputPath, EditorSettings::backgroundFolders()));
    m_ui->queueDock->show();
    return id;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Reelsmith"),
                       tr("<h3>Reelsmith %1</h3><p>Vertical short videos from pictures, captions "
                          "and a looping background, rendered one frame at a time.</p>")
                           .arg(QStringLiteral(REELSMITH_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_queue->isBusy()) {
        const auto answer = QMessageBox::question(
            this, tr("Jobs are running"),
            tr("Quitting cancels the jobs that have not finished (files being written are "
               "finished first). Quit anyway?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_queue->cancelAll();
    }
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        // Numbers (the duration box's decimal separator) follow the language:
        // widgets keep the locale they were made with until told otherwise.
        setLocale(QLocale());
        TranslatedCommand::retranslate(m_doc->undoStack());
        if (auto *tabs = findChild<QTabWidget *>(QStringLiteral("inspectorTabs"))) {
            tabs->setTabText(0, tr("Scene"));
            tabs->setTabText(1, tr("Project"));
        }
        updateTitle();
        updateRecentMenu();
        updateUndoTexts();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!projectPaths(urls).isEmpty() || !mediaPaths(urls).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const QStringList projects = projectPaths(urls);
    event->acceptProposedAction();
    if (!projects.isEmpty()) {
        // Opening may ask about unsaved changes: not inside the drop.
        const QString path = projects.first();
        QMetaObject::invokeMethod(
            this, [this, path] { openProject(path); }, Qt::QueuedConnection);
        return;
    }
    // Pictures and clips in the order dropped; clips are probed first.
    addClips(mediaPaths(urls));
}

} // namespace reelsmith::editor
