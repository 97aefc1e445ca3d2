// The main window's keyboard shortcuts: no key is bound twice (Qt then runs
// neither, "Ambiguous shortcut overload"), and the platform's usual keys for
// redo and save-as all work.

#include "window/MainWindow.h"

#include <QAction>
#include <QHash>
#include <QStandardPaths>
#include <QTest>

using namespace reelsmith::editor;

class ShortcutsTest : public QObject
{
    Q_OBJECT

    static QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noKeyIsBoundTwice()
    {
        MainWindow window;
        QHash<QString, QString> owner;
        const QList<QAction *> actions = window.findChildren<QAction *>();
        QVERIFY(actions.size() > 10);
        for (QAction *a : actions) {
            for (const QKeySequence &key : a->shortcuts()) {
                const QString text = key.toString(QKeySequence::PortableText);
                QVERIFY2(!owner.contains(text),
                         qPrintable(QStringLiteral("%1 is bound to both %2 and %3")
                                        .arg(text, owner.value(text), a->objectName())));
                owner.insert(text, a->objectName());
            }
        }
    }

    void redoAndSaveAsHaveTheirKeys()
    {
        MainWindow window;
        QAction *redo = action(window, "actionRedo");
        QVERIFY(redo);
        const QList<QKeySequence> redoKeys = redo->shortcuts();
        for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo))
            QVERIFY2(redoKeys.contains(key), qPrintable(key.toString()));
        QVERIFY(redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        QVERIFY(redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));

        QAction *saveAs = action(window, "actionSaveAs");
        QVERIFY(saveAs);
        QVERIFY(!saveAs->shortcuts().isEmpty());

        QAction *safeZones = action(window, "actionSafeZones");
        QVERIFY(safeZones);
        QVERIFY(!safeZones->shortcut().isEmpty());
        QVERIFY(!redoKeys.contains(safeZones->shortcut()));
    }
};

QTEST_MAIN(ShortcutsTest)
#include "tst_shortcuts.moc"
