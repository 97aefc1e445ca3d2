// Drives the built reelsmith-cli executable the way a user or a script would:
// arguments in, exit status, stdout, stderr and files out, as reelsmith-cli(1)
// (packaging/reelsmith-cli.1) and docs/project-format.md describe them.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "core/OutputSettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <climits>
#include <csignal>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>

using namespace testcli;
using namespace testmedia;

namespace {

const QColor kRed(220, 30, 30);
const QColor kYellow(230, 220, 30);
const QColor kBlue(30, 40, 220);
const QColor kGreen(30, 200, 40);

// Everything in `folder`, hidden files included.
QStringList everything(const QString &folder)
{
    return QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray procFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Whether /proc/PID/status lists a handler for `signalNumber` (SigCgt, a hex mask).
bool catchesSignal(const QString &proc, int signalNumber)
{
    for (const QByteArray &line : procFile(proc + QStringLiteral("status")).split('\n')) {
        if (line.startsWith("SigCgt:"))
            return (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (signalNumber - 1)) & 1;
    }
    return false;
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_proj; // fixture folder: pictures, clips, projects
    int m_runs = 0;

    QString proj(const QString &name) const { return QDir(m_proj).filePath(name); }

    // A fresh, empty folder for one run's output.
    QString freshFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("runs/%1").arg(++m_runs));
        QDir().mkpath(folder);
        return folder;
    }

    // Runs the CLI in `workingDir` (default: the test's folder), with user
    // backgrounds and settings kept in the test's folder.
    CliRun run(const QStringList &args, const QString &workingDir = QString()) const
    {
        return runCli(args, workingDir.isEmpty() ? m_dir.path() : workingDir,
                      privateUserFolders(m_dir.path()));
    }

    void setUp(QProcess &process, const QStringList &args, const QString &workingDir) const
    {
        prepareCli(process, args, workingDir.isEmpty() ? m_dir.path() : workingDir,
                   privateUserFolders(m_dir.path()));
    }

    // Replaces {out} in the arguments with `out` and {dir} with its folder.
    static QStringList withOutput(QStringList args, const QString &out)
    {
        for (QString &a : args) {
            a.replace(QStringLiteral("{out}"), out);
            a.replace(QStringLiteral("{dir}"), QFileInfo(out).absolutePath());
        }
        return args;
    }

    // The failing runs, shared by failuresExitTwo and failedRunKeepsExistingOutput.
    // `outputFolderExists`: the -o path's folder exists. `hasOutput`: the
    // arguments name an output ({out}).
    void addFailureRows(bool onlyWithExistingOutputFolder)
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");
        QTest::addColumn<bool>("outputFolderExists");
        QTest::addColumn<bool>("hasOutput");

        const QString good = proj(QStringLiteral("good.reel.json"));
        const QString o = QStringLiteral("-o");
        const QString out = QStringLiteral("{out}");
        auto render = [&](const QString &projectFile, const QStringList &extra = {}) {
            return QStringList{QStringLiteral("render"), projectFile, o, out} + extra;
        };
        auto row = [&](const char *tag, const QStringList &args, const QStringList &mentions,
                       bool folderExists = true, bool hasOutput = true) {
            if (onlyWithExistingOutputFolder && (!folderExists || !hasOutput))
                return;
            QTest::newRow(tag) << args << mentions << folderExists << hasOutput;
        };

        row("missing project", render(proj(QStringLiteral("absent.reel.json"))),
            {QStringLiteral("absent.reel.json")});
        row("invalid JSON", render(proj(QStringLiteral("invalid.reel.json"))),
            {QStringLiteral("invalid.reel.json")});
        row("empty project file", render(proj(QStringLiteral("empty.reel.json"))),
            {QStringLiteral("empty.reel.json")});
        row("negative duration", render(proj(QStringLiteral("negative.reel.json"))),
            {QStringLiteral("scenes[0].duration")});
        row("missing picture", render(proj(QStringLiteral("missingpic.reel.json"))),
            {QStringLiteral("scenes[1].image"), QStringLiteral("gone.jpg")});
        row("corrupt picture", render(proj(QStringLiteral("corruptpic.reel.json"))),
            {QStringLiteral("scenes[0].image"), QStringLiteral("corrupt.jpg")});
        row("missing background", render(proj(QStringLiteral("nobg.reel.json"))),
            {QStringLiteral("background"), QStringLiteral("no-such-clip.mp4")});
        row("audio file as background", render(proj(QStringLiteral("audiobg.reel.json"))),
            {QStringLiteral("background"), QStringLiteral("tone.wav")});
        row("garbage background", render(proj(QStringLiteral("garbagebg.reel.json"))),
            {QStringLiteral("background"), QStringLiteral("garbage.mp4")});
        row("--fps 0", render(good, {QStringLiteral("--fps"), QStringLiteral("0")}),
            {QStringLiteral("--fps")});
        row("--fps abc", render(good, {QStringLiteral("--fps"), QStringLiteral("abc")}),
            {QStringLiteral("--fps"), QStringLiteral("abc")});
        row("--fps 121", render(good, {QStringLiteral("--fps"), QStringLiteral("121")}),
            {QStringLiteral("--fps")});
        row("--width 721",
            render(good, {QStringLiteral("--width"), QStringLiteral("721"),
                          QStringLiteral("--height"), QStringLiteral("1280")}),
            {QStringLiteral("--width")});
        row("--height 8", render(good, {QStringLiteral("--height"), QStringLiteral("8")}),
            {QStringLiteral("--height")});
        row("--crf 52", render(good, {QStringLiteral("--crf"), QStringLiteral("52")}),
            {QStringLiteral("--crf")});
        row("--preset turbo", render(good, {QStringLiteral("--preset"), QStringLiteral("turbo")}),
            {QStringLiteral("--preset"), QStringLiteral("turbo")});
        row("--threads 99", render(good, {QStringLiteral("--threads"), QStringLiteral("99")}),
            {QStringLiteral("--threads")});
        row("unknown option", render(good, {QStringLiteral("--frobnicate")}),
            {QStringLiteral("frobnicate")});
        row("output folder missing",
            {QStringLiteral("render"), good, o, QStringLiteral("{dir}/no such folder/out.mp4")},
            {QStringLiteral("no such folder")}, false);
        row("unknown verb", {QStringLiteral("frobnicate"), good, o, out},
            {QStringLiteral("frobnicate")});
        row("missing -o", {QStringLiteral("render"), good}, {QStringLiteral("-o")}, true, false);
        row("no project", {QStringLiteral("render"), o, out}, {QStringLiteral("project")});
    }

    // A failed run: exit 2, stdout empty, exactly one "error: " line naming the problem.
    static void verifyBadInputFailure(const CliRun &r, const QStringList &mentions)
    {
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 2, qPrintable(QStringLiteral("expected exit 2; ") + r.describe()));
        QVERIFY2(r.out.isEmpty(),
                 qPrintable(QStringLiteral("stdout must stay empty; ") + r.describe()));
        const QStringList lines = r.errLines();
        QStringList errors, others;
        for (const QString &line : lines)
            (line.startsWith(QStringLiteral("error: ")) ? errors : others) << line;
        QVERIFY2(
            errors.size() == 1,
            qPrintable(QStringLiteral("expected exactly one 'error: ' line; ") + r.describe()));
        for (const QString &line : std::as_const(others))
            QVERIFY2(line.startsWith(QStringLiteral("warning: ")),
                     qPrintable(QStringLiteral("unexpected stderr line \"%1\"; ").arg(line) +
                                r.describe()));
        QVERIFY2(lines.last() == errors.first(),
                 qPrintable(QStringLiteral("the error line should come last; ") + r.describe()));
        for (const QString &m : mentions)
            QVERIFY2(
                errors.first().contains(m),
                qPrintable(
                    QStringLiteral("error line should mention \"%1\": %2").arg(m, errors.first())));
    }

    // A finished render: exit 0, nothing on stdout, summary last on stderr.
    static void verifyRenderSucceeded(const CliRun &r, const QString &out)
    {
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(),
                 qPrintable(QStringLiteral("stdout must stay empty; ") + r.describe()));
        QVERIFY2(QFileInfo(out).isFile(), qPrintable(QStringLiteral("no output at ") + out));
        const QStringList lines = r.errLines();
        QVERIFY2(!lines.isEmpty() && r.err.endsWith('\n'),
                 qPrintable(QStringLiteral("expected a summary line; ") + r.describe()));
        const QString summary = lines.last();
        static const QRegularExpression rss(QStringLiteral("peak RSS: (\\d+) MB"));
        const QRegularExpressionMatch m = rss.match(summary);
        QVERIFY2(m.hasMatch(),
                 qPrintable(QStringLiteral("last stderr line lacks 'peak RSS: N MB': ") + summary));
        QVERIFY2(summary.contains(out) || summary.contains(QFileInfo(out).absoluteFilePath()),
                 qPrintable(QStringLiteral("summary should name %1: %2").arg(out, summary)));
        // Small renders are ordinary projects, which stay well under 100 MB
        // (not under a sanitizer: ASan's shadow memory and quarantine alone exceed it).
        const int limitMb = REELSMITH_SANITIZED ? INT_MAX : 100;
        QVERIFY2(m.captured(1).toInt() > 0 && m.captured(1).toInt() < limitMb, qPrintable(summary));
        for (const QString &line : lines)
            QVERIFY2(!line.startsWith(QStringLiteral("error")), qPrintable(r.describe()));
    }

    static void verifyVideo(const QString &out, int width, int height, int frames)
    {
        const VideoFacts facts = probe(out);
        QCOMPARE(facts.codec, QStringLiteral("h264"));
        QCOMPARE(facts.pixelFormat, QStringLiteral("yuv420p"));
        QCOMPARE(facts.width, width);
        QCOMPARE(facts.height, height);
        QCOMPARE(facts.frames, frames);
        QCOMPARE(facts.audioStreams, 0);
        QVERIFY(facts.faststart);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString cliProblem = testcli::cliProblem();
        if (!cliProblem.isEmpty())
            QFAIL(qPrintable(cliProblem));
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        m_proj = m_dir.filePath(QStringLiteral("proj"));
        QVERIFY(QDir().mkpath(m_proj));

        writeImage(proj(QStringLiteral("blue.png")), solid({400, 300}, kBlue), "PNG");
        writeImage(proj(QStringLiteral("green.jpg")), solid({300, 500}, kGreen), "JPEG");
        // One second: six red frames then six yellow at 12 fps.
        VideoSpec halves = colorCycle({96, 160}, 12, 12, {});
        halves.paint = [](QPainter &p, int i, double) {
            p.fillRect(p.window(), i < 6 ? kRed : kYellow);
        };
        writeVideo(proj(QStringLiteral("bg.mp4")), halves);
        QVERIFY(writeFile(proj(QStringLiteral("corrupt.jpg")), randomBytes(20000, 1)));
        QVERIFY(writeFile(proj(QStringLiteral("garbage.mp4")), randomBytes(200000, 2)));

        const QJsonArray twoScenes{
            sceneJson(QStringLiteral("blue.png"), 1.0),
            sceneJson(QStringLiteral("green.jpg"), 0.5, QString(), QStringLiteral("fill"))};
        QVERIFY(writeJson(proj(QStringLiteral("good.reel.json")), smallProject(twoScenes)));
        QVERIFY(writeFile(proj(QStringLiteral("invalid.reel.json")),
                          "{\n  \"format\": \"reelsmith-project\",\n  \"version\": 1,\n"
                          "  \"scenes\": [ { \"image\": \"blue.png\", \n"));
        QVERIFY(writeFile(proj(QStringLiteral("empty.reel.json")), QByteArray()));
        QVERIFY(writeJson(proj(QStringLiteral("negative.reel.json")),
                          smallProject({sceneJson(QStringLiteral("blue.png"), -1.0)})));
        QVERIFY(writeJson(proj(QStringLiteral("missingpic.reel.json")),
                          smallProject({sceneJson(QStringLiteral("blue.png"), 0.5),
                                        sceneJson(QStringLiteral("gone.jpg"), 0.5)})));
        QVERIFY(writeJson(proj(QStringLiteral("corruptpic.reel.json")),
                          smallProject({sceneJson(QStringLiteral("corrupt.jpg"), 0.5)})));
        QVERIFY(writeJson(proj(QStringLiteral("nobg.reel.json")),
                          smallProject(twoScenes, QStringLiteral("no-such-clip.mp4"))));
        writeTone(proj(QStringLiteral("tone.wav")), 1.0, 8000, 1, 440);
        QVERIFY(writeJson(proj(QStringLiteral("audiobg.reel.json")),
                          smallProject(twoScenes, QStringLiteral("tone.wav"))));
        QVERIFY(writeJson(proj(QStringLiteral("garbagebg.reel.json")),
                          smallProject(twoScenes, QStringLiteral("garbage.mp4"))));
        QVERIFY(writeJson(proj(QStringLiteral("progress.reel.json")),
                          smallProject({sceneJson(QStringLiteral("blue.png"), 3.0)})));

        // Long enough (1440 frames at 720x1280) to be interrupted mid-render.
        QJsonObject longProject = smallProject({sceneJson(QStringLiteral("blue.png"), 30.0),
                                                sceneJson(QStringLiteral("green.jpg"), 30.0)});
        longProject.insert(QStringLiteral("output"),
                           QJsonObject{{QStringLiteral("width"), 720},
                                       {QStringLiteral("height"), 1280},
                                       {QStringLiteral("fps"), 24},
                                       {QStringLiteral("preset"), QStringLiteral("ultrafast")}});
        QVERIFY(writeJson(proj(QStringLiteral("long.reel.json")), longProject));
    }

    void rendersProject()
    {
        const QString out = QDir(freshFolder()).filePath(QStringLiteral("ok.mp4"));
        const CliRun r = run({QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                              QStringLiteral("-o"), out});
        verifyRenderSucceeded(r, out);
        // 1.0 s + 0.5 s at 12 fps.
        verifyVideo(out, 180, 320, 18);
        QCOMPARE(everything(QFileInfo(out).absolutePath()), QStringList{QStringLiteral("ok.mp4")});
    }

    void flagsOverrideProject_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("frames");
        QTest::newRow("--fps 6") << QStringList{QStringLiteral("--fps"), QStringLiteral("6")} << 180
                                 << 320 << 9;
        QTest::newRow("--width 160 --height 288")
            << QStringList{QStringLiteral("--width"), QStringLiteral("160"),
                           QStringLiteral("--height"), QStringLiteral("288")}
            << 160 << 288 << 18;
        QTest::newRow("--crf --preset --threads")
            << QStringList{QStringLiteral("--crf"),     QStringLiteral("35"),
                           QStringLiteral("--preset"),  QStringLiteral("veryfast"),
                           QStringLiteral("--threads"), QStringLiteral("1")}
            << 180 << 320 << 18;
        QTest::newRow("--threads 0 (automatic)")
            << QStringList{QStringLiteral("--threads"), QStringLiteral("0")} << 180 << 320 << 18;
        QTest::newRow("--fps=24 --crf=0 --preset=superfast")
            << QStringList{QStringLiteral("--fps=24"), QStringLiteral("--crf=0"),
                           QStringLiteral("--preset=superfast")}
            << 180 << 320 << 36;
    }

    void flagsOverrideProject()
    {
        QFETCH(QStringList, flags);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, frames);
        const QString out = QDir(freshFolder()).filePath(QStringLiteral("flags.mp4"));
        const CliRun r =
            run(QStringList{QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                            QStringLiteral("-o"), out} +
                flags);
        verifyRenderSucceeded(r, out);
        verifyVideo(out, width, height, frames);
    }

    void crfChangesQuality()
    {
        const QString folder = freshFolder();
        auto renderAt = [&](int crf) {
            const QString out = QDir(folder).filePath(QStringLiteral("crf%1.mp4").arg(crf));
            const CliRun r = run({QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                                  QStringLiteral("-o"), out, QStringLiteral("--crf"),
                                  QString::number(crf), QStringLiteral("--quiet")});
            return r.exitCode == 0 && r.finished ? QFileInfo(out).size() : qint64(-1);
        };
        const qint64 fine = renderAt(0);
        const qint64 coarse = renderAt(51);
        QVERIFY2(fine > 0 && coarse > 0, "both renders should succeed");
        QVERIFY2(
            coarse < fine,
            qPrintable(QStringLiteral("--crf 51 (%1 bytes) should be smaller than --crf 0 (%2)")
                           .arg(coarse)
                           .arg(fine)));
    }

    void quietPrintsNothing_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::newRow("--quiet") << QStringLiteral("--quiet");
        QTest::newRow("-q") << QStringLiteral("-q");
    }

    void quietPrintsNothing()
    {
        QFETCH(QString, flag);
        const QString out = QDir(freshFolder()).filePath(QStringLiteral("quiet.mp4"));
        const CliRun r = run({QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                              QStringLiteral("-o"), out, flag});
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        QVERIFY2(r.err.isEmpty(),
                 qPrintable(QStringLiteral("stderr must be empty; ") + r.describe()));
        QVERIFY2(r.out.isEmpty(),
                 qPrintable(QStringLiteral("stdout must be empty; ") + r.describe()));
        verifyVideo(out, 180, 320, 18);
    }

    void quietStillPrintsErrors()
    {
        const QString folder = freshFolder();
        const CliRun r =
            run({QStringLiteral("render"), proj(QStringLiteral("missingpic.reel.json")),
                 QStringLiteral("-o"), QDir(folder).filePath(QStringLiteral("q.mp4")),
                 QStringLiteral("--quiet")});
        verifyBadInputFailure(r, {QStringLiteral("scenes[1].image"), QStringLiteral("gone.jpg")});
        QVERIFY2(everything(folder).isEmpty(),
                 qPrintable(everything(folder).join(QLatin1Char(' '))));
    }

    void failuresExitTwo_data() { addFailureRows(false); }

    void failuresExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        QFETCH(bool, outputFolderExists);
        QFETCH(bool, hasOutput);
        const QString folder = freshFolder();
        const QString out = QDir(folder).filePath(QStringLiteral("out.mp4"));
        const QStringList fixturesBefore = everything(m_proj);

        // CliRun inside the output folder, so anything written by relative path shows up there too.
        const CliRun r = run(withOutput(args, out), folder);
        verifyBadInputFailure(r, mentions);

        QVERIFY2(!QFileInfo::exists(out), qPrintable(QStringLiteral("%1 exists").arg(out)));
        QVERIFY2(everything(folder).isEmpty(),
                 qPrintable(QStringLiteral("left behind in the output folder: ") +
                            everything(folder).join(QLatin1Char(' '))));
        if (!outputFolderExists)
            QVERIFY2(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("no such folder"))),
                     "a missing output folder must not be created");
        QCOMPARE(everything(m_proj), fixturesBefore);
        Q_UNUSED(hasOutput);
    }

    void failedRunKeepsExistingOutput_data() { addFailureRows(true); }

    void failedRunKeepsExistingOutput()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const QString folder = freshFolder();
        const QString out = QDir(folder).filePath(QStringLiteral("out.mp4"));
        const QByteArray precious =
            "an earlier render the creator cares about\n" + randomBytes(4096, 7);
        QVERIFY(writeFile(out, precious));

        const CliRun r = run(withOutput(args, out), folder);
        verifyBadInputFailure(r, mentions);
        QVERIFY2(readFile(out) == precious, "the existing output was changed by a failed run");
        QCOMPARE(everything(folder), QStringList{QStringLiteral("out.mp4")});
    }

    void signalCancelsRender_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<bool>("existingOutput");
        QTest::newRow("SIGINT") << int(SIGINT) << false;
        QTest::newRow("SIGTERM") << int(SIGTERM) << false;
        QTest::newRow("SIGINT, existing output") << int(SIGINT) << true;
    }

    void signalCancelsRender()
    {
        QFETCH(int, signalNumber);
        QFETCH(bool, existingOutput);
        const QString folder = freshFolder();
        const QString out = QDir(folder).filePath(QStringLiteral("long.mp4"));
        const QByteArray precious = "an earlier render\n" + randomBytes(1000, 3);
        if (existingOutput)
            QVERIFY(writeFile(out, precious));
        QProcess process;
        setUp(process,
              {QStringLiteral("render"), proj(QStringLiteral("long.reel.json")),
               QStringLiteral("-o"), out},
              folder);
        process.setReadChannel(QProcess::StandardError);
        process.start();
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));

        // Wait for the first progress line: the render is under way.
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        while (!err.contains("render: ") && process.state() == QProcess::Running &&
               clock.elapsed() < 20000) {
            process.waitForReadyRead(500);
            err += process.readAllStandardError();
        }
        QVERIFY2(err.contains("render: "),
                 qPrintable(QStringLiteral("no progress on stderr after %1 ms (state %2): %3")
                                .arg(clock.elapsed())
                                .arg(int(process.state()))
                                .arg(QString::fromUtf8(err))));
        QVERIFY2(process.state() == QProcess::Running,
                 "the render ended before it was interrupted");
        QVERIFY2(existingOutput ? readFile(out) == precious : !QFileInfo::exists(out),
                 "the output path changed before the render finished");

        QVERIFY(::kill(pid_t(process.processId()), signalNumber) == 0);
        clock.restart();
        const bool finished = process.waitForFinished(5000);
        err += process.readAllStandardError();
        const QByteArray stdoutBytes = process.readAllStandardOutput();
        QVERIFY2(finished, qPrintable(QStringLiteral("still running 5 s after the signal: ") +
                                      QString::fromUtf8(err)));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit,
                 qPrintable(QStringLiteral("killed by the signal instead of handling it: ") +
                            QString::fromUtf8(err)));
        QVERIFY2(process.exitCode() == 130,
                 qPrintable(QStringLiteral("exit code %1, expected 130; stderr: %2")
                                .arg(process.exitCode())
                                .arg(QString::fromUtf8(err))));
        QVERIFY2(stdoutBytes.isEmpty(), stdoutBytes.constData());
        QVERIFY2(!err.contains("peak RSS"), "a cancelled render must not print a success summary");
        if (existingOutput) {
            QVERIFY2(readFile(out) == precious, "a cancelled render changed the existing output");
            QCOMPARE(everything(folder), QStringList{QStringLiteral("long.mp4")});
        } else {
            QVERIFY2(!QFileInfo::exists(out), "a cancelled render left its output");
            QVERIFY2(everything(folder).isEmpty(),
                     qPrintable(QStringLiteral("left behind: ") +
                                everything(folder).join(QLatin1Char(' '))));
        }
    }

    // A stop signal that arrives while the render verb is still setting up
    // (here: held up writing project warnings into a full stderr pipe) must
    // still end in exit 130, not in death by the signal.
    void signalDuringSetupExits130_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void signalDuringSetupExits130()
    {
        QFETCH(int, signalNumber);
        const QString folder = freshFolder();
        QJsonObject p = smallProject({sceneJson(proj(QStringLiteral("blue.png")), 0.5)},
                                     proj(QStringLiteral("bg.mp4")));
        // Each unknown key is a warning line on stderr: ~250 KB, more than a pipe holds.
        for (int i = 0; i < 3000; ++i)
            p.insert(QStringLiteral("unknown_key_%1").arg(i, 5, 10, QLatin1Char('0')), i);
        const QString projectFile = QDir(folder).filePath(QStringLiteral("chatty.reel.json"));
        QVERIFY(writeJson(projectFile, p));
        const QString out = QDir(folder).filePath(QStringLiteral("chatty.mp4"));

        QProcess process;
        setUp(process, {QStringLiteral("render"), projectFile, QStringLiteral("-o"), out}, folder);
        process.start();
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
        // Nothing reads stderr meanwhile, so the CLI blocks once the pipe is full.
        // Wait until it catches the signal (a sanitized build takes seconds to get
        // there) and /proc says it is blocked writing, or 1.5 s more where /proc
        // does not tell.
        const QString proc = QStringLiteral("/proc/%1/").arg(process.processId());
        QElapsedTimer waited;
        waited.start();
        qint64 catchingSince = -1;
        while (waited.elapsed() < 30000 && process.state() == QProcess::Running) {
            QThread::msleep(100);
            if (catchingSince < 0 && catchesSignal(proc, signalNumber))
                catchingSince = waited.elapsed();
            if (catchingSince >= 0 &&
                (procFile(proc + QStringLiteral("wchan")).endsWith("pipe_write") ||
                 waited.elapsed() - catchingSince >= 1500))
                break;
        }
        QVERIFY2(process.state() == QProcess::Running,
                 "the CLI should be blocked on its full stderr pipe");
        QVERIFY(::kill(pid_t(process.processId()), signalNumber) == 0);
        const bool finished = process.waitForFinished(10000);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(finished, "still running 10 s after the signal");
        QVERIFY2(process.exitStatus() == QProcess::NormalExit,
                 qPrintable(QStringLiteral("killed by signal %1 instead of exiting 130; "
                                           "stderr ends: %2")
                                .arg(process.exitCode())
                                .arg(QString::fromUtf8(err.right(200)))));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(!QFileInfo::exists(out), "a cancelled render left its output");
        QCOMPARE(everything(folder), QStringList{QStringLiteral("chatty.reel.json")});
    }

    void unicodePathsWithSpaces_data()
    {
        QTest::addColumn<bool>("relative");
        QTest::newRow("absolute paths") << false;
        QTest::newRow("relative paths") << true;
    }

    void unicodePathsWithSpaces()
    {
        QFETCH(bool, relative);
        const QString sub = QStringLiteral("юникод %1/мои видео/проект 1").arg(relative ? 2 : 1);
        const QString folder = m_dir.filePath(sub);
        QVERIFY(QDir().mkpath(QDir(folder).filePath(QStringLiteral("картинки"))));
        QVERIFY(QFile::copy(proj(QStringLiteral("blue.png")),
                            QDir(folder).filePath(QStringLiteral("картинки/синий кадр.png"))));
        QVERIFY(QFile::copy(proj(QStringLiteral("green.jpg")),
                            QDir(folder).filePath(QStringLiteral("зелёный 2.jpg"))));
        QVERIFY(QFile::copy(proj(QStringLiteral("bg.mp4")),
                            QDir(folder).filePath(QStringLiteral("фон клип.mp4"))));
        const QJsonObject p = smallProject(
            {sceneJson(QStringLiteral("картинки/синий кадр.png"), 1.0,
                       QStringLiteral("Привет, мир")),
             sceneJson(QStringLiteral("зелёный 2.jpg"), 0.5, QString(), QStringLiteral("top"))},
            QStringLiteral("фон клип.mp4"));
        const QString projectFile = QDir(folder).filePath(QStringLiteral("мой проект.reel.json"));
        QVERIFY(writeJson(projectFile, p));
        const QString out = QDir(folder).filePath(QStringLiteral("готовое видео.mp4"));

        // Relative: run from the temporary folder, so the project's own paths
        // must resolve against the project's folder, not the working directory.
        const CliRun r =
            relative ? run({QStringLiteral("render"), sub + QStringLiteral("/мой проект.reel.json"),
                            QStringLiteral("-o"), sub + QStringLiteral("/готовое видео.mp4")},
                           m_dir.path())
                     : run({QStringLiteral("render"), projectFile, QStringLiteral("-o"), out},
                           freshFolder());
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.errLines().last().contains(QStringLiteral("готовое видео.mp4")),
                 qPrintable(QStringLiteral("summary should name the output: ") + r.describe()));
        verifyVideo(out, 180, 320, 18);
        const QList<QImage> f = frames(out, {0, 14});
        QVERIFY2(near(sample(f[0], {90, 160}), kBlue),
                 qPrintable(describe(sample(f[0], {90, 160}))));
        QVERIFY2(near(sample(f[1], {90, 80}), kGreen),
                 qPrintable(describe(sample(f[1], {90, 80}))));
        const QStringList left = partFiles(folder);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void successReplacesExistingOutput()
    {
        const QString folder = freshFolder();
        const QString out = QDir(folder).filePath(QStringLiteral("replace.mp4"));
        const QByteArray old = "not a video, an old file to be replaced\n";
        QVERIFY(writeFile(out, old));

        CliRun r = run({QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                        QStringLiteral("-o"), out});
        verifyRenderSucceeded(r, out);
        const QByteArray first = readFile(out);
        QVERIFY2(first != old, "the old file is still there");
        verifyVideo(out, 180, 320, 18);

        // And a real MP4 is replaced by the next render of the same path.
        r = run({QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                 QStringLiteral("-o"), out, QStringLiteral("--fps"), QStringLiteral("6")});
        verifyRenderSucceeded(r, out);
        QVERIFY2(readFile(out) != first, "the second render did not replace the first");
        verifyVideo(out, 180, 320, 9);
        QCOMPARE(everything(folder), QStringList{QStringLiteral("replace.mp4")});
    }

    void progressGoesToStderrAsLines()
    {
        const QString out = QDir(freshFolder()).filePath(QStringLiteral("progress.mp4"));
        const CliRun r = run({QStringLiteral("render"), proj(QStringLiteral("progress.reel.json")),
                              QStringLiteral("-o"), out});
        verifyRenderSucceeded(r, out);
        verifyVideo(out, 180, 320, 36);
        QVERIFY2(!r.err.contains('\r') && !r.err.contains('\x1b'),
                 qPrintable(QStringLiteral("stderr is not a terminal: no bar, no escapes; ") +
                            r.describe()));
        static const QRegularExpression line(QStringLiteral("^render: (\\d{1,3})% \\(.*\\)$"));
        QList<int> percents;
        const QStringList lines = r.errLines();
        for (const QString &l : lines.first(lines.size() - 1)) {
            const QRegularExpressionMatch m = line.match(l);
            QVERIFY2(m.hasMatch(),
                     qPrintable(QStringLiteral("not a progress line: \"%1\"").arg(l)));
            percents << m.captured(1).toInt();
        }
        QVERIFY2(percents.size() >= 3, qPrintable(r.describe()));
        QVERIFY2(std::is_sorted(percents.begin(), percents.end()), qPrintable(r.describe()));
        QVERIFY2(percents.last() == 100, qPrintable(r.describe()));
        QVERIFY2(percents.first() < 50, qPrintable(r.describe()));
    }

    void damagedPictureNeverCrashes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("damage");
        QTest::newRow("JPEG cut in half")
            << QStringLiteral("half.jpg") << QStringLiteral("JPEG") << QStringLiteral("truncate");
        QTest::newRow("PNG cut in half")
            << QStringLiteral("half.png") << QStringLiteral("PNG") << QStringLiteral("truncate");
        QTest::newRow("JPEG with scrambled middle")
            << QStringLiteral("scrambled.jpg") << QStringLiteral("JPEG")
            << QStringLiteral("scramble");
        QTest::newRow("JPEG header only")
            << QStringLiteral("header.jpg") << QStringLiteral("JPEG") << QStringLiteral("header");
    }

    // docs/project-format.md: a damaged picture renders with what decodes (a
    // warning on stderr) or is refused with exit 2; it never crashes.
    void damagedPictureNeverCrashes()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, damage);
        const QString folder = freshFolder();
        QImage noisy(400, 300, QImage::Format_RGB32);
        QRandomGenerator gen(5);
        for (int y = 0; y < noisy.height(); ++y)
            for (int x = 0; x < noisy.width(); ++x)
                noisy.setPixel(x, y, qRgb(x % 256, y % 256, int(gen.bounded(256))));
        const QString picture = QDir(folder).filePath(file);
        writeImage(picture, noisy, qPrintable(format));
        QByteArray bytes = readFile(picture);
        QVERIFY(bytes.size() > 4000);
        if (damage == QStringLiteral("truncate"))
            bytes.truncate(bytes.size() / 2);
        else if (damage == QStringLiteral("header"))
            bytes.truncate(600);
        else
            bytes.replace(bytes.size() / 2, 2000, randomBytes(2000, 9));
        QVERIFY(writeFile(picture, bytes));
        const QString projectFile = QDir(folder).filePath(QStringLiteral("damaged.reel.json"));
        QVERIFY(writeJson(projectFile,
                          smallProject({sceneJson(file, 1.0)}, proj(QStringLiteral("bg.mp4")))));
        const QString out = QDir(folder).filePath(QStringLiteral("damaged.mp4"));

        const CliRun r =
            run({QStringLiteral("render"), projectFile, QStringLiteral("-o"), out}, folder);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 2,
                 qPrintable(QStringLiteral("expected exit 0 or 2; ") + r.describe()));
        if (r.exitCode == 2) {
            verifyBadInputFailure(r, {QStringLiteral("scenes[0].image"), file});
            QVERIFY2(!QFileInfo::exists(out), "a refused picture must leave no output");
        } else {
            verifyRenderSucceeded(r, out);
            verifyVideo(out, 180, 320, 12);
            bool warned = false;
            for (const QString &line : r.errLines())
                warned =
                    warned || (line.startsWith(QStringLiteral("warning: ")) && line.contains(file));
            QVERIFY2(warned, qPrintable(QStringLiteral("a damaged picture rendered without a "
                                                       "warning naming it; ") +
                                        r.describe()));
        }
        const QStringList left = partFiles(folder);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void acceptsByteOrderMark()
    {
        const QString folder = freshFolder();
        const QString projectFile = QDir(folder).filePath(QStringLiteral("bom.reel.json"));
        QVERIFY(writeFile(
            projectFile,
            "\xEF\xBB\xBF" +
                QJsonDocument(smallProject({sceneJson(proj(QStringLiteral("blue.png")), 0.5)},
                                           proj(QStringLiteral("bg.mp4"))))
                    .toJson()));
        const QString out = QDir(folder).filePath(QStringLiteral("bom.mp4"));
        const CliRun r = run({QStringLiteral("render"), projectFile, QStringLiteral("-o"), out});
        verifyRenderSucceeded(r, out);
        verifyVideo(out, 180, 320, 6);
    }

    void unusableOutputPathIsBadInput_data()
    {
        QTest::addColumn<QString>("blocker");
        QTest::newRow("-o names a folder") << QStringLiteral("folder");
        QTest::newRow("-o inside a file") << QStringLiteral("file");
    }

    void unusableOutputPathIsBadInput()
    {
        QFETCH(QString, blocker);
        const QString folder = freshFolder();
        const QString thing = QDir(folder).filePath(QStringLiteral("taken"));
        if (blocker == QStringLiteral("folder"))
            QVERIFY(QDir().mkpath(thing));
        else
            QVERIFY(writeFile(thing, "a file, not a folder"));
        const QString out = blocker == QStringLiteral("folder")
                                ? thing
                                : QDir(thing).filePath(QStringLiteral("out.mp4"));
        const CliRun r = run({QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
                              QStringLiteral("-o"), out},
                             folder);
        verifyBadInputFailure(r, {QStringLiteral("taken")});
        QCOMPARE(everything(folder), QStringList{QStringLiteral("taken")});
        if (blocker == QStringLiteral("folder"))
            QVERIFY(everything(thing).isEmpty());
        else
            QCOMPARE(readFile(thing), QByteArray("a file, not a folder"));
    }

    // The temporary file is created private (0600); the finished video should
    // get the ordinary mode for a new file (0666 less the umask).
    void newOutputHasOrdinaryPermissions()
    {
        const QString out = QDir(freshFolder()).filePath(QStringLiteral("mode.mp4"));
        QProcess process;
        setUp(process,
              {QStringLiteral("render"), proj(QStringLiteral("good.reel.json")),
               QStringLiteral("-o"), out, QStringLiteral("-q")},
              QString());
        process.setChildProcessModifier([] { ::umask(022); });
        process.start();
        QVERIFY(process.waitForFinished(kTimeoutMs));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        struct stat st
        {
        };
        QVERIFY(::stat(QFile::encodeName(out).constData(), &st) == 0);
        QVERIFY2((st.st_mode & 07777) == 0644,
                 qPrintable(QStringLiteral("mode %1, expected 644").arg(st.st_mode & 07777, 0, 8)));
    }

    // Two renders to one path at once: each finishes, the file is whole, no temporaries remain.
    void concurrentRendersToOnePath()
    {
        const QString folder = freshFolder();
        const QString out = QDir(folder).filePath(QStringLiteral("shared.mp4"));
        QProcess a, b;
        setUp(a,
              {QStringLiteral("render"), proj(QStringLiteral("progress.reel.json")),
               QStringLiteral("-o"), out, QStringLiteral("-q")},
              folder);
        setUp(b,
              {QStringLiteral("render"), proj(QStringLiteral("progress.reel.json")),
               QStringLiteral("-o"), out, QStringLiteral("-q")},
              folder);
        a.start();
        b.start();
        QVERIFY(a.waitForFinished(kTimeoutMs));
        QVERIFY(b.waitForFinished(kTimeoutMs));
        QVERIFY2(a.exitStatus() == QProcess::NormalExit && a.exitCode() == 0,
                 a.readAllStandardError().constData());
        QVERIFY2(b.exitStatus() == QProcess::NormalExit && b.exitCode() == 0,
                 b.readAllStandardError().constData());
        verifyVideo(out, 180, 320, 36);
        QCOMPARE(everything(folder), QStringList{QStringLiteral("shared.mp4")});
    }

    void listsBuiltinBackgrounds()
    {
        const CliRun r = run({QStringLiteral("backgrounds")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));
        QStringList names;
        for (const QString &l : r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            names << l.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);
        for (const char *name : {"minecraft", "subway", "abstract"})
            QVERIFY2(names.contains(QLatin1String(name)),
                     qPrintable(QStringLiteral("%1 missing from: %2").arg(name, r.outText())));
    }

    void rendersBuiltinBackground_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("minecraft") << QStringLiteral("minecraft");
        QTest::newRow("subway") << QStringLiteral("subway");
        QTest::newRow("abstract") << QStringLiteral("abstract");
    }

    void rendersBuiltinBackground()
    {
        QFETCH(QString, name);
        const QString folder = freshFolder();
        const QString projectFile = QDir(folder).filePath(QStringLiteral("builtin.reel.json"));
        QVERIFY(writeJson(projectFile,
                          smallProject({sceneJson(proj(QStringLiteral("blue.png")), 0.5)}, name)));
        const QString out = QDir(folder).filePath(QStringLiteral("builtin.mp4"));
        const CliRun r = run({QStringLiteral("render"), projectFile, QStringLiteral("-o"), out});
        verifyRenderSucceeded(r, out);
        verifyVideo(out, 180, 320, 6);
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                                << QStringLiteral("render");
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << QStringLiteral("render");
        QTest::newRow("render --help")
            << QStringList{QStringLiteral("render"), QStringLiteral("--help")}
            << QStringLiteral("--fps");
    }

    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = run(args);
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        QVERIFY2(
            r.outText().contains(mentions),
            qPrintable(QStringLiteral("help should mention %1; ").arg(mentions) + r.describe()));
    }

    // reelsmith-cli(1): no arguments is bad usage: exactly one "error: " line,
    // then the usage, exit 2, nothing on stdout.
    void noArgumentsIsBadUsage()
    {
        const CliRun r = run({});
        QVERIFY2(r.exited(2), qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
        const QStringList lines = r.errLines();
        QVERIFY2(!lines.isEmpty() && lines.first().startsWith(QStringLiteral("error: ")),
                 qPrintable(QStringLiteral("the first stderr line should be the error; ") +
                            r.describe()));
        QVERIFY2(
            lines.filter(QRegularExpression(QStringLiteral("^error: "))).size() == 1,
            qPrintable(QStringLiteral("expected exactly one 'error: ' line; ") + r.describe()));
        QVERIFY2(lines.value(1).startsWith(QStringLiteral("usage: reelsmith-cli")),
                 qPrintable(QStringLiteral("the usage should follow the error; ") + r.describe()));
        // The same usage that --help prints, so the user sees every verb.
        const CliRun help = run({QStringLiteral("--help")});
        QVERIFY2(help.exited(0), qPrintable(help.describe()));
        QCOMPARE(lines.mid(1), help.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts));
    }

    // The limits are written once, in the engine's table; the help of every
    // verb that takes them and the man page must say the same.
    void limitsAgreeWithTheTable()
    {
        const CliRun render = run({QStringLiteral("render"), QStringLiteral("--help")});
        const CliRun optimize = run({QStringLiteral("optimize"), QStringLiteral("--help")});
        QVERIFY2(render.exited(0), qPrintable(render.describe()));
        QVERIFY2(optimize.exited(0), qPrintable(optimize.describe()));
        QFile manPage(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../packaging/reelsmith-cli.1"));
        QVERIFY2(manPage.open(QIODevice::ReadOnly), qPrintable(manPage.fileName()));
        const QString man = QString::fromUtf8(manPage.readAll());
        for (const reelsmith::OutputLimit &limit : reelsmith::outputLimits()) {
            const QString range = limit.rangeText();
            if (limit.inProject)
                QVERIFY2(render.outText().contains(range),
                         qPrintable(QStringLiteral("render --help lacks %1 for --%2")
                                        .arg(range, QLatin1String(limit.key))));
            if (QLatin1String(limit.key) != QLatin1String("threads"))
                QVERIFY2(optimize.outText().contains(range),
                         qPrintable(QStringLiteral("optimize --help lacks %1 for --%2")
                                        .arg(range, QLatin1String(limit.key))));
            const QString manRange = QStringLiteral("%1\\(en%2").arg(limit.min).arg(limit.max);
            QVERIFY2(man.contains(manRange),
                     qPrintable(QStringLiteral("the man page lacks %1 for %2")
                                    .arg(manRange, QLatin1String(limit.key))));
        }
    }
};

QTEST_MAIN(CliTest)
#include "tst_cli.moc"
