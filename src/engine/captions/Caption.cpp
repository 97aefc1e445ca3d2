#include "captions/Caption.h"

#include <QFont>
#include <QGlyphRun>
#include <QPainter>
#include <QPainterPath>
#include <QRawFont>
#include <QTextLayout>

#include <cmath>

namespace reelsmith {

namespace {

// Colour fonts (emoji) carry their glyphs as bitmaps (CBLC/CBDT) or colour
// layers (COLR). Asking Qt 6.4 for such a glyph's outline breaks the later
// drawing of that glyph, so their runs get no outline. CBLC is the small
// index table; reading it is cheap.
bool isColourFont(const QRawFont &font)
{
    return !font.fontTable("CBLC").isEmpty() || !font.fontTable("COLR").isEmpty();
}

} // namespace

QPainterPath Caption::glyphOutline(const QTextLayout &layout, QPointF origin)
{
    QPainterPath outline;
    const QList<QGlyphRun> runs = layout.glyphRuns();
    for (const QGlyphRun &run : runs) {
        const QRawFont raw = run.rawFont();
        if (isColourFont(raw))
            continue;
        const QList<quint32> glyphs = run.glyphIndexes();
        const QList<QPointF> positions = run.positions();
        for (qsizetype i = 0; i < glyphs.size() && i < positions.size(); ++i) {
            QPainterPath glyph = raw.pathForGlyph(glyphs[i]);
            if (!glyph.isEmpty())
                outline.addPath(glyph.translated(positions[i] + origin));
        }
    }
    return outline;
}

QStringList Caption::fontFamilies()
{
    return {QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
            QStringLiteral("Liberation Sans"), QStringLiteral("Noto Color Emoji")};
}

int Caption::pixelSize(QSize frame)
{
    return std::max(8, int(std::lround(std::min(frame.width(), frame.height() * 9 / 16) * 0.062)));
}

QRect Caption::paint(QPainter &painter, QSize frame, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || frame.isEmpty())
        return {};

    QFont font;
    font.setFamilies(fontFamilies());
    font.setPixelSize(pixelSize(frame));
    font.setWeight(QFont::Bold);
    font.setStyleStrategy(QFont::PreferAntialias);

    const double wrapWidth = frame.width() * 0.90;
    QTextLayout layout(trimmed, font);
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);

    const double lineGap = font.pixelSize() * 0.08;
    double y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(wrapWidth);
        line.setPosition(QPointF(0, y));
        y += line.height() + lineGap;
    }
    layout.endLayout();
    const double blockHeight = y - lineGap;

    // Centre the block around 3/4 of the height (the middle of the lower
    // third); a tall block grows upwards rather than off the bottom margin.
    const double bottomLimit = frame.height() * 0.92;
    double top = frame.height() * 0.75 - blockHeight / 2;
    top = std::min(top, bottomLimit - blockHeight);
    top = std::max(top, frame.height() * 0.05);
    const QPointF origin((frame.width() - wrapWidth) / 2, top);

    // The outline around the letters; colour emoji are drawn by
    // QTextLayout::draw below.
    const QPainterPath outline = glyphOutline(layout, origin);

    const double stroke = std::max(2.0, font.pixelSize() * 0.16);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setPen(
        QPen(QColor(12, 12, 16, 235), stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);
    painter.setPen(Qt::white);
    layout.draw(&painter, origin);
    painter.restore();

    const QRectF bounds = layout.boundingRect().translated(origin);
    return bounds.adjusted(-stroke, -stroke, stroke, stroke).toAlignedRect();
}

} // namespace reelsmith
