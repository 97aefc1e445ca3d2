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

// A clip scene's own sound: the clip from `offsetSamples` in, heard over the
// scene's span at `volumeDb`, ducked under the voices like the music. When
// the clip ends before the scene it starts again from `offsetSamples`
// (`loop`) or falls silent (its picture freezes).
struct MixClip
{
    QString path;
    qint64 startSample = 0;   // the scene's first sample in the video
    qint64 lengthSamples = 0; // the scene's length
    qint64 offsetSamples = 0; // clip.start
    // How much of the clip plays before it loops or stops: its video's
    // length after clip.start, so the sound loops with the picture.
    qint64 passSamples = 0;
    bool loop = true;
    double volumeDb = 0;
    QString key; // "scenes[2].clip.volume_db"
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
    QList<MixClip> clips;
    std::optional<MixMusic> music;
    // Integrated loudness of the output (EBU R128); nullopt: the mix as it
    // is (no gain, no limiter).
    std::optional<double> loudnessLufs;
};

} // namespace reelsmith
