#pragma once

#include "audio/MixPlan.h"
#include "core/Job.h"
#include "narration/WordTiming.h"
#include "project/Project.h"
#include "render/ClipFacts.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace reelsmith {

// A scene's voice as the render hears it: a narration from the narration
// cache, or the creator's own recording.
struct SceneVoice
{
    QString path;       // the audio file
    double seconds = 0; // its length
    QString key;        // where the project names it: "scenes[2].narration", "scenes[2].voice_file"
    // The synthesizer's word timings (seconds from the voice's start); empty
    // for a recording, whose speech the mixer finds with an energy gate.
    QList<WordTiming> words;
    bool synthesized = false;
};

using SceneVoices = QList<std::optional<SceneVoice>>;

// Every scene's voice, in scene order (nullopt: the scene is silent).
// Narrations are synthesized into the cache, or taken from it; recordings are
// opened and measured. Throws Error(BadInput) whose message starts with the
// key ("voice.name: ...", "scenes[2].voice_file: ..."); Cancelled when
// `cancel` says so between scenes.
SceneVoices findSceneVoices(const Project &project, const CancelFn &cancel = {});

// Scene `scene`'s voice alone (the editor asks scene by scene, off its UI
// thread); throws like findSceneVoices().
std::optional<SceneVoice> findSceneVoice(const Project &project, int scene);

// Per scene, the facts of a video clip whose sound is heard (its
// clip.volume_db set, the clip has sound; nullopt otherwise), checked as the
// render checks clips (SceneClip::check(): BadInput naming the file); the
// editor's preview asks, off its UI thread.
using SceneClipSounds = std::vector<std::optional<ClipFacts>>;
SceneClipSounds findSceneClipSounds(const Project &project, const CancelFn &cancel = {});

// The render's mix for `project` (its "auto" durations resolved): each voice
// from its scene's first frame, the clips' sound (`clips` per scene; a scene
// whose clip has no sound or no volume_db is silent), the music, the loudness
// target.
MixPlan mixPlan(const Project &project, const SceneVoices &voices,
                const std::vector<std::optional<ClipFacts>> &clips = {});

} // namespace reelsmith
