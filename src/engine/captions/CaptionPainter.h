#pragma once

#include "captions/CaptionStyle.h"

#include <QFont>
#include <QRect>
#include <QSize>
#include <QStringList>

class QPainter;

namespace reelsmith {

// Where captions may go, as fractions of the frame (the title-safe area of a
// 9:16 video with the platforms' own controls over it):
//  - width: lines wrap at 90 % of the frame width (the contract);
//  - bottom: above the lowest 15 % (Shorts, Reels and TikTok put the account
//    name, description and sound there); a caption placed lower than that on
//    purpose (position > 0.85) may go down to 95 %;
//  - top: 5 % from the top edge, and never above the middle of the frame when
//    the caption sits in the lower half: long text shrinks, then pages,
//    instead of climbing over the picture.
struct CaptionSafeArea
{
    static constexpr double kWidth = 0.90;
    static constexpr double kBottom = 0.85;
    static constexpr double kBottomLowered = 0.95;
    static constexpr double kTop = 0.05;
    static constexpr double kLowerHalfTop = 0.50;
    // Largest size, as a fraction of the width (108 px at 720): a longer word
    // than "WOW" would not fit a line otherwise.
    static constexpr double kMaxSize = 0.15;
    // Smallest size long text shrinks to before it pages (25 px at 720:
    // still readable on a phone held at arm's length).
    static constexpr double kMinReadableSize = 0.035;
};

// Loads a font file once per process (QFontDatabase::addApplicationFont) and
// returns its families; throws Error(BadInput) naming the file when it does
// not exist or is not a font Qt can load.
QStringList captionFontFileFamilies(const QString &path);

// Lays out and paints one page of caption words in a style, for a frame size;
// the export and the preview both paint through it.
class CaptionPainter
{
public:
    CaptionPainter(const CaptionStyle &style, QSize frame);

    const CaptionStyle &style() const { return m_style; }
    QSize frame() const { return m_frame; }
    double wrapWidth() const { return m_frame.width() * CaptionSafeArea::kWidth; }
    // The band a page must stay inside (frame pixels, top and bottom).
    double bandTop() const;
    double bandBottom() const;
    // The style's size in frame pixels, clamped to CaptionSafeArea::kMaxSize.
    double requestedPixelSize() const;
    // What long text may shrink to: the smaller of the requested size and
    // CaptionSafeArea::kMinReadableSize.
    double minimumPixelSize() const;

    struct Measure
    {
        int lines = 0;
        double height = 0;
        bool wordsWhole = true; // no word broken across lines
    };
    Measure measure(const QStringList &words, double pixelSize) const;
    // Fits the band: height inside it and no word broken (when `maxLines` > 0,
    // also at most that many lines).
    bool fits(const QStringList &words, double pixelSize, int maxLines = 0) const;

    // Paints `words` at `pixelSize`, word `active` (or -1) in the highlight
    // colour, only the first `shown` words visible (the others keep their
    // place). Returns the rectangle painted (outline included), in frame pixels.
    QRect paint(QPainter &painter, const QStringList &words, double pixelSize, int active,
                int shown) const;
    // The rectangle paint() would cover, without painting.
    QRect bounds(const QStringList &words, double pixelSize) const;
    // The lines as laid out (for subtitles: "lines as shown").
    QStringList lines(const QStringList &words, double pixelSize) const;

private:
    QFont fontAt(double pixelSize) const;
    double outlinePixels(double pixelSize) const;
    QString displayText(const QStringList &words, QList<int> *starts) const;

    CaptionStyle m_style;
    QSize m_frame;
    QStringList m_families;
    bool m_bold = true;
};

} // namespace reelsmith
