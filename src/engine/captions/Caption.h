#pragma once

#include <QRect>
#include <QString>

class QPainter;
class QPainterPath;
class QPointF;
class QTextLayout;

namespace reelsmith {

// Captions as the export and the preview both draw them: bold white text with
// a dark outline, centred, word-wrapped to the safe width, in the lower third.
class Caption
{
public:
    // Font families tried first; characters they lack (emoji, scripts) fall
    // back per glyph to other installed fonts (fonts-noto-color-emoji).
    static QStringList fontFamilies();
    static int pixelSize(QSize frame);

    // Paints `text` for a frame of size `frame` whose top-left is at the
    // painter's origin. Returns the rectangle the caption covers (outline included).
    static QRect paint(QPainter &painter, QSize frame, const QString &text);

    // The glyph outlines of `layout`'s text drawn at `origin`, for stroking
    // an outline around the letters. Colour emoji have none and are left out
    // (QPainterPath::addText on emoji corrupts Qt 6.4's emoji glyph cache,
    // and asking Qt 6.4 for a colour glyph's outline breaks its later
    // drawing); QTextLayout::draw paints them.
    static QPainterPath glyphOutline(const QTextLayout &layout, QPointF origin);
};

} // namespace reelsmith
