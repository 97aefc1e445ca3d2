#include "scenes/SceneMedia.h"

#include "core/Error.h"
#include "media/ImageLoader.h"
#include "media/MediaProbe.h"
#include "media/VideoThumbnail.h"
#include "project/Project.h"
#include "render/SceneClip.h"

#include <algorithm>

namespace reelsmith::editor {

namespace {

// The first video stream's size as shown: a phone clip filmed upright is
// stored sideways with a 90 or 270 degree display matrix.
QSize uprightVideoSize(const QString &path)
{
    for (const StreamInfo &stream : probeMedia(path).streams)
        if (stream.type == StreamInfo::Type::Video && stream.width > 0 && stream.height > 0)
            return stream.rotation % 180 == 0 ? QSize(stream.width, stream.height)
                                              : QSize(stream.height, stream.width);
    throwBadInput(QStringLiteral("%1: no video stream with a size").arg(path));
}

} // namespace

SceneMediaFacts probeSceneMedia(const QString &path)
{
    SceneMediaFacts facts;
    try {
        facts.shownSize = ImageLoader::probe(path).orientedSize();
        return facts;
    } catch (const Error &) {
        // The render's order: a file the picture reader refuses is a clip
        // when the engine's probe says so; otherwise the picture's error stands.
        if (!SceneClip::isVideo(path))
            throw;
    }
    // Checked at clip.start 0, where a new clip scene starts: headers, length
    // and a decoded frame, as the render checks it before its first frame.
    const ClipFacts clip = SceneClip::check(path, ClipSettings());
    facts.kind = SceneMediaFacts::Kind::Clip;
    facts.clipSeconds = clip.seconds;
    facts.hasSound = clip.hasSound;
    facts.shownSize = uprightVideoSize(path);
    return facts;
}

QSize fittedFrameSize(QSize size, QSize box)
{
    if (size.isEmpty() || box.isEmpty())
        return QSize(2, 2);
    const QSize fitted = size.scaled(box, Qt::KeepAspectRatio);
    return QSize(std::max(2, fitted.width() & ~1), std::max(2, fitted.height() & ~1));
}

QImage clipFrame(const QString &path, double seconds, QSize box)
{
    return videoThumbnail(path, fittedFrameSize(uprightVideoSize(path), box), seconds);
}

} // namespace reelsmith::editor
