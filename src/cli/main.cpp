// reelsmith-cli: the engine's command-line front door. Exit status: 0 done,
// 2 bad usage or input, 1 other failure, 130 cancelled by SIGINT/SIGTERM.

#include "Backgrounds.h"
#include "Error.h"
#include "MemoryMeter.h"
#include "ProgressPrinter.h"
#include "Project.h"
#include "RenderJob.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QCommandLineParser>
#include <QGuiApplication>

#include <csignal>
#include <cstdio>
#include <new>

using namespace reelsmith;
using reelsmith::cli::ProgressPrinter;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitCancelled = 130;

volatile std::sig_atomic_t g_stopRequested = 0;

void onStopSignal(int)
{
    g_stopRequested = 1;
}

void installStopHandlers()
{
    struct sigaction action
    {
    };
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "error: %s\n", message.toLocal8Bit().constData());
}

void printLine(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString &message)
        : std::runtime_error(message.toStdString()), text(message)
    {
    }
    QString text;
};

const char *kUsage =
    "usage: reelsmith-cli <verb> [options]\n"
    "\n"
    "verbs:\n"
    "  render PROJECT.json -o OUT.mp4 [--fps N] [--crf N] [--preset P] [--threads N]\n"
    "                     [--width W --height H] [--quiet]\n"
    "  backgrounds        list built-in and user backgrounds, one a line\n"
    "\n"
    "Run 'reelsmith-cli <verb> --help' for a verb's options.\n"
    "Exit status: 0 done, 2 bad usage or input, 1 other failure, 130 cancelled.\n";

int integerOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = parser.value(name);
    const int value = text.toInt(&ok);
    if (!ok)
        throw UsageError(
            QStringLiteral("--%1: must be a whole number, not \"%2\"").arg(name, text));
    return value;
}

QString sizeText(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Render a project to an H.264 MP4."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("The .reel.json project."));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Output MP4 file."),
         QStringLiteral("file")},
        {QStringLiteral("fps"), QStringLiteral("Frame rate, 1-120."), QStringLiteral("n")},
        {QStringLiteral("crf"), QStringLiteral("x264 quality, 0-51 (lower is better)."),
         QStringLiteral("n")},
        {QStringLiteral("preset"), QStringLiteral("x264 preset (ultrafast ... placebo)."),
         QStringLiteral("name")},
        {QStringLiteral("threads"), QStringLiteral("Encoder threads, 0-64 (0 = automatic)."),
         QStringLiteral("n")},
        {QStringLiteral("width"), QStringLiteral("Output width, even, 16-4096."),
         QStringLiteral("w")},
        {QStringLiteral("height"), QStringLiteral("Output height, even, 16-4096."),
         QStringLiteral("h")},
        {{QStringLiteral("q"), QStringLiteral("quiet")},
         QStringLiteral("No progress or summary; errors still print.")},
    });
    if (!parser.parse(args))
        throw UsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        throw UsageError(positional.isEmpty() ? QStringLiteral("render: which project?")
                                              : QStringLiteral("render: one project at a time"));
    if (!parser.isSet(QStringLiteral("output")))
        throw UsageError(QStringLiteral("render: -o OUT.mp4 is required"));
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    Project project = Project::load(positional.first());
    for (const QString &warning : std::as_const(project.warnings))
        if (!quiet)
            printLine(QStringLiteral("warning: ") + warning);

    OutputSettings &out = project.output;
    out.fps = integerOption(parser, QStringLiteral("fps"), out.fps);
    out.crf = integerOption(parser, QStringLiteral("crf"), out.crf);
    out.threads = integerOption(parser, QStringLiteral("threads"), out.threads);
    out.width = integerOption(parser, QStringLiteral("width"), out.width);
    out.height = integerOption(parser, QStringLiteral("height"), out.height);
    if (parser.isSet(QStringLiteral("preset")))
        out.preset = parser.value(QStringLiteral("preset"));
    QString badKey;
    if (const QString problem = checkOutputSettings(out, &badKey); !problem.isEmpty()) {
        const bool fromFlag = parser.isSet(badKey);
        throw Error(
            ErrorKind::BadInput,
            fromFlag
                ? QStringLiteral("--%1: %2").arg(badKey, problem)
                : QStringLiteral("%1: output.%2: %3").arg(positional.first(), badKey, problem));
    }

    RenderJob job(project, parser.value(QStringLiteral("output")));
    if (qEnvironmentVariableIsSet("REELSMITH_DECODER_THREADS"))
        job.setDecoderThreads(qEnvironmentVariableIntValue("REELSMITH_DECODER_THREADS"));
    job.setWarningHandler([](const QString &w) { printLine(QStringLiteral("warning: ") + w); });
    ProgressPrinter progress(QStringLiteral("render"), !quiet);
    if (g_stopRequested)
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
    RenderResult result;
    try {
        result =
            job.run([&](const RenderProgress &p) { progress.update(p.framesDone, p.frameCount); },
                    [] { return g_stopRequested != 0; });
    } catch (...) {
        progress.finish();
        throw;
    }
    progress.finish();
    if (!quiet) {
        const double videoSeconds = double(result.frames) / out.fps;
        printLine(QStringLiteral("rendered %1: %2 frames (%3 s of video) in %4 s (%5 fps), %6, "
                                 "peak RSS: %7 MB")
                      .arg(result.outputPath)
                      .arg(result.frames)
                      .arg(videoSeconds, 0, 'f', 1)
                      .arg(result.seconds, 0, 'f', 1)
                      .arg(result.seconds > 0 ? result.frames / result.seconds : 0.0, 0, 'f', 1)
                      .arg(sizeText(result.bytes))
                      .arg(MemoryMeter::toMegabytes(MemoryMeter::peakBytes())));
    }
    return kExitOk;
}

int runBackgrounds(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the backgrounds a project can name."));
    parser.addHelpOption();
    if (!parser.parse(args))
        throw UsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return kExitOk;
    }
    for (const BackgroundEntry &entry : Backgrounds::list())
        std::printf("%s\t%s\t%s\n", entry.name.toLocal8Bit().constData(),
                    entry.builtin ? "built-in" : "user", entry.path.toLocal8Bit().constData());
    return kExitOk;
}

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

    QStringList args = QGuiApplication::arguments();
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
        if (verb == QStringLiteral("render"))
            return runRender(verbArgs);
        if (verb == QStringLiteral("backgrounds"))
            return runBackgrounds(verbArgs);
        throw UsageError(QStringLiteral("unknown verb \"%1\" (try --help)").arg(verb));
    } catch (const UsageError &e) {
        printError(e.text);
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
