// Issue 14, in the editor: Add Clips… and dropped videos make clip scenes
// (media the clip, as long as the clip up to the platform limit, one undo
// step; a file that is not a usable clip is named and nothing changes), the
// scene list's thumbnail is the clip's frame at clip.start, and the scene
// inspector sets clip.start by scrubbing (the frame follows the drag, the
// drag is one step), the clip's ending and its sound. The clips are made here
// with a colour per second, so a sampled colour tells the time in the clip.

#include "TestMedia.h"
#include "document/ProjectDocument.h"
#include "scenes/AddMedia.h"
#include "scenes/ClipControls.h"
#include "scenes/SceneInspector.h"
#include "scenes/SceneListModel.h"
#include "settings/EditorSettings.h"
#include "window/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace reelsmith;
using namespace reelsmith::editor;

namespace {

// Probing and decoding run on worker threads; a loaded machine is slow.
constexpr int kWaitMs = 30000;

const QList<QColor> kColours = {QColor(220, 30, 30), QColor(30, 200, 30), QColor(30, 30, 220),
                                QColor(230, 220, 30)};

// The colour the clip shows `seconds` in: one colour per second.
QColor colourAt(double seconds)
{
    return kColours.at(std::clamp(int(seconds), 0, int(kColours.size()) - 1));
}

// Apart enough that a wide tolerance still tells them apart: H.264 moves
// these colours by up to ~30 per channel.
bool sameColour(QColor a, QColor b)
{
    return testmedia::near(a, b, 50);
}

// Sampled below the clip's black bar (it runs down the top 40 %).
QColor sampleClip(const QImage &image)
{
    return testmedia::sample(image.convertToFormat(QImage::Format_RGB32),
                             QPoint(image.width() / 2, image.height() * 3 / 4), 2);
}

QImage listThumbnail(MainWindow &window, int row)
{
    return window.sceneModel()->index(row, 0).data(Qt::DecorationRole).value<QImage>();
}

ClipControls *clipControls(MainWindow &window)
{
    auto *controls = window.inspector()->findChild<ClipControls *>();
    Q_ASSERT(controls);
    return controls;
}

template <typename Field> Field *field(MainWindow &window, const char *name)
{
    auto *found = clipControls(window)->findChild<Field *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

// Waits for the window's adds to be probed and done.
bool addsDone(MainWindow &window)
{
    return QTest::qWaitFor([&] { return !window.mediaAdder()->isBusy(); }, kWaitMs);
}

} // namespace

class TestClipScenes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_colours; // 4 s at 10 fps, a colour a second, with a (silent) sound track
    QString m_short;   // 2 s at 10 fps, no sound
    QString m_long;    // 65 s at 2 fps
    QString m_picture;
    QString m_broken; // random bytes named .mp4

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        testmedia::VideoSpec colours = testmedia::colorPerSecond({96, 160}, 10, kColours);
        colours.withAudio = true;
        m_colours = path("colours.mp4");
        testmedia::writeVideo(m_colours, colours);
        m_short = path("short.mp4");
        testmedia::writeVideo(m_short,
                              testmedia::colorPerSecond({96, 160}, 10, kColours.mid(0, 2)));
        m_long = path("long.mp4");
        testmedia::writeVideo(m_long, testmedia::colorCycle({32, 32}, 2, 130, {Qt::gray}));
        m_picture = testmedia::writeImage(path("still.png"),
                                          testmedia::solid({120, 90}, QColor(200, 100, 0)), "PNG");
        m_broken = path("broken.mp4");
        QFile broken(m_broken);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(testmedia::randomBytes(20000, 14));
    }

    void init() { EditorSettings::setLengthLimitSeconds(60); }

    void addClipsMakesClipScenesInOneStep()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        const int steps = doc->undoStack()->count();
        QSignalSpy added(window.mediaAdder(), &AddMedia::added);
        window.addClips({m_colours, m_picture, m_short});
        QVERIFY(addsDone(window));
        QCOMPARE(added.count(), 1);
        QCOMPARE(doc->sceneCount(), 3);
        QCOMPARE(doc->scene(0).media, m_colours);
        QCOMPARE(doc->scene(1).media, m_picture);
        QCOMPARE(doc->scene(2).media, m_short);
        // A clip lasts its own length; a picture the default scene length.
        QCOMPARE(doc->scene(0).duration, 4.0);
        QCOMPARE(doc->scene(1).duration, EditorSettings::defaultSceneDuration());
        QCOMPARE(doc->scene(2).duration, 2.0);
        // A new clip plays from its start, muted, looping: no `clip` key yet.
        QVERIFY(!doc->scene(0).clip);
        QCOMPARE(window.selectedRows(), (QList<int>{0, 1, 2}));
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        doc->undoStack()->undo();
        QCOMPARE(doc->sceneCount(), 0);
        doc->undoStack()->redo();
        QCOMPARE(doc->sceneCount(), 3);
        QCOMPARE(doc->scene(2).media, m_short);

        // After the current scene, as Add Pictures… does.
        window.selectRows({0});
        window.addClips({m_short});
        QVERIFY(addsDone(window));
        QCOMPARE(doc->sceneCount(), 4);
        QCOMPARE(doc->scene(1).media, m_short);
        QCOMPARE(window.selectedRows(), (QList<int>{1}));
    }

    void longClipIsCappedAtTheLengthLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<double>("seconds");
        QTest::newRow("60 s limit") << 60 << 60.0;
        QTest::newRow("90 s limit") << 90 << 65.0;
        QTest::newRow("no limit") << 0 << 65.0;
    }

    void longClipIsCappedAtTheLengthLimit()
    {
        QFETCH(int, limit);
        QFETCH(double, seconds);
        EditorSettings::setLengthLimitSeconds(limit);
        MainWindow window;
        window.addClips({m_long});
        QVERIFY(addsDone(window));
        QCOMPARE(window.document()->sceneCount(), 1);
        QCOMPARE(window.document()->scene(0).duration, seconds);
    }

    void droppedVideosMakeClipScenes()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_picture});
        const int steps = doc->undoStack()->count();

        // On the scene list, in front of the picture.
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(m_short), QUrl::fromLocalFile(m_colours)});
        SceneListModel *model = window.sceneModel();
        QVERIFY(model->canDropMimeData(&files, Qt::CopyAction, 0, 0, {}));
        QVERIFY(model->dropMimeData(&files, Qt::CopyAction, 0, 0, {}));
        QVERIFY(addsDone(window));
        QCOMPARE(doc->sceneCount(), 3);
        QCOMPARE(doc->scene(0).media, m_short);
        QCOMPARE(doc->scene(1).media, m_colours);
        QCOMPARE(doc->scene(2).media, m_picture);
        QCOMPARE(doc->scene(1).duration, 4.0);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(window.selectedRows(), (QList<int>{0, 1}));

        // On the window: a clip and a picture, in the order dropped, after the selection.
        window.selectRows({2});
        QMimeData mixed;
        mixed.setUrls({QUrl::fromLocalFile(m_picture), QUrl::fromLocalFile(m_short)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mixed, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mixed, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(addsDone(window));
        QCOMPARE(doc->sceneCount(), 5);
        QCOMPARE(doc->scene(3).media, m_picture);
        QCOMPARE(doc->scene(4).media, m_short);
        QCOMPARE(doc->scene(4).duration, 2.0);
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        doc->undoStack()->undo();
        QCOMPARE(doc->sceneCount(), 3);
    }

    void corruptVideoIsRefusedAndNamed_data()
    {
        QTest::addColumn<bool>("dropped");
        QTest::newRow("Add Clips") << false;
        QTest::newRow("dropped") << true;
    }

    void corruptVideoIsRefusedAndNamed()
    {
        QFETCH(bool, dropped);
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_picture});
        const int steps = doc->undoStack()->count();
        const Project before = doc->project();
        QSignalSpy refused(window.mediaAdder(), &AddMedia::refused);
        if (dropped) {
            QMimeData files;
            files.setUrls({QUrl::fromLocalFile(m_short), QUrl::fromLocalFile(m_broken)});
            QVERIFY(window.sceneModel()->dropMimeData(&files, Qt::CopyAction, -1, 0, {}));
        } else {
            window.addClips({m_short, m_broken});
        }
        QVERIFY(addsDone(window));
        QCOMPARE(refused.count(), 1);
        const QString message = refused.first().first().toString();
        QVERIFY2(message.contains(QLatin1String("broken.mp4")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("short.mp4")), qPrintable(message));
        // Nothing changed: not even the good clip beside it.
        QCOMPARE(doc->project(), before);
        QCOMPARE(doc->undoStack()->count(), steps);
        // The creator reads it in a message box naming the file.
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("addMediaRefused"));
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QLatin1String("broken.mp4")),
                 qPrintable(box->informativeText()));
        box->close();
    }

    void thumbnailIsTheFrameAtClipStart_data()
    {
        QTest::addColumn<double>("start");
        QTest::newRow("1.5 s") << 1.5;
        QTest::newRow("2.5 s") << 2.5;
        QTest::newRow("3.2 s") << 3.2;
    }

    void thumbnailIsTheFrameAtClipStart()
    {
        QFETCH(double, start);
        MainWindow window;
        window.addClips({m_colours});
        QVERIFY(addsDone(window));
        QImage thumb;
        // From the start of the clip first: red.
        QVERIFY(QTest::qWaitFor(
            [&] {
                thumb = listThumbnail(window, 0);
                return !thumb.isNull() && thumb.pixelColor(0, 0).alpha() > 0;
            },
            kWaitMs));
        // The whole 9:16 frame, not a square crop of it.
        QVERIFY2(thumb.height() > thumb.width(),
                 qPrintable(QStringLiteral("%1x%2").arg(thumb.width()).arg(thumb.height())));
        QVERIFY2(sameColour(sampleClip(thumb), colourAt(0)),
                 qPrintable(testmedia::describe(sampleClip(thumb))));

        // A new start (here the inspector's box) makes a new thumbnail.
        window.selectRows({0});
        auto *spin = field<QDoubleSpinBox>(window, "startSpin");
        QTRY_VERIFY_WITH_TIMEOUT(!clipControls(window)->isHidden(), kWaitMs);
        spin->setValue(start);
        QCOMPARE(window.document()->scene(0).clipSettings().start, start);
        const bool changed = QTest::qWaitFor(
            [&] { return sameColour(sampleClip(listThumbnail(window, 0)), colourAt(start)); },
            kWaitMs);
        QVERIFY2(changed, qPrintable(testmedia::describe(sampleClip(listThumbnail(window, 0)))));
        // Back to the start on undo.
        window.document()->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(sameColour(sampleClip(listThumbnail(window, 0)), colourAt(0)),
                                 kWaitMs);
    }

    void scrubbingSetsStartInOneStepAndShowsTheFrame()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addClips({m_colours});
        QVERIFY(addsDone(window));
        window.selectRows({0});
        ClipControls *controls = clipControls(window);
        QTRY_VERIFY_WITH_TIMEOUT(!controls->isHidden(), kWaitMs);
        auto *slider = field<QSlider>(window, "startSlider");
        auto *spin = field<QDoubleSpinBox>(window, "startSpin");
        QTRY_COMPARE_WITH_TIMEOUT(controls->shownSeconds(), 0.0, kWaitMs);
        QVERIFY(sameColour(sampleClip(controls->shownFrame()), colourAt(0)));
        // The slider spans the clip: 4 s, ending before its end.
        QCOMPARE(spin->maximum(), 3.99);
        const int steps = doc->undoStack()->count();

        // A drag across the clip, ending at 2.5 s: the frame follows, the
        // document waits for the release.
        QSignalSpy shown(controls, &ClipControls::frameShown);
        slider->setSliderDown(true);
        for (int value = 0; value <= 390; value += 15)
            slider->setValue(value);
        slider->setValue(250);
        QTRY_COMPARE_WITH_TIMEOUT(controls->shownSeconds(), 2.5, kWaitMs);
        QVERIFY2(sameColour(sampleClip(controls->shownFrame()), colourAt(2.5)),
                 qPrintable(testmedia::describe(sampleClip(controls->shownFrame()))));
        // The newest request wins: the 28 positions were not all decoded.
        QVERIFY2(shown.count() < 28, qPrintable(QString::number(shown.count())));
        QCOMPARE(spin->value(), 2.5);
        QCOMPARE(doc->scene(0).clipSettings().start, 0.0);
        QCOMPARE(doc->undoStack()->count(), steps);

        slider->setSliderDown(false);
        QCOMPARE(doc->scene(0).clipSettings().start, 2.5);
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        // A second drag is a step of its own.
        slider->setSliderDown(true);
        slider->setValue(120);
        slider->setValue(330);
        slider->setSliderDown(false);
        QCOMPARE(doc->scene(0).clipSettings().start, 3.3);
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        QTRY_VERIFY_WITH_TIMEOUT(sameColour(sampleClip(controls->shownFrame()), colourAt(3.3)),
                                 kWaitMs);

        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).clipSettings().start, 2.5);
        QCOMPARE(slider->value(), 250);
        QTRY_VERIFY_WITH_TIMEOUT(controls->shownSeconds() == 2.5, kWaitMs);
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).clipSettings().start, 0.0);
        QCOMPARE(spin->value(), 0.0);
    }

    void fitAndSoundApplyToSelectedClipsAndUndo()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addClips({m_colours, m_short, m_picture});
        QVERIFY(addsDone(window));
        window.selectRows({0, 1, 2});
        ClipControls *controls = clipControls(window);
        QTRY_VERIFY_WITH_TIMEOUT(!controls->isHidden(), kWaitMs);
        auto *fit = field<QComboBox>(window, "fitCombo");
        auto *sound = field<QCheckBox>(window, "soundCheck");
        auto *volume = field<QDoubleSpinBox>(window, "volumeSpin");
        const int steps = doc->undoStack()->count();

        // Freeze: both clips, one step; the picture gets no `clip`.
        const int freeze = fit->findData(int(ClipFit::Freeze));
        QVERIFY(freeze >= 0);
        fit->setCurrentIndex(freeze);
        emit fit->activated(freeze);
        QCOMPARE(doc->scene(0).clipSettings().fit, ClipFit::Freeze);
        QCOMPARE(doc->scene(1).clipSettings().fit, ClipFit::Freeze);
        QVERIFY(!doc->scene(2).clip);
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        // Muted by default; sound on at 0 dB, then -6 dB, in the saved file too.
        QVERIFY(!sound->isChecked());
        QVERIFY(!volume->isEnabled());
        sound->setChecked(true);
        QCOMPARE(doc->scene(0).clipSettings().volumeDb, std::optional(0.0));
        QCOMPARE(doc->scene(1).clipSettings().volumeDb, std::optional(0.0));
        QVERIFY(volume->isEnabled());
        volume->setValue(-6);
        QCOMPARE(doc->scene(0).clipSettings().volumeDb, std::optional(-6.0));
        QCOMPARE(doc->scene(1).clipSettings().volumeDb, std::optional(-6.0));
        QVERIFY(!doc->scene(2).clip);
        QCOMPARE(doc->undoStack()->count(), steps + 3);
        const Project reread = Project::fromJson(doc->project().toJson(), "saved", m_dir.path(),
                                                 Project::Strictness::Draft);
        QCOMPARE(reread.scenes[1].clipSettings().volumeDb, std::optional(-6.0));
        QCOMPARE(reread.scenes[1].clipSettings().fit, ClipFit::Freeze);

        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(!doc->scene(0).clipSettings().volumeDb);
        QVERIFY(!doc->scene(1).clipSettings().volumeDb);
        QVERIFY(!sound->isChecked());
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).clipSettings().fit, ClipFit::Loop);
        QCOMPARE(doc->scene(1).clipSettings().fit, ClipFit::Loop);
        QCOMPARE(fit->currentData().toInt(), int(ClipFit::Loop));
        QCOMPARE(doc->undoStack()->count(), steps + 3); // undone, not gone

        // A clip without sound says so.
        window.selectRows({1});
        QTRY_VERIFY(!field<QWidget>(window, "noSoundLabel")->isHidden());
        // A picture scene has no clip controls.
        window.selectRows({2});
        QTRY_VERIFY(controls->isHidden());
    }
};

QTEST_MAIN(TestClipScenes)
#include "tst_clipscenes.moc"
