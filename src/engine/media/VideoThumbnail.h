#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace reelsmith {

// One frame of a video at `seconds` (wrapped like the loop), upright and
// cropped to cover `size`, decoded with one thread. For pickers and lists;
// throws Error(BadInput) naming the file when it is not a usable video.
QImage videoThumbnail(const QString &path, QSize size, double seconds = 0);

} // namespace reelsmith
