#pragma once

#include "project/SoundSettings.h"

#include <QList>
#include <QString>

#include <optional>

namespace reelsmith {

// Everything a render hears, placed on the video's timeline: what MixedSound
// mixes. Built by the render from the project (version 2).

// A stretch of speech, in seconds from the start of its voice.
struct SpeechSpan
{
    double start = 0;
    double end = 0;
};

// One voice: a narration from the cache or a recording, at unity gain.
struct MixVoice
{
    QString path;           // any audio FFmpeg decodes
    qint64 startSample = 0; // where it starts in the video, at 48 kHz
    // Where it speaks (the synthesizer's words); nullopt: found with an
    // energy gate over the file (SpeechGate).
    std::optional<QList<SpeechSpan>> speech;
    QString key; // for messages, e.g. "scenes[2].voice_file"
};

struct MixMusic
{
    QString path;
    MusicSettings settings;
    QString key = QStringLiteral("music");
};

struct MixPlan
{
    qint64 totalSamples = 0; // the video's length at 48 kHz
    QList<MixVoice> voices;
    std::optional<MixMusic> music;
    // Integrated loudness of the output (EBU R128); nullopt: the mix as it
    // is (no gain, no limiter).
    std::optional<double> loudnessLufs;
};

} // namespace reelsmith
