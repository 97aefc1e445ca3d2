#pragma once

// What every reelsmith-cli verb shares: exit statuses, the stop flag set by
// SIGINT/SIGTERM, stderr messages and option parsing helpers.

#include "core/Job.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

namespace reelsmith::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitCancelled = 130;

// Bad usage: exit 2 with the message as the error line.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString &message)
        : std::runtime_error(message.toStdString()), m_text(message)
    {
    }
    const QString &text() const { return m_text; }

private:
    QString m_text;
};

void installStopHandlers();
bool stopRequested();
// Throws Error(Cancelled) when a stop signal has arrived.
void throwIfStopRequested();

void printError(const QString &message);
void printLine(const QString &text);

// Parses a verb's arguments; returns false when --help was printed instead.
bool parseVerb(QCommandLineParser &parser, const QStringList &args);
// The --quiet / -q option every long-running verb takes.
QCommandLineOption quietOption();
// The verb's one positional argument; a UsageError ("render: which project?")
// when there is none or more than one.
QString onePositional(const QCommandLineParser &parser, const QString &verb, const QString &what);
// An option for one output setting (width, fps, crf...), its help naming the
// limits from the one table the validation reads: "Frame rate, 1-120 (default 24)."
QCommandLineOption outputOption(const char *key, const QString &what, const QString &valueName,
                                const QString &defaultText = {});
int integerOption(const QCommandLineParser &parser, const QString &name, int fallback);
double numberOption(const QCommandLineParser &parser, const QString &name, double fallback);
QString megabytes(qint64 bytes);
// "peak RSS: N MB", the end of every summary line.
QString peakRssText();
// For the --preset and --threads help: that presets are capped to keep a
// render under the memory budget, and what medium and slow use at 1080x1920
// with automatic threads on this machine (from the model the encoder uses).
QString presetMemoryNote();

// Runs a long job with a progress display (unless `quiet`) and cancellation
// by SIGINT/SIGTERM; the progress line is closed however the job ends.
RenderResult
runWithProgress(const QString &label, bool quiet,
                const std::function<RenderResult(const ProgressFn &, const CancelFn &)> &job);

// The verbs; each returns an exit status or throws (UsageError, Error).
int runRender(const QStringList &args);
int runOptimize(const QStringList &args);
int runProbe(const QStringList &args);
int runBackgrounds(const QStringList &args);
int runSay(const QStringList &args);
int runVoices(const QStringList &args);
int runBatch(const QStringList &args);

} // namespace reelsmith::cli
