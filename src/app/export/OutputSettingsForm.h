#pragma once

#include "core/OutputSettings.h"

#include <QWidget>

#include <memory>

namespace Ui {
class OutputSettingsForm;
}

namespace reelsmith::editor {

// The fields of an OutputSettings (size, frame rate, CRF, preset, threads),
// shared by the export dialog and the preferences. Ranges and the messages
// about values outside them come from the engine's one table of limits.
class OutputSettingsForm : public QWidget
{
    Q_OBJECT
public:
    explicit OutputSettingsForm(QWidget *parent = nullptr);
    ~OutputSettingsForm() override;

    void setSettings(const reelsmith::OutputSettings &settings);
    // The fields' values over `base` (whose other settings are kept).
    reelsmith::OutputSettings settings(reelsmith::OutputSettings base = {}) const;

    // The first value outside the limits, as a whole translated sentence
    // (the engine's own messages are English, for the command line and
    // logs); empty when the settings are fine.
    static QString problem(const reelsmith::OutputSettings &settings);

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyLimits();

    std::unique_ptr<Ui::OutputSettingsForm> m_ui;
};

} // namespace reelsmith::editor
