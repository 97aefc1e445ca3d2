// Recording a scene's voice in the scene inspector, from real sound: a
// private PulseAudio daemon (started here, killed at the end, in its own
// runtime folder) whose default source "hears" a 440 Hz tone played into a
// null sink. The take is checked as a creator would: where it lands, how
// long it is, what it holds, what the scene's length does, and that undo
// gives the old recording back.
//
// Not module-sine-source: PulseAudio 16's sine source delivers 2 s blocks
// (parec --latency-msec=50 received 2.000 s at once, then nothing for 2 s),
// so a take's length could not be told from a stopwatch better than ±2 s.
// The null sink's monitor, fed by paplay with 20 ms latency, arrives in
// ~50 ms pieces (2.04-2.08 s recorded in 2.06-2.10 s).

#include "TestAudio.h"
#include "TestMedia.h"
#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "narration/VoiceRecorder.h"
#include "window/MainWindow.h"

#include <QAudioDevice>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMediaDevices>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

using namespace reelsmith;
using namespace reelsmith::editor;

class TestRecorder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_pulse;
    QProcess m_player;
    QString m_server;
    QString m_picture;

    template <typename T> static T *child(MainWindow &window, const char *name)
    {
        return window.findChild<T *>(QLatin1String(name));
    }

    // A saved project with one picture, in its own folder.
    QString newProject(MainWindow &window, const QString &folder)
    {
        const QString dir = m_dir.filePath(folder);
        QDir().mkpath(dir);
        window.addPictures({m_picture});
        window.selectRows({0});
        const QString path = QDir(dir).filePath(QStringLiteral("film.reel.json"));
        window.document()->save(path);
        return dir;
    }

    // `pactl` against the private daemon.
    bool pactl(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("pactl"), QStringList{QStringLiteral("-s"), m_server} + args);
        return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit &&
               p.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_picture = testmedia::writeImage(m_dir.filePath(QStringLiteral("red.png")),
                                          testmedia::solid({400, 300}, Qt::red), "PNG");
        QStandardPaths::setTestModeEnabled(true);

        const QString exe = QStandardPaths::findExecutable(QStringLiteral("pulseaudio"));
        if (exe.isEmpty())
            QSKIP("pulseaudio is not installed (Debian package pulseaudio, listed in "
                  "scripts/packages): there is no sound source to record from");
        const QString paplay = QStandardPaths::findExecutable(QStringLiteral("paplay"));
        if (paplay.isEmpty())
            QSKIP("paplay is not installed (Debian package pulseaudio-utils, listed in "
                  "scripts/packages): nothing can play the tone that is recorded");
        // Everything the daemon keeps lives in the temporary folder.
        const QDir dir(m_dir.path());
        for (const char *sub : {"rt", "home", "config"})
            QVERIFY(dir.mkpath(QLatin1String(sub)));
        const QString socket = dir.filePath(QStringLiteral("native"));
        QFile script(dir.filePath(QStringLiteral("test.pa")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        // The socket last: once it exists, the sources do too.
        // Qt lists no monitor sources: the monitor is remapped into a
        // source of its own, the one microphone there is.
        script.write(QStringLiteral("load-module module-null-sink sink_name=speaker\n"
                                    "load-module module-remap-source master=speaker.monitor "
                                    "source_name=mic\n"
                                    "set-default-source mic\n"
                                    "load-module module-native-protocol-unix auth-anonymous=1 "
                                    "socket=%1\n")
                         .arg(socket)
                         .toUtf8());
        script.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("rt")));
        env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        m_pulse.setProcessEnvironment(env);
        // If this test dies, the daemon dies with it.
        m_pulse.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_pulse.setProcessChannelMode(QProcess::MergedChannels);
        m_pulse.start(exe, {QStringLiteral("-n"), QStringLiteral("--daemonize=no"),
                            QStringLiteral("--exit-idle-time=-1"),
                            QStringLiteral("--use-pid-file=no"), QStringLiteral("-F"),
                            script.fileName(), QStringLiteral("--log-target=stderr")});
        if (!m_pulse.waitForStarted(10000))
            QSKIP(qPrintable(QStringLiteral("pulseaudio cannot be started: ") +
                             m_pulse.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket) || m_pulse.state() != QProcess::Running,
                                 10000);
        if (m_pulse.state() != QProcess::Running)
            QSKIP(qPrintable(QStringLiteral("pulseaudio exited at start: ") +
                             QString::fromLocal8Bit(m_pulse.readAll())));

        // This process talks to that daemon only, and never spawns another.
        m_server = QStringLiteral("unix:") + socket;
        qputenv("PULSE_SERVER", m_server.toLocal8Bit());
        const QString clientConf = dir.filePath(QStringLiteral("client.conf"));
        QFile conf(clientConf);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("autospawn = no\n");
        conf.close();
        qputenv("PULSE_CLIENTCONFIG", clientConf.toLocal8Bit());

        // The tone, played for longer than the test can take.
        const QString tone = dir.filePath(QStringLiteral("tone.wav"));
        testmedia::writeTone(tone, 120, 48000, 1, 440);
        m_player.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_player.setProcessChannelMode(QProcess::MergedChannels);
        m_player.start(paplay, {QStringLiteral("--latency-msec=20"), QStringLiteral("-d"),
                                QStringLiteral("speaker"), tone});
        QVERIFY2(m_player.waitForStarted(10000), qPrintable(m_player.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            QMediaDevices::defaultAudioInput().description().contains(QStringLiteral("Remapped")),
            10000);
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_player, &m_pulse}) {
            if (p->state() == QProcess::NotRunning)
                continue;
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
            p->waitForFinished(5000);
        }
    }

    void aTakeReplacesTheRecordingAndUndoBringsItBack()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        const QString folder = newProject(window, QStringLiteral("film"));

        // The scene already has a recording (300 Hz, 2.5 s) and follows it.
        const QString old = QDir(folder).filePath(QStringLiteral("old.wav"));
        testmedia::writeTone(old, 2.5, 48000, 1, 300);
        Scene scene = doc->scene(0);
        scene.voiceFile = old;
        scene.autoDuration = true;
        doc->undoStack()->push(
            new EditSceneCommand(doc, 0, scene, EditSceneCommand::Field::VoiceFile));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(doc->scene(0).duration - 2.75) < 0.01, 20000);

        // A file already where the first take would go: it must survive.
        const QString voiceDir = QDir(folder).filePath(QStringLiteral("voice"));
        QVERIFY(QDir().mkpath(voiceDir));
        const QString occupied = QDir(voiceDir).filePath(QStringLiteral("scene-1-take-1.wav"));
        {
            QFile file(occupied);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("an earlier take");
        }

        auto *record = child<QPushButton>(window, "recordButton");
        auto *meter = child<QProgressBar>(window, "levelMeter");
        auto *status = child<QLabel>(window, "recordStatusLabel");
        auto *recorder = window.findChild<VoiceRecorder *>();
        QVERIFY2(record && meter && status && recorder, "the inspector has a Record button");
        QVERIFY(record->isEnabled());
        QVERIFY(meter->isHidden());

        QElapsedTimer wall;
        connect(recorder, &VoiceRecorder::recordingStarted, this, [&wall] { wall.start(); });
        QSignalSpy countdown(recorder, &VoiceRecorder::countdown);
        const int steps = doc->undoStack()->count();
        record->click();
        QCOMPARE(recorder->state(), VoiceRecorder::State::CountingDown);
        QVERIFY2(status->text().contains(QLatin1Char('3')), qPrintable(status->text()));
        QCOMPARE(record->text().remove(QLatin1Char('&')), QStringLiteral("Stop"));
        QVERIFY(!meter->isHidden());
        QTRY_COMPARE_WITH_TIMEOUT(recorder->state(), VoiceRecorder::State::Recording, 10000);
        QCOMPARE(countdown.count(), 3);
        QCOMPARE(countdown.at(0).at(0).toInt(), 3);
        QCOMPARE(countdown.at(2).at(0).toInt(), 1);

        QTRY_VERIFY_WITH_TIMEOUT(recorder->recordedSeconds() >= 1.5, 10000);
        // The tone peaks at about -6 dBFS: the meter shows it.
        QVERIFY2(meter->value() > 40, qPrintable(QString::number(meter->value())));
        QVERIFY2(status->text().contains(QStringLiteral("scene 1")), qPrintable(status->text()));
        record->click();
        const double expected = double(wall.elapsed()) / 1000;
        QCOMPARE(recorder->state(), VoiceRecorder::State::Idle);
        QCOMPARE(record->text().remove(QLatin1Char('&')), QStringLiteral("Record"));
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        const QString take = doc->scene(0).voiceFile;
        QCOMPARE(QFileInfo(take).absolutePath(), QFileInfo(voiceDir).absoluteFilePath());
        QCOMPARE(QFileInfo(take).fileName(), QStringLiteral("scene-1-take-2.wav"));
        {
            QFile file(occupied);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray("an earlier take"));
        }

        const testaudio::Stereo sound = testaudio::decode(take);
        const double seconds = double(sound.size()) / testaudio::kRate;
        qInfo("recorded %.3f s, %.3f s between start and Stop", seconds, expected);
        QVERIFY2(std::abs(seconds - expected) <= 0.3,
                 qPrintable(QStringLiteral("%1 s recorded in %2 s").arg(seconds).arg(expected)));
        for (const double at : {0.3, seconds / 2, seconds - 0.3}) {
            const double tone = testaudio::bandAt(sound, at, 440);
            QVERIFY2(tone > -30,
                     qPrintable(QStringLiteral("440 Hz at %1 s: %2 dB").arg(at).arg(tone)));
            QVERIFY(tone > testaudio::bandAt(sound, at, 300) + 20); // not the old take
        }

        // The scene now lasts as long as the take.
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(doc->scene(0).duration - (seconds + 0.25)) < 0.02, 20000);

        // Undo: the old recording and its length are back; both files stay.
        doc->undoStack()->undo();
        QCOMPARE(doc->scene(0).voiceFile, old);
        QVERIFY(QFileInfo::exists(old));
        QVERIFY(QFileInfo::exists(take));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(doc->scene(0).duration - 2.75) < 0.01, 20000);
        doc->undoStack()->redo();
        QCOMPARE(doc->scene(0).voiceFile, take);

        // Saved beside the project, as a relative path.
        doc->save(doc->filePath());
        QFile saved(doc->filePath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject json =
            QJsonDocument::fromJson(saved.readAll()).object()["scenes"].toArray()[0].toObject();
        QCOMPARE(json["voice_file"].toString(), QStringLiteral("voice/scene-1-take-2.wav"));
    }

    void stopDuringTheCountdownRecordsNothing()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        const QString folder = newProject(window, QStringLiteral("cancelled"));
        auto *record = child<QPushButton>(window, "recordButton");
        QVERIFY(record);
        const int steps = doc->undoStack()->count();
        record->click();
        auto *recorder = window.findChild<VoiceRecorder *>();
        QCOMPARE(recorder->state(), VoiceRecorder::State::CountingDown);
        record->click();
        QCOMPARE(recorder->state(), VoiceRecorder::State::Idle);
        QCOMPARE(doc->undoStack()->count(), steps);
        QVERIFY(doc->scene(0).voiceFile.isEmpty());
        QCOMPARE(QDir(QDir(folder).filePath(QStringLiteral("voice")))
                     .entryList(QDir::Files | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void anUnsavedProjectRecordsIntoTheUsersData()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        window.addPictures({m_picture});
        window.selectRows({0});
        QVERIFY(doc->isUntitled());
        auto *recorder = window.findChild<VoiceRecorder *>();
        QVERIFY(recorder);
        recorder->setCountdownSeconds(0);
        child<QPushButton>(window, "recordButton")->click();
        QCOMPARE(recorder->state(), VoiceRecorder::State::Recording);
        QTRY_VERIFY_WITH_TIMEOUT(recorder->recordedSeconds() >= 0.3, 10000);
        child<QPushButton>(window, "recordButton")->click();

        const QString take = doc->scene(0).voiceFile;
        const QString folder =
            QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                .filePath(QStringLiteral("recordings"));
        QCOMPARE(QFileInfo(take).absolutePath(), QFileInfo(folder).absoluteFilePath());
        QVERIFY(QFileInfo(take).size() > 44);
        // The creator is told where the take went.
        auto *status = child<QLabel>(window, "recordStatusLabel");
        QVERIFY2(status->text().contains(QDir::toNativeSeparators(QFileInfo(take).absolutePath())),
                 qPrintable(status->text()));
        QFile::remove(take);
    }

    void aVoiceFolderThatCannotBeMadeIsReported()
    {
        MainWindow window;
        ProjectDocument *doc = window.document();
        const QString folder = newProject(window, QStringLiteral("blocked"));
        // A file where the folder should be.
        const QString voice = QDir(folder).filePath(QStringLiteral("voice"));
        {
            QFile file(voice);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const int steps = doc->undoStack()->count();
        child<QPushButton>(window, "recordButton")->click();
        auto *status = child<QLabel>(window, "recordStatusLabel");
        QVERIFY(!status->isHidden());
        QVERIFY2(status->text().contains(QDir::toNativeSeparators(voice)),
                 qPrintable(status->text()));
        QCOMPARE(window.findChild<VoiceRecorder *>()->state(), VoiceRecorder::State::Idle);
        QCOMPARE(doc->undoStack()->count(), steps);
        QVERIFY(doc->scene(0).voiceFile.isEmpty());
    }

    // Last: it takes the daemon's sources away.
    void noSoundInputIsReported()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pactl")).isEmpty())
            QSKIP("pactl is not installed (Debian package pulseaudio-utils, listed in "
                  "scripts/packages): the sources cannot be removed");
        QVERIFY(pactl({QStringLiteral("unload-module"), QStringLiteral("module-remap-source")}));
        QTRY_VERIFY_WITH_TIMEOUT(QMediaDevices::audioInputs().isEmpty(), 10000);

        MainWindow window;
        ProjectDocument *doc = window.document();
        newProject(window, QStringLiteral("silent"));
        const int steps = doc->undoStack()->count();
        child<QPushButton>(window, "recordButton")->click();
        auto *status = child<QLabel>(window, "recordStatusLabel");
        QVERIFY(!status->isHidden());
        QVERIFY2(status->text().contains(QStringLiteral("No microphone")),
                 qPrintable(status->text()));
        QCOMPARE(window.findChild<VoiceRecorder *>()->state(), VoiceRecorder::State::Idle);
        QCOMPARE(doc->undoStack()->count(), steps);
        QVERIFY(doc->scene(0).voiceFile.isEmpty());
    }
};

QTEST_MAIN(TestRecorder)
#include "tst_recorder.moc"
