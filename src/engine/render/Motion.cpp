#include "render/Motion.h"

#include <algorithm>

namespace reelsmith::motion {

double ease(double p)
{
    p = std::clamp(p, 0.0, 1.0);
    return p * p * (3.0 - 2.0 * p);
}

double progress(qint64 frame, qint64 first, qint64 end)
{
    if (end - first <= 1)
        return 0.0;
    return std::clamp(double(frame - first) / double(end - 1 - first), 0.0, 1.0);
}

double maxScale(Motion motion, Layout layout)
{
    switch (motion) {
    case Motion::ZoomIn:
    case Motion::ZoomOut:
        return 1.0 + kMaxZoom;
    case Motion::PanLeft:
    case Motion::PanRight:
    case Motion::PanUp:
    case Motion::PanDown:
        // A filling picture is enlarged by the travel so that it still covers
        // the frame at both ends; others slide as they are.
        return layout == Layout::Fill ? 1.0 + kPanTravel : 1.0;
    case Motion::None:
        break;
    }
    return 1.0;
}

QRectF rectAt(Motion motion, Layout layout, const QRectF &rest, QSize frame, double progress)
{
    const double e = ease(progress);
    double scale = maxScale(motion, layout);
    QPointF shift;
    const double travelX = kPanTravel * frame.width();
    const double travelY = kPanTravel * frame.height();
    switch (motion) {
    case Motion::None:
        return rest;
    case Motion::ZoomIn:
        scale = 1.0 + kMaxZoom * e;
        break;
    case Motion::ZoomOut:
        scale = 1.0 + kMaxZoom * (1.0 - e);
        break;
    case Motion::PanLeft:
        shift.setX(travelX * (0.5 - e));
        break;
    case Motion::PanRight:
        shift.setX(travelX * (e - 0.5));
        break;
    case Motion::PanUp:
        shift.setY(travelY * (0.5 - e));
        break;
    case Motion::PanDown:
        shift.setY(travelY * (e - 0.5));
        break;
    }
    const QSizeF size = rest.size() * scale;
    QRectF r(QPointF(0, 0), size);
    r.moveCenter(rest.center() + shift);
    return r;
}

} // namespace reelsmith::motion
