#pragma once

#include "media/Av.h"

#include <QImage>
#include <QSize>

class QVideoFrame;

namespace reelsmith::editor {

// Turns the player's video frames into pictures for painting with libswscale,
// scaled down in the same pass. QVideoFrame::toImage() in Qt 6.4 converts
// through a QRhi: on a desktop that loads an OpenGL driver (Mesa's llvmpipe
// costs ~50 MB RSS) just to convert one frame, and it converts at full size.
// The colour matrix and range the frame declares are honoured, so the preview
// shows the colours the export writes.
class VideoFrameImage
{
public:
    // RGB32 at `size` (the whole frame stretched; callers keep the aspect),
    // or a null image when the frame cannot be read.
    QImage convert(const QVideoFrame &frame, QSize size);

private:
    av::Sws m_sws;
};

} // namespace reelsmith::editor
