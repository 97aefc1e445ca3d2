#include "export/OutputSettingsForm.h"

#include "ui_OutputSettingsForm.h"

#include <QEvent>
#include <QScopedValueRollback>

#include <algorithm>

namespace reelsmith::editor {

OutputSettingsForm::OutputSettingsForm(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::OutputSettingsForm>())
{
    m_ui->setupUi(this);
    m_ui->presetCombo->addItems(reelsmith::x264PresetNames());
    fillProfiles();
    applyLimits();
    setCustomFieldsVisible(false);
    for (QSpinBox *spin :
         {m_ui->widthSpin, m_ui->heightSpin, m_ui->fpsSpin, m_ui->crfSpin, m_ui->threadsSpin})
        connect(spin, &QSpinBox::valueChanged, this, &OutputSettingsForm::fieldEdited);
    connect(m_ui->presetCombo, &QComboBox::currentTextChanged, this,
            &OutputSettingsForm::fieldEdited);
    connect(m_ui->profileCombo, &QComboBox::activated, this, &OutputSettingsForm::profileChosen);
    connect(m_ui->customButton, &QToolButton::toggled, this,
            &OutputSettingsForm::setCustomFieldsVisible);
}

OutputSettingsForm::~OutputSettingsForm() = default;

void OutputSettingsForm::applyLimits()
{
    const struct
    {
        QSpinBox *spin;
        const char *key;
    } fields[] = {{m_ui->widthSpin, "width"},
                  {m_ui->heightSpin, "height"},
                  {m_ui->fpsSpin, "fps"},
                  {m_ui->crfSpin, "crf"},
                  {m_ui->threadsSpin, "threads"}};
    for (const auto &field : fields) {
        const OutputLimit &limit = outputLimit(field.key);
        field.spin->setRange(limit.min, limit.max);
    }
    const OutputLimit &size = outputLimit("width");
    const QString sizeTip = tr("Even, %1 to %2 pixels").arg(size.min).arg(size.max);
    m_ui->widthSpin->setToolTip(sizeTip);
    m_ui->heightSpin->setToolTip(sizeTip);
}

void OutputSettingsForm::fillProfiles()
{
    const QString current = profile();
    m_ui->profileCombo->clear();
    for (const OutputProfile &p : outputProfiles()) {
        const OutputSettings &s = p.settings;
        const QString key = QLatin1String(p.key);
        if (key == QLatin1String("shorts"))
            m_ui->profileCombo->addItem(tr("Shorts / Reels / TikTok — %1x%2, %3 fps, high quality")
                                            .arg(s.width)
                                            .arg(s.height)
                                            .arg(s.fps),
                                        key);
        else if (key == QLatin1String("small"))
            m_ui->profileCombo->addItem(
                tr("Small and fast — %1x%2, %3 fps").arg(s.width).arg(s.height).arg(s.fps), key);
        else
            m_ui->profileCombo->addItem(key, key);
    }
    m_ui->profileCombo->addItem(tr("Custom"), QLatin1String(kCustomProfile));
    m_ui->profileCombo->setCurrentIndex(std::max(0, m_ui->profileCombo->findData(current)));
}

void OutputSettingsForm::setSettings(const reelsmith::OutputSettings &out)
{
    showFields(out);
    const QString key = profileOf(out);
    m_ui->profileCombo->setCurrentIndex(m_ui->profileCombo->findData(key));
    // Values that are no preset's are what the creator should see.
    if (key == QLatin1String(kCustomProfile))
        m_ui->customButton->setChecked(true);
    emit changed();
}

void OutputSettingsForm::showFields(const reelsmith::OutputSettings &out)
{
    const QScopedValueRollback filling(m_filling, true);
    // A preset this build does not know still shows, so problem() can name it.
    if (m_ui->presetCombo->findText(out.preset) < 0)
        m_ui->presetCombo->addItem(out.preset);
    m_ui->presetCombo->setCurrentText(out.preset);
    m_ui->widthSpin->setValue(out.width);
    m_ui->heightSpin->setValue(out.height);
    m_ui->fpsSpin->setValue(out.fps);
    m_ui->crfSpin->setValue(out.crf);
    m_ui->threadsSpin->setValue(out.threads);
}

QString OutputSettingsForm::profile() const
{
    const QString key = m_ui->profileCombo->currentData().toString();
    return key.isEmpty() ? QLatin1String(kCustomProfile) : key;
}

void OutputSettingsForm::setProfile(const QString &key)
{
    const int index = m_ui->profileCombo->findData(key);
    if (index < 0)
        return;
    m_ui->profileCombo->setCurrentIndex(index);
    profileChosen();
}

void OutputSettingsForm::profileChosen()
{
    if (const OutputProfile *chosen = outputProfile(profile()))
        showFields(chosen->settings);
    else
        m_ui->customButton->setChecked(true); // Custom: the fields are the choice
    emit changed();
}

void OutputSettingsForm::fieldEdited()
{
    if (m_filling)
        return;
    const OutputProfile *chosen = outputProfile(profile());
    if (chosen && !sameEncoding(settings(chosen->settings), chosen->settings))
        m_ui->profileCombo->setCurrentIndex(
            m_ui->profileCombo->findData(QLatin1String(kCustomProfile)));
    emit changed();
}

bool OutputSettingsForm::customFieldsVisible() const
{
    return m_ui->customButton->isChecked();
}

void OutputSettingsForm::setCustomFieldsVisible(bool visible)
{
    if (m_ui->customButton->isChecked() != visible)
        m_ui->customButton->setChecked(visible); // comes back here through toggled
    m_ui->customButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_ui->customFields->setVisible(visible);
}

reelsmith::OutputSettings OutputSettingsForm::settings(reelsmith::OutputSettings base) const
{
    base.profile = profile();
    base.width = m_ui->widthSpin->value();
    base.height = m_ui->heightSpin->value();
    base.fps = m_ui->fpsSpin->value();
    base.crf = m_ui->crfSpin->value();
    base.preset = m_ui->presetCombo->currentText();
    base.threads = m_ui->threadsSpin->value();
    return base;
}

QString OutputSettingsForm::problem(const reelsmith::OutputSettings &output)
{
    QString key;
    const QString problem = checkOutputSettings(output, &key);
    if (problem.isEmpty())
        return {};
    // %1 is the value, %2 and %3 the limits from the table.
    static const struct
    {
        const char *key;
        const char *text;
    } kMessages[] = {
        {"width", QT_TR_NOOP("The width must be an even number from %2 to %3, not %1.")},
        {"height", QT_TR_NOOP("The height must be an even number from %2 to %3, not %1.")},
        {"fps", QT_TR_NOOP("The frame rate must be from %2 to %3 fps, not %1.")},
        {"crf", QT_TR_NOOP("The quality (CRF) must be from %2 to %3, not %1.")},
        {"threads", QT_TR_NOOP("Encoder threads must be from %2 (automatic) to %3, not %1.")},
    };
    for (const auto &message : kMessages) {
        if (key != QLatin1String(message.key))
            continue;
        const OutputLimit &limit = outputLimit(message.key);
        return tr(message.text).arg(output.*limit.member).arg(limit.min).arg(limit.max);
    }
    if (key == QLatin1String("preset"))
        return tr("“%1” is not one of x264's presets.").arg(output.preset);
    return QStringLiteral("%1: %2").arg(key, problem);
}

void OutputSettingsForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillProfiles();
        applyLimits();
    }
    QWidget::changeEvent(event);
}

} // namespace reelsmith::editor
