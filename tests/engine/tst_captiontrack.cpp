// Caption timing and paging (captions/CaptionTiming, CaptionTrack): words
// from the synthesizer, from SRT/WebVTT cues, spread evenly; pages for each
// mode; what is shown at a time; the safe area and the size limits.

#include "TestTexts.h"
#include "captions/CaptionPainter.h"
#include "captions/CaptionTiming.h"
#include "captions/CaptionTrack.h"
#include "captions/SubtitleFile.h"
#include "project/Project.h"
#include "render/SceneCaptions.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using testmedia::kLongRussian;

namespace {

const QSize kFrame(720, 1280);

CaptionStyle styleOf(CaptionMode mode, int wordsPerPage = 3)
{
    CaptionStyle s;
    s.mode = mode;
    s.wordsPerPage = wordsPerPage;
    return s;
}

// Words at 0.5 s each from `start`.
QList<CaptionWord> evenWords(const QStringList &texts, double start = 0.0)
{
    QList<CaptionWord> words;
    for (qsizetype i = 0; i < texts.size(); ++i)
        words.append({texts[i], start + 0.5 * double(i), start + 0.5 * double(i + 1), -1});
    return words;
}

} // namespace

class TestCaptionTrack : public QObject
{
    Q_OBJECT

private slots:
    void syllables_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("count");
        QTest::newRow("one") << "cat" << 1;
        QTest::newRow("latin") << "sunset" << 2;
        QTest::newRow("diphthong group") << "beautiful" << 3;
        QTest::newRow("cyrillic") << "закатах" << 3;
        QTest::newRow("cyrillic capitals") << "ЗАКАТАХ" << 3;
        QTest::newRow("accented") << "café" << 2;
        QTest::newRow("no vowels") << "123" << 1;
        QTest::newRow("emoji") << "🙂" << 1;
    }
    void syllables()
    {
        QFETCH(QString, word);
        QFETCH(int, count);
        QCOMPARE(syllableCount(word), count);
    }

    void spreadCoversTheSpanInOrder()
    {
        const QList<CaptionWord> w =
            CaptionTiming::spread(QStringLiteral("Пять  фактов о\nзакатах"), 1.0, 3.8);
        QCOMPARE(w.size(), 4);
        QCOMPARE(w.first().start, 1.0);
        QCOMPARE(w.last().end, 3.8);
        for (qsizetype i = 1; i < w.size(); ++i)
            QCOMPARE(w[i].start, w[i - 1].end); // in order, no gap, no overlap
        // 1 + 2 + 1 + 3 syllables over 2.8 s.
        QVERIFY(qAbs((w[1].end - w[1].start) - 2.8 * 2 / 7) < 1e-9);
        QVERIFY(qAbs((w[3].end - w[3].start) - 2.8 * 3 / 7) < 1e-9);
        // Without Latin or Cyrillic vowels: by characters.
        const QList<CaptionWord> digits = CaptionTiming::spread(QStringLiteral("1 2345"), 0, 5);
        QVERIFY(qAbs(digits[0].end - 1.0) < 1e-9);
    }

    void synthesizerEventsMapToWords()
    {
        // "Hello — world 🙂 again": the dash and the emoji have no events.
        const QString text = QStringLiteral("Hello — world 🙂 again");
        const QList<WordTiming> events{{0, 5, 0.10, 0.40}, {8, 5, 0.50, 0.90}, {17, 5, 1.20, 1.60}};
        const QList<CaptionWord> w = CaptionTiming::fromSynthesizer(text, events);
        QCOMPARE(w.size(), 5);
        QCOMPARE(w[0].start, 0.10);
        QCOMPARE(w[1].text, QStringLiteral("—"));
        QCOMPARE(w[1].start, 0.10); // with the word before it
        QCOMPARE(w[2].start, 0.50);
        QCOMPARE(w[3].start, 0.50);
        QCOMPARE(w[4].start, 1.20);
        QCOMPARE(w[4].end, 1.60);
        // One word a page: the dash and the emoji come with the word before
        // them, and every word is seen.
        const CaptionTrack track(w, 2.0, styleOf(CaptionMode::Words, 1), kFrame);
        QCOMPARE(track.pages().size(), 3);
        QCOMPARE(track.pages()[0].count, 2);
        QCOMPARE(track.stateAt(0.1), (CaptionState{0, 0, 2}));
        QCOMPARE(track.stateAt(0.5), (CaptionState{1, 2, 2}));
    }

    void cuesGiveWords()
    {
        const QList<SubtitleCue> cues =
            parseSubtitles("WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nOne <00:00:01.000>two "
                           "<00:00:01.500>three\n\n00:00:02.000 --> 00:00:04.000\nfour five\n",
                           QStringLiteral("t.vtt"));
        const QList<CaptionWord> w = CaptionTiming::fromCues(cues);
        QCOMPARE(w.size(), 5);
        QCOMPARE(w[0].start, 0.5);
        QCOMPARE(w[1].start, 1.0);
        QCOMPARE(w[2].start, 1.5);
        QCOMPARE(w[0].cue, 0);
        QCOMPARE(w[3].cue, 1);
        QCOMPARE(w[3].start, 2.0); // a line cue: spread over the cue
        QCOMPARE(w[4].end, 4.0);
        // A page never spans two cues.
        const CaptionTrack track(w, 5.0, styleOf(CaptionMode::Words, 4), kFrame);
        QCOMPARE(track.pages().size(), 2);
        QCOMPARE(track.pages()[0].count, 3);
    }

    void wordsModeShowsWordsAsSpoken()
    {
        const CaptionTrack track(
            evenWords({"one", "two", "three", "four", "five", "six", "seven"}, 0.2), 4.0,
            styleOf(CaptionMode::Words, 3), kFrame);
        QCOMPARE(track.pages().size(), 3);
        QCOMPARE(track.pages()[2].count, 1);
        QVERIFY(track.stateAt(0.1).isEmpty()); // before the first word
        QCOMPARE(track.stateAt(0.2), (CaptionState{0, 0, 1}));
        QCOMPARE(track.stateAt(0.69), (CaptionState{0, 0, 1}));
        QCOMPARE(track.stateAt(0.7), (CaptionState{0, 1, 2}));
        QCOMPARE(track.stateAt(1.7), (CaptionState{1, 3, 1})); // "four": a new page
        QCOMPARE(track.stateAt(3.5), (CaptionState{2, 6, 1})); // the last page stays
        QVERIFY(track.stateAt(4.0).isEmpty());                 // the scene is over
        const QList<double> changes = track.changeTimes();
        QCOMPARE(changes, (QList<double>{0.0, 0.2, 0.7, 1.2, 1.7, 2.2, 2.7, 3.2}));
    }

    void karaokePagesTurnAtTheNextWord()
    {
        QStringList texts;
        for (int i = 0; i < 40; ++i)
            texts.append(QStringLiteral("word%1").arg(i));
        const CaptionTrack track(evenWords(texts, 0.3), 25.0, styleOf(CaptionMode::Karaoke),
                                 kFrame);
        QVERIFY2(track.pages().size() > 2, qPrintable(QString::number(track.pages().size())));
        // The first page is up from the start; nothing is highlighted yet.
        QCOMPARE(track.stateAt(0.0).page, 0);
        QCOMPARE(track.stateAt(0.0).active, -1);
        QCOMPARE(track.stateAt(0.0).shown, track.pages()[0].count);
        const CaptionPage second = track.pages()[1];
        const double turn = 0.3 + 0.5 * second.first;
        QCOMPARE(second.start, turn);
        QCOMPARE(track.stateAt(turn - 0.01).page, 0);
        QCOMPARE(track.stateAt(turn - 0.01).active, second.first - 1);
        QCOMPARE(track.stateAt(turn).page, 1);
        QCOMPARE(track.stateAt(turn).active, second.first);
        CaptionPainter painter(styleOf(CaptionMode::Karaoke), kFrame);
        for (qsizetype p = 0; p < track.pages().size(); ++p)
            QVERIFY(painter.measure(track.pageLines(int(p)), track.pixelSize()).lines <= 3);
    }

    void blockShrinksThenPagesInsideTheSafeArea()
    {
        const QList<CaptionWord> words = CaptionTiming::spread(kLongRussian, 0, 12);
        const CaptionStyle style = styleOf(CaptionMode::Block);
        const CaptionTrack track(words, 12.0, style, kFrame);
        const CaptionPainter painter(style, kFrame);
        QVERIFY2(track.pages().size() >= 2, "a long caption pages");
        QCOMPARE(track.pixelSize(), painter.minimumPixelSize()); // shrunk first, as far as allowed
        // Every page: inside the band (the lower half, above the bottom UI
        // band) and the title-safe width; the pages cover the scene in order.
        double at = 0;
        for (qsizetype p = 0; p < track.pages().size(); ++p) {
            const CaptionPage &page = track.pages()[p];
            QCOMPARE(page.start, at);
            at = page.end;
            QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter qp(&image);
            const QRect painted = track.paint(qp, track.stateAt(page.start));
            qp.end();
            QRect ink;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (qAlpha(image.pixel(x, y)) > 0)
                        ink |= QRect(x, y, 1, 1);
            QVERIFY(!ink.isEmpty());
            QVERIFY2(painted.contains(ink), "the painted rectangle holds all ink");
            QVERIFY2(ink.top() >= kFrame.height() / 2 - 4,
                     qPrintable(QStringLiteral("page %1 climbs to y=%2").arg(p).arg(ink.top())));
            QVERIFY2(ink.bottom() <= kFrame.height() * 0.85 + 4,
                     qPrintable(QStringLiteral("page %1 reaches y=%2").arg(p).arg(ink.bottom())));
            QVERIFY(ink.left() >= kFrame.width() * 0.05 - 6);
            QVERIFY(ink.right() <= kFrame.width() * 0.95 + 6);
        }
        QCOMPARE(at, 12.0);
        // Every word is on exactly one page, in order.
        int next = 0;
        for (const CaptionPage &page : track.pages()) {
            QCOMPARE(page.first, next);
            next += page.count;
        }
        QCOMPARE(next, int(words.size()));
    }

    void shortBlockIsOnePageForTheWholeScene()
    {
        const CaptionTrack track(CaptionTiming::spread(QStringLiteral("Hello 🙂 мир"), 0, 2),
                                 2.0, styleOf(CaptionMode::Block), kFrame);
        QCOMPARE(track.pages().size(), 1);
        QCOMPARE(track.changeTimes(), QList<double>{0.0});
        QCOMPARE(track.stateAt(1.99), (CaptionState{0, -1, 3}));
        QCOMPARE(track.pixelSize(), 44.0);
    }

    void hugeSizeIsClamped()
    {
        CaptionStyle style = styleOf(CaptionMode::Words, 2);
        style.size = 400;
        const CaptionTrack track(evenWords({"Huge", "words", "Огромные", "слова"}), 3.0, style,
                                 kFrame);
        QVERIFY(track.pixelSize() <= kFrame.width() * CaptionSafeArea::kMaxSize);
        for (qsizetype p = 0; p < track.pages().size(); ++p) {
            const QRect bounds = track.pageBounds(int(p));
            QVERIFY(QRect(QPoint(0, 0), kFrame).contains(bounds));
            QVERIFY(bounds.top() >= kFrame.height() / 2 - 8);
        }
    }

    void sizeScalesWithTheWidth()
    {
        const CaptionPainter small(styleOf(CaptionMode::Block), QSize(360, 640));
        const CaptionPainter large(styleOf(CaptionMode::Block), QSize(1080, 1920));
        QCOMPARE(small.requestedPixelSize(), 22.0);
        QCOMPARE(large.requestedPixelSize(), 66.0);
    }

    // A scene's timing file gives the words; `"caption": ""` still shows none.
    void sceneTimingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile srt(dir.filePath(QStringLiteral("t.srt")));
        QVERIFY(srt.open(QIODevice::WriteOnly));
        srt.write("1\r\n00:00:01,000 --> 00:00:02,000\r\nfrom the file\r\n");
        srt.close();
        Project p;
        p.baseDir = dir.path();
        Scene s(QString(), 3.0, QStringLiteral("the caption text"));
        s.timing = QStringLiteral("t.srt");
        p.scenes = {s};
        p.captions.mode = CaptionMode::Karaoke;
        const CaptionTrack track = sceneCaptionTrack(p, 0, std::nullopt, kFrame);
        QCOMPARE(track.words().size(), 3);
        QCOMPARE(track.words().first().text, QStringLiteral("from"));
        QCOMPARE(track.words().first().start, 1.0);
        QCOMPARE(track.words().last().end, 2.0);
        p.scenes[0].caption = QString();
        QVERIFY(sceneCaptionTrack(p, 0, std::nullopt, kFrame).isEmpty());
        // Without a timing file and without a voice: spread over the scene.
        p.scenes[0].caption = QStringLiteral("one two three");
        p.scenes[0].timing.clear();
        const CaptionTrack spread = sceneCaptionTrack(p, 0, std::nullopt, kFrame);
        QCOMPARE(spread.words().first().start, 0.0);
        QCOMPARE(spread.words().last().end, 3.0);
    }

    void subtitleCuesFollowThePages()
    {
        CaptionStyle style = styleOf(CaptionMode::Words, 2);
        style.uppercase = true;
        const CaptionTrack track(evenWords({"one", "two", "three"}, 0.5), 3.0, style, kFrame);
        const QList<SubtitleCue> cues = track.cues(10.0);
        QCOMPARE(cues.size(), 2);
        QCOMPARE(cues[0].start, 10.5);
        QCOMPARE(cues[0].end, 11.5);
        QCOMPARE(cues[0].text, QStringLiteral("ONE TWO"));
        QCOMPARE(cues[0].words.size(), 2);
        QCOMPARE(cues[0].words[1].start, 11.0);
        QCOMPARE(cues[1].end, 13.0);
        const CaptionTrack block(evenWords({"one", "two"}), 3.0, styleOf(CaptionMode::Block),
                                 kFrame);
        QVERIFY(block.cues(0).first().words.isEmpty());
    }
};

QTEST_MAIN(TestCaptionTrack)
#include "tst_captiontrack.moc"
