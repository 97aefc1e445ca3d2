// File → Batch Render…: a template and a CSV table made here, the rows shown
// filled in and the failing ones marked with the engine's message, a row
// shown in the main preview and the project being edited shown again
// afterwards, and every valid row queued and rendered.

#include "TestMedia.h"
#include "batch/BatchDialog.h"
#include "batch/BatchRows.h"
#include "document/ProjectDocument.h"
#include "jobs/RenderQueue.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewWidget.h"
#include "settings/EditorSettings.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;
using namespace testmedia;

namespace {
constexpr int kLoadTimeoutMs = 30'000;
constexpr int kRenderTimeoutMs = 120'000; // the machines that run these may be busy
const QColor kRed(220, 30, 30);
const QColor kBlue(30, 40, 220);

// A project with the given scene, 160x288 at 12 fps over a green clip.
QByteArray templateJson(const QByteArray &scene)
{
    return R"({"format": "reelsmith-project", "version": 2, "background": "background.mp4",
  "output": {"width": 160, "height": 288, "fps": 12, "crf": 28, "preset": "ultrafast",
             "threads": 1},
  "scenes": [)" +
           scene + "]}\n";
}
} // namespace

class BatchDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void write(const QString &name, const QByteArray &data) const
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(data);
    }

    // Opens the dialog on `csv` and waits until its rows are checked.
    static bool load(BatchDialog &dialog, const QString &csv)
    {
        QSignalSpy loaded(&dialog, &BatchDialog::rowsLoaded);
        dialog.loadCsv(csv);
        return loaded.wait(kLoadTimeoutMs);
    }

    static QString cell(const BatchRowModel *model, int row, const QString &header)
    {
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal).toString() == header)
                return model->index(row, c).data().toString();
        return QStringLiteral("<no column %1>").arg(header);
    }

    static QColor previewCentre(PreviewWidget *preview)
    {
        const QRect frame = preview->frameRect();
        return sample(preview->grab().toImage(), frame.center(), 3);
    }

    static bool previewShows(PreviewWidget *preview, QColor colour)
    {
        return QTest::qWaitFor([&] { return near(previewCentre(preview), colour, 48); }, 10'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        writeImage(path("red.png"), solid({120, 200}, kRed), "PNG");
        writeImage(path("blue.png"), solid({120, 200}, kBlue), "PNG");
        writeVideo(path("background.mp4"), colorCycle({96, 160}, 12, 12, {QColor(30, 170, 60)}));
        // Every value may come from the table, the duration too.
        write("series.reel.json",
              templateJson(R"({"media": "{{picture}}", "duration": "{{seconds}}",
                               "caption": "{{caption}}", "layout": "fill"})"));
        write("rows.csv", "caption,picture,seconds,output\n"
                          "\"Red, first\",red.png,1,red\n"
                          "Blue,blue.png,1.5,blue\n"
                          "Broken,blue.png,-1,broken\n"
                          "Missing,nowhere.png,1,missing\n");
    }

    void showsFilledRowsAndMarksTheFailingOnes()
    {
        RenderQueue queue;
        BatchDialog dialog(BatchTemplate::load(path("series.reel.json")), &queue,
                           BackgroundFolders::standard(), {});
        QVERIFY(load(dialog, path("rows.csv")));
        const BatchRowModel *model = dialog.model();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(cell(model, 0, "Output"), QStringLiteral("red.mp4"));
        QCOMPARE(cell(model, 0, "scenes[0].caption"), QStringLiteral("Red, first"));
        QCOMPARE(cell(model, 0, "scenes[0].media"), QStringLiteral("red.png"));
        QCOMPARE(cell(model, 1, "scenes[0].duration"), QStringLiteral("1.5"));
        QCOMPARE(cell(model, 1, "scenes[0].caption"), QStringLiteral("Blue"));
        QCOMPARE(cell(model, 0, "Problem"), QStringLiteral("OK"));

        const auto fails = [&](int row) {
            return model->index(row, 0).data(BatchRowModel::FailsRole).toBool();
        };
        QVERIFY(!fails(0));
        QVERIFY(!fails(1));
        QVERIFY(fails(2));
        QVERIFY(fails(3));
        QVERIFY(model->index(2, 1).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model->index(1, 1).data(Qt::ForegroundRole).isValid());
        // The message names the row, its line, the key and the column.
        const QString broken = cell(model, 2, "Problem");
        QVERIFY2(broken.contains("rows.csv row 2 (line 4): scenes[0].duration: must be > 0") &&
                     broken.contains("(column seconds)"),
                 qPrintable(broken));
        const QString missing = cell(model, 3, "Problem");
        QVERIFY2(missing.contains("rows.csv row 3 (line 5): scenes[0].media:") &&
                     missing.contains("nowhere.png") && missing.contains("(column picture)"),
                 qPrintable(missing));
        // A failing row cannot be previewed.
        dialog.previewRow(2);
        QCOMPARE(dialog.previewedRow(), -1);
    }

    void aTableThatCannotBeUsedSaysWhy()
    {
        write("few.csv", "caption,picture\nA,red.png\n");
        RenderQueue queue;
        BatchDialog dialog(BatchTemplate::load(path("series.reel.json")), &queue,
                           BackgroundFolders::standard(), {});
        QVERIFY(load(dialog, path("few.csv")));
        QCOMPARE(dialog.model()->rowCount(), 0);
        const QString error = dialog.model()->rows().error;
        QVERIFY2(error.contains("scenes[0].duration: {{seconds}} names no column of few.csv"),
                 qPrintable(error));
    }

    void queueAllRendersEveryValidRow()
    {
        RenderQueue queue;
        BatchDialog dialog(BatchTemplate::load(path("series.reel.json")), &queue,
                           BackgroundFolders::standard(), {});
        QVERIFY(load(dialog, path("rows.csv")));
        // A relative folder is the template's, as its relative paths are.
        dialog.setOutputFolder(QStringLiteral("out/series"));
        const QString out = path("out/series");
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        QCOMPARE(dialog.queueAll(), 2);
        QCOMPARE(queue.count(), 2);
        QCOMPARE(queue.jobAt(0).outputPath, QDir(out).filePath("red.mp4"));
        QCOMPARE(queue.jobAt(1).outputPath, QDir(out).filePath("blue.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRenderTimeoutMs);
        for (int i = 0; i < 2; ++i)
            QVERIFY2(queue.jobAt(i).state == RenderQueue::State::Done,
                     qPrintable(queue.jobAt(i).errorText));
        // Each video is its own row's: its picture, its length.
        QCOMPARE(probe(QDir(out).filePath("red.mp4")).frames, 12);
        QCOMPARE(probe(QDir(out).filePath("blue.mp4")).frames, 18);
        const QColor red = sample(frames(QDir(out).filePath("red.mp4"), {0}).value(0), {80, 144});
        const QColor blue = sample(frames(QDir(out).filePath("blue.mp4"), {0}).value(0), {80, 144});
        QVERIFY2(near(red, kRed, 40), qPrintable(describe(red)));
        QVERIFY2(near(blue, kBlue, 40), qPrintable(describe(blue)));
        QVERIFY(!QFile::exists(QDir(out).filePath("broken.mp4")));
        QVERIFY(!QFile::exists(QDir(out).filePath("missing.mp4")));

        // Queued again, the videos that exist are left alone (as the command
        // line skips them), unless they are to be replaced.
        QCOMPARE(dialog.queueAll(), 0);
        QCOMPARE(queue.count(), 2);
        dialog.setReplaceExisting(true);
        QCOMPARE(dialog.queueAll(), 2);
        queue.cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, kRenderTimeoutMs);
    }

    void previewShowsARowAndRestoresTheProject()
    {
        // The editor opens only templates whose numbers are numbers.
        write("editable.reel.json", templateJson(R"({"media": "{{picture}}", "duration": 1,
                               "caption": "{{caption}}", "layout": "fill"})"));
        write("pictures.csv", "caption,picture\nRed,red.png\nBlue,blue.png\nGone,gone.png\n");
        MainWindow window;
        QVERIFY(window.openProject(path("editable.reel.json")));
        window.resize(1000, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewWidget *preview = window.previewPanel()->preview();
        ProjectDocument *doc = window.document();
        const Project edited = doc->project();
        const int undoSteps = doc->undoStack()->count();
        // The template's own picture ("{{picture}}") does not exist: not red, not blue.
        QTest::qWait(200);
        const QColor before = previewCentre(preview);
        QVERIFY2(!near(before, kRed, 48) && !near(before, kBlue, 48), qPrintable(describe(before)));

        window.findChild<QAction *>(QStringLiteral("actionBatchRender"))->trigger();
        auto *dialog = window.findChild<BatchDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(load(*dialog, path("pictures.csv")));
        QCOMPARE(dialog->model()->rowCount(), 3);

        dialog->previewRow(0);
        QVERIFY2(previewShows(preview, kRed), qPrintable(describe(previewCentre(preview))));
        dialog->previewRow(1);
        QVERIFY2(previewShows(preview, kBlue), qPrintable(describe(previewCentre(preview))));
        // The document is untouched: same project, no undo step, not modified.
        QCOMPARE(doc->project().scenes, edited.scenes);
        QCOMPARE(doc->undoStack()->count(), undoSteps);
        QVERIFY(!doc->isModified());

        // Choosing another row shows the project being edited again.
        dialog->table()->setCurrentIndex(dialog->model()->index(2, 0));
        QCOMPARE(dialog->previewedRow(), -1);
        QVERIFY2(previewShows(preview, before), qPrintable(describe(previewCentre(preview))));

        // So does closing the dialog.
        dialog->previewRow(0);
        QVERIFY(previewShows(preview, kRed));
        dialog->reject();
        QVERIFY2(previewShows(preview, before), qPrintable(describe(previewCentre(preview))));
        QCOMPARE(doc->project().scenes, edited.scenes);
        QCOMPARE(doc->undoStack()->count(), undoSteps);
        QVERIFY(!doc->isModified());
    }
};

QTEST_MAIN(BatchDialogTest)
#include "tst_batchdialog.moc"
