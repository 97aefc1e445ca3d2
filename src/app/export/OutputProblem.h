#pragma once

#include "project/Project.h"

#include <QString>

namespace reelsmith::editor {

// The first output setting outside the limits, as a whole translated
// sentence for the dialogs (the engine's own messages are English, for the
// command line and logs); empty when the settings are fine.
QString outputProblem(const OutputSettings &output);

} // namespace reelsmith::editor
