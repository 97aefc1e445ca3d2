#include "captions/CaptionLayer.h"

#include "core/Error.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace reelsmith {

CaptionLayer::CaptionLayer(const CaptionTrack *track) : m_track(track) {}

QRect CaptionLayer::area(int page) const
{
    const QRect bounds = m_track->pageBounds(page);
    const QSize frame = m_track->frame();
    const int x0 = bounds.left() & ~1;
    const int y0 = bounds.top() & ~1;
    const int x1 = std::min(frame.width(), (bounds.right() + 2) & ~1);
    const int y1 = std::min(frame.height(), (bounds.bottom() + 2) & ~1);
    if (x1 <= x0 || y1 <= y0)
        return {};
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

CaptionLayer::Image CaptionLayer::at(const CaptionState &state, double scale)
{
    Image image = at(state);
    if (image.image.isNull() || scale >= 1.0 || scale <= 0.0)
        return image;
    const QSize size = image.image.size();
    const QSize scaled(std::max(2, int(std::lround(size.width() * scale))),
                       std::max(2, int(std::lround(size.height() * scale))));
    QImage small = image.image.scaled(scaled, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (small.isNull())
        throwFailure(QStringLiteral("out of memory for a caption"));
    const QPoint centre = image.offset + QPoint(size.width() / 2, size.height() / 2);
    const QPoint offset((centre.x() - scaled.width() / 2) & ~1,
                        (centre.y() - scaled.height() / 2) & ~1);
    return {std::move(small), offset};
}

CaptionLayer::Image CaptionLayer::at(const CaptionState &state)
{
    if (!m_track || state.isEmpty() || state.page >= m_track->pages().size())
        return {};
    const QRect rect = area(state.page);
    if (rect.isEmpty())
        return {};
    if (m_track->isLegacy()) {
        QImage image(rect.size(), QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            throwFailure(QStringLiteral("out of memory for a caption"));
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.translate(-rect.topLeft());
        m_track->paint(painter, state);
        return {image, rect.topLeft()};
    }
    if (state.page != m_page || !m_pageImage) {
        m_pageImage.reset(); // the old page's images go before the new ones are made
        m_pageImage = m_track->pageImage(state.page, rect);
        m_page = state.page;
    }
    const CaptionPage &page = m_track->pages()[state.page];
    return {m_pageImage->image(state.active >= 0 ? state.active - page.first : -1, state.shown),
            rect.topLeft()};
}

} // namespace reelsmith
