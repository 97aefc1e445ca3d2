#include "CliRun.h"

#include <QFileInfo>

namespace testcli {

bool CliRun::exited(int code) const
{
    return finished && exitStatus == QProcess::NormalExit && exitCode == code;
}

QString CliRun::outText() const
{
    return QString::fromUtf8(out);
}

QString CliRun::errText() const
{
    return QString::fromUtf8(err);
}

QStringList CliRun::errLines() const
{
    return errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString CliRun::describe() const
{
    if (!started)
        return QStringLiteral("the CLI did not start");
    return QStringLiteral("%1exit code %2\n--- stdout ---\n%3\n--- stderr ---\n%4")
        .arg(!finished                           ? QStringLiteral("timed out; ")
             : exitStatus == QProcess::CrashExit ? QStringLiteral("CRASHED; ")
                                                 : QString())
        .arg(exitCode)
        .arg(outText(), errText());
}

QString cliPath()
{
    return qEnvironmentVariable("REELSMITH_CLI");
}

QString cliProblem()
{
    const QString cli = cliPath();
    if (cli.isEmpty())
        return QStringLiteral("REELSMITH_CLI is not set: it must hold the path of the built "
                              "reelsmith-cli (ctest sets it; when running by hand, export "
                              "REELSMITH_CLI=<build>/bin/reelsmith-cli)");
    if (!QFileInfo(cli).isExecutable())
        return QStringLiteral("REELSMITH_CLI=%1 is not an executable file").arg(cli);
    return {};
}

QProcessEnvironment cliEnvironment(const QProcessEnvironment &extraEnv)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("REELSMITH_DEBUG"));
    env.remove(QStringLiteral("REELSMITH_FFMPEG_LOG"));
    env.insert(extraEnv);
    return env;
}

QProcessEnvironment privateUserFolders(const QString &folder)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_DATA_HOME"), folder + QStringLiteral("/xdg/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), folder + QStringLiteral("/xdg/config"));
    return env;
}

void prepareCli(QProcess &process, const QStringList &args, const QString &workingDir,
                const QProcessEnvironment &extraEnv)
{
    process.setProgram(cliPath());
    process.setArguments(args);
    process.setProcessEnvironment(cliEnvironment(extraEnv));
    process.setWorkingDirectory(workingDir);
    process.setStandardInputFile(QProcess::nullDevice());
}

CliRun runCli(const QStringList &args, const QString &workingDir,
              const QProcessEnvironment &extraEnv, int timeoutMs)
{
    QProcess process;
    prepareCli(process, args, workingDir, extraEnv);
    process.start();
    CliRun r;
    r.started = process.waitForStarted(10000);
    if (!r.started)
        return r;
    r.finished = process.waitForFinished(timeoutMs);
    if (!r.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitStatus = process.exitStatus();
    // Qt: the exit code is not valid unless the process exited normally.
    if (r.finished && r.exitStatus == QProcess::NormalExit)
        r.exitCode = process.exitCode();
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

} // namespace testcli
