#pragma once

#include "captions/CaptionTrack.h"
#include "project/Project.h"
#include "render/SceneVoices.h"

#include <QSize>

#include <optional>

namespace reelsmith {

// Scene `scene`'s caption for a frame of `frame` size, timed from the best
// source there is: the scene's `timing` file (its cues are the words shown);
// else the synthesizer's word
// events when the caption is the narration it spoke; else the words spread
// over where the voice speaks (an energy gate on a recording), or over the
// whole scene. `voice` is the scene's voice (findSceneVoice); the scene's
// duration must be resolved. Throws Error(BadInput) for an unreadable timing
// file or font file (the message names the file, not the key).
CaptionTrack sceneCaptionTrack(const Project &project, int scene,
                               const std::optional<SceneVoice> &voice, QSize frame);

// The project key a caption problem of scene `scene` points at: its timing
// file, or the font (the scene's own `captions.font`, or the project's).
QString captionFontKey(const Project &project, int scene);

} // namespace reelsmith
