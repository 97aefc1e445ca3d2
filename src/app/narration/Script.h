#pragma once

#include <QString>
#include <QStringList>

namespace reelsmith::editor {

enum class ScriptSplit { Paragraphs, Sentences };

// Cuts a script into the narrations of its scenes: by paragraphs (blocks
// separated by blank lines) or by sentences (Unicode sentence boundaries,
// UAX #29 through QTextBoundaryFinder, so "3.5", "e.g. this" and a quote
// closing a sentence do not cut it). Whitespace is tidied; empty pieces are dropped; a
// piece over the narration limit is cut at sentence (or, at worst, word)
// boundaries so that every scene can be spoken.
QStringList splitScript(const QString &text, ScriptSplit split);

} // namespace reelsmith::editor
