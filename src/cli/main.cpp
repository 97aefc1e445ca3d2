// reelsmith-cli: the engine's command-line front door. Exit status: 0 done,
// 2 bad usage or input, 1 other failure, 130 cancelled by SIGINT/SIGTERM.

#include "CliCommon.h"
#include "Error.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QGuiApplication>

#include <cstdio>
#include <functional>
#include <malloc.h>
#include <new>

using namespace reelsmith;
using namespace reelsmith::cli;

namespace {

const char *kUsage =
    "usage: reelsmith-cli <verb> [options]\n"
    "\n"
    "verbs:\n"
    "  render PROJECT.json -o OUT.mp4 [--fps N] [--crf N] [--preset P] [--threads N]\n"
    "                     [--width W --height H] [--quiet]\n"
    "  optimize IN_VIDEO -o OUT.mp4 [--duration S] [--fps N] [--crf N] [--maxrate KBPS]\n"
    "                     [--width W --height H] [--preset P] [--quiet]\n"
    "  optimize IN_VIDEO --cache [--fps N] [--width W --height H]\n"
    "                     make the output-sized copy that renders pick up by themselves\n"
    "  probe FILE         print a picture's, video's or audio file's facts as JSON\n"
    "  backgrounds        list built-in and user backgrounds, one a line\n"
    "\n"
    "Run 'reelsmith-cli <verb> --help' for a verb's options.\n"
    "Exit status: 0 done, 2 bad usage or input, 1 other failure, 130 cancelled.\n";

struct Verb
{
    const char *name;
    std::function<int(const QStringList &)> run;
};

const Verb kVerbs[] = {
    {"render", runRender},
    {"optimize", runOptimize},
    {"probe", runProbe},
    {"backgrounds", runBackgrounds},
};

// Qt's own chatter (platform plugin notes, XDG warnings) is not for users of
// a command-line tool; only critical messages get through.
void quietQtMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg || qEnvironmentVariableIsSet("REELSMITH_DEBUG"))
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char **argv)
{
    // Picture buffers of several MB come and go at every scene change. glibc
    // raises its mmap threshold after the first such free, after which they
    // stay in the heap; a fixed threshold hands them back to the system. Few
    // arenas keep the encoder's threads from each holding freed memory.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    // Before anything slow: a stop signal at any moment must end in exit 130.
    installStopHandlers();
    qInstallMessageHandler(quietQtMessages);
    // Captions need QtGui's fonts but no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("reelsmith"));
    QGuiApplication::setOrganizationName(QStringLiteral("reelsmith"));
    QGuiApplication::setApplicationVersion(QStringLiteral(REELSMITH_VERSION));
    av_log_set_level(qEnvironmentVariableIsSet("REELSMITH_FFMPEG_LOG") ? AV_LOG_INFO
                                                                       : AV_LOG_QUIET);

    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 2) {
        std::fputs(kUsage, stderr);
        return kExitBadInput;
    }
    const QString verb = args.at(1);
    if (verb == QStringLiteral("--help") || verb == QStringLiteral("-h") ||
        verb == QStringLiteral("help")) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    if (verb == QStringLiteral("--version")) {
        std::printf("reelsmith-cli %s\n", REELSMITH_VERSION);
        return kExitOk;
    }
    // QCommandLineParser expects the program name first.
    QStringList verbArgs = args.mid(2);
    verbArgs.prepend(args.first() + QLatin1Char(' ') + verb);

    try {
        for (const Verb &v : kVerbs)
            if (verb == QLatin1String(v.name))
                return v.run(verbArgs);
        throw UsageError(QStringLiteral("unknown verb \"%1\" (try --help)").arg(verb));
    } catch (const UsageError &e) {
        printError(e.text());
        return kExitBadInput;
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled) {
            printError(QStringLiteral("cancelled; no output written"));
            return kExitCancelled;
        }
        printError(e.message());
        return e.kind() == ErrorKind::BadInput ? kExitBadInput : kExitFailure;
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("out of memory"));
        return kExitFailure;
    } catch (const std::exception &e) {
        printError(QString::fromLocal8Bit(e.what()));
        return kExitFailure;
    }
}
