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
#include <QDoubleSpinBox>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

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

    // Mouse moves with the left button held (QTest::mouseMove carries none).
    static void moveHeld(QWidget *widget, QPoint to)
    {
        const QPointF local(to);
        QMouseEvent move(QEvent::MouseMove, local, widget->mapToGlobal(local), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget, &move);
    }

    static void hover(QWidget *widget, QPoint to)
    {
        const QPointF local(to);
        QMouseEvent move(QEvent::MouseMove, local, widget->mapToGlobal(local), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(widget, &move);
    }

    // Presses at `from`, moves through `steps` points on the way to `to`, releases.
    static void drag(QWidget *widget, QPoint from, QPoint to, int steps = 5)
    {
        QTest::mousePress(widget, Qt::LeftButton, {}, from);
        for (int i = 1; i <= steps; ++i)
            moveHeld(widget, from + (to - from) * i / steps);
        QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
    }

    static void wheel(QWidget *widget, QPoint at, int delta, Qt::KeyboardModifiers modifiers)
    {
        const QPointF local(at);
        QWheelEvent event(local, widget->mapToGlobal(local), {}, QPoint(0, delta), Qt::NoButton,
                          modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(widget, &event);
    }

    static bool isWholeFrames(double seconds, int fps)
    {
        return std::abs(seconds * fps - std::round(seconds * fps)) < 1e-6;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QColor colours[] = {Qt::red, Qt::green, Qt::blue};
        for (int i = 0; i < 3; ++i)
            m_pictures.append(
                testmedia::writeImage(m_dir.filePath(QStringLiteral("scene%1.png").arg(i)),
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

    void draggingASceneEndChangesItsDuration()
    {
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        ProjectDocument *doc = window.document();
        QUndoStack *undo = doc->undoStack();
        const int fps = doc->project().output.fps;
        const int steps = undo->count();

        // The line between the first and second scene: a resize cursor over it.
        const QPoint boundary = pointAt(bar, 3.0);
        hover(bar, boundary + QPoint(0, 0));
        QCOMPARE(bar->boundaryAt(boundary.x()), 0);
        QCOMPARE(bar->cursor().shape(), Qt::SizeHorCursor);
        hover(bar, pointAt(bar, 1.5));
        QCOMPARE(bar->cursor().shape(), Qt::ArrowCursor);

        // Dragged right to 4 s through several moves: one undo step, whole frames.
        const double pixel = 1.0 / (bar->trackRect().width() / bar->duration());
        drag(bar, boundary, pointAt(bar, 4.0), 8);
        const double longer = doc->scene(0).duration;
        QVERIFY2(std::abs(longer - 4.0) <= pixel + 1.0 / fps, qPrintable(QString::number(longer)));
        QVERIFY(isWholeFrames(longer, fps));
        QCOMPARE(doc->scene(1).duration, 3.0);
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Change duration"));

        // A second drag is a second step; far left stops at one frame.
        drag(bar, pointAt(bar, longer), QPoint(bar->trackRect().left() - 30, boundary.y()));
        QCOMPARE(doc->scene(0).duration, 1.0 / fps);
        QCOMPARE(undo->count(), steps + 2);
        undo->undo();
        QCOMPARE(doc->scene(0).duration, longer);
        undo->undo();
        QCOMPARE(doc->scene(0).duration, 3.0);

        // The last scene's end grows the video.
        const QPoint end = pointAt(bar, 9.0);
        QCOMPARE(bar->boundaryAt(end.x()), 2);
        drag(bar, end, end + QPoint(30, 0));
        QVERIFY(doc->scene(2).duration > 3.0);
        QVERIFY(isWholeFrames(doc->scene(2).duration, fps));
    }

    void draggingAnAutoDurationFixesIt()
    {
        MainWindow window;
        setUp(window, m_pictures);
        ProjectDocument *doc = window.document();
        Project project = doc->project();
        project.scenes[0].narration = QStringLiteral("Hello there");
        project.scenes[0].autoDuration = true;
        project.scenes[0].duration = 2.0; // as if its voice were known
        doc->adopt(project, {}, false);
        window.selectRows({0});
        TimelineWidget *bar = timeline(window);
        QCOMPARE(bar->boundaryAt(pointAt(bar, 2.0).x()), 0);

        drag(bar, pointAt(bar, 2.0), pointAt(bar, 3.0));
        QVERIFY(!doc->scene(0).autoDuration);
        QVERIFY(doc->scene(0).duration > 2.5);
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Fix duration (no longer follows the voice)"));
        doc->undoStack()->undo();
        QVERIFY(doc->scene(0).autoDuration);
    }

    void zoomKeepsThePointUnderTheMouse()
    {
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        PreviewPanel *panel = window.previewPanel();
        QScrollBar *scroll = panel->timelineScrollBar();
        QCOMPARE(bar->zoom(), 1.0);
        QVERIFY(!scroll->isVisible());
        QVERIFY(!panel->zoomOutButton()->isEnabled());
        const double pixelBefore = bar->duration() / bar->trackRect().width();

        // Ctrl+wheel over 4.5 s: closer, and 4.5 s stays under the pointer.
        const QPoint mouse = pointAt(bar, 4.5);
        const double under = bar->secondsAt(mouse.x());
        wheel(bar, mouse, 3 * 120, Qt::ControlModifier);
        QVERIFY2(bar->zoom() > 1.9, qPrintable(QString::number(bar->zoom())));
        QVERIFY2(std::abs(bar->secondsAt(mouse.x()) - under) <= pixelBefore,
                 qPrintable(QString::number(bar->secondsAt(mouse.x()))));
        const double pixelAfter = bar->duration() / (bar->trackRect().width() * bar->zoom());
        QVERIFY(pixelAfter < pixelBefore / 1.9);
        QVERIFY(bar->scrollOffset() > 0);
        QVERIFY(scroll->isVisible());
        QCOMPARE(scroll->value(), bar->scrollOffset());
        QVERIFY(panel->zoomOutButton()->isEnabled());

        // The wheel alone scrolls the zoomed bar; so does the scroll bar.
        const int offset = bar->scrollOffset();
        wheel(bar, mouse, -120, Qt::NoModifier);
        QVERIFY(bar->scrollOffset() > offset);
        scroll->setValue(0);
        QCOMPARE(bar->scrollOffset(), 0);
        QCOMPARE(bar->secondsAt(bar->trackRect().left()), 0.0);

        // A boundary dragged while zoomed: still in whole frames, at the
        // zoomed scale.
        ProjectDocument *doc = window.document();
        const int fps = doc->project().output.fps;
        QVERIFY(bar->xAt(3.0) < bar->trackRect().right());
        drag(bar, pointAt(bar, 3.0), pointAt(bar, 3.5));
        QVERIFY2(std::abs(doc->scene(0).duration - 3.5) <= pixelAfter + 1.0 / fps,
                 qPrintable(QString::number(doc->scene(0).duration)));

        // Buttons and keys.
        const double zoomed = bar->zoom();
        QTest::mouseClick(panel->zoomInButton(), Qt::LeftButton);
        QVERIFY(bar->zoom() > zoomed);
        bar->setFocus();
        QTest::keyClick(bar, Qt::Key_Minus);
        QTest::keyClick(bar, Qt::Key_Minus);
        QVERIFY(bar->zoom() < zoomed);
        QTest::keyClick(bar, Qt::Key_Plus);
        QVERIFY(bar->zoom() > zoomed / 1.3);
        for (int i = 0; i < 20; ++i)
            QTest::mouseClick(panel->zoomOutButton(), Qt::LeftButton);
        QCOMPARE(bar->zoom(), 1.0);
        QCOMPARE(bar->scrollOffset(), 0);
        QVERIFY(!scroll->isVisible());
    }

    void previewFollowsTheSceneBeingEdited()
    {
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        PreviewWidget *preview = window.previewPanel()->preview();
        ProjectDocument *doc = window.document();
        const double frame = 1.0 / doc->project().output.fps;

        // While the second scene's end is dragged, the preview shows its last
        // frame, next to the line, at every step of the drag.
        window.selectRows({0});
        QTest::mousePress(bar, Qt::LeftButton, {}, pointAt(bar, 6.0));
        for (double seconds : {6.5, 7.0, 5.0}) {
            moveHeld(bar, pointAt(bar, seconds));
            const double end = 3.0 + doc->scene(1).duration;
            QCOMPARE(preview->currentScene(), 1);
            QVERIFY2(
                std::abs(preview->position() - (end - frame)) < 1e-6,
                qPrintable(QStringLiteral("%1 at an end of %2").arg(preview->position()).arg(end)));
            QCOMPARE(bar->position(), preview->position());
        }
        QTest::mouseRelease(bar, Qt::LeftButton, {}, pointAt(bar, 5.0));

        // A duration typed for the first scene: the preview goes to its new end.
        window.selectRows({0});
        QCOMPARE(preview->position(), 0.0);
        auto *duration = window.findChild<QDoubleSpinBox *>(QStringLiteral("durationSpin"));
        duration->setFocus();
        duration->selectAll();
        QTest::keyClicks(duration, QStringLiteral("4"));
        QTest::keyClick(duration, Qt::Key_Return);
        QCOMPARE(doc->scene(0).duration, 4.0);
        QCOMPARE(preview->currentScene(), 0);
        QVERIFY2(std::abs(preview->position() - (4.0 - frame)) < 1e-6,
                 qPrintable(QString::number(preview->position())));
    }
};

QTEST_MAIN(TestTimelineWidget)
#include "tst_timelinewidget.moc"
