// The export dialog as a creator uses it: named presets (Shorts / Reels /
// TikTok, Small and fast, Custom) fill the settings that are exported and are
// kept in the project file, a name without .mp4 gets it, and a video longer
// than the platform limit chosen in Preferences is warned about here and in
// the editor's length display.

#include "document/ProjectDocument.h"
#include "export/ExportDialog.h"
#include "export/LengthLimit.h"
#include "export/OutputSettingsForm.h"
#include "preview/LengthLabel.h"
#include "preview/PreviewPanel.h"
#include "settings/EditorSettings.h"
#include "settings/PreferencesDialog.h"
#include "window/MainWindow.h"

#include "core/Error.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace reelsmith;
using namespace reelsmith::editor;

class TestExportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static Project projectOf(double seconds, const OutputSettings &output = {})
    {
        Project p;
        p.output = output;
        p.scenes = {{QStringLiteral("a.png"), seconds, QString(), Layout::Center}};
        return p;
    }

    static OutputSettingsForm *form(QWidget *dialog)
    {
        return dialog->findChild<OutputSettingsForm *>();
    }
    static QComboBox *profileCombo(QWidget *dialog)
    {
        return dialog->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    }
    static QSpinBox *spin(QWidget *dialog, const char *name)
    {
        return dialog->findChild<QSpinBox *>(QLatin1String(name));
    }

    // Chooses a preset from the combo box's list, as a creator would: opens
    // it and clicks the row.
    static void choose(QWidget *dialog, const QString &key)
    {
        QComboBox *combo = profileCombo(dialog);
        QVERIFY(combo);
        const int row = combo->findData(key);
        QVERIFY2(row >= 0, qPrintable(key));
        combo->showPopup();
        QAbstractItemView *list = combo->view();
        QVERIFY(QTest::qWaitForWindowExposed(list->window()));
        const QRect rect = list->visualRect(list->model()->index(row, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(!list->window()->isVisible());
        QCOMPARE(combo->currentData().toString(), key);
    }

    // Pixels of `widget` as drawn that are close to `color`.
    static int pixelsNear(QWidget *widget, QColor color)
    {
        const QImage image = widget->grab().toImage();
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (std::abs(c.red() - color.red()) < 40 &&
                    std::abs(c.green() - color.green()) < 40 &&
                    std::abs(c.blue() - color.blue()) < 40)
                    ++count;
            }
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    void presetsFillTheExportedSettings_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("fps");
        QTest::addColumn<QString>("x264Preset");
        QTest::addColumn<qint64>("frames"); // of the 2 s project
        const OutputSettings shorts = outputProfile(u"shorts")->settings;
        QTest::newRow("shorts") << QStringLiteral("shorts") << QSize(1080, 1920) << 30
                                << shorts.preset << qint64(60);
        QTest::newRow("small") << QStringLiteral("small") << QSize(720, 1280) << 24
                               << QStringLiteral("ultrafast") << qint64(48);
    }

    void presetsFillTheExportedSettings()
    {
        QFETCH(QString, key);
        QFETCH(QSize, size);
        QFETCH(int, fps);
        QFETCH(QString, x264Preset);
        QFETCH(qint64, frames);
        // Starts from values that are neither preset's: the dialog shows Custom.
        OutputSettings odd;
        odd.setSize({480, 854});
        odd.fps = 25;
        ExportDialog dialog(projectOf(2.0, odd));
        QCOMPARE(form(&dialog)->profile(), QStringLiteral("custom"));
        QVERIFY(form(&dialog)->customFieldsVisible());

        choose(&dialog, key);
        const OutputSettings out = dialog.output();
        QCOMPARE(out.size(), size);
        QCOMPARE(out.fps, fps);
        QCOMPARE(out.preset, x264Preset);
        QCOMPARE(out.profile, key);
        QVERIFY(sameEncoding(out, outputProfile(key)->settings));
        QCOMPARE(dialog.frameCount(), frames);
        // The fields show what will be exported.
        QCOMPARE(spin(&dialog, "widthSpin")->value(), size.width());
        QCOMPARE(spin(&dialog, "fpsSpin")->value(), fps);
    }

    void theShortsPresetIsHighQualityAndOffered()
    {
        // The recommended preset: the platforms' size and rate, a CRF well
        // below the contract's 28.
        const OutputSettings shorts = outputProfile(u"shorts")->settings;
        QCOMPARE(shorts.size(), QSize(1080, 1920));
        QCOMPARE(shorts.fps, 30);
        QVERIFY(shorts.crf < 28);
        QVERIFY(checkOutputSettings(shorts).isEmpty());
        // "Small and fast" is the contract's defaults, unchanged.
        QVERIFY(sameEncoding(outputProfile(u"small")->settings, OutputSettings{}));
        ExportDialog dialog(projectOf(2.0));
        QComboBox *combo = profileCombo(&dialog);
        QCOMPARE(combo->count(), 3);
        QVERIFY(combo->itemText(0).contains(QStringLiteral("Shorts")));
        QVERIFY(combo->itemText(0).contains(QStringLiteral("1080x1920")));
        QVERIFY(combo->itemText(1).contains(QStringLiteral("720x1280")));
        QCOMPARE(combo->itemData(2).toString(), QStringLiteral("custom"));
        // The contract's defaults are the Small preset, shown folded away.
        QCOMPARE(form(&dialog)->profile(), QStringLiteral("small"));
        QVERIFY(!form(&dialog)->customFieldsVisible());
    }

    void choosingCustomUnfoldsTheFieldsAndKeepsThem()
    {
        ExportDialog dialog(projectOf(2.0));
        choose(&dialog, QStringLiteral("shorts"));
        QVERIFY(!form(&dialog)->customFieldsVisible());
        choose(&dialog, QStringLiteral("custom"));
        QVERIFY(form(&dialog)->customFieldsVisible());
        const OutputSettings out = dialog.output();
        QCOMPARE(out.profile, QStringLiteral("custom"));
        QCOMPARE(out.size(), QSize(1080, 1920)); // what Shorts had filled in
    }

    void editingAFieldSwitchesToCustom()
    {
        ExportDialog dialog(projectOf(2.0));
        choose(&dialog, QStringLiteral("shorts"));
        auto *disclosure = dialog.findChild<QToolButton *>(QStringLiteral("customButton"));
        QTest::mouseClick(disclosure, Qt::LeftButton);
        QVERIFY(form(&dialog)->customFieldsVisible());
        QCOMPARE(form(&dialog)->profile(), QStringLiteral("shorts")); // looking changes nothing
        QSpinBox *crf = spin(&dialog, "crfSpin");
        crf->setFocus();
        crf->selectAll();
        QTest::keyClicks(crf, QStringLiteral("18"));
        QCOMPARE(form(&dialog)->profile(), QStringLiteral("custom"));
        const OutputSettings out = dialog.output();
        QCOMPARE(out.crf, 18);
        QCOMPARE(out.size(), QSize(1080, 1920));
        QCOMPARE(out.profile, QStringLiteral("custom"));
    }

    void theChoiceIsSavedAndReloaded_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("crf"); // -1: the preset's own
        QTest::newRow("shorts") << QStringLiteral("shorts") << -1;
        QTest::newRow("small") << QStringLiteral("small") << -1;
        QTest::newRow("custom") << QStringLiteral("custom") << 17;
    }

    void theChoiceIsSavedAndReloaded()
    {
        QFETCH(QString, key);
        QFETCH(int, crf);
        ProjectDocument doc;
        OutputSettings start;
        start.setSize({480, 854}); // no preset's
        doc.adopt(projectOf(2.0, start), QString(), false);
        ExportDialog dialog(doc.project());
        choose(&dialog, key);
        if (crf >= 0)
            spin(&dialog, "crfSpin")->setValue(crf);
        const OutputSettings chosen = dialog.output();
        dialog.saveChoiceTo(&doc);
        QCOMPARE(doc.project().output, chosen);

        const QString path = m_dir.filePath(key + QStringLiteral(".reel.json"));
        doc.save(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject output = QJsonDocument::fromJson(file.readAll())
                                       .object()
                                       .value(QStringLiteral("output"))
                                       .toObject();
        QCOMPARE(output.value(QStringLiteral("profile")).toString(), key);
        QCOMPARE(output.value(QStringLiteral("width")).toInt(), chosen.width);

        const Project loaded = Project::load(path);
        QCOMPARE(loaded.output, chosen);
        ExportDialog reopened(loaded);
        QCOMPARE(form(&reopened)->profile(), key);
        QCOMPARE(form(&reopened)->customFieldsVisible(), key == QStringLiteral("custom"));
        QCOMPARE(reopened.output(), chosen);

        // One undoable step.
        doc.undoStack()->undo();
        QCOMPARE(doc.project().output, start);
    }

    void aPresetWhoseValuesWereEditedByHandOpensAsCustom()
    {
        const QByteArray json = R"({"format": "reelsmith-project", "version": 2,
            "output": {"width": 720, "height": 1280, "fps": 30, "profile": "shorts"},
            "scenes": [{"duration": 2}]})";
        const Project p = Project::fromJson(json, QStringLiteral("edited.reel.json"), m_dir.path());
        ExportDialog dialog(p);
        QCOMPARE(form(&dialog)->profile(), QStringLiteral("custom"));
        QCOMPARE(dialog.output().size(), QSize(720, 1280)); // the numbers are what renders
    }

    void anUnknownPresetInTheFileIsRefusedByName()
    {
        const QByteArray json = R"({"format": "reelsmith-project", "version": 2,
            "output": {"profile": "tiktok"}, "scenes": [{"duration": 2}]})";
        try {
            Project::fromJson(json, QStringLiteral("bad.reel.json"), m_dir.path());
            QFAIL("an unknown output.profile was accepted");
        } catch (const Error &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("bad.reel.json: output.profile")),
                     qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("tiktok")), qPrintable(message));
        }
    }

    void newProjectsStartWithTheShortsPresetOrThePreferred()
    {
        QCOMPARE(EditorSettings::defaultOutput(), outputProfile(u"shorts")->settings);
        {
            PreferencesDialog preferences;
            choose(&preferences, QStringLiteral("small"));
            preferences.accept();
        }
        QCOMPARE(EditorSettings::defaultOutput(), outputProfile(u"small")->settings);
        MainWindow window;
        QCOMPARE(window.document()->project().output.profile, QStringLiteral("small"));
        QCOMPARE(window.document()->project().output.size(), QSize(720, 1280));
    }

    void aNameWithoutMp4GetsIt_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("written");
        QTest::newRow("bare") << QStringLiteral("clip") << QStringLiteral("clip.mp4");
        QTest::newRow("has it") << QStringLiteral("clip.mp4") << QStringLiteral("clip.mp4");
        QTest::newRow("upper case") << QStringLiteral("clip.MP4") << QStringLiteral("clip.MP4");
        QTest::newRow("dot in name")
            << QStringLiteral("trip 2.5") << QStringLiteral("trip 2.5.mp4");
        QTest::newRow("other type") << QStringLiteral("clip.mov") << QStringLiteral("clip.mov.mp4");
    }

    void aNameWithoutMp4GetsIt()
    {
        QFETCH(QString, typed);
        QFETCH(QString, written);
        ExportDialog dialog(projectOf(2.0));
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("outputEdit"));
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, m_dir.filePath(typed));
        QCOMPARE(dialog.outputPath(), m_dir.filePath(written));
        QTest::keyClick(edit, Qt::Key_Return); // done typing: the name is shown whole
        QCOMPARE(QDir::fromNativeSeparators(edit->text()), m_dir.filePath(written));
    }

    void theReplaceWarningNamesTheFileWithItsSuffix()
    {
        QFile existing(m_dir.filePath(QStringLiteral("holiday.mp4")));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        ExportDialog dialog(projectOf(2.0));
        dialog.setOutputPath(m_dir.filePath(QStringLiteral("holiday")));
        QVERIFY2(dialog.warning().contains(QStringLiteral("holiday.mp4")),
                 qPrintable(dialog.warning()));
    }

    void theDialogWarnsPastThePlatformLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<bool>("warned");
        QTest::newRow("61 s over 1 min") << 60 << 61.0 << true;
        QTest::newRow("exactly 1 min") << 60 << 60.0 << false;
        QTest::newRow("2 min over 1 min 30 s") << 90 << 120.0 << true;
        QTest::newRow("2 min under 3 min") << 180 << 120.0 << false;
        QTest::newRow("no limit") << 0 << 900.0 << false;
    }

    void theDialogWarnsPastThePlatformLimit()
    {
        QFETCH(int, limit);
        QFETCH(double, seconds);
        QFETCH(bool, warned);
        EditorSettings::setLengthLimitSeconds(limit);
        ExportDialog dialog(projectOf(seconds));
        dialog.setOutputPath(m_dir.filePath(QStringLiteral("new-video.mp4")));
        QVERIFY(dialog.problem().isEmpty()); // a warning, never a block
        QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        const QString warning = dialog.warning();
        QCOMPARE(!warning.isEmpty(), warned);
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QCOMPARE(message->text(), warning);
        if (warned) {
            QVERIFY2(warning.contains(LengthLimit::name(limit)), qPrintable(warning));
            QVERIFY2(warning.contains(
                         dialog.findChild<QLabel *>(QStringLiteral("durationValue"))->text()),
                     qPrintable(warning));
        }
    }

    void theDurationReadsAsTheTimelineDoes()
    {
        // 1470 frames at 24 fps: the timeline says 01:01.3 (the dialog
        // used to round to whole seconds: 01:01).
        ExportDialog dialog(projectOf(61.25));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("durationValue"))->text(),
                 QStringLiteral("01:01.3"));
    }

    void theLengthLabelTurnsToAWarningPastTheLimit()
    {
        PreviewPanel panel;
        panel.resize(400, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        LengthLabel *label = panel.lengthLabel();
        panel.setProject(projectOf(75.0));
        QCOMPARE(label->text(), QStringLiteral("01:15.0"));
        QVERIFY(label->isVisible());
        label->setLimitSeconds(180);
        QVERIFY(!label->isOverLimit());
        QCOMPARE(pixelsNear(label, LengthLabel::warningColor()), 0);

        label->setLimitSeconds(60);
        QVERIFY(label->isOverLimit());
        QVERIFY(label->text().startsWith(QStringLiteral("01:15.0")));
        QVERIFY2(pixelsNear(label, LengthLabel::warningColor()) > 10,
                 "the length is not drawn in the warning colour");
        QVERIFY2(label->toolTip().contains(QStringLiteral("1 min")), qPrintable(label->toolTip()));

        panel.setProject(projectOf(50.0)); // shortened: back to normal
        QVERIFY(!label->isOverLimit());
        QCOMPARE(label->text(), QStringLiteral("00:50.0"));
        QCOMPARE(pixelsNear(label, LengthLabel::warningColor()), 0);
    }

    void theEditorShowsTheLimitChosenInPreferences()
    {
        MainWindow window;
        window.document()->adopt(projectOf(100.0), QString(), false);
        LengthLabel *label = window.previewPanel()->lengthLabel();
        QVERIFY(label->isOverLimit()); // the default: 1 min
        // Edit > Preferences, "Warn when longer than: 3 min", OK.
        bool chosen = false;
        QTimer::singleShot(0, &window, [&chosen] {
            auto *preferences =
                qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            if (!preferences)
                return;
            auto *limits = preferences->findChild<QComboBox *>(QStringLiteral("lengthLimitCombo"));
            limits->setCurrentIndex(limits->findData(180));
            chosen = true;
            preferences->accept();
        });
        window.findChild<QAction *>(QStringLiteral("actionPreferences"))->trigger();
        QVERIFY(chosen);
        QCOMPARE(EditorSettings::lengthLimitSeconds(), 180);
        QVERIFY(!label->isOverLimit());
        QVERIFY(label->toolTip().contains(QStringLiteral("3 min")));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
