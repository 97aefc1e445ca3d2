// reelsmith-cli: the engine's command-line front door. Exit status: 0 done,
// 2 bad usage or input, 1 other failure, 130 cancelled by SIGINT/SIGTERM.

#include "CliCommon.h"
#include "core/DataFolders.h"
#include "core/Error.h"
#include "core/MemoryMeter.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QDir>
#include <QGuiApplication>

#include <cstdio>
#include <functional>
#include <new>

using namespace reelsmith;
using namespace reelsmith::cli;

namespace {

const char *kUsage =
    "usage: reelsmith-cli VERB [options]\n"
    "       reelsmith-cli VERB --help\n"
    "       reelsmith-cli --help | --version\n"
    "\n"
    "Verbs:\n"
    "  render PROJECT.reel.json -o OUT.mp4 [--fps N] [--crf N] [--preset P]\n"
    "         [--threads N] [--width W --height H] [--no-cache]\n"
    "         [--subtitles OUT.srt|OUT.vtt] [--soft-subtitles] [--quiet]\n"
    "      Render a project to an H.264 MP4; the options override the project's\n"
    "      \"output\" block.\n"
    "  optimize IN_VIDEO -o OUT.mp4 [--duration S] [--fps N] [--crf N]\n"
    "           [--maxrate KBPS] [--preset P] [--width W --height H] [--quiet]\n"
    "      Turn a heavy clip into a small background asset. Defaults: fit inside\n"
    "      and pad to 720x1280, 24 fps, the first 15 s, no audio, crf 28, 500 kbit/s,\n"
    "      preset veryfast, +faststart.\n"
    "  optimize IN_VIDEO --cache [--fps N] [--width W --height H] [--quiet]\n"
    "      Make the output-sized copy of IN_VIDEO (cropped to cover, whole length)\n"
    "      that renders of projects using it pick up by themselves.\n"
    "  probe FILE\n"
    "      Print a picture's, video's or audio file's facts as one JSON object.\n"
    "  backgrounds\n"
    "      List the backgrounds a project can name, one a line:\n"
    "      NAME <tab> KIND <tab> SECONDS <tab> PATH [<tab> NOTE].\n"
    "  say TEXT|--file TXT -o OUT.wav [--voice NAME] [--rate R] [--pitch P]\n"
    "      [--timings OUT.json]\n"
    "      Speak a narration exactly as a render would (same voice, audio and word\n"
    "      timings) into a WAV, and its word timings into JSON.\n"
    "  voices\n"
    "      List the voices a narration can use, one a line:\n"
    "      NAME <tab> LANGUAGE <tab> DESCRIPTION, sorted by language.\n"
    "  batch TEMPLATE.reel.json ROWS.csv -o OUT_DIR [--jobs N] [--budget MB]\n"
    "        [--index I] [--force] [--report FILE.jsonl] [--quiet]\n"
    "      One video per CSV row, the template's {{column}} placeholders filled;\n"
    "      existing videos are skipped. Exit 1 when any row failed.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   the MP4 to write; it appears only when complete\n"
    "  --fps N             frame rate, 1-120\n"
    "  --crf N             x264 quality, 0-51 (lower is better)\n"
    "  --preset P          x264 preset, ultrafast ... placebo; capped to keep a\n"
    "                      render under 300 MB (see render --help)\n"
    "  --threads N         encoder threads, 0-64 (0 = automatic), capped likewise\n"
    "  --width W           output width, even, 16-4096\n"
    "  --height H          output height, even, 16-4096\n"
    "  --no-cache          read the background itself, not its optimized copy\n"
    "  --subtitles FILE    render: also write the captions as .srt or .vtt\n"
    "  --soft-subtitles    render: also put the captions in the MP4 as a subtitle track\n"
    "  --duration S        seconds to keep from the start of IN_VIDEO\n"
    "  --maxrate KBPS      bit-rate cap in kbit/s (buffer: twice as much)\n"
    "  --cache             write the render cache's copy instead of -o\n"
    "  --file TXT          say: speak the UTF-8 text of TXT\n"
    "  --voice NAME        say: a voice from 'voices' (default: ru for a Russian\n"
    "                      locale, else en-us)\n"
    "  --rate R            say: speed, 0.5-2.0 (1 = the voice's natural speed)\n"
    "  --pitch P           say: pitch, 0.5-2.0 (1 = the voice's natural pitch)\n"
    "  --timings FILE      say: also write the word timings as JSON\n"
    "  -q, --quiet         no progress or summary line; errors still print\n"
    "  -h, --help          this help; after a verb, that verb's help\n"
    "  --version           print the version\n"
    "\n"
    "Exit status:\n"
    "  0    done\n"
    "  1    any other failure (cannot write, out of memory, encoder error)\n"
    "  2    bad usage or bad input: unreadable or invalid project, missing or\n"
    "       undecodable picture or video, out-of-range value\n"
    "  130  cancelled by SIGINT or SIGTERM; no output written\n"
    "\n"
    "Environment:\n"
    "  REELSMITH_DATA_DIR    a data folder searched first for the built-in\n"
    "                        backgrounds (in its backgrounds/ folder)\n"
    "  REELSMITH_CACHE_DIR   the render cache folder (narration in its\n"
    "                        narration/ folder)\n"
    "  REELSMITH_FFMPEG_LOG  when set, FFmpeg's own log is shown\n"
    "  REELSMITH_DEBUG       when set, Qt's messages are shown\n"
    "  XDG_DATA_HOME, XDG_DATA_DIRS, XDG_CACHE_HOME  where the folders below are\n"
    "\n"
    "Files:\n"
    "  ~/.local/share/reelsmith/reelsmith/backgrounds/  user backgrounds; a clip\n"
    "                        named like a built-in one replaces it\n"
    "  ~/.cache/reelsmith/reelsmith/backgrounds/  the render cache\n"
    "  ~/.cache/reelsmith/reelsmith/narration/  synthesized narration (WAV and\n"
    "                        JSON timings), reused by say, preview and render\n"
    "  %1/backgrounds/\n"
    "                        the built-in backgrounds, looked for in\n"
    "                        $REELSMITH_DATA_DIR, then ../share/reelsmith beside\n"
    "                        the program, then reelsmith/ in each XDG data folder\n"
    "  %1/demo/demo.reel.json\n"
    "                        a demo project\n"
    "\n"
    "See reelsmith-cli(1) for the project file.\n";

// The usage with this installation's data folder (share/reelsmith beside bin/).
QByteArray usage()
{
    return QString::fromUtf8(kUsage).arg(installedDataFolder()).toLocal8Bit();
}

struct Verb
{
    const char *name;
    std::function<int(const QStringList &)> run;
};

const Verb kVerbs[] = {
    {"render", runRender}, {"optimize", runOptimize},
    {"probe", runProbe},   {"backgrounds", runBackgrounds},
    {"say", runSay},       {"voices", runVoices},
    {"batch", runBatch},
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
    MemoryMeter::tuneAllocator();
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
        // Bad usage like any other: the one error line first, then the usage
        // so the user sees what a verb looks like.
        printError(QStringLiteral("no verb given"));
        std::fputs(usage().constData(), stderr);
        return kExitBadInput;
    }
    const QString verb = args.at(1);
    if (verb == QStringLiteral("--help") || verb == QStringLiteral("-h") ||
        verb == QStringLiteral("help")) {
        std::fputs(usage().constData(), stdout);
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
