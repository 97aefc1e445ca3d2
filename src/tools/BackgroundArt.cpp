#include "BackgroundArt.h"

#include "BackgroundArtParts.h"

#include <cmath>

namespace reelsmith {

QStringList backgroundArtNames()
{
    return {QStringLiteral("minecraft"), QStringLiteral("subway"), QStringLiteral("abstract")};
}

bool paintBackgroundArt(const QString &name, QPainter &painter, QSize size, double phase)
{
    phase -= std::floor(phase);
    if (name == QLatin1String("minecraft"))
        art::paintMinecraft(painter, size, phase);
    else if (name == QLatin1String("subway"))
        art::paintSubway(painter, size, phase);
    else if (name == QLatin1String("abstract"))
        art::paintAbstract(painter, size, phase);
    else
        return false;
    return true;
}

} // namespace reelsmith
