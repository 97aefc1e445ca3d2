#pragma once

namespace reelsmith {

// What the render learns about a scene's video clip before the first frame
// (SceneClip::check()).
struct ClipFacts
{
    double seconds = 0;    // the video stream's length
    bool hasSound = false; // an audio stream to mix
    bool hasAlpha = false; // transparent pixels, shown over the background
};

} // namespace reelsmith
