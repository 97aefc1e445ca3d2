// Captions in real renders: a version 2 project rendered through RenderJob
// (and the CLI for --subtitles), its frames decoded back and checked by
// pixels. The highlight moves to a synthesized word on the frame it is
// spoken, each mode looks as it should, the box and outline have their
// colours, emoji and Cyrillic draw, a long caption pages inside the safe
// area, a huge size is clamped, and the subtitles file matches the render.
// The export's cached caption layer is pixel for pixel the full paint.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "TestTexts.h"
#include "captions/CaptionLayer.h"
#include "captions/CaptionTiming.h"
#include "captions/CaptionTrack.h"
#include "captions/SubtitleFile.h"
#include "project/Project.h"
#include "render/RenderJob.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace reelsmith;
using namespace testmedia;

namespace {

constexpr int kFps = 24;
const QSize kSize(360, 640);
// The background: a mid blue that neither white text nor a black outline is.
const QColor kBackground(60, 90, 160);

bool isGreen(QRgb p)
{
    return qGreen(p) > 170 && qRed(p) < 110 && qBlue(p) < 110;
}
bool isWhite(QRgb p)
{
    return qRed(p) > 200 && qGreen(p) > 200 && qBlue(p) > 200;
}
// Anything the caption put there: far from the background's colour.
bool isInk(QRgb p)
{
    return std::abs(qRed(p) - kBackground.red()) + std::abs(qGreen(p) - kBackground.green()) +
               std::abs(qBlue(p) - kBackground.blue()) >
           90;
}

struct Found
{
    int count = 0;
    QPointF centroid;
    QRect bounds;
};

Found find(const QImage &image, bool (*test)(QRgb))
{
    Found f;
    double sx = 0, sy = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (!test(row[x]))
                continue;
            ++f.count;
            sx += x;
            sy += y;
            f.bounds |= QRect(x, y, 1, 1);
        }
    }
    if (f.count > 0)
        f.centroid = QPointF(sx / f.count, sy / f.count);
    return f;
}

// What the caption module says frame `frame` of a scene starting at frame 0
// shows, painted over the background.
QImage expected(const CaptionTrack &track, qint64 frame)
{
    QImage image(kSize, QImage::Format_RGB32);
    image.fill(kBackground);
    QPainter painter(&image);
    track.paint(painter, track.stateAt(double(frame) / kFps));
    return image;
}

QString where(const Found &f)
{
    return QStringLiteral("%1 px around (%2, %3)")
        .arg(f.count)
        .arg(f.centroid.x(), 0, 'f', 1)
        .arg(f.centroid.y(), 0, 'f', 1);
}

} // namespace

class CaptionRenderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QJsonObject project(const QJsonArray &scenes, const QJsonObject &captions)
    {
        return QJsonObject{{"format", "reelsmith-project"},
                           {"version", 2},
                           {"background", "bg.mp4"},
                           {"output", QJsonObject{{"width", kSize.width()},
                                                  {"height", kSize.height()},
                                                  {"fps", kFps},
                                                  {"crf", 10}}},
                           {"voice", QJsonObject{{"name", "en-us"}}},
                           {"captions", captions},
                           {"scenes", scenes}};
    }

    QString writeProject(const QString &name, const QJsonObject &json) const
    {
        const QString file = path(name + QStringLiteral(".reel.json"));
        if (!writeJson(file, json))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    static RenderJob render(const QString &projectFile, const QString &out)
    {
        RenderJob job(Project::load(projectFile), out);
        job.run();
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        writeVideo(path("bg.mp4"), colorCycle(kSize, kFps, kFps, {kBackground}));
    }

    // Synthesized speech: the frame at a word's start has that word in the
    // highlight colour, the frame before has the word before it.
    void highlightMovesOnTheWordsFrame_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("words") << "words";
        QTest::newRow("karaoke") << "karaoke";
    }
    void highlightMovesOnTheWordsFrame()
    {
        QFETCH(QString, mode);
        const QString file = writeProject(
            QStringLiteral("sync-") + mode,
            project(QJsonArray{QJsonObject{
                        {"duration", "auto"},
                        {"narration", "Seven small boats sailed across the quiet bay today."}}},
                    QJsonObject{{"mode", mode},
                                {"highlight", "#00FF00"},
                                {"size", 60},
                                {"words_per_page", 4}}));
        const QString out = path(QStringLiteral("sync-%1.mp4").arg(mode));
        const RenderJob job = render(file, out);
        const CaptionTrack &track = job.captions().at(0);
        QCOMPARE(track.words().size(), 9);
        // A word inside a page (not its first), at least two frames after
        // the word before it.
        int word = -1;
        for (const CaptionPage &page : track.pages())
            for (int w = page.first + 1; w < page.first + page.count && word < 0; ++w)
                if (track.words()[w].start - track.words()[w - 1].start > 2.0 / kFps)
                    word = w;
        QVERIFY2(word > 0, "a word to watch");
        const qint64 frame = qint64(std::ceil(track.words()[word].start * kFps - 1e-9));
        const QList<QImage> got = frames(out, {int(frame - 1), int(frame)});
        QCOMPARE(got.size(), 2);

        const Found before = find(got[0], isGreen);
        const Found now = find(got[1], isGreen);
        QVERIFY2(before.count > 20 && now.count > 20,
                 qPrintable(where(before) + QStringLiteral(" / ") + where(now)));
        // It moved to the next word: right on the same line, or down a line.
        QVERIFY2(now.centroid.x() > before.centroid.x() + 8 ||
                     now.centroid.y() > before.centroid.y() + 8,
                 qPrintable(where(before) + QStringLiteral(" -> ") + where(now)));
        // And it is where the caption module puts word `word` at that frame.
        const Found want = find(expected(track, frame), isGreen);
        const Found wantBefore = find(expected(track, frame - 1), isGreen);
        QVERIFY2(QLineF(now.centroid, want.centroid).length() < 4,
                 qPrintable(where(now) + QStringLiteral(" vs ") + where(want)));
        QVERIFY2(QLineF(before.centroid, wantBefore.centroid).length() < 4,
                 qPrintable(where(before) + QStringLiteral(" vs ") + where(wantBefore)));
        if (mode == QLatin1String("words")) {
            // The word appears when it is spoken: more white-or-green ink now.
            QVERIFY(find(got[1], isInk).count > find(got[0], isInk).count + 20);
        } else {
            // Karaoke shows the whole page all along: the other words are white.
            QVERIFY(find(got[0], isWhite).count > 100);
        }
    }

    // Block shows the whole text from the first frame, never highlighted;
    // words shows nothing before the first word; karaoke shows the page.
    void eachModeAtTheStart_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("inkAtStart");
        QTest::addColumn<bool>("greenEver");
        QTest::newRow("block") << "block" << true << false;
        QTest::newRow("karaoke") << "karaoke" << true << true;
        QTest::newRow("words") << "words" << false << true;
    }
    void eachModeAtTheStart()
    {
        QFETCH(QString, mode);
        QFETCH(bool, inkAtStart);
        QFETCH(bool, greenEver);
        // Timed by a WebVTT line cue from 0.5 s: its words spread over it.
        QFile vtt(path("mode.vtt"));
        QVERIFY(vtt.open(QIODevice::WriteOnly));
        vtt.write("WEBVTT\n\n00:00:00.500 --> 00:00:02.500\nCaption words shown here\n");
        vtt.close();
        const QString file =
            writeProject(QStringLiteral("mode-") + mode,
                         project(QJsonArray{QJsonObject{{"duration", 3.0},
                                                        {"caption", "Caption words shown here"},
                                                        {"timing", "mode.vtt"}}},
                                 QJsonObject{{"mode", mode}, {"highlight", "#00FF00"}}));
        const QString out = path(QStringLiteral("mode-%1.mp4").arg(mode));
        const RenderJob job = render(file, out);
        const CaptionTrack &track = job.captions().at(0);
        QCOMPARE(track.words().first().start, 0.5);
        QCOMPARE(track.words().last().end, 2.5);
        const QList<QImage> got = frames(out, {0, 30, 60});
        QCOMPARE(got.size(), 3);
        QCOMPARE(find(got[0], isInk).count > 50, inkAtStart);
        bool green = false;
        for (const QImage &image : got) {
            green = green || find(image, isGreen).count > 20;
            const Found ink = find(image, isInk);
            QVERIFY(ink.count == 0 || ink.bounds.top() >= kSize.height() / 2);
        }
        QCOMPARE(green, greenEver);
    }

    void boxAndOutlineHaveTheirColours()
    {
        const QString file = writeProject(
            QStringLiteral("box"),
            project(QJsonArray{QJsonObject{{"duration", 1.0}, {"caption", "HELLO WORLD"}}},
                    QJsonObject{{"size", 72},
                                {"outline", 8},
                                {"outline_color", "#FF0000"},
                                {"box", "#FFFF00FF"},
                                {"color", "#FFFFFF"}}));
        const QString out = path(QStringLiteral("box.mp4"));
        render(file, out);
        const QImage image = frames(out, {10}).value(0);
        QVERIFY(!image.isNull());
        const Found white = find(image, isWhite);
        const Found red =
            find(image, [](QRgb p) { return qRed(p) > 180 && qGreen(p) < 90 && qBlue(p) < 90; });
        const Found yellow =
            find(image, [](QRgb p) { return qRed(p) > 200 && qGreen(p) > 200 && qBlue(p) < 80; });
        QVERIFY2(white.count > 300, qPrintable(where(white)));
        QVERIFY2(red.count > 300, qPrintable(where(red)));
        QVERIFY2(yellow.count > 1000, qPrintable(where(yellow)));
        // The outline hugs the letters; the box goes round both.
        QVERIFY(red.bounds.adjusted(-2, -2, 2, 2).contains(white.bounds));
        QVERIFY(yellow.bounds.adjusted(-2, -2, 2, 2).contains(red.bounds));
        // Nothing of the box where there is no caption.
        QCOMPARE(find(image.copy(0, 0, kSize.width(), kSize.height() / 2), isInk).count, 0);
    }

    // The export keeps each page's image and repaints only the highlighted
    // word's rectangle (CaptionLayer): at every change of every row's track,
    // in order (each image made from the one before), the layer is exactly
    // the page painted whole.
    void layerIsTheWholePagePainted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonObject>("style");
        QTest::newRow("karaoke, outline")
            << kLongRussian << QJsonObject{{"mode", "karaoke"}, {"outline", 4}};
        QTest::newRow("karaoke, box, uppercase, big") << kLongRussian
                                                      << QJsonObject{{"mode", "karaoke"},
                                                                     {"size", 70},
                                                                     {"box", "#202020C0"},
                                                                     {"uppercase", true},
                                                                     {"outline", 2}};
        QTest::newRow("karaoke, emoji")
            << QStringLiteral("Привет 🙂 мир, hello 🎉 world again")
            << QJsonObject{{"mode", "karaoke"}, {"size", 64}};
        QTest::newRow("karaoke, no outline")
            << kLongRussian << QJsonObject{{"mode", "karaoke"}, {"outline", 0}};
        QTest::newRow("words, box")
            << kLongRussian
            << QJsonObject{{"mode", "words"}, {"words_per_page", 4}, {"box", "#000000A0"}};
        QTest::newRow("block") << kLongRussian << QJsonObject{{"mode", "block"}, {"size", 60}};
    }

    void layerIsTheWholePagePainted()
    {
        QFETCH(QString, text);
        QFETCH(QJsonObject, style);
        const CaptionStyle captionStyle =
            CaptionStyleOverride::fromJson(style, QStringLiteral("captions")).over(CaptionStyle());
        const double seconds = 12;
        const CaptionTrack track(CaptionTiming::spread(text, 0, seconds), seconds, captionStyle,
                                 kSize);
        QVERIFY(!track.isEmpty());
        // Qt 6.4 strokes a glyph's outline a little differently (up to 12
        // levels along its edges) before the glyph was ever drawn at that
        // size: every page is painted once first, as it was by the earlier
        // repaints of the same page before the layer kept its image.
        for (qsizetype p = 0; p < track.pages().size(); ++p) {
            QImage warm(kSize, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&warm);
            track.paint(painter, {int(p), -1, track.pages()[p].count});
        }
        CaptionLayer layer(&track);
        const QList<double> times = track.changeTimes();
        QVERIFY(times.size() >= 2);
        for (double t : times) {
            const CaptionState state = track.stateAt(t);
            if (state.isEmpty()) {
                QVERIFY(layer.at(state).image.isNull());
                continue;
            }
            const QRect area = layer.area(state.page);
            QImage whole(area.size(), QImage::Format_ARGB32_Premultiplied);
            whole.fill(Qt::transparent);
            {
                QPainter painter(&whole);
                painter.translate(-area.topLeft());
                track.paint(painter, state);
            }
            const CaptionLayer::Image shown = layer.at(state);
            QCOMPARE(shown.offset, area.topLeft());
            QVERIFY2(shown.image == whole, qPrintable(QStringLiteral("page %1, word %2 at %3 s")
                                                          .arg(state.page)
                                                          .arg(state.active)
                                                          .arg(t)));
        }
    }

    // The pop: a `words` page's first frame is drawn smaller, grows over
    // the next frames (0.12 s: three frames at 24 fps) and is then exactly
    // the size it has with `pop` off.
    void pageAppearsWithAPop()
    {
        const auto widths = [this](const QString &name, bool pop) {
            const QString file = writeProject(
                name,
                project(QJsonArray{QJsonObject{{"duration", 1.0},
                                               {"caption", "Wonderful Extraordinary"}}},
                        QJsonObject{
                            {"mode", "words"}, {"words_per_page", 1}, {"size", 56}, {"pop", pop}}));
            const QString out = path(name + QStringLiteral(".mp4"));
            const RenderJob job = render(file, out);
            // The second word's page, and its first frame.
            const CaptionPage page = job.captions().at(0).pages().at(1);
            const int first = int(std::ceil(page.start * kFps - 1e-9));
            QList<int> result;
            for (const QImage &image : frames(out, {first, first + 1, first + 2, first + 4}))
                result.append(find(image, isInk).bounds.width());
            return result;
        };
        const QList<int> popped = widths(QStringLiteral("pop"), true);
        const QList<int> plain = widths(QStringLiteral("nopop"), false);
        QCOMPARE(popped.size(), 4);
        QCOMPARE(plain.size(), 4);
        const QString seen = QStringLiteral("pop %1, %2, %3, %4; without %5")
                                 .arg(popped[0])
                                 .arg(popped[1])
                                 .arg(popped[2])
                                 .arg(popped[3])
                                 .arg(plain[3]);
        QVERIFY2(plain[0] > 100, qPrintable(seen));
        // 90 % on the first frame: some 10 % narrower.
        QVERIFY2(popped[0] < plain[0] * 0.94, qPrintable(seen));
        QVERIFY2(popped[0] < popped[1] && popped[1] <= popped[2], qPrintable(seen));
        QVERIFY2(popped[2] <= plain[2], qPrintable(seen));
        QVERIFY2(std::abs(popped[3] - plain[3]) <= 1, qPrintable(seen));
        QVERIFY2(std::abs(plain[0] - plain[3]) <= 1, qPrintable(seen));
    }

    void emojiAndCyrillicDraw()
    {
        const QString file = writeProject(
            QStringLiteral("emoji"),
            project(
                QJsonArray{QJsonObject{{"duration", 2.0}, {"caption", "Привет 🙂 мир"}}},
                QJsonObject{{"mode", "karaoke"}, {"size", 64}, {"highlight", "#00FF00"}}));
        const QString out = path(QStringLiteral("emoji.mp4"));
        const RenderJob job = render(file, out);
        const CaptionTrack &track = job.captions().at(0);
        QCOMPARE(track.words().size(), 3);
        // While "мир" is highlighted the emoji is in its own colours.
        const qint64 frame = qint64(std::ceil(track.words()[2].start * kFps)) + 2;
        const QImage image = frames(out, {int(frame)}).value(0);
        const Found emoji = find(image, [](QRgb p) {
            return qRed(p) > 200 && qGreen(p) > 120 && qGreen(p) < 230 && qBlue(p) < 90;
        });
        QVERIFY2(emoji.count > 40, qPrintable(where(emoji)));
        const Found white = find(image, isWhite);
        const Found green = find(image, isGreen);
        QVERIFY2(white.count > 150, qPrintable(where(white))); // "Привет"
        QVERIFY2(green.count > 100, qPrintable(where(green))); // "мир"
        // In reading order: Привет, then the emoji, then мир.
        QVERIFY(white.centroid.x() < emoji.centroid.x());
        QVERIFY(emoji.centroid.x() < green.centroid.x());
        // Cyrillic from a font that has it (DejaVu Sans): its letters have
        // holes and strokes, not the solid box of a missing glyph. The
        // white text fills well under half its bounding box.
        QVERIFY(white.count < white.bounds.width() * white.bounds.height() / 2);
    }

    void longRussianCaptionPagesInsideTheSafeArea()
    {
        const QString file = writeProject(
            QStringLiteral("long"),
            project(QJsonArray{QJsonObject{{"duration", 8.0}, {"caption", kLongRussian}}},
                    QJsonObject{{"mode", "block"}}));
        const QString out = path(QStringLiteral("long.mp4"));
        const RenderJob job = render(file, out);
        const CaptionTrack &track = job.captions().at(0);
        QVERIFY2(track.pages().size() >= 2, "pages");
        QList<int> indexes;
        for (const CaptionPage &page : track.pages())
            indexes.append(int(std::ceil(page.start * kFps)) + 1);
        const QList<QImage> got = frames(out, indexes);
        QCOMPARE(got.size(), indexes.size());
        QRect previous;
        for (qsizetype i = 0; i < got.size(); ++i) {
            const Found ink = find(got[i], isInk);
            const QString at = QStringLiteral("page %1: ink %2,%3 %4x%5")
                                   .arg(i)
                                   .arg(ink.bounds.x())
                                   .arg(ink.bounds.y())
                                   .arg(ink.bounds.width())
                                   .arg(ink.bounds.height());
            QVERIFY2(ink.count > 200, qPrintable(at));
            QVERIFY2(ink.bounds.top() >= kSize.height() / 2 - 2, qPrintable(at));
            QVERIFY2(ink.bounds.bottom() <= kSize.height() * 0.85 + 2, qPrintable(at));
            QVERIFY2(ink.bounds.left() >= kSize.width() * 0.05 - 4, qPrintable(at));
            QVERIFY2(ink.bounds.right() <= kSize.width() * 0.95 + 4, qPrintable(at));
            if (i > 0)
                QVERIFY2(got[i] != got[i - 1], "the page turned");
            previous = ink.bounds;
        }
    }

    void hugeSizeIsClamped()
    {
        const QString file = writeProject(
            QStringLiteral("huge"),
            project(QJsonArray{QJsonObject{{"duration", 1.0}, {"caption", "Enormous Огромные"}}},
                    QJsonObject{{"mode", "block"}, {"size", 400}}));
        const QString out = path(QStringLiteral("huge.mp4"));
        render(file, out);
        const Found ink = find(frames(out, {5}).value(0), isInk);
        QVERIFY(ink.count > 500);
        QVERIFY(ink.bounds.left() >= kSize.width() * 0.05 - 4);
        QVERIFY(ink.bounds.right() <= kSize.width() * 0.95 + 4);
        QVERIFY(ink.bounds.top() >= kSize.height() / 2 - 2);
        QVERIFY(ink.bounds.bottom() <= kSize.height() * 0.85 + 2);
    }

    // reelsmith-cli render --subtitles: the cues read back with the same
    // parser at the times the render showed them, in the video's time.
    void subtitlesMatchTheRender_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("srt") << "subs.srt";
        QTest::newRow("vtt") << "subs.vtt";
    }
    void subtitlesMatchTheRender()
    {
        QFETCH(QString, name);
        const QString file = writeProject(
            QStringLiteral("subs"),
            project(QJsonArray{QJsonObject{{"duration", 1.5}, {"caption", "First scene"}},
                               QJsonObject{{"duration", "auto"},
                                           {"narration", "Then the voice speaks these words."},
                                           {"captions", QJsonObject{{"mode", "karaoke"}}}}},
                    QJsonObject{{"mode", "block"}}));
        const QString out = path(QStringLiteral("subs.mp4"));
        const testcli::CliRun run = testcli::runCli(
            {"render", file, "-o", out, "--subtitles", path(name), "--quiet"}, m_dir.path());
        QVERIFY2(run.exited(0), qPrintable(run.describe()));
        const QList<SubtitleCue> cues = readSubtitles(path(name));

        RenderJob job(Project::load(file), out);
        job.preflight();
        const CaptionTrack &second = job.captions().at(1);
        QCOMPARE(cues.size(), 1 + second.pages().size());
        QCOMPARE(cues[0].start, 0.0);
        QCOMPARE(cues[0].end, 1.5);
        QCOMPARE(cues[0].text, QStringLiteral("First scene"));
        // Scene 2 starts at frame 36 = 1.5 s.
        for (qsizetype p = 0; p < second.pages().size(); ++p) {
            const SubtitleCue &cue = cues[1 + p];
            QVERIFY(qAbs(cue.start - (1.5 + second.pages()[p].start)) < 0.0015);
            QVERIFY(qAbs(cue.end - (1.5 + second.pages()[p].end)) < 0.0015);
            // Lines as shown (a WebVTT cue with word times may join them).
            const QString lines = second.pageLines(int(p)).join(QLatin1Char('\n'));
            if (name.endsWith(QLatin1String(".srt")))
                QCOMPARE(cue.text, lines);
            else
                QCOMPARE(cue.text.simplified(), lines.simplified());
            if (name.endsWith(QLatin1String(".vtt"))) {
                QCOMPARE(cue.words.size(), second.pages()[p].count);
                for (qsizetype w = 0; w < cue.words.size(); ++w)
                    QVERIFY(qAbs(cue.words[w].start -
                                 (1.5 + second.words()[second.pages()[p].first + w].start)) <
                            0.0015);
            }
        }
        // The video is as long as the last cue's end.
        QVERIFY(qAbs(probe(out).duration - cues.last().end) < 0.1);
    }

    // The soft subtitle track (mov_text), by the CLI switch or the project
    // key: FFmpeg reads it back as the same cues as --subtitles writes. Without
    // either the file has no subtitle stream.
    void softSubtitleTrack_data()
    {
        QTest::addColumn<bool>("flag");
        QTest::addColumn<bool>("key");
        QTest::newRow("--soft-subtitles") << true << false;
        QTest::newRow("output.soft_subtitles") << false << true;
        QTest::newRow("neither") << false << false;
    }
    void softSubtitleTrack()
    {
        QFETCH(bool, flag);
        QFETCH(bool, key);
        QJsonObject json =
            project(QJsonArray{QJsonObject{{"duration", 1.5}, {"caption", "First {scene}"}},
                               QJsonObject{{"duration", 3.0},
                                           {"caption", "Then these words, one by one, slowly."},
                                           {"captions", QJsonObject{{"mode", "words"}}}}},
                    QJsonObject{{"mode", "block"}});
        if (key) {
            QJsonObject output = json["output"].toObject();
            output["soft_subtitles"] = true;
            json["output"] = output;
        }
        const QString name = QStringLiteral("soft-%1-%2").arg(flag).arg(key);
        const QString file = writeProject(name, json);
        const QString out = path(name + QStringLiteral(".mp4"));
        const QString srt = path(name + QStringLiteral(".srt"));
        QStringList args{"render", file, "-o", out, "--subtitles", srt, "--quiet"};
        if (flag)
            args.append(QStringLiteral("--soft-subtitles"));
        const testcli::CliRun run = testcli::runCli(args, m_dir.path());
        QVERIFY2(run.exited(0), qPrintable(run.describe()));

        QProcess ffprobe;
        ffprobe.start(QStringLiteral("ffprobe"),
                      {"-v", "error", "-select_streams", "s", "-show_entries", "stream=codec_name",
                       "-of", "csv=p=0", out});
        QVERIFY(ffprobe.waitForFinished(30000));
        QCOMPARE(ffprobe.exitCode(), 0);
        const QString streams = QString::fromUtf8(ffprobe.readAllStandardOutput()).trimmed();
        if (!flag && !key) {
            QCOMPARE(streams, QString());
            return;
        }
        QCOMPARE(streams, QStringLiteral("mov_text"));
        // The track decoded back to SubRip by FFmpeg, cue for cue.
        const QString back = path(name + QStringLiteral("-back.srt"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {"-nostdin", "-v", "error", "-y", "-i", out, "-map", "0:s:0", back});
        QVERIFY(ffmpeg.waitForFinished(30000));
        QVERIFY2(ffmpeg.exitCode() == 0, ffmpeg.readAllStandardError().constData());
        const QList<SubtitleCue> expected = readSubtitles(srt);
        const QList<SubtitleCue> cues = readSubtitles(back);
        QVERIFY(expected.size() > 3);
        QCOMPARE(cues.size(), expected.size());
        for (qsizetype i = 0; i < cues.size(); ++i) {
            QVERIFY2(qAbs(cues[i].start - expected[i].start) < 0.0015 &&
                         qAbs(cues[i].end - expected[i].end) < 0.0015,
                     qPrintable(QStringLiteral("cue %1: %2-%3, expected %4-%5")
                                    .arg(i)
                                    .arg(cues[i].start)
                                    .arg(cues[i].end)
                                    .arg(expected[i].start)
                                    .arg(expected[i].end)));
            QCOMPARE(cues[i].text, expected[i].text);
        }
        QCOMPARE(cues.first().text, QStringLiteral("First {scene}"));
    }

    void subtitlesWithABadSuffixAreRefusedBeforeRendering()
    {
        const QString file =
            writeProject(QStringLiteral("badsubs"),
                         project(QJsonArray{QJsonObject{{"duration", 1.0}, {"caption", "x"}}}, {}));
        const QString out = path(QStringLiteral("badsubs.mp4"));
        const testcli::CliRun run = testcli::runCli(
            {"render", file, "-o", out, "--subtitles", path("subs.txt")}, m_dir.path());
        QVERIFY2(run.exited(2), qPrintable(run.describe()));
        QVERIFY2(run.errText().contains(QStringLiteral("--subtitles")), qPrintable(run.describe()));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(path("subs.txt")));
    }
};

QTEST_MAIN(CaptionRenderTest)
#include "tst_captionrender.moc"
