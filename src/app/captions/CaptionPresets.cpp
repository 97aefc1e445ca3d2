#include "captions/CaptionPresets.h"

#include <QCoreApplication>

namespace reelsmith::editor {

namespace {

CaptionStyleOverride preset(CaptionMode mode, double size, QColor color, QColor highlight,
                            double outline, std::optional<QColor> box, double position,
                            bool uppercase, int wordsPerPage)
{
    CaptionStyleOverride o;
    o.mode = mode;
    o.size = size;
    o.color = color;
    o.highlight = highlight;
    o.outline = outline;
    o.outlineColor = QColor(0, 0, 0);
    o.box = box;
    o.position = position;
    o.uppercase = uppercase;
    o.wordsPerPage = wordsPerPage;
    return o;
}

} // namespace

QString CaptionPreset::title() const
{
    return QCoreApplication::translate("CaptionPresets", name);
}

bool CaptionPreset::matches(const CaptionStyle &shown) const
{
    CaptionStyle expected = style.over(shown);
    return expected == shown;
}

const QList<CaptionPreset> &captionPresets()
{
    const QColor white(0xFF, 0xFF, 0xFF);
    const QColor yellow(0xFF, 0xD4, 0x00);
    // Sizes are px at 720 wide. Big words' 72 px keeps "WOW WOW WOW" on one
    // line; the box's alpha 0xB4 (70 %) keeps text readable over white
    // pictures and still shows the picture through.
    static const QList<CaptionPreset> presets = {
        {QT_TRANSLATE_NOOP("CaptionPresets", "Clean white"),
         preset(CaptionMode::Block, 44, white, yellow, 3, std::nullopt, 0.83, false, 3)},
        {QT_TRANSLATE_NOOP("CaptionPresets", "Yellow karaoke"),
         preset(CaptionMode::Karaoke, 48, white, yellow, 4, std::nullopt, 0.75, false, 3)},
        {QT_TRANSLATE_NOOP("CaptionPresets", "Boxed"),
         preset(CaptionMode::Karaoke, 40, white, QColor(0x4C, 0xE0, 0xFF), 0, QColor(0, 0, 0, 0xB4),
                0.78, false, 3)},
        {QT_TRANSLATE_NOOP("CaptionPresets", "Big words"),
         preset(CaptionMode::Words, 72, white, yellow, 6, std::nullopt, 0.70, true, 2)},
    };
    return presets;
}

CaptionStyleOverride withPreset(CaptionStyleOverride base, const CaptionStyleOverride &preset)
{
    const auto take = [](auto &to, const auto &from) {
        if (from)
            to = from;
    };
    take(base.mode, preset.mode);
    take(base.font, preset.font);
    take(base.size, preset.size);
    take(base.color, preset.color);
    take(base.highlight, preset.highlight);
    take(base.outline, preset.outline);
    take(base.outlineColor, preset.outlineColor);
    take(base.box, preset.box);
    take(base.position, preset.position);
    take(base.uppercase, preset.uppercase);
    take(base.wordsPerPage, preset.wordsPerPage);
    return base;
}

} // namespace reelsmith::editor
