// Version 2 project files: voice, music, loudness, narration, voice files,
// "auto" durations, text cards, strict keys, and how version 1 is upgraded.

#include "core/Error.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <functional>

using namespace reelsmith;

namespace {

QJsonObject validRoot()
{
    QJsonObject scene0{
        {"media", "images/01.jpg"}, {"duration", "auto"}, {"narration", "Пять фактов о закатах."}};
    QJsonObject scene1{{"media", "images/02.png"},
                       {"duration", 5.0},
                       {"voice_file", "voice/02.wav"},
                       {"caption", "My own voice"},
                       {"layout", "fill"}};
    QJsonObject scene2{{"duration", "auto"},
                       {"narration", "A text card."},
                       {"voice", QJsonObject{{"name", "en-us+f3"}, {"rate", 1.25}}}};
    return QJsonObject{{"format", "reelsmith-project"},
                       {"version", 2},
                       {"voice", QJsonObject{{"name", "ru"}, {"rate", 0.9}, {"pitch", 1.1}}},
                       {"music", QJsonObject{{"file", "music/lofi.mp3"},
                                             {"volume_db", -18},
                                             {"duck_db", -10},
                                             {"fade_in", 1.0},
                                             {"fade_out", 2.0}}},
                       {"loudness_lufs", -16},
                       {"scenes", QJsonArray{scene0, scene1, scene2}}};
}

QByteArray bytes(const QJsonObject &root)
{
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray withRoot(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = validRoot();
    edit(root);
    return bytes(root);
}

QByteArray withObject(const char *key, const std::function<void(QJsonObject &)> &edit)
{
    return withRoot([&](QJsonObject &root) {
        QJsonObject o = root.value(QLatin1String(key)).toObject();
        edit(o);
        root[QLatin1String(key)] = o;
    });
}

QByteArray withScene(int index, const std::function<void(QJsonObject &)> &edit)
{
    return withRoot([&](QJsonObject &root) {
        QJsonArray scenes = root.value("scenes").toArray();
        QJsonObject scene = scenes[index].toObject();
        edit(scene);
        scenes[index] = scene;
        root["scenes"] = scenes;
    });
}

Project parse(const QByteArray &json)
{
    return Project::fromJson(json, QStringLiteral("p.reel.json"), QStringLiteral("/base"));
}

QString errorOf(const QByteArray &json)
{
    try {
        parse(json);
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestProjectV2 : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryKey()
    {
        const Project p = parse(bytes(validRoot()));
        QCOMPARE(p.version, 2);
        QCOMPARE(p.voice, (VoiceSettings{QStringLiteral("ru"), 0.9, 1.1}));
        QVERIFY(p.music);
        QCOMPARE(*p.music, (MusicSettings{QStringLiteral("music/lofi.mp3"), -18, -10, 1.0, 2.0}));
        QCOMPARE(p.loudnessLufs, std::optional<double>(-16));
        QCOMPARE(p.scenes.size(), 3);

        const Scene &s0 = p.scenes[0];
        QVERIFY(s0.autoDuration);
        QCOMPARE(s0.duration, 0.0); // not known until the voice is
        QCOMPARE(s0.narration, QStringLiteral("Пять фактов о закатах."));
        QCOMPARE(s0.shownCaption(), s0.narration); // the caption follows the narration
        QVERIFY(!s0.caption);

        const Scene &s1 = p.scenes[1];
        QVERIFY(!s1.autoDuration);
        QCOMPARE(s1.duration, 5.0);
        QCOMPARE(s1.voiceFile, QStringLiteral("voice/02.wav"));
        QCOMPARE(s1.shownCaption(), QStringLiteral("My own voice"));
        QCOMPARE(s1.layout, Layout::Fill);
        QCOMPARE(p.resolve(s1.voiceFile), QStringLiteral("/base/voice/02.wav"));

        const Scene &s2 = p.scenes[2];
        QVERIFY(s2.media.isEmpty()); // a text card
        QCOMPARE(p.voiceOf(2), (VoiceSettings{QStringLiteral("en-us+f3"), 1.25, 1.1}));
        QCOMPARE(p.voiceOf(0), p.voice);
        QVERIFY(p.hasMixedSound());
        QVERIFY(!p.durationsResolved());
    }

    void defaults()
    {
        const Project p = parse(R"({"format":"reelsmith-project","version":2,
            "scenes":[{"media":"a.jpg","duration":2}]})");
        QCOMPARE(p.voice, VoiceSettings{});
        QVERIFY(!p.music);
        QCOMPARE(p.loudnessLufs, std::optional<double>(LoudnessTarget::kDefaultLufs));
        QVERIFY(!p.hasMixedSound()); // no voice, no music: a silent video
        QVERIFY(p.durationsResolved());
        QCOMPARE(p.frameCount(), 48);

        const MusicSettings m = parse(withObject("music", [](QJsonObject &o) {
                                    o = QJsonObject{{"file", "m.mp3"}};
                                })).music.value();
        QCOMPARE(m, MusicSettings{QStringLiteral("m.mp3")});

        const Project noLoudness =
            parse(withRoot([](QJsonObject &r) { r["loudness_lufs"] = QJsonValue::Null; }));
        QVERIFY(!noLoudness.loudnessLufs);
        const Project noMusic =
            parse(withRoot([](QJsonObject &r) { r["music"] = QJsonValue::Null; }));
        QVERIFY(!noMusic.music);
    }

    void imageIsTheOldNameOfMedia()
    {
        const Project p = parse(withScene(0, [](QJsonObject &s) {
            s.remove("media");
            s["image"] = "old.jpg";
        }));
        QCOMPARE(p.scenes[0].media, QStringLiteral("old.jpg"));
    }

    void autoDurationsResolveFromTheVoice()
    {
        Project p = parse(bytes(validRoot()));
        QVERIFY(p.validationError().isEmpty());
        p.resolveAutoDurations([](int scene) { return scene == 0 ? 3.5 : 1.0; });
        QVERIFY(p.durationsResolved());
        QCOMPARE(p.scenes[0].duration, 3.75);
        QCOMPARE(p.scenes[1].duration, 5.0); // a number stays
        QCOMPARE(p.scenes[2].duration, 1.25);
        QCOMPARE(p.totalDuration(), 10.0);
        QCOMPARE(p.timeline().sceneStart(1), qint64(90)); // 3.75 s at 24 fps
        QVERIFY(p.validationError().isEmpty());
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("problem");

        QTest::newRow("version 3")
            << withRoot([](QJsonObject &r) { r["version"] = 3; }) << "version"
            << "versions 1 and 2";
        QTest::newRow("unknown top key")
            << withRoot([](QJsonObject &r) { r["musik"] = 1; }) << "musik"
            << "unknown key";
        QTest::newRow("unknown scene key")
            << withScene(1, [](QJsonObject &s) { s["captoin"] = "x"; }) << "scenes[1].captoin"
            << "unknown key";
        QTest::newRow("version 1 key audio")
            << withRoot([](QJsonObject &r) { r["audio"] = "a.mp3"; }) << "audio"
            << "unknown key";
        QTest::newRow("unknown voice key")
            << withObject("voice", [](QJsonObject &o) { o["speed"] = 1; }) << "voice.speed"
            << "unknown key";
        QTest::newRow("unknown music key")
            << withObject("music", [](QJsonObject &o) { o["loop"] = true; }) << "music.loop"
            << "unknown key";
        // A batch template opened as a project says what it is.
        QTest::newRow("template's duration placeholder")
            << withScene(1, [](QJsonObject &s) { s["duration"] = "{{seconds}}"; })
            << "scenes[1].duration"
            << "a batch template's placeholder";
        QTest::newRow("template's number placeholder")
            << withObject("music", [](QJsonObject &o) { o["volume_db"] = "{{ level }}"; })
            << "music.volume_db"
            << "a batch template's placeholder";
        QTest::newRow("clip not an object")
            << withScene(0, [](QJsonObject &s) { s["clip"] = "x"; }) << "scenes[0].clip"
            << "must be an object";
        QTest::newRow("captions not an object")
            << withRoot([](QJsonObject &r) { r["captions"] = "words"; }) << "captions"
            << "must be an object";
        QTest::newRow("voice not an object")
            << withRoot([](QJsonObject &r) { r["voice"] = "ru"; }) << "voice"
            << "must be an object";
        QTest::newRow("voice.name empty")
            << withObject("voice", [](QJsonObject &o) { o["name"] = " "; }) << "voice.name"
            << "must not be empty";
        QTest::newRow("voice.rate 3")
            << withObject("voice", [](QJsonObject &o) { o["rate"] = 3; }) << "voice.rate"
            << "0.5 to 2";
        QTest::newRow("voice.pitch 0.4")
            << withObject("voice", [](QJsonObject &o) { o["pitch"] = 0.4; }) << "voice.pitch"
            << "0.5 to 2";
        QTest::newRow("voice.rate text")
            << withObject("voice", [](QJsonObject &o) { o["rate"] = "fast"; }) << "voice.rate"
            << "must be a number";
        QTest::newRow("scene voice.pitch 2.5")
            << withScene(2,
                         [](QJsonObject &s) {
                             s["voice"] = QJsonObject{{"pitch", 2.5}};
                         })
            << "scenes[2].voice.pitch"
            << "0.5 to 2";
        QTest::newRow("music.file missing")
            << withObject("music", [](QJsonObject &o) { o.remove("file"); }) << "music.file"
            << "required";
        QTest::newRow("music.file blank")
            << withObject("music", [](QJsonObject &o) { o["file"] = ""; }) << "music.file"
            << "must not be empty";
        QTest::newRow("music.volume_db 20")
            << withObject("music", [](QJsonObject &o) { o["volume_db"] = 20; }) << "music.volume_db"
            << "-60 to 12";
        QTest::newRow("music.duck_db +3")
            << withObject("music", [](QJsonObject &o) { o["duck_db"] = 3; }) << "music.duck_db"
            << "-40 to 0";
        QTest::newRow("music.fade_in negative")
            << withObject("music", [](QJsonObject &o) { o["fade_in"] = -1; }) << "music.fade_in"
            << "0 to 30";
        QTest::newRow("music.fade_out 31")
            << withObject("music", [](QJsonObject &o) { o["fade_out"] = 31; }) << "music.fade_out"
            << "0 to 30";
        QTest::newRow("loudness -40")
            << withRoot([](QJsonObject &r) { r["loudness_lufs"] = -40; }) << "loudness_lufs"
            << "-30 to -8";
        QTest::newRow("loudness 0")
            << withRoot([](QJsonObject &r) { r["loudness_lufs"] = 0; }) << "loudness_lufs"
            << "-30 to -8";
        QTest::newRow("loudness text")
            << withRoot([](QJsonObject &r) { r["loudness_lufs"] = "loud"; }) << "loudness_lufs"
            << "must be a number";
        QTest::newRow("duration automatic")
            << withScene(0, [](QJsonObject &s) { s["duration"] = "automatic"; })
            << "scenes[0].duration"
            << "\"auto\"";
        QTest::newRow("auto without a voice")
            << withScene(0, [](QJsonObject &s) { s.remove("narration"); }) << "scenes[0].duration"
            << "has none";
        QTest::newRow("auto with blank narration")
            << withScene(2, [](QJsonObject &s) { s["narration"] = "   "; }) << "scenes[2].duration"
            << "has none";
        QTest::newRow("narration over 5000")
            << withScene(0,
                         [](QJsonObject &s) { s["narration"] = QString(5001, QLatin1Char('a')); })
            << "scenes[0].narration"
            << "5001 characters";
        QTest::newRow("narration a number")
            << withScene(0, [](QJsonObject &s) { s["narration"] = 5; }) << "scenes[0].narration"
            << "must be a string";
        QTest::newRow("voice_file a number")
            << withScene(1, [](QJsonObject &s) { s["voice_file"] = 5; }) << "scenes[1].voice_file"
            << "must be a string";
        QTest::newRow("media and image")
            << withScene(1, [](QJsonObject &s) { s["image"] = "b.jpg"; }) << "scenes[1].image"
            << "only one";
        QTest::newRow("duration 0")
            << withScene(1, [](QJsonObject &s) { s["duration"] = 0; }) << "scenes[1].duration"
            << "> 0";
    }

    void rejectsInvalid()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(QString, problem);
        const QString message = errorOf(json);
        QVERIFY2(message.startsWith(QStringLiteral("p.reel.json: ") + key + QStringLiteral(": ")),
                 qPrintable(message));
        QVERIFY2(message.contains(problem), qPrintable(message));
    }

    void acceptsBoundaries_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("rate 0.5") << withObject("voice", [](QJsonObject &o) { o["rate"] = 0.5; });
        QTest::newRow("pitch 2") << withObject("voice", [](QJsonObject &o) { o["pitch"] = 2; });
        QTest::newRow("loudness -30") << withRoot([](QJsonObject &r) { r["loudness_lufs"] = -30; });
        QTest::newRow("loudness -8") << withRoot([](QJsonObject &r) { r["loudness_lufs"] = -8; });
        QTest::newRow("music -60 dB, duck -40") << withObject("music", [](QJsonObject &o) {
            o["volume_db"] = -60;
            o["duck_db"] = -40;
        });
        QTest::newRow("narration of 5000") << withScene(
            0, [](QJsonObject &s) { s["narration"] = QString(5000, QLatin1Char('a')); });
        QTest::newRow("auto with a voice file only")
            << withScene(1, [](QJsonObject &s) { s["duration"] = "auto"; });
        QTest::newRow("null texts") << withScene(1, [](QJsonObject &s) {
            s["media"] = QJsonValue::Null;
            s["caption"] = QJsonValue::Null;
            s["voice"] = QJsonValue::Null;
        });
    }

    void acceptsBoundaries()
    {
        QFETCH(QByteArray, json);
        QCOMPARE(errorOf(json), QString());
    }

    void roundTripsThroughJson()
    {
        Project p = parse(bytes(validRoot()));
        p.scenes[1].caption = QString(); // "" shows none, and must stay ""
        p.scenes[0].voice.pitch = 0.75;
        const Project back = parse(p.toJson());
        QVERIFY(back == p);
        QCOMPARE(back.scenes[1].shownCaption(), QString());
        QVERIFY(back.scenes[1].caption.has_value());

        p.loudnessLufs.reset();
        p.music.reset();
        QVERIFY(parse(p.toJson()) == p);
    }

    void versionOneIsReadAsItWasAndSavedAsVersionTwo()
    {
        const QByteArray v1 = R"({"format":"reelsmith-project","version":1,"audio":"song.mp3",
            "scenes":[{"image":"a.jpg","duration":2,"caption":"Hi","mystery":1}]})";
        const Project p = parse(v1);
        QCOMPARE(p.version, 1);
        QCOMPARE(p.audio, QStringLiteral("song.mp3"));
        QVERIFY(!p.loudnessLufs); // version 1 mixes its soundtrack as it is
        QVERIFY(!p.hasMixedSound());
        QCOMPARE(p.warnings.size(), 1); // unknown keys only warn in version 1
        QVERIFY(p.warnings[0].contains(QStringLiteral("scenes[0].mystery")));

        const QJsonObject saved = QJsonDocument::fromJson(p.toJson()).object();
        QCOMPARE(saved.value("version").toInt(), 2);
        QVERIFY(!saved.contains("audio"));
        QCOMPARE(saved.value("loudness_lufs"), QJsonValue(QJsonValue::Null));
        const QJsonObject music = saved.value("music").toObject();
        QCOMPARE(music.value("file").toString(), QStringLiteral("song.mp3"));
        QCOMPARE(music.value("volume_db").toDouble(), 0.0);
        QCOMPARE(music.value("duck_db").toDouble(), 0.0);
        // Its captions keep version 1's size, outline and place.
        const QJsonObject captions = saved.value("captions").toObject();
        QCOMPARE(captions.value("size").toDouble(), 44.6);
        QCOMPARE(captions.value("position").toDouble(), 0.75);
        QCOMPARE(captions.value("outline").toDouble(), 3.6);
        QCOMPARE(captions.value("outline_color").toString().toUpper(), QStringLiteral("#0C0C10"));

        const Project reread = parse(p.toJson());
        Project upgraded = p;
        upgraded.upgradeToCurrentVersion();
        upgraded.warnings.clear();
        QVERIFY(reread == upgraded);
        QCOMPARE(reread.scenes[0].shownCaption(), QStringLiteral("Hi"));
    }

    void textCardsNeedVersionTwo()
    {
        QCOMPARE(errorOf(R"({"format":"reelsmith-project","version":2,
            "scenes":[{"duration":2,"caption":"Just words"}]})"),
                 QString());
        const QString v1 = errorOf(R"({"format":"reelsmith-project","version":1,
            "scenes":[{"duration":2,"caption":"Just words"}]})");
        QVERIFY2(v1.contains(QStringLiteral("scenes[0].image: required")), qPrintable(v1));
    }
};

QTEST_GUILESS_MAIN(TestProjectV2)
#include "tst_projectv2.moc"
