// The timeline as creators edit it, offscreen, through mouse and keyboard
// events on the real widgets of the main window: clicking lands where
// clicked, boundaries drag to change durations (one undo step per drag),
// zooming keeps the point under the mouse, and the preview follows.

#include "TestMedia.h"
#include "document/ProjectDocument.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewWidget.h"
#include "preview/TimelineWidget.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

class TestTimelineWidget : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_pictures;

    // A shown window with three 3 s picture scenes; the first is selected.
    static void setUp(MainWindow &window, const QStringList &pictures)
    {
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.addPictures(pictures);
        window.selectRows({0});
        QCOMPARE(window.document()->sceneCount(), 3);
    }

    static TimelineWidget *timeline(MainWindow &window)
    {
        return window.previewPanel()->timeline();
    }

    static QPoint pointAt(TimelineWidget *timeline, double seconds)
    {
        return {timeline->xAt(seconds), timeline->trackRect().center().y()};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QColor colours[] = {Qt::red, Qt::green, Qt::blue};
        for (int i = 0; i < 3; ++i)
            m_pictures.append(testmedia::writeImage(
                m_dir.filePath(QStringLiteral("scene%1.png").arg(i)),
                testmedia::solid({320, 240}, colours[i]), "PNG"));
    }

    void clickLandsWhereClicked()
    {
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        PreviewWidget *preview = window.previewPanel()->preview();
        const double frame = 1.0 / window.document()->project().output.fps;

        // Inside the second scene, not at its start: it is selected, and the
        // preview and the playhead stay where the click was.
        const QPoint click = pointAt(bar, 4.5);
        const double clicked = bar->secondsAt(click.x());
        QTest::mouseClick(bar, Qt::LeftButton, {}, click);
        QCOMPARE(window.selectedRows(), QList<int>{1});
        QCOMPARE(bar->currentScene(), 1);
        QVERIFY2(std::abs(preview->position() - clicked) <= frame,
                 qPrintable(QString::number(preview->position())));
        QVERIFY(std::abs(bar->position() - clicked) <= frame);

        // Back into the first scene, near its end.
        const QPoint back = pointAt(bar, 2.5);
        QTest::mouseClick(bar, Qt::LeftButton, {}, back);
        QCOMPARE(window.selectedRows(), QList<int>{0});
        QVERIFY(std::abs(preview->position() - bar->secondsAt(back.x())) <= frame);

        // Choosing a scene in the list still shows its start.
        window.selectRows({2});
        QCOMPARE(preview->position(), 6.0);
    }
};

QTEST_MAIN(TestTimelineWidget)
#include "tst_timelinewidget.moc"
