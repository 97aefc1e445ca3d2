#include "settings/PreferencesDialog.h"
#include "ui_PreferencesDialog.h"

#include "backgrounds/Backgrounds.h"
#include "export/LengthLimit.h"
#include "export/OutputSettingsForm.h"
#include "settings/EditorSettings.h"
#include "settings/Translations.h"

#include <QDir>
#include <QFileDialog>
#include <QPushButton>

namespace reelsmith::editor {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    m_ui->languageCombo->addItem(tr("System default"), QString());
    for (const auto &[code, name] : Translations::available())
        m_ui->languageCombo->addItem(name, code);
    for (const int seconds : EditorSettings::kLengthLimitChoices)
        m_ui->lengthLimitCombo->addItem(LengthLimit::name(seconds), seconds);
    m_ui->folderEdit->setPlaceholderText(QDir::toNativeSeparators(Backgrounds::userFolder()));

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &PreferencesDialog::restoreDefaults);
    connect(m_ui->folderButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Your Backgrounds Folder"), m_ui->folderEdit->text());
        if (!folder.isEmpty())
            m_ui->folderEdit->setText(QDir::toNativeSeparators(folder));
    });
    connect(m_ui->outputForm, &OutputSettingsForm::changed, this, &PreferencesDialog::validate);
    load();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::load()
{
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(EditorSettings::language())));
    m_ui->budgetSpin->setValue(EditorSettings::memoryBudgetMegabytes());
    m_ui->concurrencySpin->setValue(EditorSettings::queueConcurrency());
    m_ui->folderEdit->setText(QDir::toNativeSeparators(EditorSettings::userBackgroundFolder()));
    m_ui->lengthLimitCombo->setCurrentIndex(
        std::max(0, m_ui->lengthLimitCombo->findData(EditorSettings::lengthLimitSeconds())));
    showOutput(EditorSettings::defaultOutput());
}

void PreferencesDialog::restoreDefaults()
{
    m_ui->languageCombo->setCurrentIndex(0);
    m_ui->budgetSpin->setValue(EditorSettings::kDefaultBudgetMegabytes);
    m_ui->concurrencySpin->setValue(1);
    m_ui->folderEdit->clear();
    m_ui->lengthLimitCombo->setCurrentIndex(
        m_ui->lengthLimitCombo->findData(EditorSettings::kDefaultLengthLimitSeconds));
    showOutput(outputProfile(u"shorts")->settings);
}

void PreferencesDialog::showOutput(const OutputSettings &output)
{
    m_ui->outputForm->setSettings(output);
    validate();
}

OutputSettings PreferencesDialog::output() const
{
    return m_ui->outputForm->settings();
}

void PreferencesDialog::validate()
{
    const QString problem = OutputSettingsForm::problem(output());
    m_ui->problemLabel->setText(problem);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void PreferencesDialog::accept()
{
    const QString language = m_ui->languageCombo->currentData().toString();
    const bool languageChanged = language != EditorSettings::language();
    EditorSettings::setLanguage(language);
    EditorSettings::setMemoryBudgetMegabytes(m_ui->budgetSpin->value());
    EditorSettings::setQueueConcurrency(m_ui->concurrencySpin->value());
    EditorSettings::setUserBackgroundFolder(
        QDir::fromNativeSeparators(m_ui->folderEdit->text().trimmed()));
    EditorSettings::setDefaultOutput(output());
    EditorSettings::setLengthLimitSeconds(m_ui->lengthLimitCombo->currentData().toInt());
    if (languageChanged)
        Translations::apply(language);
    QDialog::accept();
}

} // namespace reelsmith::editor
