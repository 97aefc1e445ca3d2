// The editor's document: undoable scene edits, save/open round trips with
// relative paths, and autosave with crash recovery.

#include "TestMedia.h"
#include "core/Error.h"
#include "document/Autosave.h"
#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "document/UndoCommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

namespace {

QStringList captions(const ProjectDocument &doc)
{
    QStringList list;
    for (const Scene &scene : doc.scenes())
        list.append(scene.shownCaption());
    return list;
}

Scene scene(const QString &caption, const QString &image = QStringLiteral("/pictures/a.jpg"))
{
    Scene s;
    s.media = image;
    s.duration = 2;
    s.caption = caption;
    return s;
}

// A document holding scenes captioned "a", "b", ... with a clean undo stack.
void fill(ProjectDocument &doc, const QStringList &names)
{
    Project project;
    for (const QString &name : names)
        project.scenes.append(scene(name));
    doc.adopt(project, QString(), false);
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(Autosave::folder()).removeRecursively();
    }

    void addPicturesThenUndoRedo()
    {
        ProjectDocument doc;
        fill(doc, {QStringLiteral("a")});
        const QList<int> rows =
            addPictures(&doc, {QStringLiteral("/p/1.jpg"), QStringLiteral("/p/2.png")}, 0);
        QCOMPARE(rows, (QList<int>{0, 1}));
        QCOMPARE(doc.sceneCount(), 3);
        QCOMPARE(doc.scene(0).media, QStringLiteral("/p/1.jpg"));
        QVERIFY(doc.scene(0).duration > 0);
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(captions(doc), QStringList{QStringLiteral("a")});
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.sceneCount(), 3);
        QCOMPARE(doc.scene(1).media, QStringLiteral("/p/2.png"));
    }

    void moveScenes_data()
    {
        QTest::addColumn<QList<int>>("rows");
        QTest::addColumn<int>("before");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QList<int>>("movedTo");
        QTest::newRow("first to end") << QList<int>{0} << 5 << "bcdea" << QList<int>{4};
        QTest::newRow("last to front") << QList<int>{4} << 0 << "eabcd" << QList<int>{0};
        QTest::newRow("down one") << QList<int>{1} << 3 << "acbde" << QList<int>{2};
        QTest::newRow("up one") << QList<int>{2} << 1 << "acbde" << QList<int>{1};
        QTest::newRow("two apart to front") << QList<int>{1, 3} << 0 << "bdace" << QList<int>{0, 1};
        QTest::newRow("two apart between") << QList<int>{0, 4} << 2 << "baecd" << QList<int>{1, 2};
        QTest::newRow("unsorted rows") << QList<int>{3, 1} << 5 << "acebd" << QList<int>{3, 4};
    }

    void moveScenes()
    {
        QFETCH(QList<int>, rows);
        QFETCH(int, before);
        QFETCH(QString, expected);
        QFETCH(QList<int>, movedTo);
        ProjectDocument doc;
        const QStringList names{"a", "b", "c", "d", "e"};
        fill(doc, names);
        QCOMPARE(editor::moveScenes(&doc, rows, before), movedTo);
        QCOMPARE(captions(doc).join(QString()), expected);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(captions(doc), names);
        doc.undoStack()->redo();
        QCOMPARE(captions(doc).join(QString()), expected);
    }

    void moveThatChangesNothingIsNoStep()
    {
        ProjectDocument doc;
        fill(doc, {"a", "b", "c"});
        editor::moveScenes(&doc, {1}, 2); // in front of where it already is
        editor::moveScenes(&doc, {1}, 1);
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
    }

    void deleteSeveralAndUndoRestoresPlaces()
    {
        ProjectDocument doc;
        fill(doc, {"a", "b", "c", "d", "e"});
        deleteScenes(&doc, {3, 0, 3, 9});
        QCOMPARE(captions(doc).join(QString()), QStringLiteral("bce"));
        doc.undoStack()->undo();
        QCOMPARE(captions(doc).join(QString()), QStringLiteral("abcde"));
        doc.undoStack()->redo();
        QCOMPARE(captions(doc).join(QString()), QStringLiteral("bce"));
    }

    void duplicateGoesAfterTheLastSelected()
    {
        ProjectDocument doc;
        fill(doc, {"a", "b", "c"});
        QCOMPARE(duplicateScenes(&doc, {0, 1}), (QList<int>{2, 3}));
        QCOMPARE(captions(doc).join(QString()), QStringLiteral("ababc"));
        doc.undoStack()->undo();
        QCOMPARE(captions(doc).join(QString()), QStringLiteral("abc"));
    }

    void typingACaptionIsOneStep()
    {
        ProjectDocument doc;
        fill(doc, {"", "x"});
        QString typed;
        for (const QChar c : QStringLiteral("Привет 🙂")) {
            typed += c;
            Scene s = doc.scene(0);
            s.caption = typed;
            doc.undoStack()->push(
                new EditSceneCommand(&doc, 0, s, EditSceneCommand::Field::Caption));
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.scene(0).shownCaption(), QStringLiteral("Привет 🙂"));
        // Another field or another scene is a new step.
        Scene d = doc.scene(0);
        d.duration = 5;
        doc.undoStack()->push(new EditSceneCommand(&doc, 0, d, EditSceneCommand::Field::Duration));
        Scene other = doc.scene(1);
        other.caption = QStringLiteral("y");
        doc.undoStack()->push(
            new EditSceneCommand(&doc, 1, other, EditSceneCommand::Field::Caption));
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scene(0).shownCaption(), QString());
        QCOMPARE(doc.scene(0).duration, 2.0);
        QVERIFY(!doc.isModified());
    }

    void typingBackToTheStartLeavesNoStep()
    {
        ProjectDocument doc;
        fill(doc, {"a"});
        for (const QString &text : {QStringLiteral("ab"), QStringLiteral("a")}) {
            Scene s = doc.scene(0);
            s.caption = text;
            doc.undoStack()->push(
                new EditSceneCommand(&doc, 0, s, EditSceneCommand::Field::Caption));
        }
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void scrubbingTheStartIsOneStep()
    {
        ProjectDocument doc;
        fill(doc, {"a"});
        for (double t : {0.5, 1.0, 1.5, 2.0}) {
            auto settings = doc.settings();
            settings.backgroundStart = t;
            doc.undoStack()->push(new EditSettingsCommand(&doc, settings, UndoText{"", "start"},
                                                          EditSettingsCommand::kBackgroundStart));
        }
        auto settings = doc.settings();
        settings.background = QStringLiteral("subway");
        doc.undoStack()->push(new EditSettingsCommand(&doc, settings, UndoText{"", "bg"}));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.project().background, QStringLiteral("minecraft"));
        QCOMPARE(doc.project().backgroundStart, 2.0);
        doc.undoStack()->undo();
        QCOMPARE(doc.project().backgroundStart, 0.0);
    }

    void saveWritesRelativePathsAndOpensBack()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("project/images"));
        QTemporaryDir elsewhere;
        const QString inside =
            testmedia::writeImage(dir.filePath(QStringLiteral("project/images/в кадре.png")),
                                  testmedia::solid({40, 30}, Qt::red), "PNG");
        const QString outside = testmedia::writeImage(elsewhere.filePath(QStringLiteral("far.jpg")),
                                                      testmedia::solid({40, 30}, Qt::blue), "JPEG");
        ProjectDocument doc;
        doc.reset();
        addPictures(&doc, {inside, outside}, 0);
        auto settings = doc.settings();
        settings.background = QStringLiteral("abstract");
        settings.output.fps = 30;
        doc.undoStack()->push(new EditSettingsCommand(&doc, settings, UndoText{}));
        QSignalSpy modified(&doc, &ProjectDocument::modifiedChanged);

        const QString path = dir.filePath(QStringLiteral("project/short.reel.json"));
        doc.save(path);
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.last().first().toBool(), false);
        QCOMPARE(doc.filePath(), path);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const auto scenes = json.value(QStringLiteral("scenes")).toArray();
        QCOMPARE(scenes.at(0).toObject().value(QStringLiteral("media")).toString(),
                 QStringLiteral("images/в кадре.png"));
        QCOMPARE(scenes.at(1).toObject().value(QStringLiteral("media")).toString(), outside);

        ProjectDocument reopened;
        reopened.load(path);
        QCOMPARE(reopened.sceneCount(), 2);
        QCOMPARE(reopened.scene(0).media, inside);
        QCOMPARE(reopened.scene(1).media, outside);
        QCOMPARE(reopened.project().background, QStringLiteral("abstract"));
        QCOMPARE(reopened.project().output.fps, 30);
        QVERIFY(!reopened.isModified());
        QCOMPARE(reopened.project().validationError(), QString());
    }

    void aProjectWithoutScenesYetSavesAndOpens()
    {
        // The editor opens whatever it saves, even before the first picture.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("draft.reel.json"));
        ProjectDocument doc;
        doc.reset();
        auto settings = doc.settings();
        settings.background = QStringLiteral("subway");
        doc.undoStack()->push(new EditSettingsCommand(&doc, settings, UndoText{}));
        doc.save(path);
        ProjectDocument reopened;
        reopened.load(path);
        QCOMPARE(reopened.sceneCount(), 0);
        QCOMPARE(reopened.project().background, QStringLiteral("subway"));
        // Rendering it is still refused, naming the key.
        try {
            Project::load(path);
            QFAIL("a project without scenes loaded for rendering");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("scenes")),
                     qPrintable(error.message()));
        }
    }

    void openingABrokenProjectThrowsAndKeepsTheDocument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.reel.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format":"reelsmith-project","version":1,"scenes":[{"image":"a.jpg","duration":-1}]})");
        file.close();
        ProjectDocument doc;
        fill(doc, {"keep"});
        try {
            doc.load(path);
            QFAIL("a bad project opened");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("scenes[0].duration")),
                     qPrintable(error.message()));
        }
        QCOMPARE(captions(doc), QStringList{QStringLiteral("keep")});
    }

    void autosaveWritesUnsavedWorkAndRemovesItWhenSaved()
    {
        QTemporaryDir dir;
        ProjectDocument doc;
        fill(doc, {"a"});
        Autosave autosave(&doc, 50);
        QSignalSpy written(&autosave, &Autosave::written);
        addPictures(&doc, {QStringLiteral("/p/new.jpg")}, 1);
        QVERIFY(written.wait(5000));
        QVERIFY(QFile::exists(autosave.path()));
        // Another running editor's copy is not an orphan.
        QVERIFY(Autosave::orphans().isEmpty());

        doc.save(dir.filePath(QStringLiteral("saved.reel.json")));
        QVERIFY(!QFile::exists(autosave.path()));
    }

    void aCrashedSessionsCopyIsRecovered()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("mine.reel.json"));
        QString copy;
        {
            ProjectDocument doc;
            fill(doc, {"saved"});
            doc.save(original);
            addPictures(&doc, {QStringLiteral("/p/unsaved.jpg")}, 1);
            Autosave autosave(&doc, 10);
            autosave.flush();
            copy = autosave.path();
            // Simulate a crash: keep the copy, let go of the lock the way a
            // dead process does (the lock file stays, its owner is gone).
            QFile::copy(copy, copy + QStringLiteral(".keep"));
            QFile::copy(
                QString(copy).replace(QStringLiteral(".reel.json"), QStringLiteral(".meta.json")),
                copy + QStringLiteral(".meta.keep"));
        }
        QFile::rename(copy + QStringLiteral(".keep"), copy);
        QFile::rename(
            copy + QStringLiteral(".meta.keep"),
            QString(copy).replace(QStringLiteral(".reel.json"), QStringLiteral(".meta.json")));

        const QList<Autosave::Orphan> orphans = Autosave::orphans();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans.first().originalPath, original);
        ProjectDocument doc;
        Autosave::recover(orphans.first(), &doc);
        QCOMPARE(doc.sceneCount(), 2);
        QCOMPARE(doc.scene(1).media, QStringLiteral("/p/unsaved.jpg"));
        QCOMPARE(doc.filePath(), original);
        QVERIFY(doc.isModified()); // recovered work is not yet saved
        QVERIFY(!QFile::exists(copy));
        QVERIFY(Autosave::orphans().isEmpty());
    }

    // What crashes really leave: the copy, its meta file and a lock file
    // whose owner is gone; and from a session that had nothing unsaved (no
    // copy) its lock alone. Recovering or discarding leaves none of them, and
    // the new session's own copy and lock are untouched.
    void aCrashedSessionLeavesNothingOnceHandled_data()
    {
        QTest::addColumn<bool>("recover");
        QTest::newRow("recovered") << true;
        QTest::newRow("discarded") << false;
    }

    void aCrashedSessionLeavesNothingOnceHandled()
    {
        QFETCH(bool, recover);
        QDir(Autosave::folder()).removeRecursively();
        QString copy;
        {
            ProjectDocument doc;
            fill(doc, {"crashed"});
            addPictures(&doc, {QStringLiteral("/p/unsaved.jpg")}, 1);
            Autosave autosave(&doc, 10);
            autosave.flush();
            copy = autosave.path();
            for (const QString &file : QDir(Autosave::folder()).entryList(QDir::Files))
                QFile::copy(QDir(Autosave::folder()).filePath(file),
                            QDir(Autosave::folder()).filePath(file + QStringLiteral(".keep")));
        }
        const QDir folder(Autosave::folder());
        for (const QString &kept : folder.entryList({QStringLiteral("*.keep")}, QDir::Files))
            QVERIFY(QDir(folder).rename(kept, kept.chopped(5)));
        // The locks name a process that has exited.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        const QString lockName =
            QFileInfo(copy).completeBaseName().chopped(5) + QStringLiteral(".lock");
        QFile lock(folder.filePath(lockName));
        QVERIFY2(lock.open(QIODevice::ReadOnly), qPrintable(folder.entryList().join(',')));
        QList<QByteArray> lines = lock.readAll().split('\n');
        lock.close();
        lines[0] = QByteArray::number(deadPid);
        for (const QString &name : {lockName, QStringLiteral("nothing-unsaved.lock")}) {
            QFile stale(folder.filePath(name));
            QVERIFY(stale.open(QIODevice::WriteOnly | QIODevice::Truncate));
            stale.write(lines.join('\n'));
        }
        const QStringList left = folder.entryList(QDir::Files);
        QVERIFY2(left.size() == 4, qPrintable(left.join(',')));

        ProjectDocument doc;
        Autosave session(&doc, 10);
        const QList<Autosave::Orphan> orphans = Autosave::orphans();
        QCOMPARE(orphans.size(), 1);
        if (recover)
            Autosave::recover(orphans.first(), &doc);
        else
            Autosave::discard(orphans.first());
        session.flush(); // the recovered work is the new session's copy
        QStringList expected = {QFileInfo(session.path()).completeBaseName().chopped(5) +
                                QStringLiteral(".lock")};
        if (recover)
            expected += {QFileInfo(session.path()).fileName(),
                         QFileInfo(session.path()).completeBaseName().chopped(5) +
                             QStringLiteral(".meta.json")};
        expected.sort();
        QCOMPARE(folder.entryList(QDir::Files | QDir::Hidden), expected);
        QVERIFY(Autosave::orphans().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
