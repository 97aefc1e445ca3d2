// The editor's main window offscreen: scenes added, reordered, deleted and
// undone through the real list model and actions, thumbnails made off the UI
// thread, the inspector's edits, the backgrounds panel, open/save and drops.

#include "TestMedia.h"
#include "backgrounds/Backgrounds.h"
#include "backgrounds/ProjectPanel.h"
#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "jobs/Job.h"
#include "jobs/RenderQueue.h"
#include "scenes/SceneInspector.h"
#include "scenes/SceneListDelegate.h"
#include "scenes/SceneListModel.h"
#include "settings/EditorSettings.h"
#include "settings/PreferencesDialog.h"
#include "window/MainWindow.h"
#include "window/MemoryMeterWidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace reelsmith;
using namespace reelsmith::editor;
using testmedia::near;
using testmedia::sample;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_red, m_green, m_blue;

    QString picture(const QString &name, QColor color, QSize size = {400, 300})
    {
        return testmedia::writeImage(m_dir.filePath(name), testmedia::solid(size, color), "PNG");
    }

    static QStringList imageNames(const ProjectDocument *doc)
    {
        QStringList names;
        for (const Scene &scene : doc->scenes())
            names.append(QFileInfo(scene.media).completeBaseName());
        return names;
    }

    static QAction *action(MainWindow &window, const char *name)
    {
        auto *found = window.findChild<QAction *>(QString::fromLatin1(name));
        Q_ASSERT(found);
        return found;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_red = picture(QStringLiteral("red.png"), Qt::red);
        m_green = picture(QStringLiteral("green.png"), Qt::green);
        m_blue = picture(QStringLiteral("blue.png"), Qt::blue);
        EditorSettings::setUserBackgroundFolder(m_dir.filePath(QStringLiteral("my backgrounds")));
    }

    void addReorderDeleteUndo()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red, m_green, m_blue});
        QCOMPARE(imageNames(doc), (QStringList{"red", "green", "blue"}));
        // The new scenes are selected.
        QCOMPARE(window.selectedRows(), (QList<int>{0, 1, 2}));

        window.selectRows({2});
        action(window, "actionMoveUp")->trigger();
        QCOMPARE(imageNames(doc), (QStringList{"red", "blue", "green"}));
        QCOMPARE(window.selectedRows(), QList<int>{1});
        QVERIFY(action(window, "actionMoveUp")->isEnabled());
        QVERIFY(action(window, "actionMoveDown")->isEnabled());
        window.selectRows({0});
        QVERIFY(!action(window, "actionMoveUp")->isEnabled());
        window.selectRows({1});

        window.selectRows({0, 2});
        action(window, "actionDuplicateScenes")->trigger();
        QCOMPARE(imageNames(doc), (QStringList{"red", "blue", "green", "red", "green"}));
        QCOMPARE(window.selectedRows(), (QList<int>{3, 4}));

        action(window, "actionDeleteScenes")->trigger();
        QCOMPARE(imageNames(doc), (QStringList{"red", "blue", "green"}));

        QUndoStack *undo = doc->undoStack();
        undo->undo(); // delete
        undo->undo(); // duplicate
        undo->undo(); // move
        QCOMPARE(imageNames(doc), (QStringList{"red", "green", "blue"}));
        undo->redo();
        QCOMPARE(imageNames(doc), (QStringList{"red", "blue", "green"}));
        QCOMPARE(window.sceneModel()->rowCount(), 3);
    }

    void dragToReorderAndDropFiles()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red, m_green, m_blue});
        SceneListModel *model = window.sceneModel();

        // Drag the first two below the last, as the view does.
        std::unique_ptr<QMimeData> drag(model->mimeData({model->index(0), model->index(1)}));
        QVERIFY(model->canDropMimeData(drag.get(), Qt::MoveAction, 3, 0, {}));
        model->dropMimeData(drag.get(), Qt::MoveAction, 3, 0, {});
        QCOMPARE(imageNames(doc), (QStringList{"blue", "red", "green"}));
        QTRY_COMPARE(window.selectedRows(), (QList<int>{1, 2}));

        // Files from a file manager: pictures become scenes, other files are ignored.
        QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a picture");
        text.close();
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(m_green), QUrl::fromLocalFile(text.fileName())});
        QVERIFY(model->canDropMimeData(&files, Qt::CopyAction, 0, 0, {}));
        QVERIFY(model->dropMimeData(&files, Qt::CopyAction, 0, 0, {}));
        QCOMPARE(imageNames(doc), (QStringList{"green", "blue", "red", "green"}));
        QMimeData onlyText;
        onlyText.setUrls({QUrl::fromLocalFile(text.fileName())});
        QVERIFY(!model->canDropMimeData(&onlyText, Qt::CopyAction, 0, 0, {}));

        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(imageNames(doc), (QStringList{"red", "green", "blue"}));
    }

    void thumbnailsAreMadeOffTheUiThread()
    {
        const QString big =
            testmedia::writeImage(m_dir.filePath(QStringLiteral("big.jpg")),
                                  testmedia::solid({4000, 3000}, QColor(200, 30, 30)), "JPEG");
        MainWindow window;
        window.addPictures({big});
        SceneListModel *model = window.sceneModel();
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        // Asking returns at once with a blank placeholder while the picture decodes.
        QElapsedTimer clock;
        clock.start();
        const QImage first = model->data(model->index(0), Qt::DecorationRole).value<QImage>();
        QVERIFY(clock.elapsed() < 100);
        QCOMPARE(first.pixelColor(first.width() / 2, first.height() / 2).alpha(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        const QImage thumb = model->data(model->index(0), Qt::DecorationRole).value<QImage>();
        QVERIFY(thumb.width() <= 96 && thumb.height() <= 96);
        QVERIFY2(near(sample(thumb, {thumb.width() / 2, thumb.height() / 2}), QColor(200, 30, 30)),
                 qPrintable(
                     testmedia::describe(sample(thumb, {thumb.width() / 2, thumb.height() / 2}))));
    }

    void inspectorEditsAreUndoable()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red, m_green});
        window.selectRows({1});
        auto *caption = window.findChild<QPlainTextEdit *>(QStringLiteral("captionEdit"));
        QVERIFY(caption && caption->isEnabled());
        caption->setFocus();
        QTest::keyClicks(caption, QStringLiteral("Hello"));
        QCOMPARE(doc->scene(1).shownCaption(), QStringLiteral("Hello"));
        const int steps = doc->undoStack()->count();

        // Duration and layout apply to every selected scene, as one step.
        window.selectRows({0, 1});
        auto *duration = window.findChild<QDoubleSpinBox *>(QStringLiteral("durationSpin"));
        duration->setValue(4.5);
        QCOMPARE(doc->scene(0).duration, 4.5);
        QCOMPARE(doc->scene(1).duration, 4.5);
        auto *layout = window.findChild<QComboBox *>(QStringLiteral("layoutCombo"));
        layout->setCurrentIndex(layout->findData(int(Layout::Fill)));
        emit layout->activated(layout->currentIndex());
        QCOMPARE(doc->scene(0).layout, Layout::Fill);
        QCOMPARE(doc->scene(1).layout, Layout::Fill);
        QCOMPARE(doc->undoStack()->count(), steps + 2);

        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).duration, 3.0);
        QCOMPARE(doc->scene(1).layout, Layout::Center);
        doc->undoStack()->undo(); // the whole caption
        QCOMPARE(doc->scene(1).shownCaption(), QString());
        window.selectRows({1});
        QCOMPARE(caption->toPlainText(), QString());
    }

    void saveOpenRecentAndDropAProject()
    {
        const QString path = m_dir.filePath(QStringLiteral("round trip.reel.json"));
        {
            MainWindow window;
            window.addPictures({m_blue, m_red});
            window.document()->save(path);
            QVERIFY(!window.isWindowModified());
        }
        EditorSettings::clearRecentFiles();
        MainWindow window;
        QVERIFY(window.openProject(path));
        QCOMPARE(imageNames(window.document()), (QStringList{"blue", "red"}));
        QCOMPARE(EditorSettings::recentFiles().value(0), path);
        QVERIFY(window.windowTitle().contains(QStringLiteral("round trip.reel.json")));

        // A project dropped onto the window is opened.
        MainWindow other;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&other, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&other, &drop);
        QVERIFY(drop.isAccepted());
        QTRY_COMPARE(other.document()->filePath(), path);
        QCOMPARE(other.document()->sceneCount(), 2);
    }

    void backgroundsPanelListsAndPicks()
    {
        MainWindow window;
        ProjectPanel *panel = window.projectPanel();
        auto *list = panel->findChild<QListWidget *>(QStringLiteral("backgroundList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 3, 10000);
        QStringList names;
        for (int i = 0; i < list->count(); ++i)
            names.append(list->item(i)->text());
        QVERIFY2(names.contains(QStringLiteral("subway")), qPrintable(names.join(',')));
        QCOMPARE(list->currentItem()->text(), QStringLiteral("minecraft"));
        // Thumbnails of the clips arrive.
        QTRY_VERIFY_WITH_TIMEOUT(!list->item(0)->icon().isNull(), 10000);

        QListWidgetItem *subway =
            list->findItems(QStringLiteral("subway"), Qt::MatchExactly).first();
        list->setCurrentItem(subway);
        emit list->itemClicked(subway);
        QCOMPARE(window.document()->project().background, QStringLiteral("subway"));
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->project().background, QStringLiteral("minecraft"));
        QCOMPARE(list->currentItem()->text(), QStringLiteral("minecraft"));
    }

    void exportRunsThroughTheQueueWhileEditingGoesOn()
    {
        const QString bg = m_dir.filePath(QStringLiteral("bg.mp4"));
        testmedia::writeVideo(bg, testmedia::colorCycle({96, 160}, 24, 24, {Qt::blue}));
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red});
        auto settings = doc->settings();
        settings.background = bg;
        settings.output.width = 144;
        settings.output.height = 256;
        settings.output.fps = 12;
        doc->undoStack()->push(new EditSettingsCommand(doc, settings, UndoText{}));
        MemoryMeterWidget *meter = window.memoryMeter();
        QSignalSpy sampled(meter, &MemoryMeterWidget::sampled);

        const QString out = m_dir.filePath(QStringLiteral("из редактора.mp4"));
        const int id = window.exportTo(out);
        // The job has its own copy: this edit comes after the export began.
        window.selectRows({0});
        auto *duration = window.findChild<QDoubleSpinBox *>(QStringLiteral("durationSpin"));
        duration->setValue(9);
        RenderQueue *queue = window.renderQueue();
        QTRY_VERIFY_WITH_TIMEOUT(queue->job(id)->isFinished(), 60000);
        QVERIFY2(queue->job(id)->state == RenderQueue::State::Done,
                 qPrintable(queue->job(id)->errorText));
        const auto facts = testmedia::probe(out);
        QCOMPARE(facts.width, 144);
        QCOMPARE(facts.frames, 36); // 3 s at 12 fps: the duration when the export began
        const QImage frame = testmedia::frames(out, {18}).value(0);
        QVERIFY(near(sample(frame, {72, 128}), Qt::red, 40));
        QVERIFY(near(sample(frame, {72, 4}), Qt::blue, 40));
        // The status bar meter kept sampling the process while it ran.
        QTRY_VERIFY(!sampled.isEmpty());
        QVERIFY(meter->currentMegabytes() > 10);
        QVERIFY(meter->peakMegabytes() >= meter->currentMegabytes());
    }

    void preferencesAreStoredAndApplied()
    {
        PreferencesDialog dialog;
        auto *budget = dialog.findChild<QSpinBox *>(QStringLiteral("budgetSpin"));
        auto *concurrency = dialog.findChild<QSpinBox *>(QStringLiteral("concurrencySpin"));
        auto *width = dialog.findChild<QSpinBox *>(QStringLiteral("widthSpin"));
        auto *fps = dialog.findChild<QSpinBox *>(QStringLiteral("fpsSpin"));
        auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("folderEdit"));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        budget->setValue(768);
        concurrency->setValue(2);
        fps->setValue(30);
        const QString clips = m_dir.filePath(QStringLiteral("clips"));
        folder->setText(clips);
        // An odd width is refused, not rounded.
        width->setValue(721);
        QVERIFY(!ok->isEnabled());
        width->setValue(1080);
        QVERIFY(ok->isEnabled());
        dialog.accept();

        QCOMPARE(EditorSettings::memoryBudgetMegabytes(), 768);
        QCOMPARE(EditorSettings::queueConcurrency(), 2);
        QCOMPARE(EditorSettings::defaultOutput().width, 1080);
        QCOMPARE(EditorSettings::defaultOutput().fps, 30);
        QCOMPARE(EditorSettings::backgroundFolders().user, clips);

        // A new window starts from them: new projects, the queue, the meter.
        MainWindow window;
        QCOMPARE(window.document()->project().output.width, 1080);
        QCOMPARE(window.document()->project().output.fps, 30);
        QCOMPARE(window.renderQueue()->concurrency(), 2);
        QCOMPARE(window.renderQueue()->memoryBudgetMegabytes(), 768);
        QCOMPARE(window.memoryMeter()->budgetMegabytes(), 768);

        // Back to the defaults for the other tests.
        QSettings().clear();
        EditorSettings::setUserBackgroundFolder(m_dir.filePath(QStringLiteral("my backgrounds")));
    }

    void importingAClipMakesAUserBackground()
    {
        const QString clip = m_dir.filePath(QStringLiteral("gameplay clip.mp4"));
        testmedia::writeVideo(clip,
                              testmedia::colorCycle({320, 180}, 30, 45, {Qt::green, Qt::blue}));
        MainWindow window;
        ProjectPanel *panel = window.projectPanel();
        RenderQueue *queue = window.renderQueue();
        QSignalSpy finished(panel, &ProjectPanel::importFinished);
        // A job in the queue like an export, with its row; no dialog blocks the window.
        const int id = panel->importBackground(clip);
        QCOMPARE(queue->count(), 1);
        QCOMPARE(queue->job(id)->kind, Job::Kind::Import);
        QVERIFY(queue->job(id)->title.contains(QStringLiteral("gameplay clip.mp4")));
        QVERIFY(panel->isImporting());
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        QVERIFY(finished.wait(60000));
        QVERIFY(!panel->isImporting());
        const QString made = finished.first().at(0).toString();
        QCOMPARE(finished.first().at(1).toString(), QString());
        QCOMPARE(queue->job(id)->state, RenderQueue::State::Done);
        QCOMPARE(queue->job(id)->result.outputPath, made);
        QCOMPARE(QFileInfo(made).absolutePath(), EditorSettings::backgroundFolders().user);
        const auto facts = testmedia::probe(made);
        QCOMPARE(facts.width, 720);
        QCOMPARE(facts.height, 1280);
        QCOMPARE(facts.audioStreams, 0);
        QCOMPARE(window.document()->project().background, made);
        auto *list = panel->findChild<QListWidget *>(QStringLiteral("backgroundList"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !list->findItems(QStringLiteral("gameplay clip"), Qt::MatchExactly).isEmpty(), 10000);

        // The same clip twice at once: each import gets its own file.
        finished.clear();
        const int twiceA = panel->importBackground(clip);
        const int twiceB = panel->importBackground(clip);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(queue->job(twiceA)->state, RenderQueue::State::Done);
        QCOMPARE(queue->job(twiceB)->state, RenderQueue::State::Done);
        QVERIFY(queue->job(twiceA)->result.outputPath != queue->job(twiceB)->result.outputPath);
        QVERIFY(queue->job(twiceA)->result.outputPath != made);
        QCOMPARE(testmedia::probe(queue->job(twiceA)->result.outputPath).height, 1280);
        QCOMPARE(testmedia::probe(queue->job(twiceB)->result.outputPath).height, 1280);
        const QString last = queue->job(twiceB)->result.outputPath;
        QCOMPARE(window.document()->project().background, last);

        // A file that is no video: the queue's row fails naming it (no
        // message box under a progress dialog), nothing is added.
        QFile junk(m_dir.filePath(QStringLiteral("junk.mp4")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(testmedia::randomBytes(4096, 7));
        junk.close();
        finished.clear();
        const int failed = panel->importBackground(junk.fileName());
        QVERIFY(finished.wait(30000));
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        QCOMPARE(finished.first().at(0).toString(), QString());
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("junk.mp4")),
                 qPrintable(finished.first().at(1).toString()));
        QCOMPARE(queue->job(failed)->state, RenderQueue::State::Failed);
        QVERIFY2(queue->job(failed)->errorText.contains(QStringLiteral("junk.mp4")),
                 qPrintable(queue->job(failed)->errorText));
        QVERIFY(!QFileInfo::exists(
            QDir(EditorSettings::backgroundFolders().user).filePath(QStringLiteral("junk.mp4"))));
        QCOMPARE(window.document()->project().background, last); // unchanged by the failure
    }

    // Defect: the user-background folder was one process-wide string, read by
    // renders on their threads while the preferences wrote it. A job takes
    // the folders of the moment it is queued.
    void queuedExportKeepsItsBackgroundFolder()
    {
        const QString folderA = m_dir.filePath(QStringLiteral("folder A"));
        const QString folderB = m_dir.filePath(QStringLiteral("folder B"));
        QVERIFY(QDir().mkpath(folderA) && QDir().mkpath(folderB));
        testmedia::writeVideo(QDir(folderA).filePath(QStringLiteral("mine.mp4")),
                              testmedia::colorCycle({96, 160}, 12, 12, {QColor(220, 30, 30)}));
        testmedia::writeVideo(QDir(folderB).filePath(QStringLiteral("mine.mp4")),
                              testmedia::colorCycle({96, 160}, 12, 12, {QColor(30, 30, 220)}));
        EditorSettings::setUserBackgroundFolder(folderA);

        Project p;
        p.background = QStringLiteral("mine"); // a user clip, by name
        p.output.width = 160;
        p.output.height = 288;
        p.output.fps = 12;
        p.output.threads = 1;
        p.scenes = {{picture(QStringLiteral("small.png"), Qt::green, {40, 30}), 1.0, QString(),
                     Layout::Center}};
        MainWindow window;
        RenderQueue *queue = window.renderQueue();
        queue->setConcurrency(1);
        // Ahead of it, an export that runs until it is cancelled.
        Project blocker = p;
        blocker.scenes[0].duration = 3600;
        window.document()->adopt(blocker, QString(), false);
        const int blockerId = window.exportTo(m_dir.filePath(QStringLiteral("blocker.mp4")));
        window.document()->adopt(p, QString(), false);
        const QString out = m_dir.filePath(QStringLiteral("background from A.mp4"));
        const int id = window.exportTo(out);
        QCOMPARE(queue->job(id)->state, RenderQueue::State::Queued);

        // The creator points the preferences elsewhere before it starts.
        EditorSettings::setUserBackgroundFolder(folderB);
        queue->cancel(blockerId);
        QTRY_VERIFY_WITH_TIMEOUT(queue->job(id)->isFinished(), 60000);
        QVERIFY2(queue->job(id)->state == RenderQueue::State::Done,
                 qPrintable(queue->job(id)->errorText));
        const QImage frame = testmedia::frames(out, {6}).value(0);
        QVERIFY(!frame.isNull());
        const QColor corner = sample(frame, {12, 12});
        QVERIFY2(near(corner, QColor(220, 30, 30), 40), qPrintable(testmedia::describe(corner)));
        EditorSettings::setUserBackgroundFolder(m_dir.filePath(QStringLiteral("my backgrounds")));
    }

    // Defect: ~QUndoStack, run inside ~ProjectDocument after ~MainWindow,
    // signalled into the window's slots (UBSan: vptr of a destroyed object).
    void closingTheWindowSignalsNothingAfterwards()
    {
        auto *window = new MainWindow;
        window->addPictures({m_red, m_green, m_blue});
        window->selectRows({2});
        action(*window, "actionMoveUp")->trigger();
        window->document()->undoStack()->undo(); // a history to clear, with redo
        QVERIFY(window->document()->undoStack()->count() > 0);
        QVERIFY(window->document()->isModified());

        // Anything still signalled once the window is no longer a MainWindow.
        int late = 0;
        QObject observer;
        const auto check = [&] {
            if (!qobject_cast<MainWindow *>(window))
                ++late;
        };
        QUndoStack *undo = window->document()->undoStack();
        connect(undo, &QUndoStack::cleanChanged, &observer, check);
        connect(undo, &QUndoStack::indexChanged, &observer, check);
        connect(undo, &QUndoStack::canUndoChanged, &observer, check);
        connect(undo, &QUndoStack::canRedoChanged, &observer, check);
        connect(undo, &QUndoStack::undoTextChanged, &observer, check);
        connect(undo, &QUndoStack::redoTextChanged, &observer, check);
        connect(window->document(), &ProjectDocument::modifiedChanged, &observer, check);
        delete window;
        QCOMPARE(late, 0);
    }

    // The list changes row by row as the scenes do: no reset on an edit, the
    // selection follows the rows, and the inspector edits the selected scene.
    void sceneRowsChangeExactly()
    {
        MainWindow window;
        SceneListModel *model = window.sceneModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(model, &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        const QString yellow = picture(QStringLiteral("yellow.png"), Qt::yellow);
        const QString cyan = picture(QStringLiteral("cyan.png"), Qt::cyan);
        window.addPictures({m_red, m_green, m_blue, yellow, cyan});
        QCOMPARE(inserted.count(), 1);
        auto *pictureEdit =
            window.inspector()->findChild<QLineEdit *>(QStringLiteral("pictureEdit"));
        QVERIFY(pictureEdit);
        const auto inspected = [&] { return QFileInfo(pictureEdit->text()).completeBaseName(); };
        auto *list = window.findChild<QListView *>(QStringLiteral("sceneList"));
        QVERIFY(list);
        const auto listed = [&] {
            QStringList names;
            for (const QModelIndex &index : list->selectionModel()->selectedRows())
                names << QFileInfo(window.document()->scene(index.row()).media).completeBaseName();
            return names;
        };

        // Issue 11, bug 2: select scene 4, move it up, undo the move.
        window.selectRows({3});
        QCOMPARE(inspected(), QStringLiteral("yellow"));
        action(window, "actionMoveUp")->trigger();
        QCOMPARE(imageNames(window.document()),
                 (QStringList{"red", "green", "yellow", "blue", "cyan"}));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(window.selectedRows(), QList<int>{2});
        window.document()->undoStack()->undo();
        QCOMPARE(imageNames(window.document()),
                 (QStringList{"red", "green", "blue", "yellow", "cyan"}));
        QCOMPARE(moved.count(), 2);
        // The selection went back with the scene, and the inspector agrees.
        QCOMPARE(window.selectedRows(), QList<int>{3});
        QCOMPARE(listed(), QStringList{"yellow"});
        QCOMPARE(inspected(), QStringLiteral("yellow"));
        QCOMPARE(list->selectionModel()->currentIndex().row(), 3);
        window.document()->undoStack()->redo();
        QCOMPARE(window.selectedRows(), QList<int>{2});
        QCOMPARE(inspected(), QStringLiteral("yellow"));

        // A typed duration edits the scene both show.
        auto *duration =
            window.inspector()->findChild<QDoubleSpinBox *>(QStringLiteral("durationSpin"));
        duration->setValue(7.5);
        QCOMPARE(window.document()->scene(2).duration, 7.5);

        // Selection survives an edit elsewhere: removing another scene.
        window.selectRows({0, 4});
        action(window, "actionDeleteScenes")->trigger();
        QCOMPARE(removed.count(), 2); // two runs of rows
        QCOMPARE(imageNames(window.document()), (QStringList{"green", "yellow", "blue"}));
        window.selectRows({1});
        window.document()->undoStack()->undo(); // red and cyan come back around it
        QCOMPARE(imageNames(window.document()),
                 (QStringList{"red", "green", "yellow", "blue", "cyan"}));
        QCOMPARE(listed(), QStringList{"yellow"});
        QCOMPARE(inspected(), QStringLiteral("yellow"));
        // The list draws each row with its place, so those follow too.
        struct Numbers : SceneListDelegate
        {
            using SceneListDelegate::initStyleOption;
        } numbers;
        QStyleOptionViewItem option;
        numbers.initStyleOption(&option, model->index(2));
        QVERIFY2(option.text.startsWith(QStringLiteral("3. yellow")), qPrintable(option.text));
        QVERIFY(qobject_cast<SceneListDelegate *>(list->itemDelegate()));
        QCOMPARE(resets.count(), 0);

        // A new project is a reset.
        window.document()->reset();
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
