#pragma once

#include "core/OutputSettings.h"

#include <QWidget>

#include <memory>

namespace Ui {
class OutputSettingsForm;
}

namespace reelsmith::editor {

// A named preset (Shorts / Reels / TikTok, Small and fast, Custom) over the
// fields of an OutputSettings (size, frame rate, CRF, preset, threads),
// shared by the export dialog and the preferences. The fields stay folded
// away behind "Custom settings" until wanted; choosing a preset fills them,
// editing one makes the choice Custom. Ranges and the messages about values
// outside them come from the engine's one table of limits.
class OutputSettingsForm : public QWidget
{
    Q_OBJECT
public:
    explicit OutputSettingsForm(QWidget *parent = nullptr);
    ~OutputSettingsForm() override;

    // Shows `settings` and the preset they are (profileOf()).
    void setSettings(const reelsmith::OutputSettings &settings);
    // The fields' values and the chosen preset's key over `base` (whose
    // other settings are kept).
    reelsmith::OutputSettings settings(reelsmith::OutputSettings base = {}) const;

    // "shorts", "small" or "custom", as `output.profile` names them.
    QString profile() const;
    // Chooses a preset as the combo box does: its values fill the fields.
    void setProfile(const QString &key);
    // The fields are shown (Custom settings unfolded).
    bool customFieldsVisible() const;

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
    void fillProfiles();
    void showFields(const reelsmith::OutputSettings &settings);
    void profileChosen();
    void fieldEdited();
    void setCustomFieldsVisible(bool visible);

    std::unique_ptr<Ui::OutputSettingsForm> m_ui;
    bool m_filling = false; // the fields are being set, not edited
};

} // namespace reelsmith::editor
