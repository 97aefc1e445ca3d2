// Issue 11, bug 6: pictures checked when they are added (off the UI thread,
// by the thumbnail pool, with the decoder's own words), broken, damaged and
// missing ones marked in the scene list with the reason and an icon, scenes
// numbered the same way in the list and in the export's messages, and missing
// pictures relinked, a moved folder at once, as one undo step.

#include "TestFiles.h"
#include "TestMedia.h"
#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "jobs/ExportJob.h"
#include "scenes/RelinkAction.h"
#include "scenes/SceneListDelegate.h"
#include "scenes/SceneListModel.h"
#include "scenes/SceneNumbers.h"
#include "scenes/ThumbnailCache.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPromise>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

namespace {

using State = ThumbnailCache::Check::State;

// Exposes the delegate's option set-up, as the view calls it.
struct Delegate : SceneListDelegate
{
    using SceneListDelegate::initStyleOption;
};

State stateOf(const QAbstractItemModel &model, int row)
{
    return State(model.index(row, 0).data(SceneListModel::PictureStateRole).toInt());
}

QString writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestScenePictures : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_good;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_good = testmedia::writeImage(path(QStringLiteral("good.png")),
                                       testmedia::solid({320, 240}, QColor(30, 160, 30)), "PNG");
    }

    void picturesAreCheckedWhenAdded_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("line");

        QTest::newRow("a good picture") << m_good << int(State::Ok) << QString();
        QTest::newRow("a 0-byte .jpg")
            << writeBytes(path(QStringLiteral("empty.jpg")), {}) << int(State::Broken)
            << QStringLiteral("Cannot be used: empty file");
        QTest::newRow("a text file named .jpg")
            << writeBytes(path(QStringLiteral("notes.jpg")), "Shopping list\nmilk\n")
            << int(State::Broken) << QStringLiteral("Cannot be used: not a picture");
        QTest::newRow("a text file (the dialog's All files)")
            << writeBytes(path(QStringLiteral("notes.txt")), "Shopping list\nmilk\n")
            << int(State::Broken) << QStringLiteral("Cannot be used: not a picture");
        // A noisy JPEG cut in half: TurboJPEG warns and shows what decodes.
        QImage noise(320, 240, QImage::Format_RGB32);
        QRandomGenerator random(7);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, random.generate() | 0xff000000u);
        const QString whole =
            testmedia::writeImage(path(QStringLiteral("whole.jpg")), noise, "JPEG");
        const QByteArray bytes = testmedia::readFile(whole);
        QTest::newRow("a JPEG cut in half")
            << writeBytes(path(QStringLiteral("cut.jpg")), bytes.left(bytes.size() / 2))
            << int(State::Damaged) << QStringLiteral("Damaged: damaged JPEG");
        QTest::newRow("a missing file") << path(QStringLiteral("gone/away.png"))
                                        << int(State::Missing) << QStringLiteral("Missing file");
    }

    void picturesAreCheckedWhenAdded()
    {
        QFETCH(QString, file);
        QFETCH(int, state);
        QFETCH(QString, line);
        ProjectDocument doc;
        ThumbnailCache thumbnails(QSize(96, 96));
        SceneListModel model(&doc, &thumbnails);
        QSignalSpy ready(&thumbnails, &ThumbnailCache::ready);
        addPictures(&doc, {m_good, file}, 0);
        // Checked because it was added: nothing has asked the model for the
        // row yet, no view shows it.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(ready.cbegin(), ready.cend(),
                        [&](const QList<QVariant> &args) { return args.value(0) == file; }),
            10000);

        const QModelIndex index = model.index(1);
        const QString display = index.data(Qt::DisplayRole).toString();
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QCOMPARE(int(stateOf(model, 1)), state);
        QCOMPARE(index.data(SceneListModel::PictureProblemRole).toString().left(line.size()), line);
        if (line.isEmpty()) {
            QCOMPARE(display.count(u'\n'), 1); // title, then duration and layout
            QCOMPARE(tip, QDir::toNativeSeparators(file));
        } else {
            // The row says what is wrong on a line of its own, the tooltip too.
            QVERIFY2(display.section(u'\n', 2).startsWith(line), qPrintable(display));
            QVERIFY2(tip.contains(line), qPrintable(tip));
        }
        if (state == int(State::Missing))
            QVERIFY2(tip.contains(QStringLiteral("Relink")), qPrintable(tip));
        // The list numbers the scene as messages do.
        Delegate delegate;
        QStyleOptionViewItem option;
        delegate.initStyleOption(&option, index);
        QVERIFY2(option.text.startsWith(QStringLiteral("2. ")), qPrintable(option.text));
    }

    // The row of a broken picture has an icon over its thumbnail; a good one
    // is drawn as the plain delegate draws it.
    void brokenRowsShowAnIcon()
    {
        ProjectDocument doc;
        ThumbnailCache thumbnails(QSize(96, 96));
        SceneListModel model(&doc, &thumbnails);
        const QString empty = writeBytes(path(QStringLiteral("icon-empty.jpg")), {});
        addPictures(&doc, {m_good, empty}, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(model, 0) == State::Ok && stateOf(model, 1) == State::Broken, 10000);
        QListView view;
        view.setModel(&model);
        view.setIconSize(QSize(96, 96));
        auto *delegate = new Delegate;
        delegate->setParent(&view);
        view.setItemDelegate(delegate);
        QStyledItemDelegate plain;

        const auto paint = [&](const QStyledItemDelegate &with, int row) {
            QStyleOptionViewItem option;
            option.initFrom(&view);
            option.widget = &view;
            option.rect = QRect(0, 0, 360, 110);
            option.decorationSize = QSize(96, 96);
            option.features |= QStyleOptionViewItem::HasDecoration;
            QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            with.paint(&painter, option, model.index(row));
            painter.end();
            QStyleOptionViewItem shown = option;
            delegate->initStyleOption(&shown, model.index(row));
            const QRect icon = SceneListDelegate::problemIconRect(
                view.style()->subElementRect(QStyle::SE_ItemViewItemDecoration, &shown, &view));
            return std::pair{image, icon};
        };
        for (int row : {0, 1}) {
            const auto [marked, icon] = paint(*delegate, row);
            const auto [unmarked, same] = paint(plain, row);
            QVERIFY(!icon.isEmpty());
            QCOMPARE(icon, same);
            const bool differs = marked.copy(icon) != unmarked.copy(icon);
            QVERIFY2(differs == (row == 1), qPrintable(QStringLiteral("row %1").arg(row)));
        }
        QVERIFY(!SceneListDelegate::problemIcon(int(State::Missing), view.style()).isNull());
        QVERIFY(!SceneListDelegate::problemIcon(int(State::Damaged), view.style()).isNull());
        QVERIFY(SceneListDelegate::problemIcon(int(State::Ok), view.style()).isNull());
    }

    void sceneNumbersInMessages_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("shown");
        QTest::newRow("a picture")
            << QStringLiteral("scenes[1].media: /p/x.jpg: empty file")
            << QStringLiteral("scene 2 (scenes[1].media): /p/x.jpg: empty file");
        QTest::newRow("after the project's path")
            << QStringLiteral("/p/a.reel.json: scenes[0].voice.name: unknown voice")
            << QStringLiteral("/p/a.reel.json: scene 1 (scenes[0].voice.name): unknown voice");
        QTest::newRow("two keys, two digits")
            << QStringLiteral("scenes[12] and scenes[3].duration")
            << QStringLiteral("scene 13 (scenes[12]) and scene 4 (scenes[3].duration)");
        QTest::newRow("no key") << QStringLiteral("background: no such file")
                                << QStringLiteral("background: no such file");
        QTest::newRow("part of another word")
            << QStringLiteral("myscenes[2]") << QStringLiteral("myscenes[2]");
    }

    void sceneNumbersInMessages()
    {
        QFETCH(QString, engine);
        QFETCH(QString, shown);
        QCOMPARE(withSceneNumbers(engine), shown);
        QCOMPARE(sceneLabel(1), QStringLiteral("scene 2"));
    }

    // The export of a project whose second picture is an empty file names
    // it as the list does: scene 2, with the project key beside it.
    void exportNamesTheSceneAsTheListDoes()
    {
        Project project;
        project.background = m_good;
        project.baseDir = m_dir.path();
        project.scenes = {Scene(m_good, 1.0),
                          Scene(writeBytes(path(QStringLiteral("export-empty.jpg")), {}), 1.0)};
        ExportJob job(project, path(QStringLiteral("out.mp4")), BackgroundFolders::standard());
        QPromise<QString> promise;
        promise.start();
        QString message;
        try {
            job.run(promise);
        } catch (const Error &error) {
            message = error.message();
        }
        QVERIFY2(message.startsWith(QStringLiteral("scene 2 (scenes[1].media): ")) &&
                     message.endsWith(QStringLiteral("export-empty.jpg: empty file")),
                 qPrintable(message));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("out.mp4"))));
    }

    // A folder of pictures moved: relinking one finds the others in the new
    // folder by name, as one undo step; a picture found nowhere stays missing.
    void relinkAMovedFolder()
    {
        QTemporaryDir dir;
        QDir root(dir.path());
        QVERIFY(root.mkdir(QStringLiteral("trip")));
        const auto make = [&](const QString &name, QColor color) {
            return testmedia::writeImage(root.filePath(name), testmedia::solid({64, 48}, color),
                                         "PNG");
        };
        const QString a = make(QStringLiteral("trip/a.png"), Qt::red);
        const QString b = make(QStringLiteral("trip/b.png"), Qt::green);
        const QString c = make(QStringLiteral("trip/c.png"), Qt::blue);
        const QString kept = make(QStringLiteral("kept.png"), Qt::yellow);
        const QString nowhere = root.filePath(QStringLiteral("elsewhere/n.png"));
        Project project;
        project.scenes = {Scene(a, 1),
                          Scene(b, 1),
                          Scene(kept, 1),
                          Scene(c, 1),
                          Scene(b, 2),
                          Scene(nowhere, 1),
                          Scene(QString(), 1, QStringLiteral("a text card"))};
        QVERIFY(root.rename(QStringLiteral("trip"), QStringLiteral("moved")));
        const QString moved = root.filePath(QStringLiteral("moved"));

        ProjectDocument doc;
        ThumbnailCache thumbnails(QSize(96, 96));
        SceneListModel model(&doc, &thumbnails);
        QListView view;
        view.setModel(&model);
        RelinkAction relink(&doc, &view);
        QString asked;
        relink.setChooser([&](const QString &missing) {
            asked = missing;
            return QDir(moved).filePath(QStringLiteral("b.png"));
        });
        doc.adopt(project, QString(), false);
        // Opening a project checks every picture.
        const QList<State> opened = {State::Missing, State::Missing, State::Ok, State::Missing,
                                     State::Missing, State::Missing, State::Ok};
        const auto states = [&] {
            QList<State> list;
            for (int row = 0; row < model.rowCount(); ++row)
                list.append(stateOf(model, row));
            return list;
        };
        QTRY_COMPARE_WITH_TIMEOUT(states(), opened, 10000);

        const auto select = [&](int row) {
            view.selectionModel()->setCurrentIndex(model.index(row),
                                                   QItemSelectionModel::ClearAndSelect);
        };
        select(2);
        QVERIFY(!relink.isEnabled()); // its picture is there
        select(6);
        QVERIFY(!relink.isEnabled()); // a text card
        select(1);
        QVERIFY(relink.isEnabled());

        QSignalSpy relinked(&relink, &RelinkAction::relinked);
        const int steps = doc.undoStack()->count();
        relink.trigger();
        QCOMPARE(asked, b);
        QCOMPARE(relinked.count(), 1);
        QCOMPARE(relinked.first().value(0).toInt(), 4); // a, b, c and b again
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        const QDir now(moved);
        QCOMPARE(doc.scene(0).media, now.filePath(QStringLiteral("a.png")));
        QCOMPARE(doc.scene(1).media, now.filePath(QStringLiteral("b.png")));
        QCOMPARE(doc.scene(2).media, kept);
        QCOMPARE(doc.scene(3).media, now.filePath(QStringLiteral("c.png")));
        QCOMPARE(doc.scene(4).media, now.filePath(QStringLiteral("b.png")));
        QCOMPARE(doc.scene(5).media, nowhere);
        QCOMPARE(doc.scene(4).duration, 2.0);
        QTRY_COMPARE_WITH_TIMEOUT(states(),
                                  (QList<State>{State::Ok, State::Ok, State::Ok, State::Ok,
                                                State::Ok, State::Missing, State::Ok}),
                                  10000);
        QVERIFY(!relink.isEnabled()); // row 1 is fine now

        // One step back: every scene points where it did.
        doc.undoStack()->undo();
        QCOMPARE(doc.scene(0).media, a);
        QCOMPARE(doc.scene(1).media, b);
        QCOMPARE(doc.scene(3).media, c);
        QCOMPARE(doc.scene(4).media, b);

        // Activating (double click, Enter) a missing scene's row relinks too.
        relink.setChooser([&](const QString &) { return QDir(moved).filePath("c.png"); });
        emit view.activated(model.index(3));
        QCOMPARE(doc.scene(3).media, now.filePath(QStringLiteral("c.png")));
        QCOMPARE(doc.scene(0).media, now.filePath(QStringLiteral("a.png")));
        // Cancelling the file dialog changes nothing.
        const int before = doc.undoStack()->count();
        relink.setChooser([&](const QString &) { return QString(); });
        select(5);
        relink.trigger();
        QCOMPARE(doc.undoStack()->count(), before);
    }

    void theWindowOffersRelink()
    {
        MainWindow window;
        auto *relink = window.findChild<QAction *>(QStringLiteral("actionRelink"));
        QVERIFY(relink);
        QVERIFY(!relink->isEnabled());
        auto *menu = window.findChild<QMenu *>(QStringLiteral("menuScenes"));
        QVERIFY(menu && menu->actions().contains(relink));
    }
};

QTEST_MAIN(TestScenePictures)
#include "tst_scenepictures.moc"
