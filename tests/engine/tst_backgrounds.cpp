// The built-in backgrounds as shipped (size, format, motion, a seamless
// loop), and the user's own background folder: listing, overriding a
// built-in, and clips with new names.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace testcli;
using namespace testmedia;

namespace {

const QStringList kBuiltins = {QStringLiteral("minecraft"), QStringLiteral("subway"),
                               QStringLiteral("abstract")};
// Frames are compared as grey thumbnails: enough to see motion, cheap to hold.
const QSize kThumb(90, 160);

// Mean absolute difference of two grey pictures, in grey levels.
double difference(const QImage &a, const QImage &b)
{
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        const uchar *pa = a.constScanLine(y);
        const uchar *pb = b.constScanLine(y);
        for (int x = 0; x < a.width(); ++x)
            sum += std::abs(int(pa[x]) - int(pb[x]));
    }
    return sum / (a.width() * a.height());
}

// Mean absolute difference of two colour pictures, per channel.
double colourDifference(const QImage &a, const QImage &b)
{
    const QImage sa = a.scaled(kThumb, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage sb = b.scaled(kThumb, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    for (int y = 0; y < kThumb.height(); ++y)
        for (int x = 0; x < kThumb.width(); ++x) {
            const QRgb pa = sa.pixel(x, y), pb = sb.pixel(x, y);
            sum += std::abs(qRed(pa) - qRed(pb)) + std::abs(qGreen(pa) - qGreen(pb)) +
                   std::abs(qBlue(pa) - qBlue(pb));
        }
    return sum / (3.0 * kThumb.width() * kThumb.height());
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

class BackgroundsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_userFolder;
    QMap<QString, QList<QImage>> m_thumbs; // decoded once per built-in

    static QString builtinPath(const QString &name)
    {
        return QDir(qEnvironmentVariable("REELSMITH_DATA_DIR"))
            .filePath(QStringLiteral("backgrounds/%1.mp4").arg(name));
    }

    static QString builtinHdPath(const QString &name)
    {
        return QDir(qEnvironmentVariable("REELSMITH_DATA_DIR"))
            .filePath(QStringLiteral("backgrounds/1080x1920/%1.mp4").arg(name));
    }

    const QList<QImage> &thumbs(const QString &name)
    {
        if (!m_thumbs.contains(name))
            m_thumbs.insert(name, grayFrames(builtinPath(name), kThumb));
        return m_thumbs[name];
    }

    QString xdgDataHome() const
    {
        return privateUserFolders(m_dir.path()).value(QStringLiteral("XDG_DATA_HOME"));
    }

    // Runs the CLI in the test's folder, with its user folders there too.
    CliRun run(const QStringList &args) const
    {
        return runCli(args, m_dir.path(), privateUserFolders(m_dir.path()));
    }

    // `backgrounds`' lines by name, each split into its tab-separated fields.
    QMap<QString, QStringList> listing(CliRun *runOut = nullptr)
    {
        const CliRun r = run({QStringLiteral("backgrounds")});
        if (runOut)
            *runOut = r;
        QMap<QString, QStringList> lines;
        for (const QString &line : r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList fields = line.split(QLatin1Char('\t'));
            lines.insert(fields.first(), fields);
        }
        return lines;
    }

    // Renders a half-second 180x320 project over `background` with a thin red
    // bar in the middle, and returns its first frame.
    QImage renderOver(const QString &background)
    {
        const QString folder = m_dir.filePath(QStringLiteral("render-") + background);
        QDir().mkpath(folder);
        writeImage(QDir(folder).filePath(QStringLiteral("bar.png")),
                   solid({200, 20}, QColor(220, 30, 30)), "PNG");
        const QJsonObject project =
            smallProject({sceneJson(QStringLiteral("bar.png"), 0.5)}, background);
        const QString projectFile = QDir(folder).filePath(QStringLiteral("p.reel.json"));
        if (!writeJson(projectFile, project))
            return {};
        const QString out = QDir(folder).filePath(QStringLiteral("out.mp4"));
        const CliRun r = run({QStringLiteral("render"), projectFile, QStringLiteral("-o"), out,
                              QStringLiteral("-q")});
        if (r.exitCode != 0 || !QFileInfo::exists(out)) {
            qWarning("%s", qPrintable(r.describe()));
            return {};
        }
        const QList<QImage> images = frames(out, {0});
        return images.value(0);
    }

    void writeUserClip(const QString &fileName, QColor color)
    {
        QDir().mkpath(m_userFolder);
        writeVideo(QDir(m_userFolder).filePath(fileName), colorCycle({96, 160}, 24, 24, {color}));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(cliProblem().isEmpty(), qPrintable(cliProblem()));
        QVERIFY2(!qEnvironmentVariableIsEmpty("REELSMITH_DATA_DIR"),
                 "REELSMITH_DATA_DIR must name the build tree's data folder");
        // Where the CLI (application and organisation "reelsmith") keeps user
        // backgrounds for this XDG_DATA_HOME, asked of Qt the way the CLI does.
        const QByteArray savedXdg = qgetenv("XDG_DATA_HOME");
        const QString savedApp = QCoreApplication::applicationName();
        const QString savedOrg = QCoreApplication::organizationName();
        qputenv("XDG_DATA_HOME", QFile::encodeName(xdgDataHome()));
        QCoreApplication::setApplicationName(QStringLiteral("reelsmith"));
        QCoreApplication::setOrganizationName(QStringLiteral("reelsmith"));
        m_userFolder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                           .filePath(QStringLiteral("backgrounds"));
        QCoreApplication::setApplicationName(savedApp);
        QCoreApplication::setOrganizationName(savedOrg);
        if (savedXdg.isNull())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", savedXdg);
        QVERIFY2(m_userFolder.startsWith(xdgDataHome()), qPrintable(m_userFolder));
    }

    void builtinClip_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : kBuiltins)
            QTest::newRow(qPrintable(name)) << name;
    }

    void builtinClip()
    {
        QFETCH(QString, name);
        const QString path = builtinPath(name);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QVERIFY2(QFileInfo(path).size() < 2 * 1024 * 1024,
                 qPrintable(QStringLiteral("%1 bytes").arg(QFileInfo(path).size())));
        const VideoFacts facts = probe(path);
        QCOMPARE(facts.width, 720);
        QCOMPARE(facts.height, 1280);
        QCOMPARE(facts.codec, QStringLiteral("h264"));
        QCOMPARE(facts.videoStreams, 1);
        QCOMPARE(facts.audioStreams, 0);
        QVERIFY2(std::abs(facts.fps - 24) < 0.01, qPrintable(QString::number(facts.fps)));
        QVERIFY2(std::abs(facts.frames - 360) <= 1, qPrintable(QString::number(facts.frames)));
        QVERIFY2(std::abs(facts.duration - 15) <= 0.1, qPrintable(QString::number(facts.duration)));
    }

    // The same loops drawn for 1080x1920 exports: the size and a higher
    // frame rate, still small enough to ship.
    void builtinHdClip_data() { builtinClip_data(); }

    void builtinHdClip()
    {
        if (!REELSMITH_HD_BACKGROUNDS)
            QSKIP("this tree is configured without the 1080x1920 backgrounds "
                  "(REELSMITH_HD_BACKGROUNDS=OFF, the sanitizer trees)");
        QFETCH(QString, name);
        const QString path = builtinHdPath(name);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QVERIFY2(QFileInfo(path).size() < 4 * 1024 * 1024,
                 qPrintable(QStringLiteral("%1 bytes").arg(QFileInfo(path).size())));
        const VideoFacts facts = probe(path);
        QCOMPARE(facts.width, 1080);
        QCOMPARE(facts.height, 1920);
        QVERIFY2(std::abs(facts.fps - 30) < 0.01, qPrintable(QString::number(facts.fps)));
        QVERIFY2(std::abs(facts.frames - 450) <= 1, qPrintable(QString::number(facts.frames)));
        QVERIFY2(std::abs(facts.duration - 15) <= 0.1, qPrintable(QString::number(facts.duration)));
        // The same picture as the small loop at the same moment.
        const QImage small = frames(builtinPath(name), {0}).value(0);
        const QImage large = frames(path, {0}).value(0);
        QVERIFY(!small.isNull() && !large.isNull());
        const double d = colourDifference(small, large);
        QVERIFY2(d < 6, qPrintable(QStringLiteral("the two sizes differ by %1").arg(d)));
    }

    // A 1080x1920 render over a built-in shows the 1080x1920 drawing, not
    // the small loop scaled up: its first frame is closer, pixel by pixel at
    // full size, to the large drawing than to the upscale.
    void largeRenderUsesTheLargeDrawing()
    {
        if (!REELSMITH_HD_BACKGROUNDS)
            QSKIP("this tree is configured without the 1080x1920 backgrounds");
        const QString folder = m_dir.filePath(QStringLiteral("render-hd"));
        QDir().mkpath(folder);
        writeImage(QDir(folder).filePath(QStringLiteral("bar.png")),
                   solid({200, 20}, QColor(220, 30, 30)), "PNG");
        QJsonObject project =
            smallProject({sceneJson(QStringLiteral("bar.png"), 0.2)}, QStringLiteral("subway"));
        QJsonObject output = project.value(QStringLiteral("output")).toObject();
        output[QStringLiteral("width")] = 1080;
        output[QStringLiteral("height")] = 1920;
        output[QStringLiteral("fps")] = 30;
        output[QStringLiteral("crf")] = 12;
        project[QStringLiteral("output")] = output;
        const QString projectFile = QDir(folder).filePath(QStringLiteral("p.reel.json"));
        QVERIFY(writeJson(projectFile, project));
        const QString out = QDir(folder).filePath(QStringLiteral("out.mp4"));
        const CliRun r = run({QStringLiteral("render"), projectFile, QStringLiteral("-o"), out,
                              QStringLiteral("-q"), QStringLiteral("--no-cache")});
        QVERIFY2(r.exited(0), qPrintable(r.describe()));
        const QImage rendered = frames(out, {0}).value(0);
        const QImage large = frames(builtinHdPath(QStringLiteral("subway")), {0}).value(0);
        const QImage upscaled =
            frames(builtinPath(QStringLiteral("subway")), {0})
                .value(0)
                .scaled(1080, 1920, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QVERIFY(!rendered.isNull() && !large.isNull() && !upscaled.isNull());
        // Compared in the top band, away from the scene's bar.
        const QRect band(0, 0, 1080, 600);
        const auto fullDifference = [&](const QImage &a, const QImage &b) {
            double sum = 0;
            for (int y = band.top(); y <= band.bottom(); ++y)
                for (int x = band.left(); x <= band.right(); ++x) {
                    const QRgb pa = a.pixel(x, y), pb = b.pixel(x, y);
                    sum += std::abs(qRed(pa) - qRed(pb)) + std::abs(qGreen(pa) - qGreen(pb)) +
                           std::abs(qBlue(pa) - qBlue(pb));
                }
            return sum / (3.0 * band.width() * band.height());
        };
        const double toLarge = fullDifference(rendered, large);
        const double toUpscaled = fullDifference(rendered, upscaled);
        qInfo("first frame vs the 1080x1920 drawing %.2f, vs the upscaled 720x1280 loop %.2f",
              toLarge, toUpscaled);
        QVERIFY2(toLarge < 0.6 * toUpscaled,
                 qPrintable(QStringLiteral("%1 vs %2").arg(toLarge).arg(toUpscaled)));
    }

    void builtinMovesAndLoops_data() { builtinClip_data(); }

    void builtinMovesAndLoops()
    {
        QFETCH(QString, name);
        const QList<QImage> &f = thumbs(name);
        QVERIFY2(f.size() >= 359, qPrintable(QString::number(f.size())));
        QList<double> steps;
        for (qsizetype i = 1; i < f.size(); ++i)
            steps << difference(f[i - 1], f[i]);
        const double typical = median(steps);
        const double slowest = *std::min_element(steps.begin(), steps.end());
        const double seam = difference(f.last(), f.first());
        // Motion may be faster at some points of the loop than at others, so
        // the seam is also measured against the steps on either side of it.
        QList<double> aroundSeam = steps.mid(0, 6) + steps.mid(steps.size() - 6);
        const double reference = std::max(typical, median(aroundSeam));
        double farthest = 0;
        for (const QImage &frame : f)
            farthest = std::max(farthest, difference(f.first(), frame));
        qInfo("%s: consecutive frames differ by %.2f (median; min %.2f, max %.2f, "
              "around the seam %.2f); last to first %.2f; farthest from the first %.2f",
              qPrintable(name), typical, slowest, *std::max_element(steps.begin(), steps.end()),
              median(aroundSeam), seam, farthest);
        // It moves, all the time, and not just by flickering in place.
        QVERIFY2(typical > 0.3, "the background hardly moves");
        QVERIFY2(slowest > 0.05, "the background stands still somewhere in the loop");
        QVERIFY2(farthest > 1.5 * typical, "the background only flickers in place");
        // The last frame flows into the first like any other step.
        QVERIFY2(seam <= 2 * reference,
                 qPrintable(QStringLiteral("seam %1 vs typical step %2").arg(seam).arg(reference)));
    }

    void builtinsLookDifferent()
    {
        QList<QImage> first;
        for (const QString &name : kBuiltins) {
            const QList<QImage> images = frames(builtinPath(name), {0});
            QVERIFY(!images.value(0).isNull());
            first << images.first();
        }
        for (int i = 0; i < first.size(); ++i)
            for (int j = i + 1; j < first.size(); ++j) {
                const double d = colourDifference(first[i], first[j]);
                QVERIFY2(d > 25, qPrintable(QStringLiteral("%1 and %2 differ by only %3")
                                                .arg(kBuiltins[i], kBuiltins[j])
                                                .arg(d)));
            }
    }

    void listsBuiltinsWithDuration()
    {
        CliRun r;
        const QMap<QString, QStringList> lines = listing(&r);
        QVERIFY2(r.exited(0) && r.err.isEmpty(), qPrintable(r.describe()));
        for (const QString &name : kBuiltins) {
            QVERIFY2(lines.contains(name), qPrintable(r.describe()));
            const QStringList fields = lines[name];
            QVERIFY2(fields.size() >= 4, qPrintable(r.describe()));
            QCOMPARE(fields[1], QStringLiteral("built-in"));
            QVERIFY2(std::abs(fields[2].toDouble() - 15) < 0.1, qPrintable(r.describe()));
            QCOMPARE(QFileInfo(fields[3]).canonicalFilePath(),
                     QFileInfo(builtinPath(name)).canonicalFilePath());
        }
    }

    void userClipOverridesBuiltin()
    {
        const QColor magenta(220, 30, 220);
        writeUserClip(QStringLiteral("minecraft.mp4"), magenta);
        CliRun r;
        const QMap<QString, QStringList> lines = listing(&r);
        QVERIFY2(r.exited(0) && r.err.isEmpty(), qPrintable(r.describe()));
        const QStringList fields = lines.value(QStringLiteral("minecraft"));
        QVERIFY2(fields.size() >= 4, qPrintable(r.describe()));
        QCOMPARE(fields[1], QStringLiteral("user, overrides built-in"));
        QVERIFY2(std::abs(fields[2].toDouble() - 1) < 0.1, qPrintable(r.describe()));
        QCOMPARE(fields[3], QDir(m_userFolder).filePath(QStringLiteral("minecraft.mp4")));
        QCOMPARE(lines.value(QStringLiteral("subway")).value(1), QStringLiteral("built-in"));

        const QImage frame = renderOver(QStringLiteral("minecraft"));
        QVERIFY(!frame.isNull());
        const QColor top = sample(frame, {90, 30});
        QVERIFY2(near(top, magenta, 40), qPrintable(describe(top)));
        QFile::remove(QDir(m_userFolder).filePath(QStringLiteral("minecraft.mp4")));
    }

    void userClipWithNewName()
    {
        const QColor green(30, 200, 40);
        writeUserClip(QStringLiteral("mine.mp4"), green);
        CliRun r;
        const QMap<QString, QStringList> lines = listing(&r);
        QVERIFY2(r.exited(0) && r.err.isEmpty(), qPrintable(r.describe()));
        const QStringList fields = lines.value(QStringLiteral("mine"));
        QVERIFY2(fields.size() >= 4, qPrintable(r.describe()));
        QCOMPARE(fields[1], QStringLiteral("user"));
        QCOMPARE(fields[3], QDir(m_userFolder).filePath(QStringLiteral("mine.mp4")));
        // The built-in minecraft is back once the user's clip is gone.
        QCOMPARE(lines.value(QStringLiteral("minecraft")).value(1), QStringLiteral("built-in"));

        const QImage frame = renderOver(QStringLiteral("mine"));
        QVERIFY(!frame.isNull());
        const QColor top = sample(frame, {90, 30});
        QVERIFY2(near(top, green, 40), qPrintable(describe(top)));
        QFile::remove(QDir(m_userFolder).filePath(QStringLiteral("mine.mp4")));
    }

    void unreadableUserClipIsListedWithANote()
    {
        QDir().mkpath(m_userFolder);
        QFile broken(QDir(m_userFolder).filePath(QStringLiteral("broken.mp4")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray(4096, 'x'));
        broken.close();
        QFile empty(QDir(m_userFolder).filePath(QStringLiteral("empty.mov")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        CliRun r;
        const QMap<QString, QStringList> lines = listing(&r);
        QVERIFY2(r.exited(0) && r.err.isEmpty(), qPrintable(r.describe()));
        for (const QString &name : {QStringLiteral("broken"), QStringLiteral("empty")}) {
            const QStringList fields = lines.value(name);
            QVERIFY2(fields.size() == 5, qPrintable(r.describe()));
            QCOMPARE(fields[1], QStringLiteral("user"));
            QCOMPARE(fields[2], QStringLiteral("-"));
            QVERIFY2(fields[4].contains(QStringLiteral("unreadable")), qPrintable(r.describe()));
        }
        for (const QString &name : kBuiltins)
            QVERIFY2(lines.contains(name), qPrintable(r.describe()));
        QFile::remove(broken.fileName());
        QFile::remove(empty.fileName());
    }
};

QTEST_GUILESS_MAIN(BackgroundsTest)
#include "tst_backgrounds.moc"
