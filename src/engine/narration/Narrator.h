#pragma once

#include "narration/WordTiming.h"
#include "project/SoundSettings.h"

#include <QList>
#include <QString>

namespace reelsmith {

// SPEC: narration <= 5,000 characters a scene (counted in QChar units).
constexpr int kMaxNarrationCharacters = 5000;

struct VoiceInfo
{
    QString name;        // what `voice.name` accepts, e.g. "ru", "en-us+f3"
    QString language;    // e.g. "ru", "en-us"
    QString description; // e.g. "Russian, female (f3)"
    bool operator==(const VoiceInfo &) const = default;
};

// A speech synthesizer. A small interface so that a better engine can be added
// later without touching the render or the cache.
class Narrator
{
public:
    virtual ~Narrator() = default;
    virtual QString engineId() const = 0;  // name + version; part of the cache key
    virtual QList<VoiceInfo> voices() = 0; // sorted by language
    virtual bool hasVoice(const QString &name) = 0;
    // Synthesizes `text`, writing mono 16-bit PCM WAV to wavPath (atomically),
    // returns word timings. Throws reelsmith::Error (BadInput: unknown voice,
    // empty/too long text, rate or pitch out of range; Failure: engine error).
    virtual QList<WordTiming> synthesize(const QString &text, const VoiceSettings &voice,
                                         const QString &wavPath) = 0;
};

// The espeak-ng engine (process-wide; every call is serialised).
Narrator &defaultNarrator();

// Throws Error(BadInput) when `text` is empty, blank or over the limit, or the
// rate or pitch is outside 0.5-2.0; the checks every Narrator shares.
void checkNarrationInput(const QString &text, const VoiceSettings &voice);

} // namespace reelsmith
