// Undo and redo from the keyboard reach the document from every editor field:
// Ctrl+Z right after typing in the duration box, the caption, the narration
// or a project spin box takes back the document's step (and the field shows
// the restored value), not only the field's own text.

#include "TestMedia.h"
#include "WidgetTests.h"
#include "document/ProjectDocument.h"
#include "window/MainWindow.h"

#include <QDoubleSpinBox>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

using testwidgets::field;

class TestFieldUndo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_red, m_green;

    static void undoKey(QWidget *focus) { QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier); }
    static void redoKey(QWidget *focus)
    {
        QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    }

    static void typeInto(QAbstractSpinBox *spin, const QString &text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
    }

    void setUp(MainWindow &window)
    {
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.addPictures({m_red, m_green});
        window.selectRows({1});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_red = testmedia::writeImage(m_dir.filePath(QStringLiteral("red.png")),
                                      testmedia::solid({200, 150}, Qt::red), "PNG");
        m_green = testmedia::writeImage(m_dir.filePath(QStringLiteral("green.png")),
                                        testmedia::solid({200, 150}, Qt::green), "PNG");
    }

    void durationBox()
    {
        MainWindow window;
        setUp(window);
        ProjectDocument *doc = window.document();
        auto *duration = field<QDoubleSpinBox>(window, "durationSpin");

        // Typed and entered, then Ctrl+Z in the box: the document's value is back.
        typeInto(duration, QStringLiteral("4.5"));
        QTest::keyClick(duration, Qt::Key_Return);
        QCOMPARE(doc->scene(1).duration, 4.5);
        undoKey(duration);
        QCOMPARE(doc->scene(1).duration, 3.0);
        QCOMPARE(duration->value(), 3.0);
        redoKey(duration);
        QCOMPARE(doc->scene(1).duration, 4.5);
        QCOMPARE(duration->value(), 4.5);

        // Typed, not yet entered: Ctrl+Z takes back what the box shows.
        typeInto(duration, QStringLiteral("7"));
        undoKey(duration);
        QCOMPARE(doc->scene(1).duration, 4.5);
        QCOMPARE(duration->value(), 4.5);
        QVERIFY(duration->hasFocus());
    }

    void textFields_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("caption") << QStringLiteral("captionEdit");
        QTest::newRow("narration") << QStringLiteral("narrationEdit");
    }

    void textFields()
    {
        QFETCH(QString, name);
        MainWindow window;
        setUp(window);
        ProjectDocument *doc = window.document();
        auto *edit = window.findChild<QPlainTextEdit *>(name);
        QVERIFY(edit);
        // A step before the typing, which the field itself knows nothing of.
        field<QDoubleSpinBox>(window, "durationSpin")->setValue(5.0);
        const Scene before = doc->scene(1);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Hello"));
        QVERIFY(!(doc->scene(1) == before));
        undoKey(edit);
        QVERIFY(doc->scene(1) == before);
        QCOMPARE(edit->toPlainText(), QString());
        // Again, from the same field: the document's step before it.
        undoKey(edit);
        QCOMPARE(doc->scene(1).duration, 3.0);
        redoKey(edit);
        redoKey(edit);
        QCOMPARE(doc->scene(1).duration, 5.0);
        QCOMPARE(edit->toPlainText(), QStringLiteral("Hello"));
    }

    void projectSpinBox()
    {
        MainWindow window;
        setUp(window);
        ProjectDocument *doc = window.document();
        field<QTabWidget>(window, "inspectorTabs")->setCurrentIndex(1);
        auto *loudness = field<QDoubleSpinBox>(window, "loudnessSpin");
        if (!loudness->isEnabled())
            QSKIP("the loudness box is off without a target");
        const auto before = doc->settings();
        typeInto(loudness, QStringLiteral("-20"));
        QTest::keyClick(loudness, Qt::Key_Return);
        QVERIFY(!(doc->settings() == before));
        undoKey(loudness);
        QVERIFY(doc->settings() == before);
    }
};

QTEST_MAIN(TestFieldUndo)
#include "tst_fieldundo.moc"
