#pragma once

// Texts several tests caption with.

#include <QString>

namespace testmedia {

// A long Russian caption (83 words): it must shrink and
// page inside the safe area, in Cyrillic from the fallback fonts.
inline const QString kLongRussian = QStringLiteral(
    "Закат длится дольше, чем кажется: после того как солнце скрылось за горизонтом, небо "
    "ещё почти полчаса меняет цвет от золотого к розовому и фиолетовому. Это происходит "
    "потому, что свет проходит через толстый слой атмосферы и рассеивается на мельчайших "
    "частицах пыли и капельках воды. Чем больше в воздухе частиц, тем ярче и краснее "
    "закат, поэтому после извержений вулканов закаты по всему миру бывают особенно "
    "красивыми. А на Марсе, наоборот, закаты голубые, потому что мелкая марсианская пыль "
    "рассеивает синий свет вперёд, вдоль направления солнечных лучей.");

} // namespace testmedia
