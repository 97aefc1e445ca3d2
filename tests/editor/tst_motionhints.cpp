// The animated hints beside the motion and transition pickers: the stand-in
// picture moves as the motion moves a picture in the export, the cards go
// through the export's transition, the hints follow their pickers, and the
// animation runs only while a hint is on screen. Pixels are read from grabs
// at chosen points of the loop, never timed.

#include "TestMedia.h"
#include "WidgetTests.h"
#include "document/ProjectDocument.h"
#include "render/Motion.h"
#include "scenes/MotionHint.h"
#include "window/MainWindow.h"

#include <QComboBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace reelsmith;
using namespace reelsmith::editor;

using testwidgets::choose;

class TestMotionHints : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_pictures;

    // The hint's frame at `progress`.
    static QImage frameAt(MotionHint &hint, double progress)
    {
        hint.setProgress(progress);
        return hint.grab().toImage().convertToFormat(QImage::Format_RGB32).copy(hint.frameRect());
    }

    // Where the stand-in picture is: the pixels that are clearly not the
    // backdrop (an edge pixel counts from about a third covered).
    static QRect pictureBox(const QImage &frame)
    {
        const QColor backdrop = MotionHint::backdropColor();
        QRect box;
        for (int y = 0; y < frame.height(); ++y) {
            for (int x = 0; x < frame.width(); ++x) {
                const QColor c = frame.pixelColor(x, y);
                const int distance = std::max({std::abs(c.red() - backdrop.red()),
                                               std::abs(c.green() - backdrop.green()),
                                               std::abs(c.blue() - backdrop.blue())});
                if (distance > 48)
                    box |= QRect(x, y, 1, 1);
            }
        }
        return box;
    }

    static QColor mix(const QColor &a, const QColor &b, double weightOfB)
    {
        const auto channel = [weightOfB](int x, int y) {
            return int(std::lround(x * (1 - weightOfB) + y * weightOfB));
        };
        return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                      channel(a.blue(), b.blue()));
    }

    static bool near(const QColor &a, const QColor &b, int tolerance = 3)
    {
        return std::abs(a.red() - b.red()) <= tolerance &&
               std::abs(a.green() - b.green()) <= tolerance &&
               std::abs(a.blue() - b.blue()) <= tolerance;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        for (const char *name : {"a.png", "b.png"})
            m_pictures << testmedia::writeImage(m_dir.filePath(QLatin1String(name)),
                                                testmedia::solid({200, 150}, Qt::red), "PNG");
    }

    void pictureMovesAsTheMotionSays_data()
    {
        // From the start of the move to its end: the change of the picture's
        // centre and width (frame pixels; the frame is 36 x 64).
        QTest::addColumn<int>("motion");
        QTest::addColumn<int>("dx");
        QTest::addColumn<int>("dy");
        QTest::addColumn<int>("grows");
        QTest::newRow("none") << int(Motion::None) << 0 << 0 << 0;
        QTest::newRow("zoom_in") << int(Motion::ZoomIn) << 0 << 0 << 1;
        QTest::newRow("zoom_out") << int(Motion::ZoomOut) << 0 << 0 << -1;
        QTest::newRow("pan_left") << int(Motion::PanLeft) << -1 << 0 << 0;
        QTest::newRow("pan_right") << int(Motion::PanRight) << 1 << 0 << 0;
        QTest::newRow("pan_up") << int(Motion::PanUp) << 0 << -1 << 0;
        QTest::newRow("pan_down") << int(Motion::PanDown) << 0 << 1 << 0;
    }

    void pictureMovesAsTheMotionSays()
    {
        QFETCH(int, motion);
        QFETCH(int, dx);
        QFETCH(int, dy);
        QFETCH(int, grows);
        MotionHint hint(MotionHint::Kind::Motion);
        hint.resize(hint.sizeHint());
        hint.setChoice(motion);

        // Where the export puts a centred picture, within a pixel, at the
        // start, the middle and the end.
        QList<QRect> boxes;
        for (const double progress : {0.0, 0.5, 1.0}) {
            const QRect box = pictureBox(frameAt(hint, progress));
            const QRectF expected =
                motion::rectAt(Motion(motion), Layout::Center, MotionHint::restRect(),
                               MotionHint::kFrameSize, progress);
            const auto edges = {std::pair(box.left(), expected.left()),
                                std::pair(box.right() + 1, expected.right()),
                                std::pair(box.top(), expected.top()),
                                std::pair(box.bottom() + 1, expected.bottom())};
            for (const auto &[measured, wanted] : edges)
                QVERIFY2(std::abs(measured - wanted) <= 1.0,
                         qPrintable(QStringLiteral("at %1: edge at %2, the export's at %3")
                                        .arg(progress)
                                        .arg(measured)
                                        .arg(wanted)));
            boxes << box;
        }
        // And it moves the way the motion says: a pan by 10 % of the frame
        // (3.6 px across, 6.4 px up or down), a zoom by 15 % (4.5 px wider).
        const QRect &start = boxes.first();
        const QRect &end = boxes.last();
        const int centreX = end.left() + end.right() - start.left() - start.right(); // twice
        const int centreY = end.top() + end.bottom() - start.top() - start.bottom();
        const int widening = end.width() - start.width();
        QVERIFY2(dx == 0 ? std::abs(centreX) <= 1 : centreX * dx >= 6,
                 qPrintable(QString::number(centreX)));
        QVERIFY2(dy == 0 ? std::abs(centreY) <= 1 : centreY * dy >= 10,
                 qPrintable(QString::number(centreY)));
        QVERIFY2(grows == 0 ? std::abs(widening) <= 1 : widening * grows >= 3,
                 qPrintable(QString::number(widening)));
    }

    void cardsGoThroughTheTransition_data()
    {
        const QColor from = MotionHint::fromColor();
        const QColor to = MotionHint::toColor();
        const QColor backdrop = MotionHint::backdropColor();
        // The cards are 30 x 32 px in the middle of the 36 x 64 frame.
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("progress");
        QTest::addColumn<QPoint>("point");
        QTest::addColumn<QColor>("expected");
        const QPoint centre(18, 32);
        QTest::newRow("crossfade start") << int(TransitionType::Crossfade) << 0.0 << centre << from;
        QTest::newRow("crossfade quarter")
            << int(TransitionType::Crossfade) << 0.25 << centre << mix(from, to, 0.25);
        QTest::newRow("crossfade middle")
            << int(TransitionType::Crossfade) << 0.5 << centre << mix(from, to, 0.5);
        QTest::newRow("crossfade end") << int(TransitionType::Crossfade) << 1.0 << centre << to;
        QTest::newRow("crossfade around the cards")
            << int(TransitionType::Crossfade) << 0.5 << QPoint(18, 4) << backdrop;
        // Half way, the outgoing card has left by half the frame's width and
        // the incoming one has come in as far.
        QTest::newRow("slide_left outgoing")
            << int(TransitionType::SlideLeft) << 0.5 << QPoint(10, 32) << from;
        QTest::newRow("slide_left incoming")
            << int(TransitionType::SlideLeft) << 0.5 << QPoint(26, 32) << to;
        QTest::newRow("slide_up outgoing")
            << int(TransitionType::SlideUp) << 0.5 << QPoint(18, 8) << from;
        QTest::newRow("slide_up between")
            << int(TransitionType::SlideUp) << 0.5 << centre << backdrop;
        QTest::newRow("slide_up incoming")
            << int(TransitionType::SlideUp) << 0.5 << QPoint(18, 56) << to;
        // The wipe's edge is in the middle: the new scene on its left.
        QTest::newRow("wipe new side") << int(TransitionType::Wipe) << 0.5 << QPoint(10, 32) << to;
        QTest::newRow("wipe old side")
            << int(TransitionType::Wipe) << 0.5 << QPoint(26, 32) << from;
        // The zoom mixes the outgoing card at 110 % with the incoming at 90 %:
        // near the edge only the outgoing one covers.
        QTest::newRow("zoom middle")
            << int(TransitionType::Zoom) << 0.5 << centre << mix(from, to, 0.5);
        QTest::newRow("zoom edge")
            << int(TransitionType::Zoom) << 0.5 << QPoint(2, 32) << mix(from, backdrop, 0.5);
        QTest::newRow("cut before") << int(TransitionType::Cut) << 0.4 << centre << from;
        QTest::newRow("cut after") << int(TransitionType::Cut) << 0.6 << centre << to;
    }

    void cardsGoThroughTheTransition()
    {
        QFETCH(int, type);
        QFETCH(double, progress);
        QFETCH(QPoint, point);
        QFETCH(QColor, expected);
        MotionHint hint(MotionHint::Kind::Transition);
        hint.resize(hint.sizeHint());
        hint.setChoice(type);
        const QColor seen = frameAt(hint, progress).pixelColor(point);
        QVERIFY2(near(seen, expected),
                 qPrintable(
                     QStringLiteral("%1 where %2 was expected").arg(seen.name(), expected.name())));
    }

    void animatesOnlyWhileOnScreen()
    {
        QWidget parent;
        auto *layout = new QVBoxLayout(&parent);
        auto *hint = new MotionHint(MotionHint::Kind::Motion);
        hint->setChoice(int(Motion::ZoomIn));
        layout->addWidget(hint);
        QVERIFY(!hint->isAnimating()); // never shown

        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        QVERIFY(hint->isAnimating());
        // It moves on by itself, and loops back to the start.
        QTRY_VERIFY(hint->progress() > 0.5);
        QTRY_VERIFY(hint->progress() < 0.1);

        hint->hide();
        QVERIFY(!hint->isAnimating());
        hint->show();
        QVERIFY(hint->isAnimating());
        parent.hide(); // hidden with its window
        QVERIFY(!hint->isAnimating());
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        QVERIFY(hint->isAnimating());
        hint->setEnabled(false); // its picker has nothing to apply to
        QVERIFY(!hint->isAnimating());
        hint->setEnabled(true);
        QVERIFY(hint->isAnimating());
        parent.showMinimized();
        QTRY_VERIFY(!hint->isAnimating());
    }

    void inspectorHintsFollowTheirPickers()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.addPictures(m_pictures);
        window.selectRows({0});
        auto *motionCombo = window.findChild<QComboBox *>(QStringLiteral("motionCombo"));
        auto *motionHint = window.findChild<MotionHint *>(QStringLiteral("motionComboHint"));
        auto *transitionHint =
            window.findChild<MotionHint *>(QStringLiteral("transitionComboHint"));
        QVERIFY(motionCombo && motionHint && transitionHint);
        QCOMPARE(motionHint->kind(), MotionHint::Kind::Motion);
        QCOMPARE(transitionHint->kind(), MotionHint::Kind::Transition);
        QVERIFY(motionHint->isVisible());
        QVERIFY(motionHint->isAnimating());
        QVERIFY(transitionHint->isAnimating());

        choose(motionCombo, int(Motion::PanLeft));
        QCOMPARE(motionHint->choice(), int(Motion::PanLeft));
        // While the list is open, the entry under the pointer is shown; when
        // it closes without a choice, the current one again.
        motionCombo->showPopup();
        emit motionCombo->highlighted(motionCombo->findData(int(Motion::ZoomOut)));
        QCOMPARE(motionHint->choice(), int(Motion::ZoomOut));
        motionCombo->hidePopup();
        QCOMPARE(motionHint->choice(), int(Motion::PanLeft));
        // Undo sets the picker without its signals; the hint follows.
        window.document()->undoStack()->undo();
        QCOMPARE(motionCombo->currentData().toInt(), int(Motion::None));
        QTRY_COMPARE(motionHint->choice(), int(Motion::None));

        // Nothing selected: the pickers are off, and so are the hints.
        window.selectRows({});
        QVERIFY(!motionCombo->isEnabled());
        QVERIFY(!motionHint->isAnimating());
        QVERIFY(!transitionHint->isAnimating());
        window.selectRows({1});
        QVERIFY(motionHint->isAnimating());
        window.hide();
        QVERIFY(!motionHint->isAnimating());
        QVERIFY(!transitionHint->isAnimating());
    }
};

QTEST_MAIN(TestMotionHints)
#include "tst_motionhints.moc"
