// The Project tab's backgrounds as a creator meets them: "Add Background…"
// says what it does and imports the part, rate and size chosen; the list's
// tiles keep one shape and their names whatever the clips' shapes.

#include "TestMedia.h"
#include "backgrounds/AddBackgroundDialog.h"
#include "backgrounds/ProjectPanel.h"
#include "document/ProjectDocument.h"
#include "jobs/RenderQueue.h"
#include "scenes/ThumbnailCache.h"
#include "settings/EditorSettings.h"
#include "window/MainWindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace reelsmith;
using namespace reelsmith::editor;

namespace {

const QColor kSecondColours[] = {QColor(220, 30, 30), QColor(30, 200, 40), QColor(30, 40, 220),
                                 QColor(230, 210, 30)};

// A 4 s landscape clip at 24 fps: red, green, blue, yellow, second by second.
void writeSecondsClip(const QString &path)
{
    testmedia::VideoSpec spec = testmedia::colorCycle({320, 180}, 24, 96, {});
    spec.paint = [](QPainter &p, int, double seconds) {
        p.fillRect(p.window(), kSecondColours[std::clamp(int(seconds), 0, 3)]);
    };
    testmedia::writeVideo(path, spec);
}

} // namespace

class TestBackgroundPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clips;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_clips = m_dir.filePath(QStringLiteral("my backgrounds"));
        QVERIFY(QDir().mkpath(m_clips));
        EditorSettings::setUserBackgroundFolder(m_clips);
    }

    // Bug: after an import the tiles once shrank to strips without names
    // until Refresh. The list measured its (uniform) cells on an entry whose
    // thumbnail had not arrived yet. Every cell must hold a whole tile and a
    // line of name from the first layout on, thumbnails or not.
    void tilesKeepOneShapeAndTheirNames()
    {
        testmedia::writeVideo(QDir(m_clips).filePath(QStringLiteral("wide gameplay.mp4")),
                              testmedia::colorCycle({320, 180}, 24, 24, {Qt::green}));
        MainWindow window;
        ProjectPanel *panel = window.projectPanel();
        auto *list = panel->findChild<QListWidget *>(QStringLiteral("backgroundList"));
        QVERIFY(list);
        // The first listing of this window: no thumbnail is made yet when it
        // fills the list (they are asked for then, and arrive later).
        QSignalSpy listed(panel, &ProjectPanel::backgroundsListed);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
        QTRY_VERIFY(!list->findItems(QStringLiteral("wide gameplay"), Qt::MatchExactly).isEmpty());
        const QSize icon = list->iconSize();
        const auto checkCells = [&] {
            QSize cell;
            for (int i = 0; i < list->count(); ++i) {
                const QRect rect = list->visualItemRect(list->item(i));
                if (cell.isEmpty())
                    cell = rect.size();
                if (rect.size() != cell)
                    return QStringLiteral("cells of different sizes");
            }
            if (cell.height() < icon.height() + list->fontMetrics().height() ||
                cell.width() < icon.width())
                return QStringLiteral("a %1x%2 cell for a %3x%4 picture and its name")
                    .arg(cell.width())
                    .arg(cell.height())
                    .arg(icon.width())
                    .arg(icon.height());
            return QString();
        };
        const QString before = checkCells();
        QVERIFY2(before.isEmpty(), qPrintable(before));

        // Once the thumbnails are in, every tile is the icon size exactly and
        // the cells are what they were.
        QListWidgetItem *wide =
            list->findItems(QStringLiteral("wide gameplay"), Qt::MatchExactly).first();
        QTRY_VERIFY_WITH_TIMEOUT(testmedia::near(wide->icon().pixmap(icon).toImage().pixelColor(
                                                     icon.width() / 2, icon.height() / 2),
                                                 Qt::green, 40),
                                 20000);
        for (int i = 0; i < list->count(); ++i)
            QCOMPARE(list->item(i)->icon().availableSizes(), QList<QSize>{icon});
        const QString after = checkCells();
        QVERIFY2(after.isEmpty(), qPrintable(after));
    }

    void dialogOffersTheSegmentRateAndSize()
    {
        const QString clip = m_dir.filePath(QStringLiteral("seconds.mp4"));
        writeSecondsClip(clip);
        AddBackgroundDialog dialog(clip, QSize(1080, 1920));
        QSignalSpy probed(&dialog, &AddBackgroundDialog::probed);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // not before the clip is known
        QVERIFY(probed.wait(20000));
        QVERIFY(dialog.isReady());
        QVERIFY(ok->isEnabled());
        const QString facts = dialog.findChild<QLabel *>(QStringLiteral("clipLabel"))->text();
        QVERIFY2(facts.contains(QStringLiteral("0:04")) &&
                     facts.contains(QStringLiteral("320x180")),
                 qPrintable(facts));
        // Defaults: the whole (short) clip, its own rate, the project's size.
        OptimizeSettings s = dialog.settings();
        QCOMPARE(s.startSeconds, 0.0);
        QCOMPARE(s.maxSeconds, 4.0);
        QCOMPARE(s.encoding.fps, 24);
        QCOMPARE(s.encoding.size(), QSize(1080, 1920));
        QCOMPARE(s.fit, Fit::Cover);

        auto *start = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("startSpin"));
        auto *length = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("lengthSpin"));
        auto *fps = dialog.findChild<QComboBox *>(QStringLiteral("fpsCombo"));
        start->setValue(2.0);
        QCOMPARE(length->maximum(), 2.0); // no more than what is left after the start
        length->setValue(1.0);
        fps->setCurrentIndex(fps->findData(30));
        s = dialog.settings();
        QCOMPARE(s.startSeconds, 2.0);
        QCOMPARE(s.maxSeconds, 1.0);
        QCOMPARE(s.encoding.fps, 30);
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        QVERIFY2(summary.contains(QStringLiteral("1080x1920")) &&
                     summary.contains(QStringLiteral("30 fps")),
                 qPrintable(summary));

        // Imported with that choice: one second of blue, 30 frames of 1080x1920.
        MainWindow window;
        QSignalSpy finished(window.projectPanel(), &ProjectPanel::importFinished);
        window.projectPanel()->importBackground(clip, s);
        QVERIFY(finished.wait(60000));
        const QString made = finished.first().at(0).toString();
        QVERIFY2(!made.isEmpty(), qPrintable(finished.first().at(1).toString()));
        const testmedia::VideoFacts out = testmedia::probe(made);
        QCOMPARE(out.width, 1080);
        QCOMPARE(out.height, 1920);
        QCOMPARE(out.frames, 30);
        const QList<QImage> frames = testmedia::frames(made, {0, 29});
        QCOMPARE(frames.size(), 2);
        for (const QImage &frame : frames)
            QVERIFY2(testmedia::near(testmedia::sample(frame, {540, 960}), kSecondColours[2]),
                     qPrintable(testmedia::describe(testmedia::sample(frame, {540, 960}))));
    }

    void smallProjectsGetASmallCopy()
    {
        const QString clip = m_dir.filePath(QStringLiteral("seconds.mp4"));
        AddBackgroundDialog dialog(clip, QSize(720, 1280));
        QSignalSpy probed(&dialog, &AddBackgroundDialog::probed);
        QVERIFY(probed.wait(20000));
        QCOMPARE(dialog.settings().encoding.size(), QSize(720, 1280));
    }

    void aFileThatIsNoVideoCannotBeAdded()
    {
        QFile junk(m_dir.filePath(QStringLiteral("notes.mp4")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("these are my notes, not a video\n");
        junk.close();
        AddBackgroundDialog dialog(junk.fileName(), QSize(720, 1280));
        QSignalSpy probed(&dialog, &AddBackgroundDialog::probed);
        QVERIFY(probed.wait(20000));
        QVERIFY(!dialog.isReady());
        QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        const QString text = dialog.findChild<QLabel *>(QStringLiteral("clipLabel"))->text();
        QVERIFY2(text.contains(QStringLiteral("cannot be used")) &&
                     text.contains(QStringLiteral("notes.mp4")),
                 qPrintable(text));
    }

    // "Use a Picture…": the project's background becomes the picture (one
    // undo step); a file that is no picture is refused, named, and changes
    // nothing.
    void aPictureCanBeTheBackground()
    {
        const QString picture = m_dir.filePath(QStringLiteral("sunset.png"));
        QVERIFY(testmedia::solid({320, 180}, QColor(250, 120, 20)).save(picture, "PNG"));
        MainWindow window;
        ProjectPanel *panel = window.projectPanel();
        ProjectDocument *doc = window.document();
        const QString before = doc->project().background;
        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("pictureButton")));

        QCOMPARE(panel->usePicture(picture), QString());
        QCOMPARE(doc->project().background, QFileInfo(picture).absoluteFilePath());
        doc->undoStack()->undo();
        QCOMPARE(doc->project().background, before);

        QFile junk(m_dir.filePath(QStringLiteral("notes.png")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("these are my notes, not a picture\n");
        junk.close();
        const int steps = doc->undoStack()->count();
        const QString problem = panel->usePicture(junk.fileName());
        QVERIFY2(problem.contains(QStringLiteral("notes.png")), qPrintable(problem));
        QCOMPARE(doc->project().background, before);
        QCOMPARE(doc->undoStack()->count(), steps);
    }
};

QTEST_MAIN(TestBackgroundPanel)
#include "tst_backgroundpanel.moc"
