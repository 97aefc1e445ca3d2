#pragma once

#include "captions/CaptionPainter.h"
#include "captions/CaptionTrack.h"

#include <QImage>
#include <QPoint>

#include <optional>

namespace reelsmith {

// A scene's caption as the export's own layer: the image of what its track
// shows at a moment and where it goes in the frame (even coordinates, as the
// 4:2:0 blend needs). The current page is kept as a CaptionPageImage, so a
// new highlighted word repaints that word alone and a page is painted once.
class CaptionLayer
{
public:
    struct Image
    {
        QImage image; // ARGB32_Premultiplied; null when nothing is shown
        QPoint offset;
    };

    CaptionLayer() = default;
    // `track` must outlive the layer.
    explicit CaptionLayer(const CaptionTrack *track);

    // What `state` shows, painted exactly as CaptionTrack::paint paints it;
    // at `scale` < 1 (a page's pop) that image scaled about its centre,
    // not the caption painted again.
    Image at(const CaptionState &state, double scale);
    Image at(const CaptionState &state);
    // The frame rectangle page `page`'s image covers (its bounds, even).
    QRect area(int page) const;

private:
    const CaptionTrack *m_track = nullptr;
    int m_page = -1;
    std::optional<CaptionPageImage> m_pageImage;
};

} // namespace reelsmith
