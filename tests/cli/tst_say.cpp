// reelsmith-cli say and voices, run as a user would: the WAV and timings say
// writes are the narration cache's own (what a render speaks), and bad input
// ends with exit 2, one error line and nothing written.

#include "CliRun.h"
#include "TestFiles.h"
#include "TestMedia.h"
#include "narration/NarrationCache.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace reelsmith;
using namespace testcli;
using namespace testmedia;

class SayTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_runs = 0;

    QString freshFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("run%1").arg(++m_runs));
        QDir().mkpath(folder);
        return folder;
    }

private slots:
    void initTestCase()
    {
        const QString problem = cliProblem();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        // The CLI inherits it: neither touches the user's cache.
        qputenv("REELSMITH_CACHE_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("cache"))));
    }

    void saysWhatTheRenderSpeaks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("fileBytes"); // non-empty: given with --file
        QTest::addColumn<QString>("voice");        // empty: the default (C.UTF-8 -> en-us)
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("pitch");
        QTest::newRow("russian") << QStringLiteral("Привет! Это «Reelsmith», 2026 год 😀.")
                                 << QByteArray() << QStringLiteral("ru") << 1.0 << 1.0;
        QTest::newRow("english female, faster, higher")
            << QStringLiteral("Hello there, it's a test.") << QByteArray()
            << QStringLiteral("en-us+f3") << 1.5 << 1.3;
        QTest::newRow("default voice") << QStringLiteral("Nothing chosen, the default speaks.")
                                       << QByteArray() << QString() << 1.0 << 1.0;
        const QString fromFile = QStringLiteral("Текст из файла.\nВторая строка.");
        QTest::newRow("file with BOM") << fromFile << QByteArray("\xEF\xBB\xBF") + fromFile.toUtf8()
                                       << QStringLiteral("ru+m3") << 0.8 << 1.0;
    }
    void saysWhatTheRenderSpeaks()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, fileBytes);
        QFETCH(QString, voice);
        QFETCH(double, rate);
        QFETCH(double, pitch);
        const QString folder = freshFolder();
        QStringList args{QStringLiteral("say")};
        if (fileBytes.isEmpty()) {
            args << text;
        } else {
            QVERIFY(writeFile(folder + QStringLiteral("/script.txt"), fileBytes));
            args << QStringLiteral("--file") << QStringLiteral("script.txt");
        }
        args << QStringLiteral("-o") << QStringLiteral("out put.wav") << QStringLiteral("--timings")
             << QStringLiteral("words.json");
        if (!voice.isEmpty())
            args << QStringLiteral("--voice") << voice;
        if (rate != 1.0)
            args << QStringLiteral("--rate") << QString::number(rate);
        if (pitch != 1.0)
            args << QStringLiteral("--pitch") << QString::number(pitch);
        const CliRun run = runCli(args, folder);
        QVERIFY2(run.exited(0), qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());

        VoiceSettings settings;
        settings.name = voice.isEmpty() ? QStringLiteral("en-us") : voice;
        settings.rate = rate;
        settings.pitch = pitch;
        const Narration n = NarrationCache::obtain(text, settings);
        const QByteArray wav = readFile(folder + QStringLiteral("/out put.wav"));
        QVERIFY(wav.size() > 10000);
        QVERIFY2(wav == readFile(n.audioPath), "say's WAV is not the cache's");

        QJsonParseError error;
        const QJsonObject timings =
            QJsonDocument::fromJson(readFile(folder + QStringLiteral("/words.json")), &error)
                .object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(timings,
                 NarrationCache::timingsJson(text, defaultNarrator().engineId(), settings, n));
        QCOMPARE(timings.value(QStringLiteral("voice")).toString(), settings.name);
        QCOMPARE(timings.value(QStringLiteral("sample_rate")).toInt(), 22050);
        const AudioTrack audio = decodeAudio(folder + QStringLiteral("/out put.wav"));
        QVERIFY(qAbs(timings.value(QStringLiteral("duration")).toDouble() - audio.seconds()) <
                0.001);
        const QJsonArray words = timings.value(QStringLiteral("words")).toArray();
        QVERIFY(words.size() >= 4);
        for (const QJsonValue &w : words) {
            const QJsonObject word = w.toObject();
            QCOMPARE(text.mid(word.value(QStringLiteral("offset")).toInt(),
                              word.value(QStringLiteral("length")).toInt()),
                     word.value(QStringLiteral("text")).toString());
            QVERIFY(word.value(QStringLiteral("end")).toDouble() >
                    word.value(QStringLiteral("start")).toDouble());
        }
        QVERIFY(partFiles(folder).isEmpty());
    }

    void voicesListsRussianAndEnglish()
    {
        const CliRun run = runCli({QStringLiteral("voices")}, m_dir.path());
        QVERIFY2(run.exited(0), qPrintable(run.describe()));
        QVERIFY(run.err.isEmpty());
        QHash<QString, QStringList> byName;
        QStringList languages;
        for (const QString &line : run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList fields = line.split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 3);
            byName.insert(fields[0], fields);
            languages << fields[1];
        }
        QVERIFY(std::is_sorted(languages.cbegin(), languages.cend()));
        for (const char *name : {"ru", "en-us", "en-gb"}) {
            QVERIFY2(byName.contains(QLatin1String(name)), name);
            const QString female = QLatin1String(name) + QStringLiteral("+f3");
            const QString male = QLatin1String(name) + QStringLiteral("+m3");
            QVERIFY2(byName.value(female).value(2).contains(QLatin1String("female")),
                     qPrintable(female));
            QVERIFY2(byName.value(male).value(2).contains(QLatin1String("male")), qPrintable(male));
            QCOMPARE(byName.value(female).value(1), QLatin1String(name));
        }
        QCOMPARE(byName.value(QStringLiteral("ru")).value(2), QStringLiteral("Russian, male"));
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // in the error line
        const QString out = QStringLiteral("out.wav");
        QTest::newRow("unknown voice")
            << QStringList{"say", "Hi.", "-o", out, "--voice", "klingon-xx"} << "klingon-xx";
        QTest::newRow("unknown variant")
            << QStringList{"say", "Hi.", "-o", out, "--voice", "ru+f99"} << "ru+f99";
        QTest::newRow("rate too high")
            << QStringList{"say", "Hi.", "-o", out, "--rate", "3"} << "--rate";
        QTest::newRow("rate not a number")
            << QStringList{"say", "Hi.", "-o", out, "--rate", "fast"} << "--rate";
        QTest::newRow("pitch too low")
            << QStringList{"say", "Hi.", "-o", out, "--pitch", "0.1"} << "--pitch";
        QTest::newRow("missing file")
            << QStringList{"say", "--file", "nothere.txt", "-o", out} << "nothere.txt";
        QTest::newRow("file not UTF-8")
            << QStringList{"say", "--file", "latin1.txt", "-o", out} << "latin1.txt";
        QTest::newRow("file too long")
            << QStringList{"say", "--file", "long.txt", "-o", out} << "5000";
        QTest::newRow("nothing to speak")
            << QStringList{"say", "--file", "punct.txt", "-o", out} << "punct.txt";
        QTest::newRow("empty text") << QStringList{"say", "  ", "-o", out} << "empty";
        QTest::newRow("no text") << QStringList{"say", "-o", out} << "TEXT";
        QTest::newRow("text and file")
            << QStringList{"say", "Hi.", "--file", "long.txt", "-o", out} << "not both";
        QTest::newRow("no output") << QStringList{"say", "Hi."} << "-o";
        QTest::newRow("output folder missing")
            << QStringList{"say", "Hi.", "-o", "no/such/folder/x.wav"} << "no/such/folder";
        QTest::newRow("timings folder missing")
            << QStringList{"say", "Hi.", "-o", out, "--timings", "gone/t.json"} << "gone";
    }
    void badInputWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const QString folder = freshFolder();
        QVERIFY(writeFile(folder + QStringLiteral("/out.wav"), "an older take"));
        QVERIFY(writeFile(folder + QStringLiteral("/latin1.txt"), "Caf\xe9 cr\xe8me"));
        QVERIFY(writeFile(folder + QStringLiteral("/punct.txt"), "!!!"));
        QVERIFY(writeFile(folder + QStringLiteral("/long.txt"),
                          QByteArray(kMaxNarrationCharacters + 1, 'a')));
        const QStringList before =
            QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const CliRun run = runCli(args, folder);
        QVERIFY2(run.exited(2), qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
        const QStringList lines = run.errLines();
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QLatin1String("error: ")) &&
                     lines.first().contains(expected),
                 qPrintable(run.describe()));
        QCOMPARE(readFile(folder + QStringLiteral("/out.wav")), QByteArray("an older take"));
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 before);
    }
};

QTEST_MAIN(SayTest)
#include "tst_say.moc"
