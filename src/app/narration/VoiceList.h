#pragma once

#include <QString>

class QComboBox;

namespace reelsmith::editor {

// Fills `combo` with `firstItem` (data: an empty name) and every installed
// voice (data: its name), e.g. "ru+f3 — Russian, female (f3)". The voices are
// listed once per process.
void fillVoiceCombo(QComboBox *combo, const QString &firstItem);
// Selects the item whose name is `name` (the first item for an empty or
// unknown name).
void selectVoice(QComboBox *combo, const QString &name);

} // namespace reelsmith::editor
