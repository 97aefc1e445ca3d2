#pragma once

#include "captions/CaptionStyle.h"

#include <QList>
#include <QString>

namespace reelsmith::editor {

// A named look for captions: the style keys it sets. The font is left as
// it is, so a creator's font (one with Cyrillic, say) survives a preset.
struct CaptionPreset
{
    const char *name; // untranslated; title() reads it in the current language
    CaptionStyleOverride style;

    QString title() const;
    // True when `style` shows every key this preset sets.
    bool matches(const CaptionStyle &style) const;
};

// Clean white, Yellow karaoke, Boxed, Big words.
const QList<CaptionPreset> &captionPresets();

// `base` with every key `preset` sets.
CaptionStyleOverride withPreset(CaptionStyleOverride base, const CaptionStyleOverride &preset);

} // namespace reelsmith::editor
