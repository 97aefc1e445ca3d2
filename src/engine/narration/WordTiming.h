#pragma once

#include <QList>

namespace reelsmith {

// When one word of a narration is spoken.
struct WordTiming
{
    int textStart = 0;  // offset into the narration text, in QChar (UTF-16) units
    int textLength = 0; // in QChar units
    double start = 0;   // seconds from the start of the narration audio
    // Seconds; a word ends where the next event begins (or the speech ends). The
    // last word before a pause ends where its sound ends: the pause belongs to no word.
    double end = 0;
    bool operator==(const WordTiming &) const = default;
};

} // namespace reelsmith
