// The memory promise at every preset: x264's frame threads, lookahead,
// references and B-frames are lowered from a budget (core/OutputSettings.cpp
// has the model and the measurements it was fitted to), and a real 1080x1920
// render of large pictures at medium and slow stays under it.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "core/OutputSettings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

using namespace testcli;
using namespace testmedia;
using namespace reelsmith;

namespace {

OutputSettings output(QSize size, const QString &preset, int threads)
{
    OutputSettings settings;
    settings.setSize(size);
    settings.preset = preset;
    settings.threads = threads;
    return settings;
}

// A photo-like 4032x3024 JPEG: smooth colour with grain, so it weighs
// megabytes as a 12 MP photo does and decodes to a 48 MB picture.
QString writePhoto(const QString &path, quint32 seed)
{
    QImage image(4032, 3024, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int grain = int(random.bounded(48u));
            line[x] = qRgb((x / 16 + grain) & 255, (y / 12 + grain) & 255,
                           ((x + y) / 28 + int(seed) * 60) & 255);
        }
    }
    return writeImage(path, image, "JPEG", 92);
}

} // namespace

class MemoryBudgetTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

private slots:
    void initTestCase();

    // The model: small sizes keep the presets, caps only ever tighten with size.
    void presetsUntouchedWhereTheyFit_data();
    void presetsUntouchedWhereTheyFit();
    void capsTightenWithSize_data();
    void capsTightenWithSize();
    void everyPresetFitsAt1080x1920_data();
    void everyPresetFitsAt1080x1920();
    void largestFrameGetsTheLeanestEncoder();

    // The process: a real render's peak RSS.
    void renderStaysUnderBudget_data();
    void renderStaysUnderBudget();
};

void MemoryBudgetTest::initTestCase()
{
    QVERIFY2(cliProblem().isEmpty(), qPrintable(cliProblem()));
    QVERIFY(m_dir.isValid());
    keepFilesIfAsked(m_dir);
    // A busy 1080x1920 background: noise defeats the encoder's skip blocks,
    // as gameplay footage does.
    VideoSpec background;
    background.size = QSize(1080, 1920);
    background.fps = 24;
    background.frames = 12;
    background.paint = [](QPainter &painter, int index, double) {
        QRandomGenerator random(quint32(index) + 1);
        QImage noise(270, 480, QImage::Format_RGB32);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y,
                               qRgb(int(random.bounded(256u)), (x + index * 8) & 255, y & 255));
        painter.drawImage(QRect(0, 0, 1080, 1920), noise);
    };
    const QString bg = m_dir.filePath(QStringLiteral("bg.mp4"));
    writeVideo(bg, background);
    QJsonArray scenes;
    for (int i = 0; i < 2; ++i) {
        const QString photo = m_dir.filePath(QStringLiteral("photo%1.jpg").arg(i));
        QVERIFY(!writePhoto(photo, quint32(i + 1)).isEmpty());
        scenes.append(sceneJson(photo, 1.5, QStringLiteral("Scene %1 of two").arg(i + 1)));
    }
    QJsonObject project = smallProject(scenes, bg);
    project[QStringLiteral("output")] = QJsonObject{{QStringLiteral("width"), 1080},
                                                    {QStringLiteral("height"), 1920},
                                                    {QStringLiteral("fps"), 24},
                                                    {QStringLiteral("crf"), 20},
                                                    {QStringLiteral("threads"), 0}};
    m_project = m_dir.filePath(QStringLiteral("big.reel.json"));
    QVERIFY(writeJson(m_project, project));
}

void MemoryBudgetTest::presetsUntouchedWhereTheyFit_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("refs");
    QTest::addColumn<int>("bframes");
    QTest::addColumn<int>("lookahead");
    // x264's own values (common/base.c); up to faster, presets fit at 720x1280.
    QTest::newRow("720x1280 ultrafast") << QSize(720, 1280) << "ultrafast" << 2 << 1 << 0 << 0;
    QTest::newRow("720x1280 veryfast") << QSize(720, 1280) << "veryfast" << 2 << 1 << 3 << 10;
    QTest::newRow("720x1280 faster") << QSize(720, 1280) << "faster" << 2 << 2 << 3 << 20;
    QTest::newRow("1080x1920 ultrafast") << QSize(1080, 1920) << "ultrafast" << 2 << 1 << 0 << 0;
    QTest::newRow("480x854 slow") << QSize(480, 854) << "slow" << 2 << 5 << 3 << 50;
    QTest::newRow("360x640 veryslow") << QSize(360, 640) << "veryslow" << 2 << 16 << 8 << 60;
}

void MemoryBudgetTest::presetsUntouchedWhereTheyFit()
{
    QFETCH(QSize, size);
    QFETCH(QString, preset);
    QFETCH(int, threads);
    QFETCH(int, refs);
    QFETCH(int, bframes);
    QFETCH(int, lookahead);
    const X264MemoryPlan plan = memoryCappedPlan(output(size, preset, threads), 2);
    QVERIFY2(!plan.capped, qPrintable(plan.x264Params()));
    QCOMPARE(plan.frameThreads, threads);
    QCOMPARE(plan.refs, refs);
    QCOMPARE(plan.bframes, bframes);
    QCOMPARE(plan.lookahead, lookahead);
    QCOMPARE(plan.syncLookahead, -1);
}

void MemoryBudgetTest::capsTightenWithSize_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("cpus");
    for (const QString &preset : x264PresetNames()) {
        QTest::addRow("%s threads 0, 2 CPUs", qPrintable(preset)) << preset << 0 << 2;
        QTest::addRow("%s threads 64", qPrintable(preset)) << preset << 64 << 2;
        QTest::addRow("%s threads 0, 32 CPUs", qPrintable(preset)) << preset << 0 << 32;
    }
}

void MemoryBudgetTest::capsTightenWithSize()
{
    QFETCH(QString, preset);
    QFETCH(int, threads);
    QFETCH(int, cpus);
    // Portrait 9:16 frames growing to 2304x4096, then squares to 4096x4096.
    for (const int widthPer16 : {9, 16}) {
        X264MemoryPlan previous = memoryCappedPlan(output({16, 16}, preset, threads), cpus);
        for (int side = 64; side <= 4096; side += 64) {
            const QSize size(side * widthPer16 / 16 / 2 * 2, side);
            const X264MemoryPlan plan = memoryCappedPlan(output(size, preset, threads), cpus);
            const QByteArray where = QStringLiteral("%1x%2: %3 after %4")
                                         .arg(size.width())
                                         .arg(size.height())
                                         .arg(plan.x264Params(), previous.x264Params())
                                         .toUtf8();
            // x264's own count grows with the height (one thread per two
            // macroblock rows); once capped, it may only shrink.
            if (previous.capped)
                QVERIFY2(plan.frameThreads <= previous.frameThreads, where.constData());
            QVERIFY2(plan.lookahead <= previous.lookahead, where.constData());
            QVERIFY2(plan.refs <= previous.refs, where.constData());
            QVERIFY2(plan.bframes <= previous.bframes, where.constData());
            QVERIFY2(plan.capped || !previous.capped, where.constData());
            previous = plan;
        }
    }
}

void MemoryBudgetTest::everyPresetFitsAt1080x1920_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("threads");
    for (const QString &preset : x264PresetNames())
        for (int threads : {0, 1, 2, 64})
            QTest::addRow("%s threads %d", qPrintable(preset), threads) << preset << threads;
}

void MemoryBudgetTest::everyPresetFitsAt1080x1920()
{
    QFETCH(QString, preset);
    QFETCH(int, threads);
    for (int cpus : {1, 2, 8, 64}) {
        const OutputSettings settings = output({1080, 1920}, preset, threads);
        const X264MemoryPlan plan = memoryCappedPlan(settings, cpus);
        QVERIFY2(modelledRenderMB(plan, settings.size()) <= kRenderMemoryBudgetMB,
                 qPrintable(QStringLiteral("%1 CPUs: %2 models %3 MB")
                                .arg(cpus)
                                .arg(plan.x264Params())
                                .arg(modelledRenderMB(plan, settings.size()))));
        // The uncapped preset would not fit: the caps are what keeps it under.
        if (preset == QLatin1String("medium") || preset == QLatin1String("slow")) {
            QVERIFY(plan.capped);
            QVERIFY(modelledRenderMB(x264PresetPlan(preset, {}, threads, 1920, cpus),
                                     settings.size()) > kRenderMemoryBudgetMB);
        }
    }
}

void MemoryBudgetTest::largestFrameGetsTheLeanestEncoder()
{
    // 4096x4096 cannot fit 300 MB with any x264 settings (each waiting
    // frame alone is ~45 MB): every knob is at its floor, whatever the preset.
    for (const QString &preset : x264PresetNames()) {
        const X264MemoryPlan plan = memoryCappedPlan(output({4096, 4096}, preset, 0), 16);
        QCOMPARE(plan.frameThreads, 1);
        QCOMPARE(plan.lookahead, 0);
        QCOMPARE(plan.bframes, 0);
        QCOMPARE(plan.refs, 1);
    }
}

void MemoryBudgetTest::renderStaysUnderBudget_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("medium") << "medium";
    QTest::newRow("slow") << "slow";
}

void MemoryBudgetTest::renderStaysUnderBudget()
{
    QFETCH(QString, preset);
    if (REELSMITH_SANITIZED)
        QSKIP("a sanitizer's shadow memory is not the program's");
    const QString out = m_dir.filePath(preset + QStringLiteral(".mp4"));
    rusage before{};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &before), 0);
    const CliRun run = runCli({QStringLiteral("render"), m_project, QStringLiteral("-o"), out,
                               QStringLiteral("--preset"), preset, QStringLiteral("--threads"),
                               QStringLiteral("0")},
                              m_dir.path(), {}, 600000);
    QVERIFY2(run.exited(0), qPrintable(run.describe()));
    const VideoFacts facts = probe(out);
    QCOMPARE(facts.width, 1080);
    QCOMPARE(facts.height, 1920);
    QCOMPARE(facts.frames, 72);

    const QRegularExpressionMatch summary =
        QRegularExpression(QStringLiteral("peak RSS: (\\d+) MB")).match(run.errText());
    QVERIFY2(summary.hasMatch(), qPrintable(run.describe()));
    const int reportedMB = summary.captured(1).toInt();
    QVERIFY2(reportedMB < kRenderMemoryBudgetMB,
             qPrintable(QStringLiteral("%1 peaked at %2 MB").arg(preset).arg(reportedMB)));
    // The kernel's count agrees (ru_maxrss is the largest child's, in KB).
    rusage after{};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &after), 0);
    if (after.ru_maxrss > before.ru_maxrss)
        QVERIFY2(
            after.ru_maxrss / 1024 < kRenderMemoryBudgetMB,
            qPrintable(QStringLiteral("%1: ru_maxrss %2 KB").arg(preset).arg(after.ru_maxrss)));
}

QTEST_MAIN(MemoryBudgetTest)
#include "tst_memorybudget.moc"
