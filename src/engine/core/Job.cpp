#include "core/Job.h"

#include <QFileInfo>

namespace reelsmith {

RenderResult RenderResult::finished(const QString &path, qint64 frames, qint64 elapsedMs)
{
    RenderResult result;
    result.outputPath = path;
    result.frames = frames;
    result.bytes = QFileInfo(path).size();
    result.seconds = elapsedMs / 1000.0;
    return result;
}

} // namespace reelsmith
