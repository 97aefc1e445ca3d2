#pragma once

#include "narration/Narrator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace reelsmith {

struct Narration
{
    QString audioPath;  // a WAV in the cache; read it like any audio file
    double seconds = 0; // its length
    int sampleRate = 0;
    QList<WordTiming> words;
    bool operator==(const Narration &) const = default;
};

// Synthesized narration kept on disk, so that preview, `say` and render reuse
// one synthesis and a render streams the voice from a file instead of holding
// it in memory. An entry is a WAV and a JSON sidecar (its timings), named by a
// hash of text + voice name (after defaulting) + rate + pitch + engineId; both
// are written under temporary names and renamed into place, the sidecar last,
// and an entry counts only when the sidecar describes the WAV beside it, so a
// half-written entry is never used. Two processes making the same entry both
// end with a valid one (the synthesis is deterministic; the last rename wins).
class NarrationCache
{
public:
    // <CacheLocation>/narration, or $REELSMITH_CACHE_DIR/narration when set.
    static QString folder();
    // "The first voice of the interface's language": "ru" for a Russian UI
    // locale (QLocale(), which the editor sets to its language), else "en-us".
    static QString defaultVoiceName();
    // The narration for text+voice: from the cache, or synthesized now and
    // stored. Thread-safe; synthesis is serialised. Throws Error as
    // Narrator::synthesize does.
    static Narration obtain(const QString &text, const VoiceSettings &voice,
                            Narrator &narrator = defaultNarrator());

    // The narration when it is already in the cache, without synthesizing
    // (cheap enough for a UI thread: one small JSON file is read); nullopt
    // otherwise, and for text or settings obtain() would refuse.
    static std::optional<Narration> cached(const QString &text, const VoiceSettings &voice,
                                           Narrator &narrator = defaultNarrator());

    // The timings document `say --timings` writes and the sidecar holds:
    // {"engine", "voice", "rate", "pitch", "sample_rate", "duration" (s),
    //  "words": [{"text", "start", "end" (s), "offset", "length" (QChar units)}]}
    static QJsonObject timingsJson(const QString &text, const QString &engineId,
                                   const VoiceSettings &voice, const Narration &narration);
};

} // namespace reelsmith
