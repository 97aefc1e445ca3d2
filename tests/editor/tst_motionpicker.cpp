// The scene inspector's motion and transition pickers: a choice applies to
// every selected scene as one undo step, and the fields show the current
// scene's values.

#include "TestMedia.h"
#include "WidgetTests.h"
#include "document/ProjectDocument.h"
#include "window/MainWindow.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace reelsmith;
using namespace reelsmith::editor;

using testwidgets::choose;
using testwidgets::field;

class TestMotionPicker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_pictures;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        for (const char *name : {"a.png", "b.png", "c.png"})
            m_pictures << testmedia::writeImage(m_dir.filePath(QLatin1String(name)),
                                                testmedia::solid({200, 150}, Qt::red), "PNG");
    }

    void motionAppliesToEverySelectedSceneAsOneStep()
    {
        MainWindow window;
        window.addPictures(m_pictures);
        window.selectRows({0, 2});
        ProjectDocument *doc = window.document();
        auto *motion = field<QComboBox>(window, "motionCombo");
        QVERIFY(motion->isEnabled());
        const int steps = doc->undoStack()->count();

        choose(motion, int(Motion::PanLeft));
        QCOMPARE(doc->scene(0).motion, Motion::PanLeft);
        QCOMPARE(doc->scene(1).motion, Motion::None);
        QCOMPARE(doc->scene(2).motion, Motion::PanLeft);
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).motion, Motion::None);
        QCOMPARE(doc->scene(2).motion, Motion::None);
        QCOMPARE(motion->currentData().toInt(), int(Motion::None));
        doc->undoStack()->redo();
        QCOMPARE(doc->scene(2).motion, Motion::PanLeft);
        QCOMPARE(motion->currentData().toInt(), int(Motion::PanLeft));
    }

    void transitionTypeAndLength()
    {
        MainWindow window;
        window.addPictures(m_pictures);
        window.selectRows({0, 1});
        ProjectDocument *doc = window.document();
        auto *type = field<QComboBox>(window, "transitionCombo");
        auto *length = field<QDoubleSpinBox>(window, "transitionSpin");
        QVERIFY(!length->isEnabled()); // a cut has no length

        choose(type, int(TransitionType::Crossfade));
        QCOMPARE(doc->scene(0).transition.type, TransitionType::Crossfade);
        QCOMPARE(doc->scene(1).transition.type, TransitionType::Crossfade);
        QCOMPARE(doc->scene(2).transition.type, TransitionType::Cut);
        QVERIFY(length->isEnabled());

        length->setValue(1.2);
        QCOMPARE(doc->scene(0).transition.duration, 1.2);
        QCOMPARE(doc->scene(1).transition.duration, 1.2);
        // The saved file carries it.
        const Project reread = Project::fromJson(doc->project().toJson(), "saved", m_dir.path(),
                                                 Project::Strictness::Draft);
        QCOMPARE(reread.scenes[1].transition, (Transition{TransitionType::Crossfade, 1.2}));

        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).transition.duration, Transition::kDefaultSeconds);
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).transition.type, TransitionType::Cut);
        QCOMPARE(doc->scene(1).transition.type, TransitionType::Cut);
    }
};

QTEST_MAIN(TestMotionPicker)
#include "tst_motionpicker.moc"
