#pragma once

#include <QString>

namespace reelsmith {

// Draws the demo project's pictures into `folder`: real camera-sized files
// (a 12-megapixel JPEG, a transparent PNG, a portrait JPEG, a WebP) so that
// the demo exercises the same paths a creator's photos take.
void writeDemoPictures(const QString &folder);

} // namespace reelsmith
