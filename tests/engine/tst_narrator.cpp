// Narration from text: espeak-ng's speech decoded back and measured (RMS in
// windows), its word timings checked against the text and against where the
// sound is, the cache's reuse and its safety with two threads at once.

#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "narration/EspeakNarrator.h"
#include "narration/NarrationCache.h"
#include "narration/WordAligner.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <sys/stat.h>
#include <thread>

using namespace reelsmith;
using namespace testmedia;

namespace {

// espeak's pauses are exact zeros; its speech sits around -20 dBFS RMS.
constexpr double kSilenceRms = 0.002;
constexpr double kSpeechRms = 0.02;

// Counts syntheses and passes them on to espeak-ng.
class CountingNarrator : public Narrator
{
public:
    std::atomic<int> syntheses{0};
    QString engineId() const override { return defaultNarrator().engineId(); }
    QList<VoiceInfo> voices() override { return defaultNarrator().voices(); }
    bool hasVoice(const QString &name) override { return defaultNarrator().hasVoice(name); }
    QList<WordTiming> synthesize(const QString &text, const VoiceSettings &voice,
                                 const QString &wavPath) override
    {
        ++syntheses;
        return defaultNarrator().synthesize(text, voice, wavPath);
    }
};

VoiceSettings voiceNamed(const QString &name, double rate = 1, double pitch = 1)
{
    VoiceSettings v;
    v.name = name;
    v.rate = rate;
    v.pitch = pitch;
    return v;
}

QString describe(const QString &text, const QList<WordTiming> &words)
{
    QStringList parts;
    for (const WordTiming &w : words)
        parts << QStringLiteral("%1[%2-%3]")
                     .arg(text.mid(w.textStart, w.textLength))
                     .arg(w.start, 0, 'f', 3)
                     .arg(w.end, 0, 'f', 3);
    return parts.join(QLatin1Char(' '));
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class NarratorTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cache;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        keepFilesIfAsked(m_dir);
        m_cache = m_dir.filePath(QStringLiteral("cache"));
        qputenv("REELSMITH_CACHE_DIR", QFile::encodeName(m_cache));
        QCOMPARE(NarrationCache::folder(), QDir(m_cache).filePath(QStringLiteral("narration")));
    }

    void speaksEveryWordWhereTheSoundIs_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<int>("pauseAfter"); // index of the word a sentence pause follows
        QTest::newRow("russian")
            << QStringLiteral("ru")
            << QStringLiteral("Привет, мир! Сегодня 25 ноября, и это — «тест».")
            << QStringList{"Привет", "мир", "Сегодня", "25", "ноября", "и", "это", "тест"} << 1;
        QTest::newRow("russian female, emoji, digits")
            << QStringLiteral("ru+f3")
            << QStringLiteral("Кто-то сказал: 😀 «Ура»!\nТеперь 3,14 и 100%.")
            << QStringList{"Кто-то", "сказал", "😀", "Ура", "Теперь", "3,14", "и", "100%"} << 3;
        QTest::newRow("american") << QStringLiteral("en-us")
                                  << QStringLiteral(
                                         "Hello, world. It's 2024; I have 3 cats 🐱 and (a dog).")
                                  << QStringList{"Hello", "world", "It's", "2024", "I", "have",
                                                 "3",     "cats",  "🐱",    "and",  "a", "dog"}
                                  << 1;
        QTest::newRow("british female")
            << QStringLiteral("en-gb+f3") << QStringLiteral("Good morning.   See you \"soon\"!")
            << QStringList{"Good", "morning", "See", "you", "soon"} << 1;
    }
    void speaksEveryWordWhereTheSoundIs()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QFETCH(int, pauseAfter);

        const Narration n = NarrationCache::obtain(text, voiceNamed(voice));
        const AudioTrack audio = decodeAudio(n.audioPath);
        QCOMPARE(audio.codec, QStringLiteral("pcm_s16le"));
        QCOMPARE(audio.channels, 1);
        QCOMPARE(audio.sampleRate, n.sampleRate);
        QVERIFY2(
            qAbs(audio.seconds() - n.seconds) < 0.001,
            qPrintable(
                QStringLiteral("%1 s decoded, %2 s said").arg(audio.seconds()).arg(n.seconds)));
        QVERIFY(n.seconds > 0.3 * words.size());

        // Speech: most 50 ms windows carry sound well above silence.
        int loud = 0, windows = 0;
        for (double t = 0; t + 0.05 <= n.seconds; t += 0.05, ++windows)
            loud += audio.rms(t, t + 0.05) > kSpeechRms;
        QVERIFY2(loud > windows / 2,
                 qPrintable(QStringLiteral("%1 of %2 windows").arg(loud).arg(windows)));
        // No long silence kept at either end.
        QVERIFY(audio.rms(0, 0.1) > kSilenceRms);
        QVERIFY(audio.rms(n.seconds - 0.1, n.seconds) > kSilenceRms);

        const QString said = describe(text, n.words);
        QCOMPARE(n.words.size(), words.size());
        double previousEnd = 0;
        for (int i = 0; i < n.words.size(); ++i) {
            const WordTiming &w = n.words[i];
            QCOMPARE(text.mid(w.textStart, w.textLength), words[i]);
            QVERIFY2(w.start >= previousEnd && w.end > w.start && w.end <= n.seconds + 1e-9,
                     qPrintable(said));
            previousEnd = w.end;
            QVERIFY2(audio.rms(w.start, w.end) > kSpeechRms / 2,
                     qPrintable(QStringLiteral("\"%1\" is quiet: %2").arg(words[i], said)));
        }
        QVERIFY2(n.words.last().end > n.seconds - 0.05, qPrintable(said));

        // The pause between sentences belongs to no word, and is quiet.
        const double pauseStart = n.words[pauseAfter].end;
        const double pauseEnd = n.words[pauseAfter + 1].start;
        QVERIFY2(pauseEnd - pauseStart > 0.1, qPrintable(said));
        QVERIFY2(audio.rms(pauseStart, pauseEnd) < kSilenceRms,
                 qPrintable(QStringLiteral("RMS %1 in the pause: %2")
                                .arg(audio.rms(pauseStart, pauseEnd))
                                .arg(said)));
    }

    void sameInputGivesTheSameBytes()
    {
        Narrator &narrator = defaultNarrator();
        const QString text = QStringLiteral("Один и тот же текст, снова.");
        const auto first =
            narrator.synthesize(text, voiceNamed(QStringLiteral("ru")), path("same1.wav"));
        // Other voices in between: what espeak-ng remembers must not leak in.
        narrator.synthesize(QStringLiteral("Something else entirely."),
                            voiceNamed(QStringLiteral("en-us+f3"), 1.5, 0.7), path("other.wav"));
        narrator.synthesize(QStringLiteral("Совсем другое."), voiceNamed(QStringLiteral("ru+m3")),
                            path("other2.wav"));
        const auto second =
            narrator.synthesize(text, voiceNamed(QStringLiteral("ru")), path("same2.wav"));
        const QByteArray a = readFile(path("same1.wav"));
        QVERIFY(a.size() > 10000);
        QVERIFY(a == readFile(path("same2.wav")));
        QCOMPARE(first, second);
        QVERIFY(readFile(path("other2.wav")) != a);
    }

    void rateAndPitch()
    {
        const QString text = QStringLiteral("The quick brown fox jumps over the lazy dog.");
        const Narration slow =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("en-us"), 0.5));
        const Narration normal = NarrationCache::obtain(text, voiceNamed(QStringLiteral("en-us")));
        const Narration fast =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("en-us"), 2.0));
        QVERIFY2(fast.seconds < normal.seconds && normal.seconds < slow.seconds,
                 qPrintable(QStringLiteral("%1 %2 %3")
                                .arg(fast.seconds)
                                .arg(normal.seconds)
                                .arg(slow.seconds)));
        QVERIFY(fast.seconds < 0.5 * slow.seconds);
        QCOMPARE(fast.words.size(), 9);
        const Narration high =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("en-us"), 1, 2.0));
        QVERIFY(high.audioPath != normal.audioPath);
        QVERIFY(readFile(high.audioPath) != readFile(normal.audioPath));

        QCOMPARE(EspeakNarrator::espeakRate(1.0), 175);
        QCOMPARE(EspeakNarrator::espeakRate(0.5), 88);
        QCOMPARE(EspeakNarrator::espeakRate(2.0), 350);
        QCOMPARE(EspeakNarrator::espeakPitch(0.5), 0);
        QCOMPARE(EspeakNarrator::espeakPitch(1.0), 50);
        QCOMPARE(EspeakNarrator::espeakPitch(2.0), 100);
    }

    void cacheIsReused()
    {
        CountingNarrator counting;
        const QString text = QStringLiteral("Кэш запоминает сказанное.");
        const Narration first =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("ru")), counting);
        QCOMPARE(counting.syntheses.load(), 1);
        const QFileInfo info(first.audioPath);
        QCOMPARE(info.absolutePath(), NarrationCache::folder());
        const ino_t inode = inodeOf(first.audioPath);
        const QDateTime modified = info.lastModified();

        const Narration again =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("ru")), counting);
        QCOMPARE(counting.syntheses.load(), 1);
        QCOMPARE(again, first);
        QCOMPARE(inodeOf(again.audioPath), inode);
        QCOMPARE(QFileInfo(again.audioPath).lastModified(), modified);

        // The default voice is a name like any other once defaulted.
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        QCOMPARE(NarrationCache::defaultVoiceName(), QStringLiteral("ru"));
        const Narration defaulted = NarrationCache::obtain(text, VoiceSettings{}, counting);
        QCOMPARE(counting.syntheses.load(), 1);
        QCOMPARE(defaulted, first);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(NarrationCache::defaultVoiceName(), QStringLiteral("en-us"));

        // Another voice is another entry.
        const Narration female =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("ru+f3")), counting);
        QCOMPARE(counting.syntheses.load(), 2);
        QVERIFY(female.audioPath != first.audioPath);
    }

    void halfWrittenEntryIsRemade_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("no sidecar") << QStringLiteral("json");
        QTest::newRow("truncated audio") << QStringLiteral("wav");
        QTest::newRow("sidecar garbage") << QStringLiteral("garbage");
    }
    void halfWrittenEntryIsRemade()
    {
        QFETCH(QString, damage);
        CountingNarrator counting;
        const QString text =
            QStringLiteral("Half written entries are never used (%1).").arg(damage);
        const Narration made =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("en-gb")), counting);
        const QByteArray wav = readFile(made.audioPath);
        const QString sidecar = made.audioPath.chopped(4) + QStringLiteral(".json");
        QVERIFY(QFileInfo::exists(sidecar));
        if (damage == QLatin1String("json"))
            QVERIFY(QFile::remove(sidecar));
        else if (damage == QLatin1String("wav"))
            QVERIFY(writeFile(made.audioPath, wav.left(wav.size() / 2)));
        else
            QVERIFY(writeFile(sidecar, "{\"engine\": 1, \"wor"));
        const Narration remade =
            NarrationCache::obtain(text, voiceNamed(QStringLiteral("en-gb")), counting);
        QCOMPARE(counting.syntheses.load(), 2);
        QCOMPARE(remade, made);
        QVERIFY(readFile(remade.audioPath) == wav);
        QVERIFY(partFiles(NarrationCache::folder()).isEmpty());
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("voice");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QString>("expected"); // in the message
        QTest::newRow("unknown voice") << "Hi."
                                       << "klingon-xx" << 1.0 << "\"klingon-xx\"";
        QTest::newRow("unknown variant") << "Hi."
                                         << "ru+nosuch" << 1.0 << "\"ru+nosuch\"";
        QTest::newRow("variant alone") << "Hi."
                                       << "+f3" << 1.0 << "\"+f3\"";
        QTest::newRow("empty text") << ""
                                    << "ru" << 1.0 << "empty";
        QTest::newRow("punctuation only") << "!!! ... —"
                                          << "ru" << 1.0 << "no words";
        QTest::newRow("blank text") << " \n\t "
                                    << "ru" << 1.0 << "empty";
        QTest::newRow("too long") << QString(kMaxNarrationCharacters + 1, QLatin1Char('a')) << "ru"
                                  << 1.0 << "5000";
        QTest::newRow("rate too high") << "Hi."
                                       << "ru" << 3.0 << "rate";
        QTest::newRow("rate not a number") << "Hi."
                                           << "ru" << qQNaN() << "rate";
    }
    void badInputIsRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, voice);
        QFETCH(double, rate);
        QFETCH(QString, expected);
        const QStringList before = QDir(NarrationCache::folder()).entryList(QDir::Files);
        for (int via = 0; via < 2; ++via) {
            try {
                if (via == 0)
                    NarrationCache::obtain(text, voiceNamed(voice, rate));
                else
                    defaultNarrator().synthesize(text, voiceNamed(voice, rate), path("bad.wav"));
                QFAIL("no error");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::BadInput);
                QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
                if (expected.startsWith(QLatin1Char('"')))
                    QVERIFY2(e.message().contains(QLatin1String("reelsmith-cli voices")),
                             qPrintable(e.message()));
            }
        }
        QVERIFY(!QFileInfo::exists(path("bad.wav")));
        QCOMPARE(QDir(NarrationCache::folder()).entryList(QDir::Files), before);
        QVERIFY(partFiles(m_dir.path()).isEmpty());
    }

    void voicesCoverRussianAndEnglish()
    {
        const QList<VoiceInfo> voices = defaultNarrator().voices();
        QStringList names;
        for (const VoiceInfo &v : voices)
            names << v.name;
        for (const char *name : {"ru", "ru+f3", "ru+m3", "en-us", "en-us+f3", "en-us+m3", "en-gb",
                                 "en-gb+f3", "en-gb+m3"}) {
            QVERIFY2(names.contains(QLatin1String(name)), name);
            QVERIFY(defaultNarrator().hasVoice(QLatin1String(name)));
        }
        QVERIFY(voices.size() > 100);
        QVERIFY(std::is_sorted(
            voices.cbegin(), voices.cend(),
            [](const VoiceInfo &a, const VoiceInfo &b) { return a.language < b.language; }));
        for (const VoiceInfo &v : voices)
            if (v.name == QLatin1String("ru+f3"))
                QVERIFY2(v.description.contains(QLatin1String("female")),
                         qPrintable(v.description));
        // Any variant on any voice, though only some are listed.
        QVERIFY(defaultNarrator().hasVoice(QStringLiteral("de+f2")));
        QVERIFY(!defaultNarrator().hasVoice(QStringLiteral("de+")));
        QVERIFY(!defaultNarrator().hasVoice(QString()));
    }

    void twoThreadsAtOnce()
    {
        const QString same = QStringLiteral("Два потока просят одно и то же.");
        const QString other = QStringLiteral("Two threads, two texts, one engine.");
        CountingNarrator counting;
        Narration results[3];
        QString errors[3];
        auto work = [&](int i, const QString &text, const QString &voice) {
            try {
                results[i] = NarrationCache::obtain(text, voiceNamed(voice), counting);
            } catch (const Error &e) {
                errors[i] = e.message();
            }
        };
        std::thread a(work, 0, same, QStringLiteral("ru"));
        std::thread b(work, 1, same, QStringLiteral("ru"));
        std::thread c(work, 2, other, QStringLiteral("en-us"));
        a.join();
        b.join();
        c.join();
        for (const QString &e : errors)
            QVERIFY2(e.isEmpty(), qPrintable(e));
        QCOMPARE(counting.syntheses.load(), 2); // the same entry is made once
        QCOMPARE(results[0], results[1]);
        // Both are what one synthesis on its own gives.
        const auto alone =
            defaultNarrator().synthesize(same, voiceNamed(QStringLiteral("ru")), path("alone.wav"));
        QVERIFY(readFile(results[0].audioPath) == readFile(path("alone.wav")));
        QCOMPARE(results[0].words, alone);
        const auto otherAlone = defaultNarrator().synthesize(
            other, voiceNamed(QStringLiteral("en-us")), path("alone2.wav"));
        QVERIFY(readFile(results[2].audioPath) == readFile(path("alone2.wav")));
        QCOMPARE(results[2].words, otherAlone);
    }

    // The alignment of espeak-ng's imprecise word positions (measured cases).
    void alignsImpreciseEvents()
    {
        // "года, и это": the event of "и" points at the space before it.
        const QString text = QStringLiteral("года, и это 😀 «Ура»");
        auto word = [](int codePoint, qint64 sample) {
            return SpeechEvent{true, codePoint, sample, sample};
        };
        const QList<SpeechEvent> events = {
            word(0, 0), word(5, 100), word(8, 200),
            // the emoji spoken as two words, the second event on the space after it
            word(12, 300), word(13, 400), word(15, 500), // "Ура" (after «)
            SpeechEvent{false, 0, 600, 600}};
        const QList<WordTiming> words = alignWords(text, events, 600, 600, 100);
        QStringList got;
        for (const WordTiming &w : words)
            got << text.mid(w.textStart, w.textLength);
        QCOMPARE(got, (QStringList{"года", "и", "это", "😀", "Ура"}));
        QCOMPARE(words[1].start, 1.0);
        QCOMPARE(words[3].start, 3.0);
        QCOMPARE(words[3].end, 5.0); // both of its events
        QCOMPARE(words[4].start, 5.0);
        QCOMPARE(words[4].end, 6.0);
        // An event pointing back (as "т.е." gives) never moves a word backwards.
        const QString abbreviation = QStringLiteral("строка; т.е. три");
        const QList<WordTiming> back = alignWords(
            abbreviation, {word(0, 0), word(8, 100), word(7, 150), word(13, 200)}, 300, 300, 100);
        QCOMPARE(back.size(), 3);
        QCOMPARE(back[1].start, 1.0);
        QCOMPARE(back[1].end, 2.0);
    }
};

QTEST_MAIN(NarratorTest)
#include "tst_narrator.moc"
