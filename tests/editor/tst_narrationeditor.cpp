// Narration in the editor: the scene inspector's narration, voice, speed and
// pitch, "follows the voice" (lengths found off the UI thread, as the render
// finds them), recordings, problems shown where the creator looks, and what
// is saved.

#include "TestMedia.h"
#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "narration/AutoDurations.h"
#include "narration/NarrationCache.h"
#include "narration/Script.h"
#include "narration/ScriptDialog.h"
#include "window/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

class TestNarrationEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_red, m_green;

    template <typename T> static T *child(MainWindow &window, const char *name)
    {
        auto *widget = window.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s in the window", name);
        return widget;
    }

    static AutoDurations *durations(MainWindow &window)
    {
        return window.findChild<AutoDurations *>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_red = testmedia::writeImage(m_dir.filePath(QStringLiteral("red.png")),
                                      testmedia::solid({400, 300}, Qt::red), "PNG");
        m_green = testmedia::writeImage(m_dir.filePath(QStringLiteral("green.png")),
                                        testmedia::solid({400, 300}, Qt::green), "PNG");
    }

    void narrationIsTypedAndUndone()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red, m_green});
        window.selectRows({1});
        auto *narration = child<QPlainTextEdit>(window, "narrationEdit");
        QVERIFY(narration->isEnabled());
        narration->setFocus();
        const int steps = doc->undoStack()->count();
        QTest::keyClicks(narration, QStringLiteral("Hello there"));
        QCOMPARE(doc->scene(1).narration, QStringLiteral("Hello there"));
        QCOMPARE(doc->undoStack()->count(), steps + 1); // typing merges into one step
        // The caption follows the narration until one is typed.
        QCOMPARE(doc->scene(1).shownCaption(), QStringLiteral("Hello there"));
        QCOMPARE(child<QPlainTextEdit>(window, "captionEdit")->toPlainText(), QString());
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(1).narration, QString());
        QCOMPARE(narration->toPlainText(), QString());
    }

    void durationFollowsTheVoice()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red});
        window.selectRows({0});
        auto *follows = child<QCheckBox>(window, "autoDurationCheck");
        QVERIFY(!follows->isEnabled()); // no voice yet: nothing to follow

        const QString text = QStringLiteral("The quick brown fox jumps over the lazy dog.");
        child<QPlainTextEdit>(window, "narrationEdit")->setPlainText(text);
        QVERIFY(follows->isEnabled());
        follows->click();
        QVERIFY(doc->scene(0).autoDuration);
        QVERIFY(!child<QDoubleSpinBox>(window, "durationSpin")->isEnabled());

        // The length arrives from the worker thread: the voice's own + 0.25 s.
        const Narration spoken = NarrationCache::obtain(text, doc->project().voiceOf(0));
        QTRY_COMPARE_WITH_TIMEOUT(doc->scene(0).duration, spoken.seconds + 0.25, 20000);
        QVERIFY(spoken.seconds > 1.5);

        // A slower voice makes a longer scene.
        auto *rate = child<QDoubleSpinBox>(window, "rateSpin");
        rate->setValue(0.5);
        QCOMPARE(doc->scene(0).voice.rate, std::optional<double>(0.5));
        QTRY_VERIFY_WITH_TIMEOUT(doc->scene(0).duration > spoken.seconds * 1.5, 20000);

        // Saved as "auto", with the scene's voice change.
        const QString path = m_dir.filePath(QStringLiteral("auto.reel.json"));
        doc->save(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject scene =
            QJsonDocument::fromJson(file.readAll()).object()["scenes"].toArray()[0].toObject();
        QCOMPARE(scene["duration"].toString(), QStringLiteral("auto"));
        QCOMPARE(scene["narration"].toString(), text);
        QCOMPARE(scene["voice"].toObject()["rate"].toDouble(), 0.5);
    }

    void voiceChoiceAppliesToTheSelection()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red, m_green});
        window.selectRows({0, 1});
        auto *voice = child<QComboBox>(window, "voiceCombo");
        const int ru = voice->findData(QStringLiteral("ru"));
        QVERIFY2(ru > 0, "the Russian voice is offered");
        QVERIFY(voice->findData(QStringLiteral("en-us")) > 0);
        voice->setCurrentIndex(ru);
        emit voice->activated(ru);
        QCOMPARE(doc->scene(0).voice.name, std::optional<QString>(QStringLiteral("ru")));
        QCOMPARE(doc->scene(1).voice.name, std::optional<QString>(QStringLiteral("ru")));
        doc->undoStack()->undo();
        QVERIFY(!doc->scene(0).voice.name && !doc->scene(1).voice.name);
    }

    void anUnknownVoiceIsShownInTheInspector()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red});
        window.selectRows({0});
        Scene scene = doc->scene(0);
        scene.narration = QStringLiteral("Words");
        scene.voice.name = QStringLiteral("no-such-voice");
        scene.autoDuration = true;
        doc->setScene(0, scene);
        auto *problem = child<QLabel>(window, "voiceProblemLabel");
        QTRY_VERIFY_WITH_TIMEOUT(!problem->isHidden(), 20000);
        QVERIFY2(problem->text().contains(QStringLiteral("no-such-voice")),
                 qPrintable(problem->text()));
        QVERIFY2(problem->text().contains(QStringLiteral("scenes[0].voice.name")),
                 qPrintable(problem->text()));
    }

    void aRecordingSetsTheLengthAndCanBeRemoved()
    {
        const QString wav = m_dir.filePath(QStringLiteral("take.wav"));
        testmedia::writeTone(wav, 1.5, 48000, 1, 300);
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_red});
        window.selectRows({0});
        Scene scene = doc->scene(0);
        scene.voiceFile = wav;
        doc->undoStack()->push(
            new EditSceneCommand(doc, 0, scene, EditSceneCommand::Field::VoiceFile));
        QCOMPARE(child<QLineEdit>(window, "voiceFileEdit")->text(), QDir::toNativeSeparators(wav));
        child<QCheckBox>(window, "autoDurationCheck")->click();
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(doc->scene(0).duration - 1.75) < 0.01, 20000);

        auto *remove = child<QPushButton>(window, "removeVoiceButton");
        QVERIFY(remove->isEnabled());
        remove->click();
        QVERIFY(doc->scene(0).voiceFile.isEmpty());
        QVERIFY(!doc->scene(0).autoDuration); // nothing left to follow
        QVERIFY(!remove->isEnabled());
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).voiceFile, wav);
        QVERIFY(doc->scene(0).autoDuration);
    }

    void projectTabSetsMusicVoiceAndLoudness()
    {
        const QString song = m_dir.filePath(QStringLiteral("song.wav"));
        testmedia::writeTone(song, 2.0, 44100, 2, 440);
        MainWindow window;
        ProjectDocument *doc = window.document();
        auto *volume = child<QDoubleSpinBox>(window, "musicVolumeSpin");
        QVERIFY(!volume->isEnabled()); // no music yet

        auto settings = doc->settings();
        settings.music = MusicSettings{song};
        doc->undoStack()->push(new EditSettingsCommand(doc, settings, UndoText{"", "music"}));
        QCOMPARE(child<QLineEdit>(window, "audioEdit")->text(), QDir::toNativeSeparators(song));
        QVERIFY(volume->isEnabled());
        QCOMPARE(volume->value(), MusicSettings{}.volumeDb);
        volume->setValue(-20);
        child<QDoubleSpinBox>(window, "duckSpin")->setValue(-6);
        QCOMPARE(doc->project().music->volumeDb, -20.0);
        QCOMPARE(doc->project().music->duckDb, -6.0);
        doc->undoStack()->undo(); // level and ducking were one "Change music" step
        QCOMPARE(doc->project().music->volumeDb, MusicSettings{}.volumeDb);
        QCOMPARE(volume->value(), MusicSettings{}.volumeDb);

        auto *voice = child<QComboBox>(window, "projectVoiceCombo");
        const int en = voice->findData(QStringLiteral("en-gb"));
        QVERIFY(en > 0);
        voice->setCurrentIndex(en);
        emit voice->activated(en);
        QCOMPARE(doc->project().voice.name, QStringLiteral("en-gb"));

        auto *loudness = child<QCheckBox>(window, "loudnessCheck");
        QVERIFY(loudness->isChecked()); // -14 LUFS by default
        loudness->click();
        QVERIFY(!doc->project().loudnessLufs);
        QVERIFY(!child<QDoubleSpinBox>(window, "loudnessSpin")->isEnabled());
        loudness->click();
        child<QDoubleSpinBox>(window, "loudnessSpin")->setValue(-16);
        QCOMPARE(doc->project().loudnessLufs, std::optional<double>(-16));

        child<QPushButton>(window, "audioClearButton")->click();
        QVERIFY(!doc->project().music);
    }

    void scriptsSplitIntoScenes()
    {
        QCOMPARE(
            splitScript(QStringLiteral("First paragraph,\nstill first.\r\n\r\n  Second.  \n\n\n"),
                        ScriptSplit::Paragraphs),
            (QStringList{QStringLiteral("First paragraph, still first."),
                         QStringLiteral("Second.")}));
        QCOMPARE(splitScript(QStringLiteral("It costs 3.5 dollars, e.g. this one. \"Really?\" "
                                            "Yes! Звёзды видно днём. Правда?"),
                             ScriptSplit::Sentences),
                 (QStringList{QStringLiteral("It costs 3.5 dollars, e.g. this one."),
                              QStringLiteral("\"Really?\""), QStringLiteral("Yes!"),
                              QStringLiteral("Звёзды видно днём."), QStringLiteral("Правда?")}));
        QVERIFY(splitScript(QStringLiteral(" \n\n \t"), ScriptSplit::Paragraphs).isEmpty());
        // A paragraph over the narration limit is cut at sentences, every piece speakable.
        QString huge;
        while (huge.size() < 12000)
            huge += QStringLiteral("This sentence is one of many in a very long paragraph. ");
        const QStringList pieces = splitScript(huge, ScriptSplit::Paragraphs);
        QVERIFY(pieces.size() >= 3);
        for (const QString &piece : pieces) {
            QVERIFY(piece.size() <= Scene::kMaxNarrationCharacters);
            QVERIFY(piece.endsWith(QLatin1Char('.')));
        }
        QCOMPARE(pieces.join(QLatin1Char(' ')), huge.simplified());
    }

    void newFromScriptMakesNarratedTextCards()
    {
        ScriptDialog dialog;
        dialog.setText(QStringLiteral("One. Two.\n\nThree."));
        auto *count = dialog.findChild<QLabel *>(QStringLiteral("countLabel"));
        QCOMPARE(dialog.narrations().size(), 2);
        QVERIFY(count->text().contains(QLatin1Char('2')));
        dialog.findChild<QRadioButton *>(QStringLiteral("sentencesRadio"))->setChecked(true);
        QCOMPARE(dialog.narrations(), (QStringList{QStringLiteral("One."), QStringLiteral("Two."),
                                                   QStringLiteral("Three.")}));

        MainWindow window;
        ProjectDocument *doc = window.document();
        QVERIFY(window.newFromScript(dialog.narrations()));
        QCOMPARE(doc->sceneCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(doc->scene(i).media.isEmpty()); // a text card until a picture is dropped
            QVERIFY(doc->scene(i).autoDuration);
        }
        QCOMPARE(doc->scene(2).narration, QStringLiteral("Three."));
        QCOMPARE(window.selectedRows(), (QList<int>{0, 1, 2}));
        // Every scene gets its voice's length, found off the UI thread.
        QTRY_VERIFY_WITH_TIMEOUT(durations(window)->isIdle() && doc->scene(0).duration > 0.25 &&
                                     doc->scene(2).duration > 0.25,
                                 20000);
        QVERIFY(doc->project().durationsResolved());
        QVERIFY(doc->project().validationError().isEmpty());
    }
};

QTEST_MAIN(TestNarrationEditor)
#include "tst_narrationeditor.moc"
