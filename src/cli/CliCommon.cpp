#include "CliCommon.h"

#include "ProgressPrinter.h"
#include "core/Error.h"
#include "core/MemoryMeter.h"
#include "core/OutputSettings.h"

#include <QCoreApplication>
#include <QThread>

#include <csignal>
#include <cstdio>

namespace reelsmith::cli {

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

void onStopSignal(int)
{
    g_stopRequested = 1;
}

} // namespace

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

bool stopRequested()
{
    return g_stopRequested != 0;
}

void throwIfStopRequested()
{
    if (stopRequested())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
}

void printError(const QString &message)
{
    std::fprintf(stderr, "error: %s\n", message.toLocal8Bit().constData());
}

void printLine(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

bool parseVerb(QCommandLineParser &parser, const QStringList &args)
{
    // Not addHelpOption(): its --help-all lists Qt's GUI options, which are
    // not this program's.
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        throw UsageError(parser.errorText());
    if (parser.isSet(help)) {
        // Qt names the program by argv[0] alone; the verb belongs in the usage line.
        QString text = parser.helpText();
        const QString qtUsage =
            QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
        const QString verb = args.constFirst().section(QLatin1Char(' '), -1);
        if (text.startsWith(qtUsage))
            text.replace(0, qtUsage.size(), QStringLiteral("Usage: reelsmith-cli ") + verb);
        text += QStringLiteral(
            "\nExit status: 0 done, 2 bad usage or input, 1 other failure, 130 cancelled.\n"
            "The environment and files: reelsmith-cli --help, or man reelsmith-cli.\n");
        std::fputs(text.toLocal8Bit().constData(), stdout);
        return false;
    }
    return true;
}

QCommandLineOption quietOption()
{
    return {{QStringLiteral("q"), QStringLiteral("quiet")},
            QStringLiteral("No progress or summary; errors still print.")};
}

QString onePositional(const QCommandLineParser &parser, const QString &verb, const QString &what)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        throw UsageError(QStringLiteral("%1: which %2?").arg(verb, what));
    if (positional.size() > 1)
        throw UsageError(QStringLiteral("%1: one %2 at a time").arg(verb, what));
    return positional.first();
}

QCommandLineOption outputOption(const char *key, const QString &what, const QString &valueName,
                                const QString &defaultText)
{
    QString help = QStringLiteral("%1, %2").arg(what, outputLimit(key).rangeText());
    if (!defaultText.isEmpty())
        help += QStringLiteral(" (default %1)").arg(defaultText);
    return {QLatin1String(key), help + QLatin1Char('.'), valueName};
}

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

double numberOption(const QCommandLineParser &parser, const QString &name, double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = parser.value(name);
    const double value = text.toDouble(&ok);
    if (!ok || !qIsFinite(value))
        throw UsageError(QStringLiteral("--%1: must be a number, not \"%2\"").arg(name, text));
    return value;
}

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

QString presetMemoryNote()
{
    OutputSettings settings;
    settings.setSize({1080, 1920});
    settings.threads = 0;
    QStringList uses;
    for (const QString &preset : {QStringLiteral("medium"), QStringLiteral("slow")}) {
        settings.preset = preset;
        const X264MemoryPlan plan = memoryCappedPlan(settings, QThread::idealThreadCount());
        uses << QStringLiteral("%1 uses %2 frame thread(s), lookahead %3, %4 references, %5 "
                               "B-frames")
                    .arg(preset)
                    .arg(plan.frameThreads)
                    .arg(plan.lookahead)
                    .arg(plan.refs)
                    .arg(plan.bframes);
    }
    return QStringLiteral("Presets are capped to keep a render under %1 MB: fewer frame threads, "
                          "a shorter lookahead, fewer references and B-frames where the preset's "
                          "own would need more at the output size; at 1080x1920 %2.")
        .arg(kRenderMemoryBudgetMB)
        .arg(uses.join(QStringLiteral("; ")));
}

QString peakRssText()
{
    return QStringLiteral("peak RSS: %1 MB")
        .arg(MemoryMeter::toMegabytes(MemoryMeter::peakBytes()));
}

RenderResult
runWithProgress(const QString &label, bool quiet,
                const std::function<RenderResult(const ProgressFn &, const CancelFn &)> &job)
{
    ProgressPrinter progress(label, !quiet);
    throwIfStopRequested();
    try {
        RenderResult result =
            job([&](const RenderProgress &p) { progress.update(p.framesDone, p.frameCount); },
                [] { return stopRequested(); });
        progress.finish();
        return result;
    } catch (...) {
        progress.finish();
        throw;
    }
}

} // namespace reelsmith::cli
