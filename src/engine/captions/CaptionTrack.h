#pragma once

#include "captions/CaptionPainter.h"
#include "captions/CaptionStyle.h"
#include "captions/CaptionTiming.h"
#include "captions/SubtitleFile.h"

#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

class QPainter;

namespace reelsmith {

// A page of caption words on screen over [start, end) seconds of the scene.
struct CaptionPage
{
    int first = 0; // index of its first word
    int count = 0;
    double start = 0;
    double end = 0;
};

// What a scene's caption shows at one moment: the page, the word in the
// highlight colour (-1: none) and how many of the page's words are visible
// (`words` mode shows each word from when it is spoken).
struct CaptionState
{
    int page = -1;
    int active = -1; // index into the track's words
    int shown = 0;   // of the page's words, from its first
    bool isEmpty() const { return page < 0 || shown <= 0; }
    bool operator==(const CaptionState &) const = default;
};

// The one place that decides a scene's caption pages and when each page and
// word is shown: the render and the editor's preview both ask it "what is
// shown at t" and paint with it. Built once per scene, at the output size.
class CaptionTrack
{
public:
    CaptionTrack() = default;
    // `words` with times in seconds from the scene's start; the scene lasts
    // `sceneSeconds`. Chooses the size (shrunk to fit the safe area) and
    // the pages for the style's mode.
    CaptionTrack(QList<CaptionWord> words, double sceneSeconds, const CaptionStyle &style,
                 QSize frame);
    // Version 1's caption: `text` as one block for the whole scene, painted
    // exactly as Caption::paint always painted it.
    static CaptionTrack legacy(const QString &text, double sceneSeconds, QSize frame);

    bool isEmpty() const { return m_pages.isEmpty(); }
    bool isLegacy() const { return m_legacy; }
    const QList<CaptionWord> &words() const { return m_words; }
    const QList<CaptionPage> &pages() const { return m_pages; }
    double pixelSize() const { return m_pixelSize; }
    double sceneSeconds() const { return m_sceneSeconds; }
    CaptionMode mode() const { return m_style.mode; }

    CaptionState stateAt(double seconds) const;
    // How large the page shown at `seconds` is drawn, about its centre: 1,
    // or during a page's first CaptionTrack::kPopSeconds with the style's
    // `pop`, from kPopFrom to 1, easing out.
    double popScaleAt(double seconds) const;
    static constexpr double kPopSeconds = 0.12;
    static constexpr double kPopFrom = 0.9;
    // The times (seconds from the scene's start, ascending, the first 0)
    // where stateAt() changes; it is constant in between.
    QList<double> changeTimes() const;

    // Paints state `state` for a frame whose top-left is the painter's
    // origin; returns the rectangle painted.
    QRect paint(QPainter &painter, const CaptionState &state) const;
    // Page `page` as a CaptionPageImage covering `area` of the frame.
    CaptionPageImage pageImage(int page, QRect area) const;
    QSize frame() const { return m_frame; }
    // The rectangle page `page` may cover, in frame pixels.
    QRect pageBounds(int page) const;
    // The page's lines as laid out.
    QStringList pageLines(int page) const;

    // The pages as subtitle cues, shifted by `offsetSeconds` (the scene's
    // start in the video); with word times for the word-timed modes.
    QList<SubtitleCue> cues(double offsetSeconds) const;

private:
    QStringList pageWords(int page) const;
    void choosePages();

    QList<CaptionWord> m_words;
    QList<CaptionPage> m_pages;
    double m_sceneSeconds = 0;
    CaptionStyle m_style;
    QSize m_frame;
    std::optional<CaptionPainter> m_painter;
    double m_pixelSize = 0;
    bool m_legacy = false;
    QString m_legacyText;
};

} // namespace reelsmith
