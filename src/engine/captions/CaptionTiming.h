#pragma once

#include "captions/SubtitleFile.h"
#include "narration/WordTiming.h"

#include <QList>
#include <QString>

namespace reelsmith {

// One word of a caption and when it is spoken, in seconds from the scene's
// start. `cue` numbers the timing file's cue it came from (a page never spans
// two cues); -1 without a timing file.
struct CaptionWord
{
    QString text;
    double start = 0;
    double end = 0;
    int cue = -1;
    bool operator==(const CaptionWord &) const = default;
};

// Where each word of a text is: whitespace-separated tokens, with their
// offsets in QChar units.
struct TextWord
{
    QString text;
    int offset = 0;
};
QList<TextWord> splitCaptionWords(const QString &text);

// Vowel groups in Latin and Cyrillic letters (at least 1): a speaking-time
// weight that is close enough for spreading words over a voice.
int syllableCount(const QString &word);

// The three sources of word times, most exact first.
namespace CaptionTiming {

// The synthesizer's events for `narration` (offsets into it), for a caption
// that is that narration. A word without an event of its own (a dash, an
// emoji) is shown with the word before it.
QList<CaptionWord> fromSynthesizer(const QString &narration, const QList<WordTiming> &timings);

// A timing file's cues: inline word times when the cue has them, otherwise
// the cue's words spread over the cue like spread().
QList<CaptionWord> fromCues(const QList<SubtitleCue> &cues);

// `text`'s words spread in order over [start, end), each taking time in
// proportion to its syllables (or to its characters when the text has no
// Latin or Cyrillic vowels at all: CJK, numbers, emoji).
QList<CaptionWord> spread(const QString &text, double start, double end);

} // namespace CaptionTiming

} // namespace reelsmith
