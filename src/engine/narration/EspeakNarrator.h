#pragma once

#include "narration/Narrator.h"

#include <QHash>
#include <QMutex>

namespace reelsmith {

// libespeak-ng as a Narrator. Its API is process-global, so one mutex
// serialises every call; each synthesis runs in a fresh process of this same
// program (narration/EspeakWorker.h says why), the voice list in this one.
//
// Voices: NAME is an installed voice's language code ("ru", "en-us",
// "en-gb") optionally followed by "+VARIANT" where VARIANT is one of
// espeak-ng's variant files ("f3", "m3", "klatt"...). voices() lists every
// installed voice plus the female and male variants of Russian and English.
//
// Rate and pitch (0.5-2.0, 1 = natural) map onto espeak-ng's parameters:
//   espeakRATE  = 175 wpm x rate (espeak's natural speed), clamped to 80-450;
//   espeakPITCH = 50 + 50 x log2(pitch), clamped to 0-100: 0.5 -> 0, 1 -> 50
//                 (the voice's own pitch), 2 -> 100, an even step per octave.
class EspeakNarrator : public Narrator
{
public:
    QString engineId() const override;
    QList<VoiceInfo> voices() override;
    bool hasVoice(const QString &name) override;
    QList<WordTiming> synthesize(const QString &text, const VoiceSettings &voice,
                                 const QString &wavPath) override;

    static int espeakRate(double rate);
    static int espeakPitch(double pitch);
    // The variants NAME+VARIANT accepts, sorted.
    QStringList variants();

private:
    struct Voice
    {
        QString identifier; // the voice file, e.g. "gmw/en-US"
        QString language;
        QString description;
        int gender = 0; // 1 male, 2 female
    };
    void loadLocked();
    // The espeak voice name ("gmw/en-US+f3") for a NAME, or empty.
    QString resolveLocked(const QString &name);

    QMutex m_mutex;
    bool m_loaded = false;
    QString m_version;
    QHash<QString, Voice> m_voices;   // by NAME
    QHash<QString, Voice> m_variants; // by variant file name
};

} // namespace reelsmith
