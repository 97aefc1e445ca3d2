// The render queue's dock in the main window on a small screen: it shows
// several rows when there are jobs, and an empty queue folds away so the
// preview gets the room.

#include "TestMedia.h"
#include "document/ProjectDocument.h"
#include "jobs/RenderQueue.h"
#include "jobs/RenderQueueDock.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewWidget.h"
#include "window/MainWindow.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

class TestQueueDock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void emptyQueueFoldsAwayForThePreview()
    {
        MainWindow window;
        window.resize(1024, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString picture =
            testmedia::writeImage(m_dir.filePath(QStringLiteral("picture.png")),
                                  testmedia::solid({200, 150}, Qt::blue), "PNG");
        window.addPictures({picture});
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("queueDock"));
        QVERIFY(dock);
        PreviewWidget *preview = window.previewPanel()->preview();

        // Nothing queued: folded.
        QTRY_VERIFY(!dock->isVisible());

        // A job brings the queue back, with room for several rows.
        RenderQueue *queue = window.renderQueue();
        const int id = window.exportTo(m_dir.filePath(QStringLiteral("out.mp4")));
        QTRY_VERIFY(dock->isVisible());
        auto *table = dock->findChild<QTableView *>();
        QVERIFY(table);
        QTRY_VERIFY(table->viewport()->height() >=
                    4 * table->verticalHeader()->defaultSectionSize());
        const QSize shown = preview->frameRect().size();

        queue->cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(queue->job(id)->isFinished(), 60000);
        dock->findChild<QPushButton *>(QStringLiteral("clearButton"))->click();
        QCOMPARE(queue->count(), 0);
        QTRY_VERIFY(!dock->isVisible());
        // Noticeably larger: at least a quarter more height.
        QTRY_VERIFY(preview->frameRect().height() > shown.height());
        const QSize folded = preview->frameRect().size();
        qInfo("preview frame %dx%d with the queue, %dx%d folded", shown.width(), shown.height(),
              folded.width(), folded.height());
        QVERIFY2(folded.height() * 4 >= shown.height() * 5,
                 qPrintable(QStringLiteral("%1 px folded, %2 px with the queue")
                                .arg(folded.height())
                                .arg(shown.height())));
    }
};

QTEST_MAIN(TestQueueDock)
#include "tst_queuedock.moc"
