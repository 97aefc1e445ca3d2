#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace reelsmith::editor {

// What a scene's `media` file is, decided as the render decides it
// (RenderJob's check before the first frame): a picture when the picture
// reader takes it, otherwise a video clip when the engine's probe says so
// (SceneClip::isVideo) and the clip opens and decodes (SceneClip::check).
struct SceneMediaFacts
{
    enum class Kind { Picture, Clip };
    Kind kind = Kind::Picture;
    double clipSeconds = 0; // the clip's length (its video stream's)
    QSize shownSize;        // upright: after EXIF orientation or the clip's rotation
    bool hasSound = false;  // a clip with an audio stream
};

// Reads and decodes: never on the UI thread. Throws Error(BadInput) naming
// the file when it is neither a readable picture nor a readable clip.
SceneMediaFacts probeSceneMedia(const QString &path);

// `size` scaled down to fit in `box`, aspect kept, even sides (the engine's
// reader works in 4:2:0); at least 2 x 2.
QSize fittedFrameSize(QSize size, QSize box);

// The frame of clip `path` shown at `seconds` into it, whole (not cropped),
// fitted in `box`. Decodes: never on the UI thread. Throws Error naming the
// file.
QImage clipFrame(const QString &path, double seconds, QSize box);

} // namespace reelsmith::editor
