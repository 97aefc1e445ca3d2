// reelsmith-cli batch TEMPLATE.reel.json ROWS.csv -o OUT_DIR [flags]
//
// One video per CSV row from a template with {{column}} placeholders
// (batch/BatchTemplate). A single row renders in this process; several rows
// each render in a child process running `batch ... --index I`, the same
// command line a cluster scheduler's indexed job runs, so that one row's
// crash or memory never touches another and each row's peak memory is its
// own. Children are admitted while their measured peaks fit the budget.

#include "CliCommon.h"
#include "batch/BatchTemplate.h"
#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "core/MemoryMeter.h"
#include "render/RenderJob.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <memory>
#include <optional>

#include <sys/prctl.h>

namespace reelsmith::cli {

namespace {

constexpr int kDefaultBudgetMB = 1024;

struct RowResult
{
    int row = 0;
    int line = 0;
    QString output;
    QString status;     // "done", "skipped", "failed"
    double started = 0; // seconds from the batch's start
    double seconds = 0;
    int peakMB = 0;
    QString error;

    QJsonObject toJson() const
    {
        QJsonObject o{{QStringLiteral("row"), row},
                      {QStringLiteral("line"), line},
                      {QStringLiteral("output"), output},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("started"), std::round(started * 100) / 100},
                      {QStringLiteral("seconds"), std::round(seconds * 100) / 100},
                      {QStringLiteral("peak_mb"), peakMB}};
        if (!error.isEmpty())
            o.insert(QStringLiteral("error"), error);
        return o;
    }
    static RowResult fromJson(const QJsonObject &o)
    {
        RowResult r;
        r.row = o.value(QStringLiteral("row")).toInt();
        r.line = o.value(QStringLiteral("line")).toInt();
        r.output = o.value(QStringLiteral("output")).toString();
        r.status = o.value(QStringLiteral("status")).toString();
        r.seconds = o.value(QStringLiteral("seconds")).toDouble();
        r.peakMB = o.value(QStringLiteral("peak_mb")).toInt();
        r.error = o.value(QStringLiteral("error")).toString();
        return r;
    }
};

// The report: one JSON line per row, appended and flushed as each ends, so a
// killed batch keeps the lines of the rows it finished.
class Report
{
public:
    explicit Report(const QString &path)
    {
        if (path.isEmpty())
            return;
        m_file = std::make_unique<QFile>(path);
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append))
            throwBadInput(QStringLiteral("--report: %1: %2").arg(path, m_file->errorString()));
    }
    void add(const RowResult &r)
    {
        if (!m_file)
            return;
        m_file->write(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) + '\n');
        m_file->flush();
    }

private:
    std::unique_ptr<QFile> m_file;
};

// Temporaries a killed render left beside `output` (".NAME.XXXXXX.part"):
// the row is about to be rendered again, so they are nobody's.
void removeStaleTemporaries(const QString &output)
{
    const QFileInfo info(output);
    const QStringList stale =
        info.dir().entryList({QLatin1Char('.') + info.fileName() + QStringLiteral(".??????.part")},
                             QDir::Files | QDir::Hidden);
    for (const QString &name : stale)
        QFile::remove(info.dir().filePath(name));
}

struct Batch
{
    BatchTemplate tmpl;
    CsvTable table;
    QHash<QString, int> firstRows; // BatchTemplate::firstRowOfEachOutput(table)
    QString tablePath;
    QString outputFolder;
    bool force = false;
    bool quiet = false;
};

// Renders row `index` here; never throws except Cancelled.
RowResult renderRow(const Batch &b, int index)
{
    RowResult r;
    r.row = index;
    r.line = b.table.lines.value(index);
    QElapsedTimer clock;
    clock.start();
    try {
        r.output = b.tmpl.outputPath(b.table, b.tablePath, index, b.outputFolder, &b.firstRows);
        if (QFileInfo::exists(r.output) && !b.force) {
            r.status = QStringLiteral("skipped");
            return r;
        }
        Project project = b.tmpl.project(b.table, b.tablePath, index);
        // A missing file is named with its column, as the editor's table of rows names it.
        b.tmpl.checkFiles(project, b.table, b.tablePath, index);
        QDir().mkpath(QFileInfo(r.output).absolutePath());
        removeStaleTemporaries(r.output);
        RenderJob job(project, r.output);
        job.setWarningHandler([&](const QString &w) {
            if (!b.quiet)
                printLine(QStringLiteral("warning: row %1: %2").arg(index).arg(w));
        });
        runWithProgress(QStringLiteral("row %1").arg(index), b.quiet,
                        [&](const ProgressFn &progress, const CancelFn &cancel) {
                            return job.run(progress, cancel);
                        });
        r.status = QStringLiteral("done");
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw;
        r.status = QStringLiteral("failed");
        r.error = e.message();
    } catch (const std::exception &e) {
        r.status = QStringLiteral("failed");
        r.error = QString::fromLocal8Bit(e.what());
    }
    r.seconds = clock.elapsed() / 1000.0;
    r.peakMB = MemoryMeter::toMegabytes(MemoryMeter::peakBytes());
    return r;
}

// A row rendering in a child process.
struct Child
{
    int row = 0;
    std::unique_ptr<QProcess> process;
    QString reportPath;
    double started = 0;
};

// Runs `rows` in child processes, at most `jobs` at once and only while the
// largest peak seen so far fits `budgetMB` once more beside those running
// (before any row has finished, one runs alone to be measured).
QList<RowResult> renderInChildren(const Batch &b, const QStringList &templateArgs,
                                  const QList<int> &rows, int jobs, int budgetMB,
                                  const std::function<void(const RowResult &)> &finished)
{
    QTemporaryDir reports;
    if (!reports.isValid())
        throwFailure(QStringLiteral("cannot create a temporary folder for the rows' reports"));
    QList<RowResult> results;
    QList<int> waiting = rows;
    std::vector<Child> running;
    QElapsedTimer clock;
    clock.start();
    int largestPeakMB = 0; // 0: nothing measured yet
    const auto admits = [&] {
        if (running.empty())
            return true;
        if (int(running.size()) >= jobs || largestPeakMB == 0)
            return false;
        return (int(running.size()) + 1) * largestPeakMB <= budgetMB;
    };
    while (!waiting.isEmpty() || !running.empty()) {
        if (stopRequested()) {
            for (Child &c : running) {
                c.process->terminate();
                c.process->waitForFinished(10000);
            }
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        }
        while (!waiting.isEmpty() && admits()) {
            Child c;
            c.row = waiting.takeFirst();
            c.reportPath = reports.filePath(QStringLiteral("row-%1.jsonl").arg(c.row));
            c.process = std::make_unique<QProcess>();
            c.process->setProcessChannelMode(QProcess::ForwardedOutputChannel);
            // A row never outlives its batch: killed (even by SIGKILL), the
            // batch takes its rows down with it, and they stop as on Ctrl+C,
            // leaving no temporary behind.
            c.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
            c.started = clock.elapsed() / 1000.0;
            QStringList args = templateArgs;
            args << QStringLiteral("--index") << QString::number(c.row) << QStringLiteral("--quiet")
                 << QStringLiteral("--report") << c.reportPath;
            c.process->start(QCoreApplication::applicationFilePath(), args);
            running.push_back(std::move(c));
        }
        for (auto it = running.begin(); it != running.end();) {
            if (it->process->state() != QProcess::NotRunning && !it->process->waitForFinished(0)) {
                ++it;
                continue;
            }
            RowResult r;
            QFile file(it->reportPath);
            if (file.open(QIODevice::ReadOnly)) {
                const QJsonDocument doc = QJsonDocument::fromJson(file.readAll().trimmed());
                if (doc.isObject())
                    r = RowResult::fromJson(doc.object());
            }
            if (r.status.isEmpty()) { // it died before it could say
                r.row = it->row;
                r.line = b.table.lines.value(it->row);
                r.status = QStringLiteral("failed");
                const QString why =
                    QString::fromLocal8Bit(it->process->readAllStandardError()).trimmed();
                r.error = it->process->exitStatus() == QProcess::CrashExit
                              ? QStringLiteral("the row's render crashed")
                              : QStringLiteral("the row's render ended with status %1%2")
                                    .arg(it->process->exitCode())
                                    .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why);
            }
            r.started = it->started;
            r.seconds = clock.elapsed() / 1000.0 - it->started; // as the batch saw it
            if (r.status == QLatin1String("done"))
                largestPeakMB = std::max(largestPeakMB, r.peakMB);
            results.append(r);
            finished(r);
            it = running.erase(it);
        }
        QThread::msleep(20);
    }
    std::sort(results.begin(), results.end(),
              [](const RowResult &a, const RowResult &c) { return a.row < c.row; });
    return results;
}

} // namespace

int runBatch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render one video per row of a CSV table from a template project whose string values "
        "may hold {{column}} placeholders.\n"
        "A column named \"output\" names each row's video inside OUT_DIR; otherwise rows are "
        "numbered (TEMPLATE-001.mp4 for the first row). Rows whose video exists are skipped, so "
        "a batch that was stopped finishes the rest when run again. Each video is written "
        "under a temporary name and renamed into place only when complete.\n"
        "Exit status: 0 when every row is done or skipped, 1 when any row failed, 2 for a bad "
        "template, table or option."));
    parser.addPositionalArgument(QStringLiteral("template"),
                                 QStringLiteral("The template project (.reel.json)."),
                                 QStringLiteral("TEMPLATE.reel.json"));
    parser.addPositionalArgument(QStringLiteral("rows"),
                                 QStringLiteral("The table: a header row naming the columns, "
                                                "then one row per video (RFC 4180 CSV, UTF-8)."),
                                 QStringLiteral("ROWS.csv"));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Folder the videos go to (made when missing; required)."),
         QStringLiteral("dir")},
        {QStringLiteral("jobs"),
         QStringLiteral("Rows rendered at once, 1-16 (default 1); fewer when their measured "
                        "memory would not fit --budget."),
         QStringLiteral("n")},
        {QStringLiteral("budget"),
         QStringLiteral("Memory all rows rendering at once may use, in MB, 16-1048576 "
                        "(default %1).")
             .arg(kDefaultBudgetMB),
         QStringLiteral("mb")},
        {QStringLiteral("index"),
         QStringLiteral("Render data row I only, counted from 0 (one row per worker of an "
                        "indexed cluster job)."),
         QStringLiteral("i")},
        {QStringLiteral("force"), QStringLiteral("Render rows whose video already exists.")},
        {QStringLiteral("report"),
         QStringLiteral("Append one JSON line per row to FILE: row, line, output, status "
                        "(done, skipped, failed), seconds, peak_mb, error."),
         QStringLiteral("file")},
        quietOption(),
    });
    if (!parseVerb(parser, args))
        return kExitOk;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        throw UsageError(QStringLiteral("batch: a template and a CSV table are needed"));
    if (!parser.isSet(QStringLiteral("output")))
        throw UsageError(QStringLiteral("batch: -o OUT_DIR is required"));
    const int jobs = integerOption(parser, QStringLiteral("jobs"), 1);
    if (jobs < 1 || jobs > 16)
        throw UsageError(QStringLiteral("--jobs: must be between 1 and 16, not %1").arg(jobs));
    const int budget = integerOption(parser, QStringLiteral("budget"), kDefaultBudgetMB);
    if (budget < 16 || budget > 1048576)
        throw UsageError(
            QStringLiteral("--budget: must be between 16 and 1048576 MB, not %1").arg(budget));

    Batch b;
    b.tmpl = BatchTemplate::load(positional.at(0));
    b.tablePath = positional.at(1);
    b.table = readCsv(b.tablePath);
    b.firstRows = BatchTemplate::firstRowOfEachOutput(b.table);
    b.tmpl.checkColumns(b.table, b.tablePath);
    b.outputFolder = parser.value(QStringLiteral("output"));
    b.force = parser.isSet(QStringLiteral("force"));
    b.quiet = parser.isSet(QStringLiteral("quiet"));
    if (!QDir().mkpath(b.outputFolder) || !QFileInfo(b.outputFolder).isWritable())
        throwBadInput(QStringLiteral("-o: %1: cannot be created or written").arg(b.outputFolder));

    QList<int> rows;
    if (parser.isSet(QStringLiteral("index"))) {
        const int index = integerOption(parser, QStringLiteral("index"), -1);
        if (index < 0 || index >= b.table.rows.size())
            throw UsageError(QStringLiteral("--index: %1 has data rows 0-%2, not %3")
                                 .arg(b.tablePath)
                                 .arg(b.table.rows.size() - 1)
                                 .arg(index));
        rows.append(index);
    } else {
        for (int i = 0; i < b.table.rows.size(); ++i)
            rows.append(i);
    }
    if (rows.isEmpty())
        throwBadInput(QStringLiteral("%1: no data rows under the header").arg(b.tablePath));

    Report report(parser.value(QStringLiteral("report")));
    QList<RowResult> results;
    const auto finished = [&](const RowResult &r) {
        report.add(r);
        if (!b.quiet)
            printLine(
                QStringLiteral("row %1: %2 %3%4")
                    .arg(r.row)
                    .arg(r.status, r.output)
                    .arg(r.error.isEmpty() ? QString() : QStringLiteral(" (") + r.error + ')'));
    };
    if (rows.size() == 1) {
        results.append(renderRow(b, rows.first()));
        finished(results.last());
    } else {
        QStringList templateArgs{QStringLiteral("batch"), positional.at(0), positional.at(1),
                                 QStringLiteral("-o"), b.outputFolder};
        if (b.force)
            templateArgs << QStringLiteral("--force");
        results = renderInChildren(b, templateArgs, rows, jobs, budget, finished);
    }

    int done = 0, skipped = 0, failed = 0;
    for (const RowResult &r : std::as_const(results)) {
        done += r.status == QLatin1String("done");
        skipped += r.status == QLatin1String("skipped");
        failed += r.status == QLatin1String("failed");
    }
    int largestRowMB = 0;
    for (const RowResult &r : std::as_const(results)) {
        largestRowMB = std::max(largestRowMB, r.peakMB);
        if (r.status != QLatin1String("failed"))
            continue;
        // Project errors already name the row; render errors are prefixed.
        printError(r.error.startsWith(b.tablePath + QStringLiteral(" row "))
                       ? r.error
                       : BatchTemplate::rowName(b.table, b.tablePath, r.row) +
                             QStringLiteral(": ") + r.error);
    }
    if (!b.quiet || failed > 0)
        printLine(QStringLiteral("batch: %1 done, %2 skipped, %3 failed; largest row peak RSS: "
                                 "%4 MB, this process's %5")
                      .arg(done)
                      .arg(skipped)
                      .arg(failed)
                      .arg(largestRowMB)
                      .arg(peakRssText()));
    return failed > 0 ? kExitFailure : kExitOk;
}

} // namespace reelsmith::cli
