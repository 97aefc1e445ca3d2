// The caption style panels (the project's default in the Project tab, "this
// scene only" in the scene inspector), caption timing imported from SRT/VTT
// and File > Export Subtitles, driven through the real window offscreen.

#include "TestMedia.h"
#include "captions/CaptionPresets.h"
#include "captions/CaptionStylePanel.h"
#include "captions/ExportSubtitlesAction.h"
#include "captions/SubtitleFile.h"
#include "document/ProjectDocument.h"
#include "narration/NarrationCache.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewWidget.h"
#include "window/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace reelsmith;
using namespace reelsmith::editor;

namespace {

constexpr int kWait = 20000;

Scene card(const QString &caption, double seconds, const QString &media = {})
{
    Scene s;
    s.media = media;
    s.duration = seconds;
    s.caption = caption;
    s.layout = Layout::Fill;
    return s;
}

bool isGreen(QRgb px)
{
    return qGreen(px) > 180 && qRed(px) < 90 && qBlue(px) < 90;
}

// Green pixels in the band [top, bottom) of the preview's frame (fractions).
int greenIn(PreviewWidget *preview, double top, double bottom)
{
    const QImage image = preview->grab().toImage();
    const QRect frame = preview->frameRect();
    int count = 0;
    for (int y = frame.top() + int(top * frame.height());
         y < frame.top() + int(bottom * frame.height()); ++y)
        for (int x = frame.left(); x <= frame.right(); ++x)
            if (image.valid(x, y) && isGreen(image.pixel(x, y)))
                ++count;
    return count;
}

QJsonObject savedJson(ProjectDocument *doc, const QString &path)
{
    return QJsonDocument::fromJson(doc->serialized(path)).object();
}

} // namespace

class TestCaptionPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_red;

    void setUp(MainWindow &window, const QList<Scene> &scenes)
    {
        Project project;
        project.scenes = scenes;
        window.document()->adopt(project, QString(), false);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectRows({0});
    }

    static CaptionStylePanel *panel(MainWindow &window, const char *name)
    {
        auto *found = window.findChild<CaptionStylePanel *>(QString::fromLatin1(name));
        Q_ASSERT(found);
        found->setExpanded(true);
        return found;
    }

    template <typename Widget> static Widget *part(QWidget *panel, const char *name)
    {
        auto *found = panel->findChild<Widget *>(QString::fromLatin1(name));
        Q_ASSERT(found);
        return found;
    }

    static void choosePreset(CaptionStylePanel *panel, int preset)
    {
        auto *combo = part<QComboBox>(panel, "presetCombo");
        const int item = combo->findData(preset);
        QVERIFY(item >= 0);
        combo->setCurrentIndex(item);
        emit combo->activated(item);
    }

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_red = testmedia::writeImage(m_dir.filePath(QStringLiteral("red.png")),
                                      testmedia::solid({90, 160}, Qt::red), "PNG");
    }

    void presetSetsProjectStyle_data()
    {
        QTest::addColumn<int>("preset");
        for (int i = 0; i < captionPresets().size(); ++i)
            QTest::newRow(captionPresets().at(i).name) << i;
    }

    // A preset is one step that writes its keys into the project's
    // `captions`; undo takes them all back, and the panel shows it.
    void presetSetsProjectStyle()
    {
        QFETCH(int, preset);
        MainWindow window;
        setUp(window, {card(QStringLiteral("Hello"), 2)});
        ProjectDocument *doc = window.document();
        CaptionStylePanel *project = panel(window, "projectCaptionStyle");
        // Start from a look no preset has, so that every preset changes it.
        auto *size = part<QDoubleSpinBox>(project, "sizeSpin");
        size->setValue(20);
        QCOMPARE(doc->project().captions.size, std::optional<double>(20));
        const CaptionStyleOverride before = doc->project().captions;
        const int steps = doc->undoStack()->count();

        choosePreset(project, preset);
        const CaptionPreset &chosen = captionPresets().at(preset);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->project().captions, withPreset(before, chosen.style));
        QVERIFY(chosen.matches(project->shownStyle()));
        QCOMPARE(part<QComboBox>(project, "presetCombo")->currentData().toInt(), preset);
        // Saved as the project's style keys.
        const QJsonObject captions = savedJson(doc, m_dir.filePath(QStringLiteral("p.reel.json")))
                                         .value(QStringLiteral("captions"))
                                         .toObject();
        QCOMPARE(captions.value(QStringLiteral("mode")).toString(),
                 captionModeName(*chosen.style.mode));
        QCOMPARE(captions.value(QStringLiteral("size")).toDouble(), *chosen.style.size);
        QCOMPARE(captions.value(QStringLiteral("uppercase")).toBool(), *chosen.style.uppercase);
        // No scene got a style of its own.
        QVERIFY(doc->scene(0).captions.isEmpty());

        doc->undoStack()->undo();
        QCOMPARE(doc->project().captions, before);
        QCOMPARE(part<QDoubleSpinBox>(project, "sizeSpin")->value(), 20.0);
        QCOMPARE(part<QComboBox>(project, "presetCombo")->currentData().toInt(), -1);
        doc->undoStack()->redo();
        QCOMPARE(doc->project().captions, withPreset(before, chosen.style));
    }

    // "This scene only" edits every selected scene in one step; "use the
    // project's style" forgets their own styles, also in one step.
    void sceneStyleThenProjectStyle()
    {
        MainWindow window;
        setUp(window, {card(QStringLiteral("One"), 2), card(QStringLiteral("Two"), 2),
                       card(QStringLiteral("Three"), 2)});
        ProjectDocument *doc = window.document();
        window.selectRows({0, 2});
        CaptionStylePanel *scene = panel(window, "sceneCaptionStyle");
        scene->setColorChooser([](const QColor &, const QString &) { return QColor(0, 255, 0); });
        auto *useProject = part<QPushButton>(scene, "useProjectButton");
        QVERIFY(!useProject->isEnabled());
        const int steps = doc->undoStack()->count();

        part<QToolButton>(scene, "highlightColorButton")->click();
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        for (int row : {0, 2})
            QCOMPARE(doc->scene(row).captions.highlight, std::optional(QColor(0, 255, 0)));
        QVERIFY(doc->scene(1).captions.isEmpty());
        QVERIFY(doc->project().captions.isEmpty());
        QCOMPARE(doc->project().captionStyleOf(2).highlight, QColor(0, 255, 0));
        QCOMPARE(doc->project().captionStyleOf(1).highlight, CaptionStyle().highlight);
        // Saved as the scenes' own `captions`.
        const QJsonArray scenes = savedJson(doc, m_dir.filePath(QStringLiteral("s.reel.json")))
                                      .value(QStringLiteral("scenes"))
                                      .toArray();
        QCOMPARE(scenes.at(2)
                     .toObject()
                     .value(QStringLiteral("captions"))
                     .toObject()
                     .value(QStringLiteral("highlight"))
                     .toString(),
                 QStringLiteral("#00FF00"));
        QVERIFY(!scenes.at(1).toObject().contains(QStringLiteral("captions")));

        // The Big words preset on the same scenes, then back to the project's.
        choosePreset(scene, 3);
        QCOMPARE(doc->scene(0).captions.mode, std::optional(CaptionMode::Words));
        QVERIFY(useProject->isEnabled());
        useProject->click();
        QCOMPARE(doc->undoStack()->count(), steps + 3);
        for (int row : {0, 1, 2})
            QVERIFY(doc->scene(row).captions.isEmpty());
        QVERIFY(!useProject->isEnabled());
        QCOMPARE(scene->shownStyle(), CaptionStyle());

        doc->undoStack()->undo();
        QCOMPARE(doc->scene(2).captions.mode, std::optional(CaptionMode::Words));
        QCOMPARE(doc->scene(2).captions.highlight, captionPresets().at(3).style.highlight);
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(2).captions.mode, std::nullopt);
        QCOMPARE(doc->scene(2).captions.highlight, std::optional(QColor(0, 255, 0)));
        doc->undoStack()->undo();
        for (int row : {0, 1, 2})
            QVERIFY(doc->scene(row).captions.isEmpty());
    }

    // A slider drag is one step, however many values it went through; the
    // next drag is another.
    void sliderDragIsOneStep()
    {
        MainWindow window;
        setUp(window, {card(QStringLiteral("Hello"), 2)});
        ProjectDocument *doc = window.document();
        auto *slider = part<QSlider>(panel(window, "projectCaptionStyle"), "positionSlider");
        const int steps = doc->undoStack()->count();
        for (int drag = 0; drag < 2; ++drag) {
            slider->setSliderDown(true);
            for (int value : {60, 55, 50, 45 - drag})
                slider->setValue(value);
            slider->setSliderDown(false);
        }
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        QCOMPARE(doc->project().captions.position, std::optional(0.44));
        doc->undoStack()->undo();
        QCOMPARE(doc->project().captions.position, std::optional(0.45));
        doc->undoStack()->undo();
        QCOMPARE(doc->project().captions.position, std::nullopt);
        QCOMPARE(slider->value(), 83);
    }

    // The preview shows a change at once: the chosen colour appears where
    // the caption is, and moves with its height.
    void previewShowsTheChange()
    {
        MainWindow window;
        setUp(window, {card(QStringLiteral("HELLO WORLD"), 3, m_red)});
        ProjectDocument *doc = window.document();
        PreviewWidget *preview = window.previewPanel()->preview();
        preview->seek(1.0);
        CaptionStylePanel *project = panel(window, "projectCaptionStyle");
        part<QDoubleSpinBox>(project, "sizeSpin")->setValue(90);
        part<QDoubleSpinBox>(project, "outlineSpin")->setValue(0);
        // The red picture covers the frame: no green before the change.
        QTRY_VERIFY_WITH_TIMEOUT(
            testmedia::near(
                testmedia::sample(preview->grab().toImage(), preview->frameRect().center(), 2),
                QColor(255, 0, 0), 40),
            kWait);
        QCOMPARE(greenIn(preview, 0, 1), 0);

        project->setColorChooser([](const QColor &, const QString &) { return QColor(0, 255, 0); });
        part<QToolButton>(project, "textColorButton")->click();
        QCOMPARE(doc->project().captions.color, std::optional(QColor(0, 255, 0)));
        // Centred at 0.83 of the height by default.
        QTRY_VERIFY_WITH_TIMEOUT(greenIn(preview, 0.7, 0.95) > 200, kWait);
        QCOMPARE(greenIn(preview, 0, 0.5), 0);

        part<QDoubleSpinBox>(project, "positionSpin")->setValue(30);
        QCOMPARE(doc->project().captions.position, std::optional(0.30));
        QTRY_VERIFY_WITH_TIMEOUT(greenIn(preview, 0.15, 0.45) > 200, kWait);
        QCOMPARE(greenIn(preview, 0.5, 1), 0);

        // Undo puts the caption back where it was.
        doc->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(greenIn(preview, 0.7, 0.95) > 200, kWait);
        QCOMPARE(greenIn(preview, 0, 0.5), 0);
    }

    // A good SRT times the scene (kept relative to the project when saved);
    // a bad one says which line is wrong and changes nothing.
    void importTiming()
    {
        MainWindow window;
        setUp(window, {card(QStringLiteral("Hello there"), 3)});
        ProjectDocument *doc = window.document();
        CaptionStylePanel *scene = panel(window, "sceneCaptionStyle");
        const QString good =
            writeFile(QStringLiteral("good.srt"), "1\n00:00:00,000 --> 00:00:01,200\nHello\n\n"
                                                  "2\n00:00:01,200 --> 00:00:02,500\nthere\n");
        const QString bad =
            writeFile(QStringLiteral("bad.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHello\n\n"
                                                 "2\n00:00:01 -> 00:00:02\nthere\n");
        QVERIFY(!good.isEmpty() && !bad.isEmpty());
        QString chosen = good;
        scene->setTimingChooser([&chosen] { return chosen; });
        auto *import = part<QPushButton>(scene, "importTimingButton");
        const int steps = doc->undoStack()->count();

        import->click();
        QCOMPARE(scene->problem(), QString());
        QCOMPARE(doc->scene(0).timing, good);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QVERIFY(part<QLineEdit>(scene, "timingEdit")->text().endsWith(QStringLiteral("good.srt")));
        const QJsonObject saved = savedJson(doc, m_dir.filePath(QStringLiteral("t.reel.json")))
                                      .value(QStringLiteral("scenes"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(saved.value(QStringLiteral("timing")).toString(), QStringLiteral("good.srt"));

        chosen = bad;
        import->click();
        // The parser's own message: the file and the line of the bad timing.
        QVERIFY2(scene->problem().contains(QStringLiteral("bad.srt:6:")),
                 qPrintable(scene->problem()));
        QCOMPARE(doc->scene(0).timing, good);
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).timing, QString());
        doc->undoStack()->redo();
        part<QPushButton>(scene, "clearTimingButton")->click();
        QCOMPARE(doc->scene(0).timing, QString());
        QCOMPARE(doc->undoStack()->count(), steps + 2);
    }

    // A font file is checked before it is used; one that is no font changes
    // nothing.
    void fontFile()
    {
        MainWindow window;
        setUp(window, {card(QStringLiteral("Hello"), 2)});
        ProjectDocument *doc = window.document();
        CaptionStylePanel *project = panel(window, "projectCaptionStyle");
        const QString notFont = writeFile(QStringLiteral("broken.ttf"), "not a font at all");
        project->setFontFileChooser([&notFont] { return notFont; });
        part<QPushButton>(project, "fontFileButton")->click();
        QVERIFY2(project->problem().contains(QStringLiteral("broken.ttf")),
                 qPrintable(project->problem()));
        QCOMPARE(doc->project().captions.font, std::nullopt);

        // A real font, copied beside the project: saved relative to it.
        const QString font = m_dir.filePath(QStringLiteral("fonts/Caption.ttf"));
        QVERIFY(QDir().mkpath(QFileInfo(font).absolutePath()));
        QFile::remove(font);
        QVERIFY(QFile::copy(QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
                            font));
        project->setFontFileChooser([&font] { return font; });
        part<QPushButton>(project, "fontFileButton")->click();
        QCOMPARE(project->problem(), QString());
        QCOMPARE(doc->project().captions.font, std::optional(font));
        QVERIFY(project->shownStyle().fontIsFile());
        QCOMPARE(savedJson(doc, m_dir.filePath(QStringLiteral("f.reel.json")))
                     .value(QStringLiteral("captions"))
                     .toObject()
                     .value(QStringLiteral("font"))
                     .toString(),
                 QStringLiteral("fonts/Caption.ttf"));
    }

    void exportSubtitles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("srt") << QStringLiteral("out.srt") << QString();
        QTest::newRow("vtt") << QStringLiteral("out.vtt") << QString();
        QTest::newRow("other suffix") << QStringLiteral("out.txt") << QStringLiteral("out.txt");
    }

    // File > Export Subtitles writes the captions in the video's time, read
    // back by the engine's parser.
    void exportSubtitles()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        MainWindow window;
        setUp(window, {card(QStringLiteral("First scene"), 2),
                       card(QStringLiteral("Second scene here"), 3)});
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        auto *action =
            window.findChild<ExportSubtitlesAction *>(QStringLiteral("actionExportSubtitles"));
        QVERIFY(action);
        action->setChooser([&path](const QString &) { return path; });
        QSignalSpy finished(action, &ExportSubtitlesAction::finished);
        action->trigger();
        QVERIFY(finished.wait(kWait));
        const QString reported = finished.at(0).at(1).toString();
        if (!error.isEmpty()) {
            QVERIFY2(reported.contains(error), qPrintable(reported));
            QVERIFY(!QFileInfo::exists(path));
            return;
        }
        QCOMPARE(reported, QString());
        const QList<SubtitleCue> cues = readSubtitles(path);
        QCOMPARE(cues.size(), 2);
        QCOMPARE(cues.at(0).text, QStringLiteral("First scene"));
        QCOMPARE(cues.at(0).start, 0.0);
        QCOMPARE(cues.at(1).text, QStringLiteral("Second scene here"));
        // The second scene starts 2 s into the video (24 fps: ±1 frame).
        QVERIFY2(std::abs(cues.at(1).start - 2.0) <= 1.0 / 24,
                 qPrintable(QString::number(cues.at(1).start)));
        QVERIFY(std::abs(cues.at(1).end - 5.0) <= 1.0 / 24);
        // Nothing but the file: no temporary left beside it.
        QCOMPARE(QDir(m_dir.path()).entryList({name + QStringLiteral("*")}, QDir::Files),
                 QStringList{name});
    }

    // A narrated scene whose length follows its voice: the export
    // synthesizes (or reads the cache) on a worker thread, and the WebVTT
    // has the synthesizer's word times.
    void exportNarratedWordTimes()
    {
        MainWindow window;
        Scene narrated;
        narrated.narration = QStringLiteral("Subtitles follow the narrator word by word");
        narrated.autoDuration = true;
        setUp(window, {narrated});
        ProjectDocument *doc = window.document();
        CaptionStylePanel *project = panel(window, "projectCaptionStyle");
        auto *mode = part<QComboBox>(project, "modeCombo");
        emit mode->activated(mode->findData(int(CaptionMode::Karaoke)));
        QCOMPARE(doc->project().captions.mode, std::optional(CaptionMode::Karaoke));

        const QString path = m_dir.filePath(QStringLiteral("narrated.vtt"));
        QFile::remove(path);
        auto *action =
            window.findChild<ExportSubtitlesAction *>(QStringLiteral("actionExportSubtitles"));
        action->setChooser([&path](const QString &) { return path; });
        QSignalSpy finished(action, &ExportSubtitlesAction::finished);
        action->trigger();
        // Back on the UI thread before the file is written; no second run meanwhile.
        QVERIFY(action->isRunning());
        QVERIFY(!action->isEnabled());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(1).toString(), QString());
        QVERIFY(action->isEnabled());

        const Narration spoken =
            NarrationCache::obtain(narrated.narration, doc->project().voiceOf(0));
        QList<SubtitleWord> words;
        for (const SubtitleCue &cue : readSubtitles(path))
            words += cue.words;
        QCOMPARE(words.size(), spoken.words.size());
        for (qsizetype i = 0; i < words.size(); ++i)
            QVERIFY2(std::abs(words.at(i).start - spoken.words.at(i).start) <= 1.0 / 24,
                     qPrintable(QStringLiteral("word %1: %2 s, spoken at %3 s")
                                    .arg(i)
                                    .arg(words.at(i).start)
                                    .arg(spoken.words.at(i).start)));
    }
};

QTEST_MAIN(TestCaptionPanel)
#include "tst_captionpanel.moc"
