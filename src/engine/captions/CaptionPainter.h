#pragma once

#include "captions/CaptionStyle.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QRect>
#include <QSize>
#include <QStringList>
#include <QTextLayout>

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
    friend class CaptionPageImage;

    QFont fontAt(double pixelSize) const;
    double outlinePixels(double pixelSize) const;
    QString displayText(const QStringList &words, QList<int> *starts) const;
    QList<QTextLayout::FormatRange> highlightFormats(const QString &text, const QList<int> &starts,
                                                     int active) const;
    // The pill boxes, then the outline: what lies under the letters.
    void paintUnder(QPainter &painter, const QList<QRectF> &boxes, const QTextLayout &layout,
                    QPointF origin, double outline) const;

    CaptionStyle m_style;
    QSize m_frame;
    QStringList m_families;
    bool m_bold = true;
};

// One page painted into an image once (box, outline, letters), after which
// a new highlighted word repaints only that word's rectangle: stroking the
// page's outline is most of a repaint (a 5,000-character karaoke caption at
// 38 words a second rendered in 34 s against 10 s in block mode, every frame
// re-stroking its page). Pixel for pixel what CaptionPainter::paint draws.
class CaptionPageImage
{
public:
    // `area`: the frame rectangle the image covers (the page's bounds).
    // `painter` must outlive this.
    CaptionPageImage(const CaptionPainter &painter, const QStringList &words, double pixelSize,
                     QRect area);

    QRect area() const { return m_area; }
    // The page with word `active` (or -1) highlighted and its first `shown`
    // words visible; valid until the next call.
    const QImage &image(int active, int shown);

private:
    const CaptionPainter *m_painter;
    QStringList m_words;
    double m_pixelSize;
    QRect m_area;
    QString m_text;
    QList<int> m_starts;
    QList<QRect> m_wordRects; // in image pixels
    QImage m_under;           // boxes and outline
    QImage m_base;            // and the letters, none highlighted
    QImage m_image;
    int m_active = -2; // of m_image; -2: none made yet
};

} // namespace reelsmith
