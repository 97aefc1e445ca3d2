#pragma once

// Runs the built reelsmith-cli ($REELSMITH_CLI, set by ctest) the way a user
// or a script would: arguments in; exit status, stdout and stderr out.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testcli {

// Long enough for the slowest small render on a loaded 2-core machine.
constexpr int kTimeoutMs = 60000;

// What one run of the CLI did.
struct CliRun
{
    bool started = false;
    bool finished = false; // false: timed out and was killed
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1; // -1 unless it exited by itself (not crashed, not killed)
    QByteArray out;
    QByteArray err;

    // Ended by itself, with `code`.
    bool exited(int code) const;
    QString outText() const;
    QString errText() const;
    // Non-empty stderr lines.
    QStringList errLines() const;
    // For failure messages: how it ended, and both streams.
    QString describe() const;
};

// $REELSMITH_CLI; empty when unset.
QString cliPath();
// Why $REELSMITH_CLI cannot be run (for QFAIL in initTestCase), or empty.
QString cliProblem();

// The test's environment with a fixed UTF-8 locale and no debugging output
// switched on, then `extraEnv` on top.
QProcessEnvironment cliEnvironment(const QProcessEnvironment &extraEnv = {});
// XDG_DATA_HOME and XDG_CONFIG_HOME below `folder`: user backgrounds and
// settings stay in the test's own folder.
QProcessEnvironment privateUserFolders(const QString &folder);

// Sets `process` up to run the CLI (stdin empty), for tests that need to
// signal it, read it while it runs or run two at once.
void prepareCli(QProcess &process, const QStringList &args, const QString &workingDir,
                const QProcessEnvironment &extraEnv = {});
// Runs the CLI to its end (or kills it after `timeoutMs`).
CliRun runCli(const QStringList &args, const QString &workingDir,
              const QProcessEnvironment &extraEnv = {}, int timeoutMs = kTimeoutMs);

} // namespace testcli
