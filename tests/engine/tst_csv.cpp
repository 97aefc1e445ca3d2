// The batch table reader against RFC 4180's corner cases, and the template's
// placeholders filled from a row into every kind of value.

#include "TestFiles.h"
#include "batch/BatchTemplate.h"
#include "batch/Csv.h"
#include "core/Error.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;

class CsvTest : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QList<int>>("lines");
        const QStringList ab{"a", "b"};
        QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n3,4\n") << ab
                                  << QList<QStringList>{{"1", "2"}, {"3", "4"}} << QList<int>{2, 3};
        QTest::newRow("CRLF, no last line end")
            << QByteArray("a,b\r\n1,2\r\n3,4") << ab << QList<QStringList>{{"1", "2"}, {"3", "4"}}
            << QList<int>{2, 3};
        QTest::newRow("CR only") << QByteArray("a,b\r1,2\r") << ab << QList<QStringList>{{"1", "2"}}
                                 << QList<int>{2};
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                           "a,b\n1,2\n")
                             << ab << QList<QStringList>{{"1", "2"}} << QList<int>{2};
        QTest::newRow("quoted comma, quote, line break")
            << QByteArray("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",z\n4,5\n") << ab
            << QList<QStringList>{{"x, y", "say \"hi\""}, {"two\r\nlines", "z"}, {"4", "5"}}
            << QList<int>{2, 3, 5};
        QTest::newRow("empty fields")
            << QByteArray("a,b\n,\n\"\",x\n") << ab << QList<QStringList>{{"", ""}, {"", "x"}}
            << QList<int>{2, 3};
        QTest::newRow("blank lines skipped") << QByteArray("a,b\n\n1,2\n\n") << ab
                                             << QList<QStringList>{{"1", "2"}} << QList<int>{3};
        QTest::newRow("Cyrillic and emoji")
            << QByteArray("a,b\nПривет,🎉\n") << ab
            << QList<QStringList>{{QStringLiteral("Привет"), QStringLiteral("🎉")}} << QList<int>{2};
        QTest::newRow("spaces kept in fields, trimmed in the header")
            << QByteArray(" a , b\n 1 ,2\n") << ab << QList<QStringList>{{" 1 ", "2"}}
            << QList<int>{2};
        QTest::newRow("header only")
            << QByteArray("a,b\n") << ab << QList<QStringList>{} << QList<int>{};
    }

    void parses()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, columns);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QList<int>, lines);
        const CsvTable table = parseCsv(csv, QStringLiteral("t.csv"));
        QCOMPARE(table.columns, columns);
        QCOMPARE(table.rows, rows);
        QCOMPARE(table.lines, lines);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("t.csv: no header row");
        QTest::newRow("unclosed quote") << QByteArray("a,b\n1,2\n\"open,3\n4,5\n")
                                        << QStringLiteral("t.csv:3: a quoted field never ends");
        QTest::newRow("text after closing quote")
            << QByteArray("a,b\n\"x\"y,2\n")
            << QStringLiteral("t.csv:2: text after a closing quote");
        QTest::newRow("quote inside unquoted field")
            << QByteArray("a,b\nx\"y,2\n")
            << QStringLiteral("t.csv:2: a quote inside an unquoted field");
        QTest::newRow("too many fields")
            << QByteArray("a,b\n1,2\n1,2,3\n")
            << QStringLiteral("t.csv:3: this row has 3 fields, the header has 2");
        QTest::newRow("too few fields, after a multi-line field")
            << QByteArray("a,b\n\"1\n1\",2\n3\n")
            << QStringLiteral("t.csv:4: this row has 1 fields");
        QTest::newRow("unnamed column")
            << QByteArray("a,,c\n1,2,3\n") << QStringLiteral("t.csv:1: column 2 has no name");
        QTest::newRow("duplicate column") << QByteArray("a,b,a\n1,2,3\n")
                                          << QStringLiteral("t.csv:1: column \"a\" is named twice");
    }

    void refuses()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        try {
            parseCsv(csv, QStringLiteral("t.csv"));
            QFAIL("accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
        }
    }

    // Placeholders in every kind of string value: narration, caption, media
    // path (relative to the template's folder), background, music; a whole
    // placeholder holding a number becomes a number.
    void fillsEveryKindOfValue()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString templatePath = dir.filePath(QStringLiteral("series.reel.json"));
        QVERIFY(testmedia::writeJson(
            templatePath,
            QJsonObject{
                {"format", "reelsmith-project"},
                {"version", 2},
                {"background", "{{bg}}"},
                {"music", QJsonObject{{"file", "music/{{song}}.mp3"}, {"volume_db", "{{vol}}"}}},
                {"scenes", QJsonArray{QJsonObject{{"media", "pictures/{{picture}}"},
                                                  {"duration", "{{seconds}}"},
                                                  {"narration", "Fact {{n}}: {{ fact }}"},
                                                  {"caption", "#{{n}}"}}}}}));
        const BatchTemplate t = BatchTemplate::load(templatePath);
        QCOMPARE(t.placeholderColumns().size(), 7);
        const CsvTable table = parseCsv("n,fact,picture,seconds,bg,song,vol,output\n"
                                        "1,\"Cats sleep, a lot\",cat.jpg,4.5,subway,calm,-18,cats\n"
                                        "2,Dogs,dog.jpg,abc,minecraft,calm,-18,../escape\n",
                                        QStringLiteral("rows.csv"));
        const Project p = t.project(table, QStringLiteral("rows.csv"), 0);
        QCOMPARE(p.background, QStringLiteral("subway"));
        QCOMPARE(p.scenes.at(0).narration, QStringLiteral("Fact 1: Cats sleep, a lot"));
        QCOMPARE(p.scenes.at(0).shownCaption(), QStringLiteral("#1"));
        QCOMPARE(p.scenes.at(0).duration, 4.5);
        QCOMPARE(p.resolve(p.scenes.at(0).media),
                 QDir(dir.path()).filePath(QStringLiteral("pictures/cat.jpg")));
        QVERIFY(p.music);
        QCOMPARE(p.music->volumeDb, -18.0);
        QCOMPARE(p.resolve(p.music->file),
                 QDir(dir.path()).filePath(QStringLiteral("music/calm.mp3")));
        QCOMPARE(t.outputPath(table, QStringLiteral("rows.csv"), 0, QStringLiteral("out")),
                 QStringLiteral("out/cats.mp4"));

        // Row 1: a duration that is no number, named by row, key and column;
        // an output name that would leave the folder.
        try {
            t.project(table, QStringLiteral("rows.csv"), 1);
            QFAIL("accepted");
        } catch (const Error &e) {
            QVERIFY2(e.message().startsWith(
                         QLatin1String("rows.csv row 1 (line 3): scenes[0].duration")) &&
                         e.message().endsWith(QLatin1String("(column seconds)")),
                     qPrintable(e.message()));
        }
        try {
            t.outputPath(table, QStringLiteral("rows.csv"), 1, QStringLiteral("out"));
            QFAIL("accepted");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("row 1 (line 3): output")),
                     qPrintable(e.message()));
        }

        // A placeholder the table has no column for, named with its key.
        const CsvTable missing = parseCsv("n,fact\n1,x\n", QStringLiteral("few.csv"));
        try {
            t.checkColumns(missing, QStringLiteral("few.csv"));
            QFAIL("accepted");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("{{")) &&
                         e.message().contains(QLatin1String("names no column of few.csv")),
                     qPrintable(e.message()));
        }
    }

    // Two rows naming one file: the later one fails naming the earlier,
    // ".mp4" or not, whether the first rows are looked up once or per row.
    void duplicateOutputsNameTheFirstRow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString templatePath = dir.filePath(QStringLiteral("series.reel.json"));
        QVERIFY(testmedia::writeJson(
            templatePath, QJsonObject{{"format", "reelsmith-project"},
                                      {"version", 2},
                                      {"scenes", QJsonArray{QJsonObject{{"caption", "{{text}}"},
                                                                        {"duration", 2}}}}}));
        const BatchTemplate t = BatchTemplate::load(templatePath);
        const CsvTable table =
            parseCsv("text,output\nA,a\nB,b\nC,a.mp4\nD,c\nE,b\nF,a\n", QStringLiteral("rows.csv"));
        const QHash<QString, int> firstRows = BatchTemplate::firstRowOfEachOutput(table);
        const QList<int> earlier = {-1, -1, 0, -1, 1, 0};
        for (int row = 0; row < table.rows.size(); ++row)
            for (const QHash<QString, int> *lookup :
                 {&firstRows, static_cast<const QHash<QString, int> *>(nullptr)}) {
                try {
                    const QString out = t.outputPath(table, QStringLiteral("rows.csv"), row,
                                                     QStringLiteral("out"), lookup);
                    QVERIFY2(earlier[row] < 0, qPrintable(out));
                    QCOMPARE(
                        out,
                        QStringLiteral("out/%1.mp4").arg(table.rows[row][1].section('.', 0, 0)));
                } catch (const Error &e) {
                    QVERIFY2(earlier[row] >= 0, qPrintable(e.message()));
                    QVERIFY2(e.message().contains(
                                 QStringLiteral("is row %1's output too").arg(earlier[row])),
                             qPrintable(e.message()));
                }
            }
    }
};

QTEST_MAIN(CsvTest)
#include "tst_csv.moc"
