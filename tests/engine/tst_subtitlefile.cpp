// captions/SubtitleFile: SRT and WebVTT read by content (BOM, CRLF, CR, cue
// numbers or not, NOTE/STYLE/REGION, markup, entities, inline word
// timestamps), every malformed kind reported with its line, files too large
// refused unread, and the writer's output read back by the same parser.

#include "TestFiles.h"
#include "captions/SubtitleFile.h"
#include "core/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testmedia;

Q_DECLARE_METATYPE(reelsmith::SubtitleCue)
Q_DECLARE_METATYPE(reelsmith::SubtitleFormat)

namespace {

QString seconds(double value)
{
    return QString::number(value, 'f', 3);
}

// The cues one a line: "L<timing line> START-END text" with '|' for line
// breaks, then the words "{word@START-END ...}" when the cue has them.
QString describe(const QList<SubtitleCue> &cues, bool withLines = true, bool withWords = true)
{
    QStringList out;
    for (const SubtitleCue &cue : cues) {
        QString line = withLines ? QStringLiteral("L%1 ").arg(cue.line) : QString();
        line +=
            seconds(cue.start) + u'-' + seconds(cue.end) + u' ' +
            QString(cue.text).replace(u'\n', u'|').replace(QChar(0xa0), QStringLiteral("<nbsp>"));
        if (withWords && !cue.words.isEmpty()) {
            QStringList words;
            for (const SubtitleWord &word : cue.words)
                words.append(word.text + u'@' + seconds(word.start) + u'-' + seconds(word.end));
            line += QStringLiteral(" {") + words.join(u' ') + u'}';
        }
        out.append(line);
    }
    return out.join(u'\n');
}

SubtitleCue cue(double start, double end, const QString &text,
                const QList<SubtitleWord> &words = {})
{
    SubtitleCue c;
    c.start = start;
    c.end = end;
    c.text = text;
    c.words = words;
    return c;
}

QString errorOf(const std::function<void()> &step, ErrorKind *kind = nullptr)
{
    try {
        step();
    } catch (const Error &e) {
        if (kind)
            *kind = e.kind();
        return e.message();
    }
    return QStringLiteral("(no error)");
}

} // namespace

class SubtitleFileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");

        QTest::newRow("SRT: numbered, two lines, markup and entities")
            << QByteArray("1\n"
                          "00:00:01,000 --> 00:00:02,500\n"
                          "<i>Hello</i> &amp; <font color=\"#ff0000\">welcome</font>\n"
                          "second line\n"
                          "\n"
                          "2\n"
                          "00:00:03,000 --> 00:01:04,250\n"
                          "{\\an8}Top &lt;b&gt; a < b\n")
            << QStringLiteral("L2 1.000-2.500 Hello & welcome|second line\n"
                              "L7 3.000-64.250 Top <b> a < b");
        QTest::newRow("SRT: no cue numbers, 100 hours, coordinates after the end time")
            << QByteArray("00:00:00,500 --> 00:00:01,000\n"
                          "one\n"
                          "\n"
                          "100:00:00,000 --> 100:00:01,000  X1:10 X2:20 Y1:5 Y2:30\n"
                          "two\n")
            << QStringLiteral("L1 0.500-1.000 one\n"
                              "L4 360000.000-360001.000 two");
        QTest::newRow("WebVTT: header, NOTE, STYLE, REGION, ids, settings, MM:SS times")
            << QByteArray(
                   "WEBVTT - a title\n"
                   "Kind: captions\n"
                   "Language: en\n"
                   "\n"
                   "NOTE a comment\n"
                   "spanning lines\n"
                   "\n"
                   "STYLE\n"
                   "::cue { color: yellow }\n"
                   "\n"
                   "REGION\n"
                   "id:fred width:40%\n"
                   "\n"
                   "intro\n"
                   "00:01.000 --> 00:02.500 align:start position:10%\n"
                   "<v Roger Bingham>We are in <c.yellow.bg_blue>New York</c>&nbsp;City</v>\n"
                   "\n"
                   "2\n"
                   "00:00:03.000 --> 00:00:04.000 region:fred\n"
                   "<lang ru>Привет</lang> <b>мир</b> 🌍\n"
                   "<u>&gt; quoted</u>\n")
            << QStringLiteral("L15 1.000-2.500 We are in New York<nbsp>City\n"
                              "L19 3.000-4.000 Привет мир 🌍|> quoted");
        QTest::newRow("SRT with a UTF-8 BOM")
            << QByteArray("\xEF\xBB\xBF"
                          "1\n00:00:01,000 --> 00:00:02,000\nBOM\n")
            << QStringLiteral("L2 1.000-2.000 BOM");
        QTest::newRow("WebVTT with a UTF-8 BOM")
            << QByteArray("\xEF\xBB\xBF"
                          "WEBVTT\n\n00:01.000 --> 00:02.000\nBOM\n")
            << QStringLiteral("L3 1.000-2.000 BOM");
        QTest::newRow("SRT with CRLF")
            << QByteArray("1\r\n00:00:01,000 --> 00:00:02,000\r\nline one\r\nline two\r\n\r\n"
                          "2\r\n00:00:03,000 --> 00:00:04,000\r\nthree\r\n")
            << QStringLiteral("L2 1.000-2.000 line one|line two\n"
                              "L7 3.000-4.000 three");
        QTest::newRow("WebVTT with CRLF")
            << QByteArray("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\none\r\n\r\n"
                          "00:03.000 --> 00:04.000\r\ntwo\r\n")
            << QStringLiteral("L3 1.000-2.000 one\n"
                              "L6 3.000-4.000 two");
        QTest::newRow("SRT with CR alone")
            << QByteArray("1\r00:00:01,000 --> 00:00:02,000\rmac\r\r"
                          "2\r00:00:03,000 --> 00:00:04,000\rclassic\r")
            << QStringLiteral("L2 1.000-2.000 mac\n"
                              "L6 3.000-4.000 classic");
        QTest::newRow("SRT: blank-looking separators, trailing blank lines, no last newline")
            << QByteArray("\n\n1\n00:00:01,000 --> 00:00:02,000\na\n \t\n2\n"
                          "00:00:03,000 --> 00:00:04,000\nb\n\n\n\n3\n"
                          "00:00:05,000 --> 00:00:06,000\nc")
            << QStringLiteral("L4 1.000-2.000 a\n"
                              "L8 3.000-4.000 b\n"
                              "L14 5.000-6.000 c");
        QTest::newRow("overlapping cues, out of order: sorted by start, ties in file order")
            << QByteArray("1\n00:00:05,000 --> 00:00:07,000\nlate\n\n"
                          "2\n00:00:01,000 --> 00:00:06,000\nlong\n\n"
                          "3\n00:00:01,000 --> 00:00:03,000\ninside\n")
            << QStringLiteral("L6 1.000-6.000 long\n"
                              "L10 1.000-3.000 inside\n"
                              "L2 5.000-7.000 late");
        QTest::newRow("WebVTT word timestamps")
            << QByteArray(
                   "WEBVTT\n\n"
                   "00:00:01.000 --> 00:00:04.000\n"
                   "Never <00:00:01.500>drink <00:00:02.000><b>big</b> words<00:00:03.000>!\n"
                   "<00:00:03.500>Again\n"
                   "\n"
                   "00:10.000 --> 00:12.000\n"
                   "🌍🌍 ab<00:11.000>x\n"
                   "\n"
                   "00:20.000 --> 00:21.000\n"
                   "no timestamps here\n")
            << QStringLiteral(
                   "L3 1.000-4.000 Never drink big words!|Again {Never@1.000-1.500 "
                   "drink@1.500-2.000 big@2.000-2.375 words@2.375-3.000 !@3.000-3.500 "
                   "Again@3.500-4.000}\n"
                   "L7 10.000-12.000 🌍🌍 abx {🌍🌍@10.000-10.500 ab@10.500-11.000 x@11.000-12.000}\n"
                   "L10 20.000-21.000 no timestamps here");
        QTest::newRow("WebVTT: a cue's text ends at the next timing line")
            << QByteArray("WEBVTT\n\n00:01.000 --> 00:02.000\none\n00:03.000 --> 00:04.000\ntwo\n")
            << QStringLiteral("L3 1.000-2.000 one\n"
                              "L5 3.000-4.000 two");
        QTest::newRow("a line of markup alone shows nothing")
            << QByteArray("1\n00:00:01,000 --> 00:00:02,000\n<i></i>\nshown\n")
            << QStringLiteral("L2 1.000-2.000 shown");
    }

    void parse()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QList<SubtitleCue> cues;
        try {
            cues = parseSubtitles(data, QStringLiteral("good"));
        } catch (const Error &e) {
            QFAIL(qPrintable(e.message()));
        }
        QCOMPARE(describe(cues), expected);

        // What was read is written and read back the same (an SRT has no
        // word times).
        for (const auto format : {SubtitleFormat::Srt, SubtitleFormat::WebVtt}) {
            const bool srt = format == SubtitleFormat::Srt;
            const QByteArray written = formatSubtitles(cues, format);
            QList<SubtitleCue> back;
            try {
                back = parseSubtitles(written, QStringLiteral("written"));
            } catch (const Error &e) {
                QFAIL(qPrintable(e.message() + QStringLiteral("\n") + QString::fromUtf8(written)));
            }
            QCOMPARE(describe(back, false, !srt), describe(cues, false, !srt));
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("what");
        const QString srt = QStringLiteral("bad.srt");
        const QString vtt = QStringLiteral("bad.vtt");
        const QByteArray goodSrt("1\n00:00:01,000 --> 00:00:02,000\nok\n\n");
        const QByteArray goodVtt("WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n");

        QTest::newRow("SRT: an arrow of one dash")
            << QByteArray("1\n00:00:01,000 -> 00:00:02,000\nx\n") << srt
            << QStringLiteral("bad.srt:2: ") << QStringLiteral("expected a timing line");
        QTest::newRow("SRT: end time cut short")
            << QByteArray("1\n00:00:01,000 --> 00:00:02\nx\n") << srt
            << QStringLiteral("bad.srt:2: ") << QStringLiteral("malformed timing line");
        QTest::newRow("SRT: minute 61 in the second cue")
            << goodSrt + "2\n00:61:00,000 --> 01:02:00,000\nx\n"
            << srt << QStringLiteral("bad.srt:6: ") << QStringLiteral("malformed timing line");
        QTest::newRow("SRT: two-digit milliseconds")
            << QByteArray("00:00:01,00 --> 00:00:02,000\nx\n") << srt
            << QStringLiteral("bad.srt:1: ") << QStringLiteral("malformed timing line");
        QTest::newRow("SRT: settings glued to the end time")
            << QByteArray("00:00:01,000 --> 00:00:02,000X1:4\nx\n") << srt
            << QStringLiteral("bad.srt:1: ") << QStringLiteral("malformed timing line");
        QTest::newRow("SRT: ends before it starts")
            << QByteArray("1\n00:00:05,000 --> 00:00:04,000\nx\n") << srt
            << QStringLiteral("bad.srt:2: ")
            << QStringLiteral("ends at 00:00:04,000, not after its start 00:00:05,000");
        QTest::newRow("SRT: ends when it starts")
            << goodSrt + goodSrt + "3\n00:00:05,000 --> 00:00:05,000\nx\n"
            << srt << QStringLiteral("bad.srt:10: ") << QStringLiteral("not after its start");
        QTest::newRow("SRT: a stray block between cues")
            << goodSrt + "some stray words\n\n2\n00:00:03,000 --> 00:00:04,000\ny\n"
            << srt << QStringLiteral("bad.srt:5: ")
            << QStringLiteral("not a subtitle cue: expected a cue number or a timing line");
        QTest::newRow("SRT: a cue number and nothing after it")
            << goodSrt + "2\n"
            << srt << QStringLiteral("bad.srt:5: ") << QStringLiteral("cue 2 has no timing line");
        QTest::newRow("SRT: CRLF line numbers")
            << QByteArray("1\r\n00:00:01,000 --> 00:00:02,000\r\nx\r\n\r\n"
                          "2\r\n00:00:03,000 --> 00:00:02,000\r\ny\r\n")
            << srt << QStringLiteral("bad.srt:6: ") << QStringLiteral("not after its start");
        QTest::newRow("a text file")
            << QByteArray("Dear diary,\ntoday I wrote no subtitles.\n") << srt
            << QStringLiteral("bad.srt:1: ") << QStringLiteral("not a subtitle cue");
        QTest::newRow("a PNG header")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20) << srt
            << QStringLiteral("bad.srt:1: ") << QStringLiteral("not a subtitle cue");
        QTest::newRow("WebVTT: a comma before the milliseconds")
            << QByteArray("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nx\n") << vtt
            << QStringLiteral("bad.vtt:3: ") << QStringLiteral("malformed timing line");
        QTest::newRow("WebVTT: minute 60")
            << goodVtt + "00:60.000 --> 01:02.000\nx\n"
            << vtt << QStringLiteral("bad.vtt:6: ") << QStringLiteral("malformed timing line");
        QTest::newRow("WebVTT: a stray block")
            << goodVtt + "junk here\n\n00:03.000 --> 00:04.000\ny\n"
            << vtt << QStringLiteral("bad.vtt:6: ")
            << QStringLiteral("not a cue, a NOTE, STYLE or REGION");
        QTest::newRow("WebVTT: an identifier, then text")
            << goodVtt + "id\nnot a timing line\n"
            << vtt << QStringLiteral("bad.vtt:7: ") << QStringLiteral("expected a timing line");
        QTest::newRow("WebVTT: ends before it starts")
            << goodVtt + "00:04.000 --> 00:03.000\nx\n"
            << vtt << QStringLiteral("bad.vtt:6: ")
            << QStringLiteral("ends at 00:00:03.000, not after its start 00:00:04.000");
        QTest::newRow("WebVTT: a malformed inline timestamp")
            << goodVtt + "00:01.000 --> 00:05.000\nfine\nword <00:02.5> word\n"
            << vtt << QStringLiteral("bad.vtt:8: ")
            << QStringLiteral("malformed inline timestamp '<00:02.5>'");
        QTest::newRow("WebVTT: an inline timestamp after the cue")
            << goodVtt + "00:01.000 --> 00:05.000\nword <00:00:06.000>late\n"
            << vtt << QStringLiteral("bad.vtt:7: ") << QStringLiteral("outside the cue");
        QTest::newRow("WebVTT: inline timestamps going back")
            << goodVtt + "00:01.000 --> 00:05.000\na <00:03.000>b\n<00:02.000>c\n"
            << vtt << QStringLiteral("bad.vtt:8: ") << QStringLiteral("before the one ahead of it");
        QTest::newRow("an empty file")
            << QByteArray() << srt << QStringLiteral("bad.srt: ") << QStringLiteral("empty file");
        QTest::newRow("a BOM alone") << QByteArray("\xEF\xBB\xBF") << srt
                                     << QStringLiteral("bad.srt: ") << QStringLiteral("empty file");
        QTest::newRow("blank lines alone")
            << QByteArray("\n\r\n \t\n\r") << srt << QStringLiteral("bad.srt: ")
            << QStringLiteral("empty file");
        QTest::newRow("WebVTT: a header alone")
            << QByteArray("WEBVTT\n") << vtt << QStringLiteral("bad.vtt: ")
            << QStringLiteral("no cues in this WebVTT file");
        QTest::newRow("WebVTT: notes, no cues")
            << QByteArray("WEBVTT\n\nNOTE nothing to show\n\nSTYLE\n::cue {}\n") << vtt
            << QStringLiteral("bad.vtt: ") << QStringLiteral("no cues in this WebVTT file");
    }

    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, name);
        QFETCH(QString, prefix);
        QFETCH(QString, what);
        ErrorKind kind = ErrorKind::Failure;
        const QString message = errorOf([&] { parseSubtitles(data, name); }, &kind);
        QVERIFY2(message.startsWith(prefix) && message.contains(what), qPrintable(message));
        QVERIFY(kind == ErrorKind::BadInput);
    }

    void tooLarge()
    {
        QTemporaryDir dir;
        keepFilesIfAsked(dir);
        // A sparse 1 GB file: refused by its size, before a byte is read.
        const QString path = dir.filePath(QStringLiteral("huge.srt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(1LL << 30));
        file.close();
        ErrorKind kind = ErrorKind::Failure;
        QString message = errorOf([&] { readSubtitles(path); }, &kind);
        QVERIFY2(message.startsWith(path + QStringLiteral(": 1024.0 MB is too large")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("the limit is 16 MB")));
        QVERIFY(kind == ErrorKind::BadInput);

        // In memory, one byte over the limit.
        QByteArray data("1\n00:00:01,000 --> 00:00:02,000\n");
        data.append(QByteArray(kMaxSubtitleFileBytes + 1 - data.size(), 'x'));
        message = errorOf([&] { parseSubtitles(data, QStringLiteral("big.srt")); });
        QVERIFY2(message.startsWith(QStringLiteral("big.srt: ")) && message.contains("too large"),
                 qPrintable(message));
        // At the limit it is read.
        data.chop(1);
        QCOMPARE(parseSubtitles(data, QStringLiteral("big.srt")).size(), 1);
    }

    void readErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("none.vtt"));
        QCOMPARE(errorOf([&] { readSubtitles(missing); }),
                 missing + QStringLiteral(": no such file"));
        QCOMPARE(errorOf([&] { readSubtitles(dir.path()); }),
                 dir.path() + QStringLiteral(": not a file"));
        const QString bad = dir.filePath(QStringLiteral("bad.srt"));
        QVERIFY(writeFile(bad, "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 -->\n"));
        const QString message = errorOf([&] { readSubtitles(bad); });
        QVERIFY2(message.startsWith(bad + QStringLiteral(":6: malformed timing line")),
                 qPrintable(message));
    }

    void formatForPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow(".srt") << QStringLiteral("/out/a.srt") << QStringLiteral("srt");
        QTest::newRow(".SRT") << QStringLiteral("/out/a.SRT") << QStringLiteral("srt");
        QTest::newRow(".vtt") << QStringLiteral("b.vtt") << QStringLiteral("vtt");
        QTest::newRow(".txt") << QStringLiteral("/out/a.txt")
                              << QStringLiteral("/out/a.txt: subtitles are written as .srt or "
                                                ".vtt, not \".txt\"");
        QTest::newRow("no suffix") << QStringLiteral("/out/subs")
                                   << QStringLiteral("/out/subs: subtitles are written as .srt "
                                                     "or .vtt, not \"(no suffix)\"");
    }

    void formatForPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const QString got = errorOf([&] {
            throw Error(ErrorKind::Failure, subtitleFormatForPath(path) == SubtitleFormat::Srt
                                                ? QStringLiteral("srt")
                                                : QStringLiteral("vtt"));
        });
        QCOMPARE(got, expected);
    }

    // The exact text: numbering from 1, comma or dot milliseconds, the
    // header, inline word timestamps, escapes.
    void formatExact()
    {
        const QList<SubtitleCue> cues = {
            cue(1.0, 2.5, QStringLiteral("Hello\nworld")),
            cue(3723.0044, 3724.0, QStringLiteral("x & y")),
            cue(5.0, 7.0, QStringLiteral("one two"),
                {{QStringLiteral("one"), 5.0, 6.0}, {QStringLiteral("two"), 6.0, 7.0}}),
        };
        QCOMPARE(QString::fromUtf8(formatSubtitles(cues, SubtitleFormat::Srt)),
                 QStringLiteral("1\n00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n"
                                "2\n01:02:03,004 --> 01:02:04,000\nx & y\n\n"
                                "3\n00:00:05,000 --> 00:00:07,000\none two\n"));
        QCOMPARE(QString::fromUtf8(formatSubtitles(cues, SubtitleFormat::WebVtt)),
                 QStringLiteral("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\nworld\n\n"
                                "01:02:03.004 --> 01:02:04.000\nx &amp; y\n\n"
                                "00:00:05.000 --> 00:00:07.000\none <00:00:06.000>two\n"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QList<SubtitleCue>>("cues");
        QTest::addColumn<QString>("srt");
        QTest::addColumn<QString>("vtt");

        QTest::newRow("lines, out of order")
            << QList<SubtitleCue>{cue(1.0, 2.5, QStringLiteral("Hello\nworld")),
                                  cue(0.2, 0.9, QStringLiteral("earlier"))}
            << QStringLiteral("0.200-0.900 earlier\n1.000-2.500 Hello|world")
            << QStringLiteral("0.200-0.900 earlier\n1.000-2.500 Hello|world");
        const QString markup = QStringLiteral(
            "a < b && c > d --> e\n<b>not bold</b> {\\an8} &amp; &#65; <00:00:01.000>");
        const QString markupShown =
            QStringLiteral("0.000-1.000 a < b && c > d --> e|<b>not bold</b> {\\an8} &amp; &#65; "
                           "<00:00:01.000>");
        QTest::newRow("text that looks like markup stays text")
            << QList<SubtitleCue>{cue(0, 1, markup)} << markupShown << markupShown;
        QTest::newRow("rounded to milliseconds")
            << QList<SubtitleCue>{cue(1.23449, 2.00051, QStringLiteral("r"))}
            << QStringLiteral("1.234-2.001 r") << QStringLiteral("1.234-2.001 r");
        QTest::newRow("Cyrillic and emoji")
            << QList<SubtitleCue>{cue(1, 2, QStringLiteral("Привет 🌍\nмир"))}
            << QStringLiteral("1.000-2.000 Привет 🌍|мир")
            << QStringLiteral("1.000-2.000 Привет 🌍|мир");
        QTest::newRow("words")
            << QList<SubtitleCue>{cue(1, 3, QStringLiteral("one two,\nthree"),
                                      {{QStringLiteral("one"), 1.0, 1.5},
                                       {QStringLiteral("two,"), 1.5, 2.25},
                                       {QStringLiteral("three"), 2.25, 3.0}})}
            << QStringLiteral("1.000-3.000 one two,|three")
            << QStringLiteral("1.000-3.000 one two,|three {one@1.000-1.500 two,@1.500-2.250 "
                              "three@2.250-3.000}");
        QTest::newRow("one word, starting with the cue")
            << QList<SubtitleCue>{cue(1, 2, QStringLiteral("solo"),
                                      {{QStringLiteral("solo"), 1.0, 2.0}})}
            << QStringLiteral("1.000-2.000 solo")
            << QStringLiteral("1.000-2.000 solo {solo@1.000-2.000}");
        QTest::newRow("words that are not in the text: the words are the text")
            << QList<SubtitleCue>{cue(
                   1, 3, QStringLiteral("X"),
                   {{QStringLiteral("a"), 1.0, 2.0}, {QStringLiteral("b<"), 2.0, 3.0}})}
            << QStringLiteral("1.000-3.000 X")
            << QStringLiteral("1.000-3.000 a b< {a@1.000-2.000 b<@2.000-3.000}");
        QTest::newRow("blank lines in the text are dropped")
            << QList<SubtitleCue>{cue(1, 2, QStringLiteral("a\n\n \t\nb\r\n"))}
            << QStringLiteral("1.000-2.000 a|b") << QStringLiteral("1.000-2.000 a|b");
        QTest::newRow("a cue without text")
            << QList<SubtitleCue>{cue(1, 2, QString()), cue(3, 4, QStringLiteral("after"))}
            << QStringLiteral("1.000-2.000 \n3.000-4.000 after")
            << QStringLiteral("1.000-2.000 \n3.000-4.000 after");
    }

    void roundTrip()
    {
        QFETCH(QList<SubtitleCue>, cues);
        QFETCH(QString, srt);
        QFETCH(QString, vtt);
        QTemporaryDir dir;
        keepFilesIfAsked(dir);
        for (const auto format : {SubtitleFormat::Srt, SubtitleFormat::WebVtt}) {
            const bool isSrt = format == SubtitleFormat::Srt;
            const QString path =
                dir.filePath(isSrt ? QStringLiteral("out.srt") : QStringLiteral("out.vtt"));
            QList<SubtitleCue> back;
            try {
                writeSubtitles(path, cues, subtitleFormatForPath(path));
                back = readSubtitles(path);
            } catch (const Error &e) {
                QFAIL(qPrintable(e.message() + u'\n' + QString::fromUtf8(readFile(path))));
            }
            QCOMPARE(describe(back, false), isSrt ? srt : vtt);
        }
    }

    void atomicWrite()
    {
        QTemporaryDir dir;
        keepFilesIfAsked(dir);
        const QList<SubtitleCue> cues = {cue(1, 2, QStringLiteral("new"))};

        // Into a folder that does not exist: the error names it, nothing is made.
        const QString folder = dir.filePath(QStringLiteral("missing"));
        const QString path = folder + QStringLiteral("/out.srt");
        ErrorKind kind = ErrorKind::Failure;
        const QString message =
            errorOf([&] { writeSubtitles(path, cues, SubtitleFormat::Srt); }, &kind);
        QVERIFY2(message.startsWith(path + QStringLiteral(": ")) &&
                     message.contains(QStringLiteral("the folder ") + folder +
                                      QStringLiteral(" does not exist")),
                 qPrintable(message));
        QVERIFY(kind == ErrorKind::BadInput);
        QVERIFY(!QFileInfo::exists(folder));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());

        // Onto a folder: refused, the folder stays as it was.
        const QString taken = dir.filePath(QStringLiteral("taken.vtt"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.vtt")));
        QVERIFY(errorOf([&] {
                    writeSubtitles(taken, cues, SubtitleFormat::WebVtt);
                }).startsWith(taken + QStringLiteral(": cannot write")));
        QVERIFY(QFileInfo(taken).isDir());

        // Over an old file: replaced whole, no temporary left beside it.
        const QString old = dir.filePath(QStringLiteral("old.srt"));
        QVERIFY(writeFile(old, "1\n00:00:05,000 --> 00:00:06,000\nold\n"));
        writeSubtitles(old, cues, SubtitleFormat::Srt);
        QCOMPARE(describe(readSubtitles(old), false), QStringLiteral("1.000-2.000 new"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("old.srt"), QStringLiteral("taken.vtt")}));
    }
};

QTEST_GUILESS_MAIN(SubtitleFileTest)
#include "tst_subtitlefile.moc"
