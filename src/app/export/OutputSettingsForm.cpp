#include "export/OutputSettingsForm.h"

#include "ui_OutputSettingsForm.h"

#include <QEvent>

namespace reelsmith::editor {

OutputSettingsForm::OutputSettingsForm(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::OutputSettingsForm>())
{
    m_ui->setupUi(this);
    m_ui->presetCombo->addItems(reelsmith::x264PresetNames());
    applyLimits();
    for (QSpinBox *spin :
         {m_ui->widthSpin, m_ui->heightSpin, m_ui->fpsSpin, m_ui->crfSpin, m_ui->threadsSpin})
        connect(spin, &QSpinBox::valueChanged, this, &OutputSettingsForm::changed);
    connect(m_ui->presetCombo, &QComboBox::currentTextChanged, this, &OutputSettingsForm::changed);
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

void OutputSettingsForm::setSettings(const reelsmith::OutputSettings &out)
{
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

reelsmith::OutputSettings OutputSettingsForm::settings(reelsmith::OutputSettings base) const
{
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
        applyLimits();
    }
    QWidget::changeEvent(event);
}

} // namespace reelsmith::editor
