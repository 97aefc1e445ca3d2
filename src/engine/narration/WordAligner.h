#pragma once

#include "narration/WordTiming.h"

#include <QList>
#include <QString>

namespace reelsmith {

// A synthesizer's event, placed on the finished audio.
struct SpeechEvent
{
    bool word = false;  // a word starts here (else: a sentence/clause boundary, the end)
    int codePoint = 0;  // for words: 0-based code point offset into the text
    qint64 sample = 0;  // where it happens
    qint64 loudEnd = 0; // the sample after the last one with sound before `sample`
};

// Turns word events into one timing per word of `text`: a word is a run of
// non-space characters holding a letter, digit or symbol (an emoji), less the
// punctuation at its ends ("«Ура»!" -> "Ура").
//
// espeak-ng's word positions are close but not exact (measured with 1.51):
// after an abbreviation ("г., и") a word's event points at the space before
// it; a number or an emoji spoken as several words gives several events, one
// of them on the space after it; "т.е." gives an event that points back
// before it. So an event inside a word belongs to that word; an event in the
// space between words belongs to the next word when that one has no event of
// its own, else to the previous one; and words never go backwards. A word
// with no event at all shares its neighbour's time, split by length.
QList<WordTiming> alignWords(const QString &text, const QList<SpeechEvent> &events,
                             qint64 totalSamples, qint64 loudEnd, int sampleRate);

} // namespace reelsmith
