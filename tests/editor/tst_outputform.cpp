// The output settings form that the export dialog and the preferences share:
// its ranges and messages come from the engine's one table of limits.

#include "core/OutputSettings.h"
#include "export/ExportDialog.h"
#include "export/OutputSettingsForm.h"
#include "project/Project.h"
#include "settings/PreferencesDialog.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace reelsmith;
using namespace reelsmith::editor;

class OutputFormTest : public QObject
{
    Q_OBJECT

    static Project oneSceneProject()
    {
        Project p;
        p.scenes = {{QStringLiteral("a.png"), 1.2, QString(), Layout::Center}};
        return p;
    }

    static void verifyRangesFollowTheTable(QWidget *dialog)
    {
        const QList<OutputSettingsForm *> forms = dialog->findChildren<OutputSettingsForm *>();
        QCOMPARE(forms.size(), 1);
        for (const OutputLimit &limit : outputLimits()) {
            if (!limit.inProject)
                continue;
            auto *spin =
                forms[0]->findChild<QSpinBox *>(QLatin1String(limit.key) + QStringLiteral("Spin"));
            QVERIFY2(spin, limit.key);
            QCOMPARE(spin->minimum(), limit.min);
            QCOMPARE(spin->maximum(), limit.max);
        }
        auto *presets = forms[0]->findChild<QComboBox *>(QStringLiteral("presetCombo"));
        for (const QString &name : x264PresetNames())
            QVERIFY2(presets->findText(name) >= 0, qPrintable(name));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bothDialogsUseTheOneForm()
    {
        ExportDialog exportDialog(oneSceneProject());
        verifyRangesFollowTheTable(&exportDialog);
        PreferencesDialog preferences;
        verifyRangesFollowTheTable(&preferences);
    }

    void settingsRoundTripAndKeepWhatTheFormDoesNotShow()
    {
        OutputSettingsForm form;
        QSignalSpy changed(&form, &OutputSettingsForm::changed);
        OutputSettings wanted;
        wanted.width = 1080;
        wanted.height = 1920;
        wanted.fps = 30;
        wanted.crf = 20;
        wanted.preset = QStringLiteral("medium");
        wanted.threads = 0;
        form.setSettings(wanted);
        QVERIFY(changed.count() > 0);
        OutputSettings base;
        base.maxrateKbps = 800;
        base.tune = QStringLiteral("fastdecode");
        const OutputSettings read = form.settings(base);
        QCOMPARE(read.size(), QSize(1080, 1920));
        QCOMPARE(read.fps, 30);
        QCOMPARE(read.crf, 20);
        QCOMPARE(read.preset, QStringLiteral("medium"));
        QCOMPARE(read.threads, 0);
        QCOMPARE(read.maxrateKbps, 800);
        QCOMPARE(read.tune, QStringLiteral("fastdecode"));
    }

    void problemsNameTheLimitsOfTheTable_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("value");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("odd width")
            << QByteArray("width") << 721
            << QStringList{QStringLiteral("721"), QStringLiteral("16"), QStringLiteral("4096")};
        QTest::newRow("height too big")
            << QByteArray("height") << 4098
            << QStringList{QStringLiteral("4098"), QStringLiteral("4096")};
        QTest::newRow("fps 0") << QByteArray("fps") << 0
                               << QStringList{QStringLiteral("0"), QStringLiteral("120")};
        QTest::newRow("crf 52") << QByteArray("crf") << 52
                                << QStringList{QStringLiteral("52"), QStringLiteral("51")};
        QTest::newRow("threads 65") << QByteArray("threads") << 65
                                    << QStringList{QStringLiteral("65"), QStringLiteral("64")};
    }

    void problemsNameTheLimitsOfTheTable()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, value);
        QFETCH(QStringList, mentions);
        OutputSettings s;
        QVERIFY(OutputSettingsForm::problem(s).isEmpty());
        s.*outputLimit(key.constData()).member = value;
        const QString problem = OutputSettingsForm::problem(s);
        QVERIFY(!problem.isEmpty());
        for (const QString &m : mentions)
            QVERIFY2(problem.contains(m), qPrintable(problem + QStringLiteral(" lacks ") + m));
        QString badKey;
        QVERIFY(!checkOutputSettings(s, &badKey).isEmpty());
        QCOMPARE(badKey.toLatin1(), key);
    }

    void exportDialogTimeFollowsTheTimeline()
    {
        // 1.2 s at 24 fps is 28.8 frames: the video has 29, and lasts 29/24 s.
        ExportDialog dialog(oneSceneProject());
        QCOMPARE(dialog.frameCount(), qint64(29));
        QCOMPARE(dialog.durationSeconds(), 29 / 24.0);
        dialog.findChild<QSpinBox *>(QStringLiteral("fpsSpin"))->setValue(10);
        QCOMPARE(dialog.frameCount(), qint64(12));
        QCOMPARE(dialog.durationSeconds(), 1.2);
    }
};

QTEST_MAIN(OutputFormTest)
#include "tst_outputform.moc"
