// The background-asset optimizer and the render cache built on it.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "backgrounds/AssetCache.h"
#include "backgrounds/BackgroundOptimizer.h"
#include "core/Error.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

#include <utime.h>

using namespace reelsmith;
using namespace testcli;
using namespace testmedia;

namespace {
const QColor kRed(220, 30, 30);
const QColor kBlue(30, 40, 220);
const QColor kBlack(0, 0, 0);
} // namespace

class OptimizeTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static OptimizeSettings smallRecipe()
    {
        OptimizeSettings s;
        s.encoding.setSize({180, 320});
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("REELSMITH_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        // Landscape 30 fps, 3 s, with an audio track: red left half, blue right half.
        VideoSpec wide = colorCycle({320, 180}, 30, 90, {});
        wide.withAudio = true;
        wide.paint = [](QPainter &p, int, double) {
            p.fillRect(0, 0, 160, 180, kRed);
            p.fillRect(160, 0, 160, 180, kBlue);
        };
        writeVideo(path("wide.mp4"), wide);
    }

    void fitsInsideAndPads()
    {
        OptimizeSettings recipe = smallRecipe();
        recipe.maxSeconds = 2;
        const RenderResult r =
            BackgroundOptimizer(path("wide.mp4"), path("asset.mp4"), recipe).run();
        QCOMPARE(r.frames, 48);
        const VideoFacts facts = probe(path("asset.mp4"));
        QCOMPARE(facts.width, 180);
        QCOMPARE(facts.height, 320);
        QCOMPARE(facts.frames, 48);
        QCOMPARE(facts.audioStreams, 0); // audio dropped
        QVERIFY(facts.faststart);
        QVERIFY(qAbs(facts.duration - 2.0) < 0.1);
        // 320x180 fitted into 180 wide is 180x101, centred: bars above and below.
        const QImage f = frames(path("asset.mp4"), {10}).first();
        QVERIFY2(near(sample(f, {90, 20}), kBlack), qPrintable(describe(sample(f, {90, 20}))));
        QVERIFY2(near(sample(f, {90, 300}), kBlack), qPrintable(describe(sample(f, {90, 300}))));
        QVERIFY2(near(sample(f, {40, 160}), kRed), qPrintable(describe(sample(f, {40, 160}))));
        QVERIFY2(near(sample(f, {140, 160}), kBlue), qPrintable(describe(sample(f, {140, 160}))));
    }

    void shortInputKeepsItsLength()
    {
        writeVideo(path("short.mp4"), colorCycle({96, 160}, 24, 24, {kRed}));
        const RenderResult r =
            BackgroundOptimizer(path("short.mp4"), path("short-asset.mp4"), smallRecipe()).run();
        QCOMPARE(r.frames, 24); // 1 s, not the recipe's 15 s
        QCOMPARE(probe(path("short-asset.mp4")).frames, 24);
    }

    // "Add Background" copies the part the creator chose, at the frame rate
    // chosen: a 4 s clip red, green, blue, yellow second by second, copied
    // from 2 s for 1 s at 30 fps, is 30 frames of blue.
    void copiesTheChosenSegmentAtItsFrameRate()
    {
        VideoSpec spec = colorCycle({96, 160}, 24, 96, {});
        spec.paint = [](QPainter &p, int, double seconds) {
            const QColor colours[] = {kRed, QColor(30, 200, 40), kBlue, QColor(230, 210, 30)};
            p.fillRect(p.window(), colours[std::clamp(int(seconds), 0, 3)]);
        };
        writeVideo(path("seconds.mp4"), spec);
        OptimizeSettings recipe = smallRecipe();
        recipe.startSeconds = 2.0;
        recipe.maxSeconds = 1.0;
        recipe.encoding.fps = 30;
        const RenderResult r =
            BackgroundOptimizer(path("seconds.mp4"), path("segment.mp4"), recipe).run();
        QCOMPARE(r.frames, 30);
        const VideoFacts facts = probe(path("segment.mp4"));
        QCOMPARE(facts.frames, 30);
        QVERIFY2(std::abs(facts.fps - 30) < 0.01, qPrintable(QString::number(facts.fps)));
        const QList<QImage> f = frames(path("segment.mp4"), {0, 15, 29});
        QCOMPARE(f.size(), 3);
        for (const QImage &frame : f)
            QVERIFY2(near(sample(frame, {90, 160}), kBlue),
                     qPrintable(describe(sample(frame, {90, 160}))));

        // A start past the clip's end is refused by name, and nothing is written.
        recipe.startSeconds = 5.0;
        try {
            BackgroundOptimizer(path("seconds.mp4"), path("late.mp4"), recipe).run();
            QFAIL("a start past the end was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().startsWith(QLatin1String("start: ")), qPrintable(e.message()));
        }
        QVERIFY(!QFileInfo::exists(path("late.mp4")));
        QVERIFY(partFiles(m_dir.path()).isEmpty());
    }

    void rotatedPhoneClipComesOutUpright()
    {
        // Stored landscape (red left, blue right), shown after a 90 degree
        // clockwise turn: upright it is portrait with red on top.
        VideoSpec phone = colorCycle({320, 180}, 24, 12, {});
        phone.rotation = 90;
        phone.paint = [](QPainter &p, int, double) {
            p.fillRect(0, 0, 160, 180, kRed);
            p.fillRect(160, 0, 160, 180, kBlue);
        };
        writeVideo(path("phone.mp4"), phone);
        BackgroundOptimizer(path("phone.mp4"), path("phone-asset.mp4"), smallRecipe()).run();
        const VideoFacts facts = probe(path("phone-asset.mp4"));
        QCOMPARE(facts.width, 180);
        QCOMPARE(facts.height, 320);
        const QImage f = frames(path("phone-asset.mp4"), {3}).first();
        QVERIFY2(near(sample(f, {90, 80}), kRed), qPrintable(describe(sample(f, {90, 80}))));
        QVERIFY2(near(sample(f, {90, 240}), kBlue), qPrintable(describe(sample(f, {90, 240}))));
    }

    void bitRateIsCapped()
    {
        // Noise is the worst case for size; the cap must hold it near 500 kbit/s.
        VideoSpec noise = colorCycle({360, 640}, 24, 72, {});
        noise.paint = [](QPainter &p, int i, double) {
            quint32 seed = 12345u + quint32(i) * 7919u;
            for (int y = 0; y < 640; y += 8)
                for (int x = 0; x < 360; x += 8) {
                    seed = seed * 1664525u + 1013904223u;
                    p.fillRect(x, y, 8, 8, QColor::fromRgb(seed));
                }
        };
        writeVideo(path("noise.mp4"), noise);
        OptimizeSettings recipe;
        recipe.encoding.setSize({360, 640});
        const RenderResult r =
            BackgroundOptimizer(path("noise.mp4"), path("noise-asset.mp4"), recipe).run();
        const double kbps = r.bytes * 8.0 / 1000 / 3.0;
        QVERIFY2(kbps < 500 * 1.3, qPrintable(QStringLiteral("%1 kbit/s").arg(kbps)));
    }

    void badInputsAreRefusedAndLeaveNothing()
    {
        QFile garbage(path("garbage.mp4"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        const QList<QPair<QString, QString>> cases = {
            {path("garbage.mp4"), path("out1.mp4")},
            {path("missing.mp4"), path("out2.mp4")},
            {path("wide.mp4"), path("no/such/folder/out3.mp4")},
        };
        for (const auto &[in, out] : cases) {
            try {
                BackgroundOptimizer(in, out, smallRecipe()).run();
                QFAIL(qPrintable(QStringLiteral("%1 -> %2 must fail").arg(in, out)));
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
            }
            QVERIFY(!QFile::exists(out));
        }
        OptimizeSettings odd = smallRecipe();
        odd.encoding.setSize({181, 320});
        QVERIFY_THROWS_EXCEPTION(Error,
                                 BackgroundOptimizer(path("wide.mp4"), path("o.mp4"), odd).run());
        QVERIFY(partFiles(m_dir.path()).isEmpty());
    }

    void renderUsesTheCachedCopy()
    {
        writeImage(path("pic.png"), solid({100, 100}, kRed), "PNG");
        Project p;
        p.baseDir = m_dir.path();
        p.background = QStringLiteral("wide.mp4");
        p.output.width = 180;
        p.output.height = 320;
        p.output.fps = 12;
        p.scenes = {{QStringLiteral("pic.png"), 1.0, QString(), Layout::Top}};
        const OptimizeSettings recipe = AssetCache::renderRecipe(p.output.size(), p.output.fps);

        QVERIFY(AssetCache::isHeavy(path("wide.mp4"), QSize(160, 90)));
        QVERIFY(AssetCache::lookup(path("wide.mp4"), recipe).isEmpty());
        const QString cached = AssetCache::create(path("wide.mp4"), recipe);
        QCOMPARE(AssetCache::lookup(path("wide.mp4"), recipe), cached);
        QVERIFY(cached.startsWith(m_dir.filePath(QStringLiteral("cache"))));
        const VideoFacts facts = probe(cached);
        QCOMPARE(facts.width, 180);
        QCOMPARE(facts.height, 320);
        QCOMPARE(facts.frames, 36); // the whole 3 s at the output's 12 fps
        QVERIFY(partFiles(AssetCache::folder()).isEmpty());

        RenderJob job(p, path("cached-render.mp4"));
        job.run();
        QCOMPARE(job.backgroundPath(), cached);
        // Covered (not padded): the left half of the frame is red, the right blue.
        const QImage f = frames(path("cached-render.mp4"), {4}).first();
        QVERIFY2(near(sample(f, {20, 300}), kRed), qPrintable(describe(sample(f, {20, 300}))));
        QVERIFY2(near(sample(f, {160, 300}), kBlue), qPrintable(describe(sample(f, {160, 300}))));

        RenderJob bypass(p, path("uncached-render.mp4"));
        bypass.setUseCache(false);
        bypass.run();
        QCOMPARE(bypass.backgroundPath(), path("wide.mp4"));

        // A changed source is a different entry.
        struct utimbuf times
        {
            1000000000, 1000000000
        };
        QCOMPARE(utime(QFile::encodeName(path("wide.mp4")).constData(), &times), 0);
        QVERIFY(AssetCache::lookup(path("wide.mp4"), recipe).isEmpty());
    }

    void commandLine()
    {
        QVERIFY2(cliProblem().isEmpty(), qPrintable(cliProblem()));
        const CliRun ok =
            runCli({QStringLiteral("optimize"), path("wide.mp4"), QStringLiteral("-o"),
                    path("cli-asset.mp4"), QStringLiteral("--width"), QStringLiteral("180"),
                    QStringLiteral("--height"), QStringLiteral("320"), QStringLiteral("--duration"),
                    QStringLiteral("1")},
                   m_dir.path());
        QVERIFY2(ok.exited(0), qPrintable(ok.describe()));
        QVERIFY2(ok.out.isEmpty(), qPrintable(ok.describe()));
        QVERIFY2(ok.err.contains("peak RSS:"), qPrintable(ok.describe()));
        QCOMPARE(probe(path("cli-asset.mp4")).frames, 24);

        const CliRun bad =
            runCli({QStringLiteral("optimize"), path("wide.mp4"), QStringLiteral("-o"),
                    path("cli-bad.mp4"), QStringLiteral("--maxrate"), QStringLiteral("1")},
                   m_dir.path());
        QVERIFY2(bad.exited(2), qPrintable(bad.describe()));
        QVERIFY2(bad.errText().startsWith(QStringLiteral("error: --maxrate")),
                 qPrintable(bad.describe()));
        QVERIFY(!QFile::exists(path("cli-bad.mp4")));
    }
};

QTEST_MAIN(OptimizeTest)
#include "tst_optimize.moc"
