// Project files: parsing, defaults, validation messages, paths, saving and
// the frame <-> scene arithmetic.

#include "core/Error.h"
#include "project/Project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace reelsmith;

namespace {

// A valid project with three scenes; cases below break one thing at a time.
QJsonObject validRoot()
{
    QJsonObject scene0{{"image", "images/01.jpg"}, {"duration", 6.0}, {"caption", "one"}};
    QJsonObject scene1{{"image", "images/02.png"}, {"duration", 2.5}, {"layout", "top"}};
    QJsonObject scene2{{"image", "/abs/03.webp"}, {"duration", 1.0}, {"layout", "fill"}};
    return QJsonObject{{"format", "reelsmith-project"},
                       {"version", 1},
                       {"scenes", QJsonArray{scene0, scene1, scene2}}};
}

QByteArray toBytes(const QJsonObject &root)
{
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray withRoot(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = validRoot();
    edit(root);
    return toBytes(root);
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

QByteArray withOutput(const char *key, const QJsonValue &value)
{
    return withRoot([&](QJsonObject &root) {
        QJsonObject output = root.value("output").toObject();
        output[QLatin1String(key)] = value;
        root["output"] = output;
    });
}

QByteArray withDurations(const QList<double> &durations)
{
    return withRoot([&](QJsonObject &root) {
        QJsonArray scenes;
        for (double d : durations)
            scenes.append(QJsonObject{{"image", "a.jpg"}, {"duration", d}});
        root["scenes"] = scenes;
    });
}

Project projectWith(const QList<double> &durations, int fps)
{
    Project p;
    p.output.fps = fps;
    for (double d : durations)
        p.scenes.append({QStringLiteral("a.jpg"), d, QString(), Layout::Center});
    return p;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class ProjectTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parsesEveryField()
    {
        const QByteArray json = R"({
          "format": "reelsmith-project",
          "version": 1,
          "background": "clips/my background.mp4",
          "background_start": 2.5,
          "audio": "voice.mp3",
          "output": { "width": 1080, "height": 1920, "fps": 30, "crf": 20,
                      "preset": "veryfast", "threads": 4 },
          "scenes": [
            { "image": "images/01.jpg", "duration": 6.0, "caption": "First words",
              "layout": "center" },
            { "image": "images/02.png", "duration": 1.25, "caption": "Second", "layout": "top" },
            { "image": "images/03.webp", "duration": 0.5, "layout": "fill" }
          ]
        })";
        const Project p = Project::fromJson(json, QStringLiteral("full.reel.json"),
                                            QStringLiteral("/projects/demo"));
        QCOMPARE(p.background, QStringLiteral("clips/my background.mp4"));
        QVERIFY(!p.backgroundIsBuiltin());
        QCOMPARE(p.backgroundStart, 2.5);
        QCOMPARE(p.audio, QStringLiteral("voice.mp3"));
        QCOMPARE(p.output.width, 1080);
        QCOMPARE(p.output.height, 1920);
        QCOMPARE(p.output.fps, 30);
        QCOMPARE(p.output.crf, 20);
        QCOMPARE(p.output.preset, QStringLiteral("veryfast"));
        QCOMPARE(p.output.threads, 4);
        QCOMPARE(p.baseDir, QStringLiteral("/projects/demo"));
        QCOMPARE(p.scenes.size(), 3);
        QCOMPARE(p.scenes[0].media, QStringLiteral("images/01.jpg"));
        QCOMPARE(p.scenes[0].duration, 6.0);
        QCOMPARE(p.scenes[0].shownCaption(), QStringLiteral("First words"));
        QCOMPARE(p.scenes[0].layout, Layout::Center);
        QCOMPARE(p.scenes[1].media, QStringLiteral("images/02.png"));
        QCOMPARE(p.scenes[1].duration, 1.25);
        QCOMPARE(p.scenes[1].shownCaption(), QStringLiteral("Second"));
        QCOMPARE(p.scenes[1].layout, Layout::Top);
        QCOMPARE(p.scenes[2].media, QStringLiteral("images/03.webp"));
        QCOMPARE(p.scenes[2].duration, 0.5);
        QVERIFY(p.scenes[2].shownCaption().isEmpty());
        QCOMPARE(p.scenes[2].layout, Layout::Fill);
        QVERIFY2(p.warnings.isEmpty(), qPrintable(p.warnings.join(QLatin1Char('\n'))));
        QVERIFY2(p.validationError().isEmpty(), qPrintable(p.validationError()));
        QCOMPARE(p.totalDuration(), 7.75);
        QCOMPARE(p.frameCount(), qint64(233)); // 7.75 * 30 = 232.5, rounded half away from zero
    }

    void appliesDefaults()
    {
        const QByteArray json = R"({"format": "reelsmith-project", "version": 1,
                                    "scenes": [{"image": "a.jpg", "duration": 2}]})";
        const Project p = Project::fromJson(json, QStringLiteral("min.reel.json"), QString());
        QCOMPARE(p.background, QStringLiteral("minecraft"));
        QVERIFY(p.backgroundIsBuiltin());
        QCOMPARE(p.backgroundStart, 0.0);
        QVERIFY(p.audio.isEmpty());
        QCOMPARE(p.output.width, 720);
        QCOMPARE(p.output.height, 1280);
        QCOMPARE(p.output.fps, 24);
        QCOMPARE(p.output.crf, 28);
        QCOMPARE(p.output.preset, QStringLiteral("ultrafast"));
        QCOMPARE(p.output.threads, 2);
        QCOMPARE(p.scenes.size(), 1);
        QVERIFY(p.scenes[0].shownCaption().isEmpty());
        QCOMPARE(p.scenes[0].layout, Layout::Center);
        QVERIFY(p.warnings.isEmpty());

        // A partial output block keeps the defaults for the keys it leaves out.
        const Project partial =
            Project::fromJson(withOutput("fps", 30), QStringLiteral("p.reel.json"), QString());
        QCOMPARE(partial.output.fps, 30);
        QCOMPARE(partial.output.width, 720);
        QCOMPARE(partial.output.height, 1280);
        QCOMPARE(partial.output.crf, 28);
        QCOMPARE(partial.output.preset, QStringLiteral("ultrafast"));
        QCOMPARE(partial.output.threads, 2);
    }

    void builtinBackgroundsAreExactNames()
    {
        for (const QString &name :
             {QStringLiteral("minecraft"), QStringLiteral("subway"), QStringLiteral("abstract")}) {
            const Project p = Project::fromJson(
                withRoot([&](QJsonObject &r) { r["background"] = name; }), "b.json", QString());
            QVERIFY2(p.backgroundIsBuiltin(), qPrintable(name));
        }
        for (const QString &name : {QStringLiteral("Minecraft"), QStringLiteral("minecraft.mp4"),
                                    QStringLiteral("./subway")}) {
            const Project p = Project::fromJson(
                withRoot([&](QJsonObject &r) { r["background"] = name; }), "b.json", QString());
            QVERIFY2(!p.backgroundIsBuiltin(), qPrintable(name));
        }
    }

    void rejectsInvalidProjects_data()
    {
        QTest::addColumn<QByteArray>("json");
        // What must follow "<file>: " in the message: the key path, or the
        // line for unparseable JSON.
        QTest::addColumn<QString>("where");

        QTest::newRow("not json") << QByteArray("{\n  \"format\": \"reelsmith-project\",\n"
                                                "  \"version\": 1 oops\n}\n")
                                  << "line 3";
        QTest::newRow("top level array") << QByteArray("[1, 2, 3]") << "the top level";
        // Qt's parser refuses a bare scalar document as invalid JSON.
        QTest::newRow("top level string") << QByteArray("\"hello\"") << "line 1";
        QTest::newRow("format wrong")
            << withRoot([](QJsonObject &r) { r["format"] = "reelsmith-projekt"; }) << "format";
        QTest::newRow("format missing")
            << withRoot([](QJsonObject &r) { r.remove("format"); }) << "format";
        QTest::newRow("format a number")
            << withRoot([](QJsonObject &r) { r["format"] = 1; }) << "format";
        QTest::newRow("version missing")
            << withRoot([](QJsonObject &r) { r.remove("version"); }) << "version";
        QTest::newRow("version 3")
            << withRoot([](QJsonObject &r) { r["version"] = 3; }) << "version";
        QTest::newRow("version a string")
            << withRoot([](QJsonObject &r) { r["version"] = "1"; }) << "version";
        QTest::newRow("scenes missing")
            << withRoot([](QJsonObject &r) { r.remove("scenes"); }) << "scenes";
        QTest::newRow("scenes empty")
            << withRoot([](QJsonObject &r) { r["scenes"] = QJsonArray(); }) << "scenes";
        QTest::newRow("scenes an object") << withRoot([](QJsonObject &r) {
            r["scenes"] = QJsonObject{{"image", "a.jpg"}};
        }) << "scenes";
        QTest::newRow("scenes a string")
            << withRoot([](QJsonObject &r) { r["scenes"] = "a.jpg"; }) << "scenes";
        QTest::newRow("scenes[1] not an object") << withRoot([](QJsonObject &r) {
            QJsonArray s = r["scenes"].toArray();
            s[1] = 42;
            r["scenes"] = s;
        }) << "scenes[1]";
        QTest::newRow("scenes[2].image missing")
            << withScene(2, [](QJsonObject &s) { s.remove("image"); }) << "scenes[2].image";
        QTest::newRow("scenes[2].image empty")
            << withScene(2, [](QJsonObject &s) { s["image"] = ""; }) << "scenes[2].image";
        QTest::newRow("scenes[2].image blank")
            << withScene(2, [](QJsonObject &s) { s["image"] = "   "; }) << "scenes[2].image";
        QTest::newRow("scenes[2].image a number")
            << withScene(2, [](QJsonObject &s) { s["image"] = 7; }) << "scenes[2].image";
        QTest::newRow("scenes[0].duration missing")
            << withScene(0, [](QJsonObject &s) { s.remove("duration"); }) << "scenes[0].duration";
        QTest::newRow("scenes[0].duration 0")
            << withScene(0, [](QJsonObject &s) { s["duration"] = 0; }) << "scenes[0].duration";
        QTest::newRow("scenes[0].duration negative")
            << withScene(0, [](QJsonObject &s) { s["duration"] = -2.5; }) << "scenes[0].duration";
        QTest::newRow("scenes[0].duration a string")
            << withScene(0, [](QJsonObject &s) { s["duration"] = "6"; }) << "scenes[0].duration";
        QTest::newRow("scenes[1].duration null")
            << withScene(1, [](QJsonObject &s) { s["duration"] = QJsonValue(); })
            << "scenes[1].duration";
        QTest::newRow("scenes[0].layout left")
            << withScene(0, [](QJsonObject &s) { s["layout"] = "left"; }) << "scenes[0].layout";
        QTest::newRow("scenes[0].layout upper case")
            << withScene(0, [](QJsonObject &s) { s["layout"] = "Center"; }) << "scenes[0].layout";
        QTest::newRow("scenes[1].caption a number")
            << withScene(1, [](QJsonObject &s) { s["caption"] = 5; }) << "scenes[1].caption";
        QTest::newRow("output.width odd") << withOutput("width", 721) << "output.width";
        QTest::newRow("output.width 8") << withOutput("width", 8) << "output.width";
        QTest::newRow("output.width 5000") << withOutput("width", 5000) << "output.width";
        QTest::newRow("output.width fractional") << withOutput("width", 720.5) << "output.width";
        QTest::newRow("output.width a string") << withOutput("width", "720") << "output.width";
        QTest::newRow("output.height odd") << withOutput("height", 1281) << "output.height";
        QTest::newRow("output.height 14") << withOutput("height", 14) << "output.height";
        QTest::newRow("output.fps 0") << withOutput("fps", 0) << "output.fps";
        QTest::newRow("output.fps 121") << withOutput("fps", 121) << "output.fps";
        QTest::newRow("output.crf 52") << withOutput("crf", 52) << "output.crf";
        QTest::newRow("output.crf -1") << withOutput("crf", -1) << "output.crf";
        QTest::newRow("output.preset turbo") << withOutput("preset", "turbo") << "output.preset";
        QTest::newRow("output.threads 65") << withOutput("threads", 65) << "output.threads";
        QTest::newRow("output.threads -1") << withOutput("threads", -1) << "output.threads";
        QTest::newRow("output not an object")
            << withRoot([](QJsonObject &r) { r["output"] = 720; }) << "output";
        QTest::newRow("background_start -1")
            << withRoot([](QJsonObject &r) { r["background_start"] = -1; }) << "background_start";
        QTest::newRow("background_start a string")
            << withRoot([](QJsonObject &r) { r["background_start"] = "0"; }) << "background_start";
        QTest::newRow("background empty")
            << withRoot([](QJsonObject &r) { r["background"] = ""; }) << "background";
        QTest::newRow("audio a number")
            << withRoot([](QJsonObject &r) { r["audio"] = 3; }) << "audio";
        QTest::newRow("one scene over 3 h")
            << withDurations({3 * 3600 + 1.0}) << "scenes[0].duration";
        QTest::newRow("total over 3 h") << withDurations({5400.0, 5400.0, 0.5}) << "scenes";
        QTest::newRow("shorter than one frame") << withDurations({0.01}) << "scenes";
        QTest::newRow("two tiny scenes round to no frame")
            << withDurations({0.005, 0.01}) << "scenes";
    }

    void rejectsInvalidProjects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        const QString file =
            path(QStringLiteral("broken %1.reel.json").arg(QTest::currentDataTag()));
        writeFile(file, json);
        try {
            const Project p = Project::load(file);
            QFAIL(qPrintable(QStringLiteral("accepted an invalid project:\n") +
                             QString::fromUtf8(json)));
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            const QString expected = file + QStringLiteral(": ") + where;
            QVERIFY2(
                e.message().startsWith(expected),
                qPrintable(QStringLiteral("expected a message starting with \"%1\", got \"%2\"")
                               .arg(expected, e.message())));
            if (where != QStringLiteral("the top level") &&
                !where.startsWith(QStringLiteral("line")))
                // "<file>: <key.path>: <problem>": the key path is complete, not a prefix.
                QVERIFY2(e.message().startsWith(expected + QStringLiteral(": ")),
                         qPrintable(e.message()));
        }

        // The same bytes through fromJson name the source given.
        try {
            Project::fromJson(json, QStringLiteral("from-memory.reel.json"), m_dir.path());
            QFAIL("fromJson accepted what load refused");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().startsWith(QStringLiteral("from-memory.reel.json: ") + where),
                     qPrintable(e.message()));
        }
    }

    void validBoundariesAreAccepted_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("width 16") << withOutput("width", 16);
        QTest::newRow("width 4096") << withOutput("width", 4096);
        QTest::newRow("fps 1") << withOutput("fps", 1);
        QTest::newRow("fps 120") << withOutput("fps", 120);
        QTest::newRow("crf 0") << withOutput("crf", 0);
        QTest::newRow("crf 51") << withOutput("crf", 51);
        QTest::newRow("threads 0") << withOutput("threads", 0);
        QTest::newRow("threads 64") << withOutput("threads", 64);
        QTest::newRow("preset placebo") << withOutput("preset", "placebo");
        QTest::newRow("exactly 3 h") << withDurations({3600.0, 3600.0, 3600.0});
        QTest::newRow("exactly one frame") << withDurations({1.0 / 24});
    }

    void validBoundariesAreAccepted()
    {
        QFETCH(QByteArray, json);
        try {
            const Project p = Project::fromJson(json, QStringLiteral("ok.reel.json"), QString());
            QVERIFY(p.frameCount() >= 1);
        } catch (const Error &e) {
            QFAIL(qPrintable(QStringLiteral("refused a valid project: ") + e.message()));
        }
    }

    void missingProjectFileIsBadInput()
    {
        const QString file = path(QStringLiteral("nowhere.reel.json"));
        try {
            Project::load(file);
            QFAIL("loaded a file that does not exist");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::BadInput);
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
    }

    void acceptsByteOrderMark()
    {
        const QByteArray json = QByteArray("\xEF\xBB\xBF") + toBytes(validRoot());
        const Project p = Project::fromJson(json, QStringLiteral("bom.reel.json"), QString());
        QCOMPARE(p.scenes.size(), 3);
        const Project loaded = Project::load(writeFile(path("bom.reel.json"), json));
        QCOMPARE(loaded.scenes.size(), 3);
        QCOMPARE(loaded.scenes[0].shownCaption(), QStringLiteral("one"));
    }

    void unicodePathsAndCaptionsSurviveLoad()
    {
        const QString folder = m_dir.filePath(QStringLiteral("Мои проекты/ролик номер 1"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/картинки и фото")));
        const QString image = QStringLiteral("картинки и фото/кот на диване.jpg");
        writeFile(folder + QLatin1Char('/') + image, QByteArray("not checked here"));
        const QString caption = QStringLiteral("Привет, мир! Ёжик «в тумане» 🎮");
        const QString background = QStringLiteral("фоны/мой фон.mp4");

        QJsonObject scene{{"image", image}, {"duration", 1.5}, {"caption", caption}};
        QJsonObject root{{"format", "reelsmith-project"},
                         {"version", 1},
                         {"background", background},
                         {"scenes", QJsonArray{scene}}};
        const QString file = folder + QStringLiteral("/проект №1.reel.json");
        writeFile(file, toBytes(root));

        const Project p = Project::load(file);
        QCOMPARE(p.filePath, file);
        QCOMPARE(QDir(p.baseDir).canonicalPath(), QDir(folder).canonicalPath());
        QCOMPARE(p.scenes[0].media, image);
        QCOMPARE(p.scenes[0].shownCaption(), caption);
        QCOMPARE(p.background, background);
        const QString resolved = p.resolve(p.scenes[0].media);
        QVERIFY2(QFileInfo::exists(resolved), qPrintable(resolved));
        QCOMPARE(QFileInfo(resolved).canonicalFilePath(),
                 QFileInfo(folder + QLatin1Char('/') + image).canonicalFilePath());

        // An error in such a project names the file with its Cyrillic path intact.
        scene["duration"] = 0;
        root["scenes"] = QJsonArray{scene};
        writeFile(file, toBytes(root));
        try {
            Project::load(file);
            QFAIL("accepted a zero duration");
        } catch (const Error &e) {
            QVERIFY2(e.message().startsWith(file + QStringLiteral(": scenes[0].duration")),
                     qPrintable(e.message()));
        }
    }

    void resolvesRelativeToProjectFolder()
    {
        Project p;
        p.baseDir = QStringLiteral("/home/me/Видео/project one");
        QCOMPARE(p.resolve(QStringLiteral("images/01.jpg")),
                 QStringLiteral("/home/me/Видео/project one/images/01.jpg"));
        QCOMPARE(p.resolve(QStringLiteral("a b.png")),
                 QStringLiteral("/home/me/Видео/project one/a b.png"));
        QCOMPARE(QDir::cleanPath(p.resolve(QStringLiteral("../shared/bg.mp4"))),
                 QStringLiteral("/home/me/Видео/shared/bg.mp4"));
        QCOMPARE(p.resolve(QStringLiteral("/srv/media/pic.jpg")),
                 QStringLiteral("/srv/media/pic.jpg"));
        QVERIFY(p.resolve(QString()).isEmpty());

        // load() sets the folder from the file's location, even for a relative file path.
        writeFile(path("rel.reel.json"), toBytes(validRoot()));
        const QString saved = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        const Project loaded = Project::load(QStringLiteral("rel.reel.json"));
        QVERIFY(QDir::setCurrent(saved));
        QCOMPARE(QDir(loaded.baseDir).canonicalPath(), QDir(m_dir.path()).canonicalPath());
        QVERIFY2(QFileInfo(loaded.resolve(QStringLiteral("images/01.jpg"))).isAbsolute(),
                 qPrintable(loaded.resolve(QStringLiteral("images/01.jpg"))));
        QCOMPARE(loaded.resolve(loaded.scenes[2].media), QStringLiteral("/abs/03.webp"));
    }

    void roundTripsThroughJson()
    {
        Project p;
        p.background = QStringLiteral("фон/my bg.mp4");
        p.backgroundStart = 0.1;
        p.music = MusicSettings{QStringLiteral("голос.m4a")};
        p.output = {1080, 1920, 30, 18, QStringLiteral("slow"), 0, 0, 0, QString(), QString()};
        p.scenes = {
            {QStringLiteral("a.jpg"), 1.0 / 3.0, QStringLiteral("Текст субтитра"), Layout::Top},
            {QStringLiteral("images/b c.png"), 6.0, QString(), Layout::Fill},
            {QStringLiteral("/abs/d.webp"), 0.1, QStringLiteral("🎮🔥 \"quoted\""), Layout::Center}};
        QVERIFY2(p.validationError().isEmpty(), qPrintable(p.validationError()));

        const Project back = Project::fromJson(p.toJson(), QStringLiteral("rt.json"), QString());
        QVERIFY2(back == p, p.toJson().constData());
        QCOMPARE(back.scenes[0].duration, 1.0 / 3.0); // doubles survive exactly
        QCOMPARE(back.backgroundStart, 0.1);
        QVERIFY(back.warnings.isEmpty());

        // operator== notices a difference in any part.
        Project other = back;
        other.scenes[2].caption = QStringLiteral("changed");
        QVERIFY(!(other == p));
        other = back;
        other.output.crf = 19;
        QVERIFY(!(other == p));
        other = back;
        other.scenes[1].layout = Layout::Center;
        QVERIFY(!(other == p));

        // Without music the key is left out and comes back empty.
        p.music.reset();
        QVERIFY(!QJsonDocument::fromJson(p.toJson()).object().contains(QStringLiteral("music")));
        QVERIFY(Project::fromJson(p.toJson(), QStringLiteral("rt.json"), QString()) == p);
    }

    void savesAtomicallyAndLoadsBack()
    {
        const QString folder = m_dir.filePath(QStringLiteral("save here"));
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + QStringLiteral("/проект.reel.json");
        writeFile(file, QByteArray("an older version"));

        Project p;
        p.background = QStringLiteral("subway");
        p.backgroundStart = 12.25;
        p.scenes = {{QStringLiteral("one.jpg"), 2.0, QStringLiteral("Привет"), Layout::Center},
                    {QStringLiteral("two.png"), 0.75, QString(), Layout::Top}};
        p.save(file);

        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("проект.reel.json")});
        const Project loaded = Project::load(file);
        QVERIFY(loaded == p);
        QCOMPARE(loaded.filePath, file);
        QVERIFY(loaded.warnings.isEmpty());

        // A folder that does not exist: Failure naming the file, nothing created.
        const QString bad = m_dir.filePath(QStringLiteral("no such folder/p.reel.json"));
        try {
            p.save(bad);
            QFAIL("saved into a folder that does not exist");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Failure);
            QVERIFY2(e.message().contains(bad), qPrintable(e.message()));
        }
        QVERIFY(!QFileInfo::exists(bad));
        // The earlier save is untouched.
        QVERIFY(Project::load(file) == p);
    }

    void frameArithmetic_data()
    {
        QTest::addColumn<QList<double>>("durations");
        QTest::addColumn<int>("fps");
        QTest::addColumn<qint64>("frames");
        QTest::addColumn<QList<qint64>>("starts"); // first frame of each scene

        QTest::newRow("6+6 at 24")
            << QList<double>{6.0, 6.0} << 24 << qint64(288) << QList<qint64>{0, 144};
        QTest::newRow("0.1 x3 at 30")
            << QList<double>{0.1, 0.1, 0.1} << 30 << qint64(9) << QList<qint64>{0, 3, 6};
        QTest::newRow("0.7+0.3 at 10")
            << QList<double>{0.7, 0.3} << 10 << qint64(10) << QList<qint64>{0, 7};
        QTest::newRow("0.05+1 at 24")
            << QList<double>{0.05, 1.0} << 24 << qint64(25) << QList<qint64>{0, 2};
        QTest::newRow("thirds at 25") << QList<double>{1.0 / 3, 1.0 / 3, 1.0 / 3} << 25
                                      << qint64(25) << QList<qint64>{0, 9, 17};
        QTest::newRow("scene between frames")
            << QList<double>{1.01, 0.01, 1.0} << 24 << qint64(48) << QList<qint64>{0, 25, 25};
        QTest::newRow("one frame") << QList<double>{1.0} << 1 << qint64(1) << QList<qint64>{0};
        QTest::newRow("0.3 at 120 x2")
            << QList<double>{0.3, 0.3} << 120 << qint64(72) << QList<qint64>{0, 36};
    }

    void frameArithmetic()
    {
        QFETCH(QList<double>, durations);
        QFETCH(int, fps);
        QFETCH(qint64, frames);
        QFETCH(QList<qint64>, starts);
        const Project p = projectWith(durations, fps);
        QCOMPARE(p.frameCount(), frames);
        for (int i = 0; i < starts.size(); ++i)
            QVERIFY2(p.timeline().sceneStart(i) == starts[i],
                     qPrintable(QStringLiteral("sceneStart(%1) = %2, expected %3")
                                    .arg(i)
                                    .arg(p.timeline().sceneStart(i))
                                    .arg(starts[i])));
        // Every frame belongs to the last scene that starts at or before it.
        for (qint64 f = 0; f < frames; ++f) {
            int expected = 0;
            for (int i = 0; i < starts.size(); ++i)
                if (starts[i] <= f)
                    expected = i;
            QVERIFY2(p.timeline().sceneAt(f) == expected,
                     qPrintable(QStringLiteral("frame %1 (t = %2 s): scene %3, expected %4")
                                    .arg(f)
                                    .arg(double(f) / fps)
                                    .arg(p.timeline().sceneAt(f))
                                    .arg(expected)));
        }
    }

    void sixSecondScenesAt24()
    {
        const Project p = projectWith({6.0, 6.0}, 24);
        QCOMPARE(p.timeline().sceneAt(0), 0);
        QCOMPARE(p.timeline().sceneAt(143), 0);
        QCOMPARE(p.timeline().sceneAt(144), 1);
        QCOMPARE(p.timeline().sceneAt(287), 1);
        QCOMPARE(p.timeline().sceneStart(0), qint64(0));
        QCOMPARE(p.timeline().sceneStart(1), qint64(144));
        QCOMPARE(p.timeline().sceneStart(2), qint64(288)); // one past the end: the frame count
    }

    void unknownKeysWarn()
    {
        const QByteArray json = withRoot([](QJsonObject &r) {
            r["colour"] = "red";
            r["output"] = QJsonObject{{"fps", 30}, {"bitrate", 5000}};
            QJsonArray s = r["scenes"].toArray();
            QJsonObject s1 = s[1].toObject();
            s1["transition"] = "fade";
            s[1] = s1;
            r["scenes"] = s;
        });
        Project p;
        try {
            p = Project::fromJson(json, QStringLiteral("extra.reel.json"), QString());
        } catch (const Error &e) {
            QFAIL(qPrintable(QStringLiteral("unknown keys must not be errors: ") + e.message()));
        }
        QCOMPARE(p.output.fps, 30);
        QCOMPARE(p.warnings.size(), 3);
        const QString all = p.warnings.join(QLatin1Char('\n'));
        for (const QString &key : {QStringLiteral("extra.reel.json: colour"),
                                   QStringLiteral("extra.reel.json: output.bitrate"),
                                   QStringLiteral("extra.reel.json: scenes[1].transition")})
            QVERIFY2(all.contains(key), qPrintable(all));
    }
};

QTEST_MAIN(ProjectTest)
#include "tst_project.moc"
