// The caption keys of a version 2 project: the `captions` style (the
// project's default), scenes[].captions over it, scenes[].timing; read,
// validated with the key's path, written back; version 1's own look.

#include "captions/CaptionStyle.h"
#include "core/Error.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <functional>

using namespace reelsmith;

namespace {

QJsonObject root(const QJsonObject &captions = {}, const QJsonObject &sceneCaptions = {})
{
    QJsonObject scene0{{"duration", 3.0}, {"caption", "Hello there"}};
    if (!sceneCaptions.isEmpty())
        scene0["captions"] = sceneCaptions;
    QJsonObject r{{"format", "reelsmith-project"},
                  {"version", 2},
                  {"scenes", QJsonArray{scene0, QJsonObject{{"duration", 2.0},
                                                            {"caption", "Second"},
                                                            {"timing", "subs/two.srt"}}}}};
    if (!captions.isEmpty())
        r["captions"] = captions;
    return r;
}

Project parse(const QJsonObject &json)
{
    return Project::fromJson(QJsonDocument(json).toJson(), QStringLiteral("p.reel.json"),
                             QStringLiteral("/base"));
}

QString errorOf(const QJsonObject &json)
{
    try {
        parse(json);
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestCaptionStyle : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheContractTable()
    {
        const Project p = parse(root());
        const CaptionStyle s = p.captionStyleOf(0);
        QCOMPARE(s.mode, CaptionMode::Block);
        QCOMPARE(s.font, QStringLiteral("DejaVu Sans"));
        QCOMPARE(s.size, 44.0);
        QCOMPARE(s.color, QColor(255, 255, 255));
        QCOMPARE(s.highlight, QColor(0xFF, 0xD4, 0x00));
        QCOMPARE(s.outline, 3.0);
        QCOMPARE(s.outlineColor, QColor(0, 0, 0));
        QVERIFY(!s.box);
        QCOMPARE(s.position, 0.83);
        QCOMPARE(s.uppercase, false);
        QCOMPARE(s.wordsPerPage, 3);
        QVERIFY(!s.pop);
        QVERIFY(!s.pops()); // block never pops
        QVERIFY(!s.legacy);
        QCOMPARE(p.scenes[1].timing, QStringLiteral("subs/two.srt"));
        QCOMPARE(p.resolve(p.scenes[1].timing), QStringLiteral("/base/subs/two.srt"));
    }

    void sceneOverridesTheProject()
    {
        const Project p = parse(root(QJsonObject{{"mode", "words"},
                                                 {"size", 64},
                                                 {"color", "#FFEEDD"},
                                                 {"box", "#10203080"},
                                                 {"uppercase", true},
                                                 {"words_per_page", 2}},
                                     QJsonObject{{"mode", "karaoke"},
                                                 {"highlight", "#00FF00"},
                                                 {"box", QJsonValue(QJsonValue::Null)}}));
        const CaptionStyle s0 = p.captionStyleOf(0);
        QCOMPARE(s0.mode, CaptionMode::Karaoke);
        QCOMPARE(s0.size, 64.0);
        QCOMPARE(s0.color, QColor(0xFF, 0xEE, 0xDD));
        QCOMPARE(s0.highlight, QColor(0, 255, 0));
        QVERIFY(!s0.box); // the scene's null removes the project's box
        QCOMPARE(s0.uppercase, true);
        QCOMPARE(s0.wordsPerPage, 2);
        const CaptionStyle s1 = p.captionStyleOf(1);
        QCOMPARE(s1.mode, CaptionMode::Words);
        QVERIFY(s1.box);
        QCOMPARE(*s1.box, QColor(0x10, 0x20, 0x30, 0x80));
        QCOMPARE(s1.highlight, QColor(0xFF, 0xD4, 0x00));
    }

    // `pop`: on by default in words mode, off in karaoke, never in block.
    void popFollowsTheModeUnlessGiven_data()
    {
        QTest::addColumn<QJsonObject>("captions");
        QTest::addColumn<bool>("pops");
        QTest::newRow("words") << QJsonObject{{"mode", "words"}} << true;
        QTest::newRow("words, off") << QJsonObject{{"mode", "words"}, {"pop", false}} << false;
        QTest::newRow("karaoke") << QJsonObject{{"mode", "karaoke"}} << false;
        QTest::newRow("karaoke, on") << QJsonObject{{"mode", "karaoke"}, {"pop", true}} << true;
        QTest::newRow("block, on") << QJsonObject{{"mode", "block"}, {"pop", true}} << false;
    }

    void popFollowsTheModeUnlessGiven()
    {
        QFETCH(QJsonObject, captions);
        QFETCH(bool, pops);
        QCOMPARE(parse(root(captions)).captionStyleOf(0).pops(), pops);
    }

    void fontFileResolvesAgainstTheProject()
    {
        const Project p = parse(root(QJsonObject{{"font", "fonts/My Font.ttf"}}));
        const CaptionStyle s = p.captionStyleOf(0);
        QVERIFY(s.fontIsFile());
        QCOMPARE(s.font, QStringLiteral("/base/fonts/My Font.ttf"));
        QVERIFY(
            !parse(root(QJsonObject{{"font", "Liberation Serif"}})).captionStyleOf(0).fontIsFile());
    }

    void versionOneKeepsItsLook()
    {
        const QJsonObject v1{
            {"format", "reelsmith-project"},
            {"version", 1},
            {"scenes",
             QJsonArray{QJsonObject{{"image", "a.png"}, {"duration", 1.0}, {"caption", "Old"}}}}};
        const Project p = parse(v1);
        QVERIFY(p.captionStyleOf(0).legacy);
        // Version 1 has no caption keys: they stay unknown there (a warning).
        QJsonObject withKey = v1;
        withKey["captions"] = QJsonObject{{"mode", "words"}};
        const Project warned = parse(withKey);
        QVERIFY(warned.captionStyleOf(0).legacy);
        QVERIFY(!warned.warnings.isEmpty());
    }

    void roundTripsThroughJson()
    {
        const Project p =
            parse(root(QJsonObject{{"mode", "words"},
                                   {"font", "fonts/a.otf"},
                                   {"size", 50.5},
                                   {"highlight", "#112233"},
                                   {"outline", 0},
                                   {"outline_color", "#445566"},
                                   {"box", "#000000B3"},
                                   {"position", 0.5},
                                   {"uppercase", false},
                                   {"words_per_page", 12},
                                   {"pop", false}},
                       QJsonObject{{"box", QJsonValue(QJsonValue::Null)}, {"position", 0.1}}));
        const Project back =
            Project::fromJson(p.toJson(), QStringLiteral("back"), QStringLiteral("/base"));
        QCOMPARE(back.captions, p.captions);
        QCOMPARE(back.scenes[0].captions, p.scenes[0].captions);
        QCOMPARE(back.scenes[1].timing, p.scenes[1].timing);
        QVERIFY(back == p);
        const QJsonObject saved = QJsonDocument::fromJson(p.toJson()).object();
        QCOMPARE(saved["captions"].toObject()["box"].toString(), QStringLiteral("#000000B3"));
        QCOMPARE(saved["captions"].toObject()["pop"], QJsonValue(false));
        QVERIFY(saved["scenes"].toArray()[0].toObject()["captions"].toObject()["box"].isNull());
        // A project without caption keys writes none.
        QVERIFY(!QJsonDocument::fromJson(parse(root()).toJson()).object().contains("captions"));
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("problem");
        const auto style = [](const char *key, const QJsonValue &value) {
            return root(QJsonObject{{QLatin1String(key), value}});
        };
        const auto scene = [](const char *key, const QJsonValue &value) {
            return root({}, QJsonObject{{QLatin1String(key), value}});
        };
        QTest::newRow("unknown key") << style("colour", "#FFFFFF") << "captions.colour"
                                     << "unknown key";
        QTest::newRow("mode") << style("mode", "subtitles") << "captions.mode"
                              << "must be \"block\", \"karaoke\" or \"words\"";
        QTest::newRow("position low") << style("position", 0.05) << "captions.position"
                                      << "must be 0.1 to 0.9";
        QTest::newRow("position high") << scene("position", 0.95) << "scenes[0].captions.position"
                                       << "must be 0.1 to 0.9";
        QTest::newRow("words_per_page 0") << style("words_per_page", 0) << "captions.words_per_page"
                                          << "must be 1 to 12";
        QTest::newRow("words_per_page 13")
            << scene("words_per_page", 13) << "scenes[0].captions.words_per_page"
            << "must be 1 to 12";
        QTest::newRow("words_per_page 2.5")
            << style("words_per_page", 2.5) << "captions.words_per_page"
            << "whole number";
        QTest::newRow("size 0") << style("size", 0) << "captions.size"
                                << "must be 8 to 400";
        QTest::newRow("size huge") << style("size", 5000) << "captions.size"
                                   << "must be 8 to 400";
        QTest::newRow("size text") << style("size", "big") << "captions.size"
                                   << "must be a number";
        QTest::newRow("outline negative") << style("outline", -1) << "captions.outline"
                                          << "must be 0 to 40";
        QTest::newRow("colour short") << style("color", "#FFF") << "captions.color"
                                      << "must be a colour \"#RRGGBB\"";
        QTest::newRow("colour name")
            << scene("highlight", "yellow") << "scenes[0].captions.highlight"
            << "#RRGGBB";
        QTest::newRow("colour alpha only for box")
            << style("outline_color", "#00000080") << "captions.outline_color"
            << "must be a colour \"#RRGGBB\"";
        QTest::newRow("box not hex") << style("box", "#GG000080") << "captions.box"
                                     << "\"#RRGGBBAA\"";
        QTest::newRow("box number") << style("box", 1) << "captions.box"
                                    << "must be a string";
        QTest::newRow("uppercase string") << style("uppercase", "yes") << "captions.uppercase"
                                          << "must be true or false";
        QTest::newRow("pop number") << scene("pop", 1) << "scenes[0].captions.pop"
                                    << "must be true or false";
        QTest::newRow("font empty") << style("font", " ") << "captions.font"
                                    << "must not be empty";
        QJsonObject timing = root();
        QJsonArray scenes = timing["scenes"].toArray();
        QJsonObject s1 = scenes[1].toObject();
        s1["timing"] = "";
        scenes[1] = s1;
        timing["scenes"] = scenes;
        QTest::newRow("timing empty") << timing << "scenes[1].timing"
                                      << "must not be empty";
        s1["timing"] = 3;
        scenes[1] = s1;
        timing["scenes"] = scenes;
        QTest::newRow("timing number") << timing << "scenes[1].timing"
                                       << "must be a string";
        QJsonObject captionsArray = root();
        captionsArray["captions"] = QJsonArray();
        QTest::newRow("captions array") << captionsArray << "captions"
                                        << "must be an object";
    }

    void rejectsInvalid()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, key);
        QFETCH(QString, problem);
        const QString message = errorOf(json);
        QVERIFY2(message.startsWith(QStringLiteral("p.reel.json: ") + key + QStringLiteral(": ")),
                 qPrintable(message));
        QVERIFY2(message.contains(problem), qPrintable(message));
    }

    void acceptsBoundaries()
    {
        for (const QJsonObject &o :
             {QJsonObject{{"position", 0.1}, {"words_per_page", 1}, {"size", 8}, {"outline", 0}},
              QJsonObject{
                  {"position", 0.9}, {"words_per_page", 12}, {"size", 400}, {"outline", 40}},
              QJsonObject{{"box", "#FFFFFF"}, {"color", "#abcdef"}}})
            QVERIFY2(errorOf(root(o)).isEmpty(), qPrintable(errorOf(root(o))));
    }

    void colourNames()
    {
        QCOMPARE(captionColorName(QColor(0xAB, 0xCD, 0xEF)), QStringLiteral("#ABCDEF"));
        QCOMPARE(captionColorName(QColor(1, 2, 3, 0x80)), QStringLiteral("#01020380"));
        QCOMPARE(parseCaptionColor(QStringLiteral("#01020380"), true), QColor(1, 2, 3, 0x80));
        QVERIFY(!parseCaptionColor(QStringLiteral("#01020380"), false));
        QVERIFY(!parseCaptionColor(QStringLiteral("010203"), false));
    }
};

QTEST_GUILESS_MAIN(TestCaptionStyle)
#include "tst_captionstyle.moc"
