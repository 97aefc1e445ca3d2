// reelsmith-cli batch as a creator's script or a cluster job runs it: every
// row rendered from one template, a bad row named while the others render,
// resumed after a kill, one row by --index, rows held back by the memory
// budget, and the report's lines.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace testcli;
using namespace testmedia;

namespace {

QList<QJsonObject> reportLines(const QString &path)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : readFile(path).split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

QJsonObject lineForRow(const QList<QJsonObject> &lines, int row)
{
    for (const QJsonObject &line : lines)
        if (line.value(QStringLiteral("row")).toInt() == row)
            return line;
    return {};
}

} // namespace

class BatchTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    CliRun run(const QStringList &args, int timeoutMs = 4 * kTimeoutMs) const
    {
        return runCli(args, m_dir.path(), {}, timeoutMs);
    }

    // Rows whose caption and length come from the table, over a small clip.
    void writeTemplate()
    {
        QVERIFY(writeJson(
            path(QStringLiteral("series.reel.json")),
            QJsonObject{{"format", "reelsmith-project"},
                        {"version", 2},
                        {"background", "bg.mp4"},
                        {"output", QJsonObject{{"width", 180},
                                               {"height", 320},
                                               {"fps", 12},
                                               {"crf", 30},
                                               {"preset", "ultrafast"},
                                               {"threads", 1}}},
                        {"scenes", QJsonArray{QJsonObject{{"media", "{{picture}}"},
                                                          {"duration", "{{seconds}}"},
                                                          {"caption", "{{caption}}"}}}}}));
    }

    void writeTable(const QString &name, const QByteArray &csv)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        QVERIFY2(cliProblem().isEmpty(), qPrintable(cliProblem()));
        writeVideo(path(QStringLiteral("bg.mp4")), colorCycle({180, 320}, 12, 12, {Qt::darkGray}));
        writeImage(path(QStringLiteral("red.png")), solid({120, 120}, QColor(220, 30, 30)), "PNG");
        writeImage(path(QStringLiteral("blue.png")), solid({120, 120}, QColor(30, 40, 220)), "PNG");
        writeTemplate();
    }

    void rendersEveryRowAndNamesTheBadOne()
    {
        writeTable(QStringLiteral("rows.csv"), "caption,picture,seconds,output\n"
                                               "\"Red, first\",red.png,1,red\n"
                                               "Blue,blue.png,1.5,blue\n"
                                               "Broken,blue.png,-1,broken\n"
                                               "\"Missing\",nowhere.png,1,missing\n"
                                               "Again,blue.png,1,red.mp4\n"
                                               "Escape,red.png,1,../escape\n");
        const QString out = path(QStringLiteral("out"));
        const QString report = path(QStringLiteral("report.jsonl"));
        const CliRun r =
            run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                 QStringLiteral("rows.csv"), QStringLiteral("-o"), out, QStringLiteral("--jobs"),
                 QStringLiteral("2"), QStringLiteral("--report"), report, QStringLiteral("-q")});
        QVERIFY2(r.exited(1), qPrintable(r.describe()));
        // The good rows are videos of their own picture and length.
        const VideoFacts red = probe(QDir(out).filePath(QStringLiteral("red.mp4")));
        const VideoFacts blue = probe(QDir(out).filePath(QStringLiteral("blue.mp4")));
        QCOMPARE(red.frames, 12);
        QCOMPARE(blue.frames, 18);
        QVERIFY(near(
            sample(frames(QDir(out).filePath(QStringLiteral("red.mp4")), {0}).value(0), {90, 160}),
            QColor(220, 30, 30), 40));
        QVERIFY(near(
            sample(frames(QDir(out).filePath(QStringLiteral("blue.mp4")), {0}).value(0), {90, 160}),
            QColor(30, 40, 220), 40));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("broken.mp4"))));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("missing.mp4"))));
        QVERIFY(partFiles(out).isEmpty());
        // Each failure named by row, line, key (and column when filled from one).
        const QString err = r.errText();
        QVERIFY2(err.contains(QStringLiteral(
                     "error: rows.csv row 2 (line 4): scenes[0].duration: must be > 0")) &&
                     err.contains(QStringLiteral("(column seconds)")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("rows.csv row 3 (line 5): scenes[0].media: ")) &&
                     err.contains(QStringLiteral("nowhere.png: no such file (column picture)")),
                 qPrintable(err));
        // Two rows naming one file: the later one fails, and the first
        // row's video is its own (red), whatever order the jobs ran in.
        QVERIFY2(err.contains(QStringLiteral("rows.csv row 4 (line 6): output: \"red.mp4\" is "
                                             "row 0's output too")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("rows.csv row 5 (line 7): output: \"../escape\" "
                                             "must be a name inside the output folder")),
                 qPrintable(err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("escape.mp4"))));
        QVERIFY2(r.errText().contains(QStringLiteral("2 done, 0 skipped, 4 failed")),
                 qPrintable(r.describe()));
        // One report line per row.
        const QList<QJsonObject> lines = reportLines(report);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lineForRow(lines, 0).value(QStringLiteral("status")).toString(),
                 QStringLiteral("done"));
        QCOMPARE(lineForRow(lines, 0).value(QStringLiteral("line")).toInt(), 2);
        QVERIFY(lineForRow(lines, 0).value(QStringLiteral("peak_mb")).toInt() > 10);
        QVERIFY(lineForRow(lines, 1).value(QStringLiteral("seconds")).toDouble() > 0);
        QCOMPARE(lineForRow(lines, 2).value(QStringLiteral("status")).toString(),
                 QStringLiteral("failed"));
        QVERIFY(lineForRow(lines, 2)
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("scenes[0].duration")));

        // Run again: the videos made are skipped (unless --force), the bad
        // rows fail again.
        const CliRun again = run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                                  QStringLiteral("rows.csv"), QStringLiteral("-o"), out});
        QVERIFY2(again.exited(1), qPrintable(again.describe()));
        QVERIFY2(again.errText().contains(QStringLiteral("0 done, 2 skipped, 4 failed")),
                 qPrintable(again.describe()));
        const CliRun forced =
            run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                 QStringLiteral("rows.csv"), QStringLiteral("-o"), out, QStringLiteral("--force")});
        QVERIFY2(forced.errText().contains(QStringLiteral("2 done, 0 skipped, 4 failed")),
                 qPrintable(forced.describe()));
    }

    void indexRendersOneRow()
    {
        writeTable(QStringLiteral("numbered.csv"),
                   "caption,picture,seconds\nA,red.png,0.5\nB,blue.png,0.5\nC,red.png,0.5\n");
        const QString out = path(QStringLiteral("indexed"));
        const CliRun r =
            run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                 QStringLiteral("numbered.csv"), QStringLiteral("-o"), out,
                 QStringLiteral("--index"), QStringLiteral("1"), QStringLiteral("-q")});
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        // Without an output column, rows are numbered from 1.
        QCOMPARE(QDir(out).entryList(QDir::Files), QStringList{QStringLiteral("series-002.mp4")});
        QVERIFY(
            near(sample(frames(QDir(out).filePath(QStringLiteral("series-002.mp4")), {0}).value(0),
                        {90, 160}),
                 QColor(30, 40, 220), 40));
        const CliRun bad = run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                                QStringLiteral("numbered.csv"), QStringLiteral("-o"), out,
                                QStringLiteral("--index"), QStringLiteral("3")});
        QVERIFY2(bad.exited(2), qPrintable(bad.describe()));
        QVERIFY2(bad.errText().contains(QStringLiteral("--index: numbered.csv has data rows 0-2")),
                 qPrintable(bad.describe()));
    }

    // A budget that holds one row's measured peak but not two: --jobs 2
    // renders them one after another; a larger one lets two run at once.
    void budgetHoldsRowsBack()
    {
        writeTable(QStringLiteral("four.csv"),
                   "caption,picture,seconds\n"
                   "A,red.png,2\nB,blue.png,2\nC,red.png,2\nD,blue.png,2\n");
        const auto overlaps = [](const QList<QJsonObject> &lines) {
            int overlapping = 0;
            for (const QJsonObject &a : lines)
                for (const QJsonObject &b : lines) {
                    if (a.value("row").toInt() >= b.value("row").toInt())
                        continue;
                    const double a0 = a.value("started").toDouble();
                    const double a1 = a0 + a.value("seconds").toDouble();
                    const double b0 = b.value("started").toDouble();
                    const double b1 = b0 + b.value("seconds").toDouble();
                    // The report's times are rounded to 10 ms.
                    overlapping += a0 < b1 - 0.05 && b0 < a1 - 0.05;
                }
            return overlapping;
        };
        const QString tight = path(QStringLiteral("tight.jsonl"));
        const CliRun one =
            run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                 QStringLiteral("four.csv"), QStringLiteral("-o"), path("tight"),
                 QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("--budget"),
                 QStringLiteral("100"), QStringLiteral("--report"), tight, QStringLiteral("-q")});
        QVERIFY2(one.exited(0), qPrintable(one.describe()));
        const QList<QJsonObject> tightLines = reportLines(tight);
        QCOMPARE(tightLines.size(), 4);
        const int rowPeak = tightLines.first().value("peak_mb").toInt();
        QVERIFY2(rowPeak > 50, qPrintable(QString::number(rowPeak))); // two would not fit in 100
        QVERIFY2(overlaps(tightLines) == 0, readFile(tight).constData());

        const QString roomy = path(QStringLiteral("roomy.jsonl"));
        const CliRun two = run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                                QStringLiteral("four.csv"), QStringLiteral("-o"), path("roomy"),
                                QStringLiteral("--jobs"), QStringLiteral("2"),
                                QStringLiteral("--report"), roomy, QStringLiteral("-q")});
        QVERIFY2(two.exited(0), qPrintable(two.describe()));
        // The first row runs alone to be measured; the next ones in pairs.
        QVERIFY2(overlaps(reportLines(roomy)) >= 1, readFile(roomy).constData());
    }

    // SIGKILL mid-batch, then run again: every video valid, none made twice,
    // no temporary left behind.
    void resumesAfterAKill()
    {
        writeTable(QStringLiteral("long.csv"),
                   "caption,picture,seconds\n"
                   "A,red.png,3\nB,blue.png,3\nC,red.png,3\nD,blue.png,3\n");
        const QString out = path(QStringLiteral("killed"));
        QProcess batch;
        prepareCli(batch,
                   {QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                    QStringLiteral("long.csv"), QStringLiteral("-o"), out, QStringLiteral("-q")},
                   m_dir.path());
        batch.start();
        QVERIFY(batch.waitForStarted());
        // Killed once the first video is there and the second is being made.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(QDir(out).filePath("series-001.mp4")) &&
                                     !partFiles(out).isEmpty(),
                                 60000);
        ::kill(pid_t(batch.processId()), SIGKILL);
        QVERIFY(batch.waitForFinished(10000));
        const QDateTime firstMade = QFileInfo(QDir(out).filePath("series-001.mp4")).lastModified();
        // The row being rendered stops with its batch and cleans up.
        QTRY_VERIFY_WITH_TIMEOUT(partFiles(out).isEmpty(), 20000);

        const QString report = path(QStringLiteral("resume.jsonl"));
        const CliRun again = run({QStringLiteral("batch"), QStringLiteral("series.reel.json"),
                                  QStringLiteral("long.csv"), QStringLiteral("-o"), out,
                                  QStringLiteral("--report"), report, QStringLiteral("-q")});
        QVERIFY2(again.exited(0), qPrintable(again.describe()));
        QCOMPARE(lineForRow(reportLines(report), 0).value("status").toString(),
                 QStringLiteral("skipped"));
        QCOMPARE(QFileInfo(QDir(out).filePath("series-001.mp4")).lastModified(), firstMade);
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 4);
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(probe(QDir(out).filePath(QStringLiteral("series-00%1.mp4").arg(i))).frames,
                     36);
        QVERIFY(partFiles(out).isEmpty());
    }

    // The cluster's Indexed Job runs exactly this command: its `args:` line
    // (a JSON-style list, which is YAML too) with /data as the test's folder
    // and ROW as the pod's completion index.
    void kubernetesJobRunsTheTestedCommand()
    {
        const QString yamlPath =
            QStringLiteral(QT_TESTCASE_SOURCEDIR "/../packaging/kubernetes/batch-job.yaml");
        const QList<QByteArray> yaml = readFile(yamlPath).split('\n');
        QByteArray argsLine;
        for (const QByteArray &line : yaml)
            if (line.trimmed().startsWith("args:"))
                argsLine = line.trimmed().mid(5);
        QVERIFY2(!argsLine.isEmpty(), qPrintable(yamlPath));
        const QJsonArray array = QJsonDocument::fromJson(argsLine).array();
        QVERIFY2(array.size() > 4, argsLine.constData());
        writeTable(QStringLiteral("rows.csv"), "caption,picture,seconds,output\n"
                                               "First,red.png,0.5,first\n"
                                               "Second,blue.png,0.5,second\n");
        QStringList args;
        for (const QJsonValue &value : array)
            args << value.toString()
                        .replace(QStringLiteral("/data/out"), path(QStringLiteral("k8s-out")))
                        .replace(QStringLiteral("/data"), m_dir.path())
                        .replace(QStringLiteral("$(ROW)"), QStringLiteral("1"));
        QCOMPARE(args.first(), QStringLiteral("batch"));
        QVERIFY(QDir().mkpath(path(QStringLiteral("k8s-out"))));
        const CliRun r = run(args);
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        QCOMPARE(QDir(path(QStringLiteral("k8s-out"))).entryList({QStringLiteral("*.mp4")}),
                 QStringList{QStringLiteral("second.mp4")});
        const QList<QJsonObject> report =
            reportLines(path(QStringLiteral("k8s-out/report-1.jsonl")));
        QCOMPARE(report.size(), 1);
        QCOMPARE(report.first().value("status").toString(), QStringLiteral("done"));
        QCOMPARE(report.first().value("row").toInt(), 1);
    }

    void badInvocations_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no table") << QStringList{"series.reel.json", "-o", "x"}
                                  << QStringLiteral("a template and a CSV table are needed");
        QTest::newRow("missing table")
            << QStringList{"series.reel.json", "none.csv", "-o", "x"} << QStringLiteral("none.csv");
        QTest::newRow("jobs 0") << QStringList{"series.reel.json", "rows.csv", "-o", "x",
                                               "--jobs",           "0"}
                                << QStringLiteral("--jobs");
        QTest::newRow("column missing") << QStringList{"series.reel.json", "few.csv", "-o", "x"}
                                        << QStringLiteral("{{picture}} names no column of few.csv");
    }

    void badInvocations()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        writeTable(QStringLiteral("few.csv"), "caption,seconds\nA,1\n");
        const CliRun r = run(QStringList{QStringLiteral("batch")} + args);
        QVERIFY2(r.exited(2), qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(message), qPrintable(r.describe()));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("x/series-001.mp4"))));
    }
};

QTEST_MAIN(BatchTest)
#include "tst_batch.moc"
