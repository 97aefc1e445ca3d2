// The Russian translation as the editor loads it: the .qm built into the data
// folder is offered as a language, applying it translates a main window's
// menus and actions, switching back to English at runtime retranslates the
// same live window, and plural messages use all three Russian forms.

#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "preview/PreviewPanel.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>

using namespace reelsmith::editor;

namespace {

bool hasCyrillic(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.script() == QChar::Script_Cyrillic; });
}

QString deleteScenes(int n)
{
    return QCoreApplication::translate("UndoCommands", "Delete %n scene(s)", nullptr, n);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    static QString menuTitle(const MainWindow &window, const char *name)
    {
        const auto *menu = window.findChild<QMenu *>(QString::fromLatin1(name));
        return menu ? menu->title() : QStringLiteral("<no menu %1>").arg(QLatin1String(name));
    }

    static QString actionText(const MainWindow &window, const char *name)
    {
        const auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
        return action ? action->text() : QStringLiteral("<no action %1>").arg(QLatin1String(name));
    }

    static QString tabText(const MainWindow &window, int index)
    {
        const auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"));
        return tabs ? tabs->tabText(index) : QStringLiteral("<no inspector tabs>");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString qm = QDir(Translations::folder()).filePath(QStringLiteral("reelsmith_ru.qm"));
        QVERIFY2(QFileInfo(qm).isFile() && QFileInfo(qm).size() > 0,
                 qPrintable(QStringLiteral("%1 is missing or empty: build the `reelsmith` target "
                                           "(it runs lrelease on translations/reelsmith_ru.ts) "
                                           "and set REELSMITH_DATA_DIR to <build>/share/reelsmith")
                                .arg(QDir::toNativeSeparators(qm))));
    }

    void cleanupTestCase() { Translations::apply(QStringLiteral("en")); }

    void russianIsAvailable()
    {
        const auto languages = Translations::available();
        QVERIFY(!languages.isEmpty());
        QCOMPARE(languages.first().first, QStringLiteral("en"));
        const auto ru = std::find_if(languages.cbegin(), languages.cend(),
                                     [](const auto &language) { return language.first == u"ru"; });
        QVERIFY2(ru != languages.cend(), "no reelsmith_ru.qm in the translations folder");
        QVERIFY2(hasCyrillic(ru->second), qPrintable(ru->second));
        QCOMPARE(ru->second, QStringLiteral("Русский"));
    }

    void appliesAndSwitchesBackLive()
    {
        const QString language = Translations::apply(QStringLiteral("ru"));
        QVERIFY2(language.startsWith(QLatin1String("ru")), qPrintable(language));

        MainWindow window;
        // Built while Russian is installed: setupUi translates at once.
        QCOMPARE(menuTitle(window, "menuFile"), QStringLiteral("&Файл"));
        QCOMPARE(actionText(window, "actionExport"), QStringLiteral("&Экспорт видео…"));
        QCOMPARE(tabText(window, 0), QStringLiteral("Сцена"));
        QCOMPARE(window.windowTitle(), QStringLiteral("Без названия[*]"));

        // Back to English at runtime: the same window follows through
        // LanguageChange (posted to top-level widgets, hence QTRY_).
        QCOMPARE(Translations::apply(QStringLiteral("en")), QStringLiteral("en"));
        QTRY_COMPARE(menuTitle(window, "menuFile"), QStringLiteral("&File"));
        QCOMPARE(actionText(window, "actionExport"), QStringLiteral("&Export Video…"));
        QCOMPARE(tabText(window, 0), QStringLiteral("Scene"));
        QCOMPARE(window.windowTitle(), QStringLiteral("Untitled[*]"));

        // And to Russian again, live.
        QVERIFY(Translations::apply(QStringLiteral("ru")).startsWith(QLatin1String("ru")));
        QTRY_COMPARE(menuTitle(window, "menuFile"), QStringLiteral("&Файл"));
        QCOMPARE(actionText(window, "actionExport"), QStringLiteral("&Экспорт видео…"));
        QCOMPARE(window.windowTitle(), QStringLiteral("Без названия[*]"));

        Translations::apply(QStringLiteral("en"));
    }

    // A live switch reaches what setupUi does not make: buttons made in code,
    // the queue's buttons, the texts of steps already on the undo stack, the
    // decimal separator of number boxes, and Qt's own standard buttons
    // (qt6-translations-l10n, loaded from Qt's translations folder).
    void liveSwitchReachesEverything()
    {
        QCOMPARE(Translations::apply(QStringLiteral("en")), QStringLiteral("en"));
        MainWindow window;
        QToolButton *safeZones = window.previewPanel()->safeZonesButton();
        QCOMPARE(safeZones->text(), QStringLiteral("Safe zones"));
        auto *pause = window.findChild<QPushButton *>(QStringLiteral("pauseButton"));
        QVERIFY(pause);
        QCOMPARE(pause->text(), QStringLiteral("&Pause"));
        addNarrations(window.document(), {QStringLiteral("One"), QStringLiteral("Two")}, 0);
        QUndoStack *undo = window.document()->undoStack();
        QCOMPARE(undo->undoText(), QStringLiteral("Add 2 narrated scenes"));
        auto *duration = window.findChild<QDoubleSpinBox *>(QStringLiteral("durationSpin"));
        QVERIFY(duration);
        duration->setValue(2.5);
        QVERIFY2(duration->text().contains(QLatin1Char('.')), qPrintable(duration->text()));

        QVERIFY(Translations::apply(QStringLiteral("ru")).startsWith(QLatin1String("ru")));
        QTRY_COMPARE(safeZones->text(), QStringLiteral("Безопасные зоны"));
        QCOMPARE(pause->text(), QStringLiteral("Па&уза"));
        QCOMPARE(undo->undoText(), QStringLiteral("Добавить 2 озвученные сцены"));
        auto *undoAction = window.findChild<QAction *>(QStringLiteral("actionUndo"));
        QVERIFY(undoAction);
        QVERIFY2(undoAction->text().contains(QStringLiteral("Добавить 2 озвученные сцены")),
                 qPrintable(undoAction->text()));
        QVERIFY2(duration->text().contains(QLatin1Char(',')), qPrintable(duration->text()));

        QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        QCOMPARE(box.button(QMessageBox::Save)->text(), QStringLiteral("Сохранить"));
        QVERIFY2(hasCyrillic(box.button(QMessageBox::Cancel)->text()),
                 qPrintable(box.button(QMessageBox::Cancel)->text()));

        // And back: the same step reads in English again.
        Translations::apply(QStringLiteral("en"));
        QTRY_COMPARE(safeZones->text(), QStringLiteral("Safe zones"));
        QCOMPARE(undo->undoText(), QStringLiteral("Add 2 narrated scenes"));
        QVERIFY2(duration->text().contains(QLatin1Char('.')), qPrintable(duration->text()));
    }

    void pluralsUseThreeRussianForms()
    {
        QVERIFY(Translations::apply(QStringLiteral("ru")).startsWith(QLatin1String("ru")));
        const QString one = deleteScenes(1);
        const QString few = deleteScenes(3);
        const QString many = deleteScenes(5);
        QCOMPARE(one, QStringLiteral("Удалить 1 сцену"));
        QCOMPARE(few, QStringLiteral("Удалить 3 сцены"));
        QCOMPARE(many, QStringLiteral("Удалить 5 сцен"));
        QVERIFY(one != few && few != many && one != many);
        // Russian rules, not English ones: 21 takes "one", 12 takes "many".
        QCOMPARE(deleteScenes(21), QStringLiteral("Удалить 21 сцену"));
        QCOMPARE(deleteScenes(12), QStringLiteral("Удалить 12 сцен"));
        QCOMPARE(deleteScenes(22), QStringLiteral("Удалить 22 сцены"));

        Translations::apply(QStringLiteral("en"));
        QCOMPARE(deleteScenes(1), QStringLiteral("Delete 1 scene"));
        QCOMPARE(deleteScenes(3), QStringLiteral("Delete 3 scenes"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
