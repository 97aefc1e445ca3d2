#pragma once

// Shared set-up for the libFuzzer harnesses: a Qt application (offscreen, as
// the CLI runs) and a scratch file the file-based readers are pointed at.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace reelsmith::fuzz {

// Creates the QGuiApplication once (QImageReader finds its format plugins,
// WebP among them, through the application's library paths) and silences
// Qt's and FFmpeg's logs: a report should be the sanitizer's, not the
// decoders' complaints about garbage, which are expected.
void initialize(int *argc, char ***argv);

// Writes `data` to this process's scratch file and returns its path. The
// name has no suffix: the engine tells files apart by content.
QString writeInput(const uint8_t *data, size_t size);

} // namespace reelsmith::fuzz
