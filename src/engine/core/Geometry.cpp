#include "core/Geometry.h"

#include <algorithm>
#include <cmath>

namespace reelsmith {

namespace {

// round(a * b / c) kept within [low, high]: the product is exact in a double
// for any size a picture can have (below 2^53), and the clamp comes before
// the conversion, so no value outside int is ever converted.
int mulDivRounded(int a, int b, int c, int low, int high)
{
    const double value = double(a) * double(b) / double(c);
    return int(std::lround(std::clamp(value, double(low), double(high))));
}

} // namespace

bool isWiderThan(QSize source, QSize box)
{
    return qint64(source.width()) * box.height() > qint64(source.height()) * box.width();
}

QRect coverSourceRect(QSize source, QSize box)
{
    if (source.isEmpty() || box.isEmpty())
        return {};
    QSize shown = source;
    if (isWiderThan(source, box))
        shown.setWidth(
            mulDivRounded(source.height(), box.width(), box.height(), 1, source.width()));
    else
        shown.setHeight(
            mulDivRounded(source.width(), box.height(), box.width(), 1, source.height()));
    return {QPoint((source.width() - shown.width()) / 2, (source.height() - shown.height()) / 2),
            shown};
}

QSize containSize(QSize source, QSize box)
{
    if (source.isEmpty() || box.isEmpty())
        return {};
    // One factor for both sides, each side rounded: the long side lands on
    // the box's exactly, and pictures keep the sizes they always had.
    const double scale =
        std::min(double(box.width()) / source.width(), double(box.height()) / source.height());
    const auto side = [scale](int length, int limit) {
        return int(std::lround(std::clamp(length * scale, 1.0, double(limit))));
    };
    return {side(source.width(), box.width()), side(source.height(), box.height())};
}

QRect containRect(QSize source, QRect box)
{
    const QSize shown = containSize(source, box.size());
    if (shown.isEmpty())
        return {};
    return {box.topLeft() +
                QPoint((box.width() - shown.width()) / 2, (box.height() - shown.height()) / 2),
            shown};
}

QSize fittedSize(QSize source, QSize box, Fit fit)
{
    if (fit == Fit::Cover || source.isEmpty())
        return box;
    return containSize(source, box);
}

} // namespace reelsmith
