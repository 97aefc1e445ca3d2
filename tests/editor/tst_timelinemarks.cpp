// The timeline marks each transition over its window, centred on the scene
// boundary, through edits made in the scene inspector and their undo: the
// mark's pixels are found by comparing grabs with and without it.

#include "TestMedia.h"
#include "WidgetTests.h"
#include "document/ProjectDocument.h"
#include "preview/PreviewPanel.h"
#include "preview/TimelineWidget.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHelpEvent>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

using namespace reelsmith;
using namespace reelsmith::editor;

using testwidgets::choose;
using testwidgets::field;

class TestTimelineMarks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_pictures;

    // A shown window with three 3 s picture scenes (boundaries at 3 s and
    // 6 s); the first is selected.
    static void setUp(MainWindow &window, const QStringList &pictures)
    {
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.addPictures(pictures);
        window.selectRows({0});
        QCOMPARE(window.document()->sceneCount(), 3);
        QCOMPARE(window.document()->scene(0).duration, 3.0);
    }

    static TimelineWidget *timeline(MainWindow &window)
    {
        return window.previewPanel()->timeline();
    }

    // The columns in [from, to) where `a` and `b` differ anywhere in the bar:
    // first and last, or {-1, -1}.
    static std::pair<int, int> changedColumns(const QImage &a, const QImage &b, const QRect &track,
                                              int from, int to)
    {
        int first = -1;
        int last = -1;
        for (int x = std::max(from, track.left()); x < std::min(to, track.right()); ++x) {
            for (int y = track.top(); y <= track.bottom(); ++y) {
                if (a.pixel(x, y) != b.pixel(x, y)) {
                    if (first < 0)
                        first = x;
                    last = x;
                    break;
                }
            }
        }
        return {first, last};
    }

    static QImage grab(TimelineWidget *widget)
    {
        // Away from the marks, so the playhead never shows in the difference.
        widget->setPosition(0);
        return widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    }

    static QString toolTipAt(TimelineWidget *widget, int x)
    {
        QToolTip::hideText();
        const QPoint pos(x, widget->trackRect().center().y());
        QHelpEvent help(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
        QApplication::sendEvent(widget, &help);
        return QToolTip::isVisible() ? QToolTip::text() : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        for (const char *name : {"a.png", "b.png", "c.png"})
            m_pictures << testmedia::writeImage(m_dir.filePath(QLatin1String(name)),
                                                testmedia::solid({200, 150}, Qt::red), "PNG");
    }

    void markSpansTheWindow_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("name");
        QTest::newRow("crossfade 0.8 s") << int(TransitionType::Crossfade) << 0.8 << "Crossfade";
        QTest::newRow("slide left 1.5 s") << int(TransitionType::SlideLeft) << 1.5 << "Slide left";
        QTest::newRow("slide up 0.4 s") << int(TransitionType::SlideUp) << 0.4 << "Slide up";
        QTest::newRow("zoom 2 s") << int(TransitionType::Zoom) << 2.0 << "Zoom";
        QTest::newRow("wipe 1 s") << int(TransitionType::Wipe) << 1.0 << "Wipe";
    }

    void markSpansTheWindow()
    {
        QFETCH(int, type);
        QFETCH(double, seconds);
        QFETCH(QString, name);
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        const QRect track = bar->trackRect();
        const QImage before = grab(bar);

        // The length first (a cut keeps it), then the kind: two undo steps.
        field<QDoubleSpinBox>(window, "transitionSpin")->setValue(seconds);
        QCOMPARE(grab(bar), before); // still a cut: nothing marked
        choose(field<QComboBox>(window, "transitionCombo"), type);
        QCOMPARE(int(window.document()->scene(0).transition.type), type);
        const QImage marked = grab(bar);

        // Only around the first boundary, spanning the window within 2 px.
        const int boundary = bar->xAt(3.0);
        const auto [left, right] =
            changedColumns(before, marked, track, track.left(), track.right());
        QVERIFY2(left >= 0, "no mark drawn");
        const int expectedLeft = bar->xAt(3.0 - seconds / 2);
        const int expectedRight = bar->xAt(3.0 + seconds / 2) - 1;
        QVERIFY2(
            std::abs(left - expectedLeft) <= 2,
            qPrintable(
                QStringLiteral("mark starts at x %1, window at %2").arg(left).arg(expectedLeft)));
        QVERIFY2(
            std::abs(right - expectedRight) <= 2,
            qPrintable(
                QStringLiteral("mark ends at x %1, window at %2").arg(right).arg(expectedRight)));
        QVERIFY(std::abs((left + right + 1) / 2 - boundary) <= 1);

        // Its tooltip names it and its length; elsewhere the bar's own tip.
        const QString tip = toolTipAt(bar, boundary);
        QVERIFY2(tip.contains(name), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale().toString(seconds, 'g', 3) + QStringLiteral(" s")),
                 qPrintable(tip));
        QVERIFY(!toolTipAt(bar, bar->xAt(1.5)).contains(name));
        QVERIFY(!toolTipAt(bar, bar->xAt(6.0)).contains(name));

        // Undone, the mark goes; redone, it comes back.
        QUndoStack *undo = window.document()->undoStack();
        undo->undo();
        QCOMPARE(window.document()->scene(0).transition.type, TransitionType::Cut);
        QCOMPARE(grab(bar), before);
        QVERIFY(!toolTipAt(bar, boundary).contains(name));
        undo->redo();
        QCOMPARE(grab(bar), marked);
    }

    void eachKindHasItsGlyph()
    {
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        auto *combo = field<QComboBox>(window, "transitionCombo");
        field<QDoubleSpinBox>(window, "transitionSpin")->setValue(1.0);
        QList<QImage> marks;
        for (const auto type :
             {TransitionType::Crossfade, TransitionType::SlideLeft, TransitionType::SlideUp,
              TransitionType::Zoom, TransitionType::Wipe}) {
            choose(combo, int(type));
            const QImage image = grab(bar);
            for (const QImage &other : std::as_const(marks))
                QVERIFY2(other != image, qPrintable(TimelineWidget::transitionName(type)));
            marks << image;
        }
        choose(combo, int(TransitionType::Cut));
        QVERIFY(bar->transitions().empty());
        QCOMPARE(bar->transitionAt(bar->xAt(3.0)), -1);
    }

    void shortenedTransitionIsMarkedAsPlayed()
    {
        // A 2 s crossfade into a 1 s scene lasts 1 s in the video (the
        // engine shortens it to the shorter scene): the mark says so.
        MainWindow window;
        setUp(window, m_pictures);
        TimelineWidget *bar = timeline(window);
        window.selectRows({1});
        field<QDoubleSpinBox>(window, "durationSpin")->setValue(1.0);
        QCOMPARE(window.document()->scene(1).duration, 1.0);
        window.selectRows({0});
        const QImage before = grab(bar);
        field<QDoubleSpinBox>(window, "transitionSpin")->setValue(2.0);
        choose(field<QComboBox>(window, "transitionCombo"), int(TransitionType::Crossfade));

        const auto [left, right] =
            changedColumns(before, grab(bar), bar->trackRect(), 0, bar->width());
        QVERIFY(std::abs(left - bar->xAt(2.5)) <= 2);
        QVERIFY(std::abs(right - (bar->xAt(3.5) - 1)) <= 2);
        const QString tip = toolTipAt(bar, bar->xAt(3.0));
        QVERIFY2(tip.contains(QLocale().toString(1.0, 'g', 3) + QStringLiteral(" s")),
                 qPrintable(tip));
        // The second boundary (at 4 s) stays a cut.
        QVERIFY(!toolTipAt(bar, bar->xAt(4.0)).contains(QStringLiteral("Crossfade")));
    }
};

QTEST_MAIN(TestTimelineMarks)
#include "tst_timelinemarks.moc"
