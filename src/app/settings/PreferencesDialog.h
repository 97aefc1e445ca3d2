#pragma once

#include "project/Project.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

namespace reelsmith::editor {

// Language, memory budget, exports at once, the user's background folder,
// the platform length limit and the output preset new projects start with. OK stores them in
// EditorSettings.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    void accept() override;

private:
    void load();
    void restoreDefaults();
    OutputSettings output() const;
    void showOutput(const OutputSettings &output);
    void validate();

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
};

} // namespace reelsmith::editor
