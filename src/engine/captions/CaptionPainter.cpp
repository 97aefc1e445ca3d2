#include "captions/CaptionPainter.h"

#include "captions/Caption.h"
#include "core/Error.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QHash>
#include <QMutex>
#include <QPainter>
#include <QPainterPath>
#include <QRawFont>
#include <QRegion>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <memory>

namespace reelsmith {

namespace {

constexpr double kLineGap = 0.08; // of the pixel size, as Caption's

struct Laid
{
    std::unique_ptr<QTextLayout> layout;
    QList<int> starts; // each word's offset in the layout's text
    QPointF origin;    // where the layout is drawn, in frame pixels
    double height = 0;
    bool wordsWhole = true;
};

} // namespace

QStringList captionFontFileFamilies(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, QStringList> loaded;
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty() || !QFileInfo(canonical).isFile())
        throwBadInput(QStringLiteral("%1: no such font file").arg(path));
    QMutexLocker lock(&mutex);
    if (const auto it = loaded.constFind(canonical); it != loaded.cend())
        return *it;
    const int id = QFontDatabase::addApplicationFont(canonical);
    const QStringList families =
        id >= 0 ? QFontDatabase::applicationFontFamilies(id) : QStringList();
    if (families.isEmpty())
        throwBadInput(
            QStringLiteral("%1: not a font file this program can load (TTF or OTF)").arg(path));
    loaded.insert(canonical, families);
    return families;
}

CaptionPainter::CaptionPainter(const CaptionStyle &style, QSize frame)
    : m_style(style), m_frame(frame)
{
    if (m_style.fontIsFile()) {
        m_families = captionFontFileFamilies(m_style.font);
        m_bold = false; // the file's own weight
    } else {
        m_families = {m_style.font};
    }
    // Characters the chosen font lacks fall back to these, then per glyph to
    // any installed font (colour emoji).
    for (const QString &f : Caption::fontFamilies())
        if (!m_families.contains(f))
            m_families.append(f);
}

double CaptionPainter::bandTop() const
{
    const double top =
        m_style.position >= 0.5 ? CaptionSafeArea::kLowerHalfTop : CaptionSafeArea::kTop;
    return m_frame.height() * top;
}

double CaptionPainter::bandBottom() const
{
    const double bottom = m_style.position > CaptionSafeArea::kBottom
                              ? CaptionSafeArea::kBottomLowered
                              : CaptionSafeArea::kBottom;
    return m_frame.height() * bottom;
}

double CaptionPainter::requestedPixelSize() const
{
    const double scaled = m_style.size * m_frame.width() / CaptionStyle::kReferenceWidth;
    return std::max(4.0, std::min(scaled, m_frame.width() * CaptionSafeArea::kMaxSize));
}

double CaptionPainter::minimumPixelSize() const
{
    return std::min(requestedPixelSize(), m_frame.width() * CaptionSafeArea::kMinReadableSize);
}

double CaptionPainter::outlinePixels(double pixelSize) const
{
    // A quarter of the size at most: thicker fills the letters' counters.
    return std::min(m_style.outline * m_frame.width() / CaptionStyle::kReferenceWidth,
                    pixelSize * 0.25);
}

QFont CaptionPainter::fontAt(double pixelSize) const
{
    QFont font;
    font.setFamilies(m_families);
    font.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    if (m_bold)
        font.setWeight(QFont::Bold);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

QString CaptionPainter::displayText(const QStringList &words, QList<int> *starts) const
{
    QString text;
    for (const QString &w : words) {
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        starts->append(int(text.size()));
        text += m_style.uppercase ? w.toUpper() : w;
    }
    return text;
}

namespace {

Laid layOut(const QString &text, QList<int> starts, const QFont &font, double wrapWidth,
            QSize frame, double bandTop, double bandBottom, double position,
            const QList<QTextLayout::FormatRange> &formats = {})
{
    Laid laid;
    laid.starts = std::move(starts);
    laid.layout = std::make_unique<QTextLayout>(text, font);
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    laid.layout->setTextOption(option);
    laid.layout->setCacheEnabled(true);
    if (!formats.isEmpty())
        laid.layout->setFormats(formats);
    const double gap = font.pixelSize() * kLineGap;
    double y = 0;
    laid.layout->beginLayout();
    for (QTextLine line = laid.layout->createLine(); line.isValid();
         line = laid.layout->createLine()) {
        line.setLineWidth(wrapWidth);
        line.setPosition(QPointF(0, y));
        y += line.height() + gap;
        if (line.textStart() > 0 && !laid.starts.contains(line.textStart()))
            laid.wordsWhole = false;
    }
    laid.layout->endLayout();
    laid.height = std::max(0.0, y - gap);
    // Centred on `position`, then pushed inside the band.
    double top = frame.height() * position - laid.height / 2;
    top = std::min(top, bandBottom - laid.height);
    top = std::max(top, bandTop);
    laid.origin = QPointF((frame.width() - wrapWidth) / 2, top);
    return laid;
}

} // namespace

CaptionPainter::Measure CaptionPainter::measure(const QStringList &words, double pixelSize) const
{
    QList<int> starts;
    const QString text = displayText(words, &starts);
    const Laid laid = layOut(text, starts, fontAt(pixelSize), wrapWidth(), m_frame, bandTop(),
                             bandBottom(), m_style.position);
    return {laid.layout->lineCount(), laid.height, laid.wordsWhole};
}

bool CaptionPainter::fits(const QStringList &words, double pixelSize, int maxLines) const
{
    const Measure m = measure(words, pixelSize);
    // The outline sticks out of the line boxes by its width on either side.
    const double outline = outlinePixels(pixelSize);
    return m.wordsWhole && m.height + 2 * outline <= bandBottom() - bandTop() &&
           (maxLines <= 0 || m.lines <= maxLines);
}

QStringList CaptionPainter::lines(const QStringList &words, double pixelSize) const
{
    QList<int> starts;
    const QString text = displayText(words, &starts);
    const Laid laid = layOut(text, starts, fontAt(pixelSize), wrapWidth(), m_frame, bandTop(),
                             bandBottom(), m_style.position);
    QStringList out;
    for (int i = 0; i < laid.layout->lineCount(); ++i) {
        const QTextLine line = laid.layout->lineAt(i);
        out.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    return out;
}

QRect CaptionPainter::bounds(const QStringList &words, double pixelSize) const
{
    QList<int> starts;
    const QString text = displayText(words, &starts);
    if (text.trimmed().isEmpty())
        return {};
    const Laid laid = layOut(text, starts, fontAt(pixelSize), wrapWidth(), m_frame, bandTop(),
                             bandBottom(), m_style.position);
    const double outline = outlinePixels(pixelSize);
    const double pad = std::max(outline, m_style.box ? pixelSize * 0.3 : 0.0) + 2;
    return laid.layout->boundingRect()
        .translated(laid.origin)
        .adjusted(-pad, -pad, pad, pad)
        .toAlignedRect()
        .intersected(QRect(QPoint(0, 0), m_frame));
}

namespace {

// The pill boxes behind each line and the region of the lines shown, for a
// page whose text up to `visibleEnd` is visible.
struct Shown
{
    QRegion visible;
    QList<QRectF> boxes;
};

Shown shownLines(const Laid &laid, const QString &text, int visibleEnd, double pixelSize,
                 double margin, QSize frame)
{
    Shown out;
    const QTextLayout &layout = *laid.layout;
    const double boxPadX = pixelSize * 0.25;
    const double boxPadY = pixelSize * 0.06;
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (line.textStart() >= visibleEnd)
            break;
        const int lineTextEnd = line.textStart() + line.textLength();
        const int lineEnd = std::min(visibleEnd, lineTextEnd);
        const QString lineText = text.mid(line.textStart(), lineEnd - line.textStart());
        const int trailing = int(lineText.size() - QStringView(lineText).trimmed().size());
        const double x0 = laid.origin.x() + line.cursorToX(line.textStart());
        const double x1 = laid.origin.x() + line.cursorToX(lineEnd - trailing);
        const double top = laid.origin.y() + line.y();
        out.boxes.append(
            QRectF(x0, top, x1 - x0, line.height()).adjusted(-boxPadX, -boxPadY, boxPadX, boxPadY));
        double right = frame.width();
        if (lineEnd < lineTextEnd) // the next word starts after a space
            right = (x1 + laid.origin.x() + line.cursorToX(lineEnd + 1)) / 2;
        out.visible += QRectF(0, top - margin, right, line.height() + 2 * margin).toAlignedRect();
    }
    return out;
}

void setHints(QPainter &painter)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
}

} // namespace

QList<QTextLayout::FormatRange>
CaptionPainter::highlightFormats(const QString &text, const QList<int> &starts, int active) const
{
    QList<QTextLayout::FormatRange> formats;
    if (active >= 0 && active < starts.size()) {
        QTextLayout::FormatRange highlight;
        highlight.start = starts[active];
        highlight.length = active + 1 < starts.size() ? starts[active + 1] - 1 - starts[active]
                                                      : int(text.size()) - starts[active];
        highlight.format.setForeground(m_style.highlight);
        formats.append(highlight);
    }
    return formats;
}

void CaptionPainter::paintUnder(QPainter &painter, const QList<QRectF> &boxes,
                                const QTextLayout &layout, QPointF origin, double outline) const
{
    if (m_style.box) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(*m_style.box);
        for (const QRectF &b : boxes)
            painter.drawRoundedRect(b, b.height() * 0.3, b.height() * 0.3);
    }
    if (outline > 0) {
        const QPainterPath path = Caption::glyphOutline(layout, origin);
        // The stroke is centred on the glyph edge: twice the width shows
        // `outline` pixels outside the letter.
        painter.setPen(
            QPen(m_style.outlineColor, 2 * outline, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
}

QRect CaptionPainter::paint(QPainter &painter, const QStringList &words, double pixelSize,
                            int active, int shown) const
{
    QList<int> starts;
    const QString text = displayText(words, &starts);
    if (text.trimmed().isEmpty() || shown <= 0)
        return {};
    const QFont font = fontAt(pixelSize);
    const Laid laid = layOut(text, starts, font, wrapWidth(), m_frame, bandTop(), bandBottom(),
                             m_style.position, highlightFormats(text, starts, active));
    QTextLayout &layout = *laid.layout;
    const int visibleEnd = shown < starts.size() ? starts[shown] - 1 : int(text.size());

    // What is shown: whole lines up to the line of the last shown word, and
    // on that line up to the middle of the space after it. Words yet to be
    // spoken keep their place (the page never shifts as it fills up).
    const double outline = outlinePixels(pixelSize);
    const Shown lines = shownLines(laid, text, visibleEnd, pixelSize, outline + 2, m_frame);

    painter.save();
    setHints(painter);
    if (m_style.box) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(*m_style.box);
        for (const QRectF &b : lines.boxes)
            painter.drawRoundedRect(b, b.height() * 0.3, b.height() * 0.3);
    }
    if (shown < starts.size())
        painter.setClipRegion(lines.visible);
    paintUnder(painter, {}, layout, laid.origin, outline);
    painter.setPen(m_style.color);
    layout.draw(&painter, laid.origin);
    painter.restore();

    const double pad = std::max(outline, m_style.box ? pixelSize * 0.3 : 0.0) + 2;
    return layout.boundingRect()
        .translated(laid.origin)
        .adjusted(-pad, -pad, pad, pad)
        .toAlignedRect()
        .intersected(QRect(QPoint(0, 0), m_frame));
}

CaptionPageImage::CaptionPageImage(const CaptionPainter &painter, const QStringList &words,
                                   double pixelSize, QRect area)
    : m_painter(&painter), m_words(words), m_pixelSize(pixelSize), m_area(area)
{
    m_text = m_painter->displayText(m_words, &m_starts);
    m_under = QImage(m_area.size(), QImage::Format_ARGB32_Premultiplied);
    if (m_under.isNull())
        throwFailure(QStringLiteral("out of memory for a caption"));
    m_under.fill(Qt::transparent);
    if (m_text.trimmed().isEmpty())
        return;
    const Laid laid = layOut(m_text, m_starts, m_painter->fontAt(m_pixelSize),
                             m_painter->wrapWidth(), m_painter->frame(), m_painter->bandTop(),
                             m_painter->bandBottom(), m_painter->style().position);
    const double outline = m_painter->outlinePixels(m_pixelSize);
    const Shown lines =
        shownLines(laid, m_text, int(m_text.size()), m_pixelSize, outline + 2, m_painter->frame());
    {
        // Qt 6.4 gives a glyph's outline path a little differently (up to
        // 12 levels along the stroke) until the glyph has been drawn once at
        // that size. A page used to be re-stroked at every word, so all but
        // its first frame had the drawn glyphs' outline; the letters are
        // drawn once first so that the kept outline is that one.
        QPainter p(&m_under);
        p.translate(-m_area.topLeft());
        setHints(p);
        laid.layout->draw(&p, laid.origin);
    }
    m_under.fill(Qt::transparent);
    {
        QPainter p(&m_under);
        p.translate(-m_area.topLeft());
        setHints(p);
        m_painter->paintUnder(p, lines.boxes, *laid.layout, laid.origin, outline);
    }
    m_base = m_under.copy();
    {
        QPainter p(&m_base);
        p.translate(-m_area.topLeft());
        setHints(p);
        p.setPen(m_painter->style().color);
        laid.layout->draw(&p, laid.origin);
    }
    // Where each word's letters (and their outline, and whatever a glyph
    // sticks out: accents, emoji) can reach: its lines' rectangles, half the
    // size wider and taller on every side.
    const double reach = outline + m_pixelSize * 0.5 + 2;
    const QTextLayout &layout = *laid.layout;
    for (qsizetype w = 0; w < m_starts.size(); ++w) {
        const int begin = m_starts[w];
        const int end = w + 1 < m_starts.size() ? m_starts[w + 1] - 1 : int(m_text.size());
        QRect rect;
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            const int a = std::max(begin, line.textStart());
            const int b = std::min(end, line.textStart() + line.textLength());
            if (a >= b)
                continue;
            const double x0 = laid.origin.x() + line.cursorToX(a);
            const double x1 = laid.origin.x() + line.cursorToX(b);
            const double top = laid.origin.y() + line.y();
            rect |= QRectF(std::min(x0, x1), top, std::abs(x1 - x0), line.height())
                        .adjusted(-reach, -reach, reach, reach)
                        .toAlignedRect();
        }
        m_wordRects.append(rect.translated(-m_area.topLeft()).intersected(m_under.rect()));
    }
}

const QImage &CaptionPageImage::image(int active, int shown)
{
    if (m_text.trimmed().isEmpty() || shown <= 0) {
        m_image = m_under; // transparent
        return m_image;
    }
    if (shown < m_starts.size()) {
        // Part of the page (`words` mode, a few words): painted whole, as
        // the clip of the words yet to come cuts through the outline too.
        m_image = QImage(m_area.size(), QImage::Format_ARGB32_Premultiplied);
        if (m_image.isNull())
            throwFailure(QStringLiteral("out of memory for a caption"));
        m_image.fill(Qt::transparent);
        QPainter p(&m_image);
        p.translate(-m_area.topLeft());
        m_painter->paint(p, m_words, m_pixelSize, active, shown);
        m_active = -2;
        return m_image;
    }
    if (active == m_active)
        return m_image;
    m_image = m_base;
    m_active = active;
    if (active < 0 || active >= m_wordRects.size() || m_wordRects[active].isEmpty())
        return m_image;
    // Only the highlighted word's rectangle changes: the box and outline
    // under it put back, then the text drawn again clipped to it, exactly as
    // the whole page would be drawn there (the clip is whole pixels).
    const QRect rect = m_wordRects[active];
    QPainter p(&m_image);
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.drawImage(rect.topLeft(), m_under, rect);
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    p.setClipRect(rect);
    p.translate(-m_area.topLeft());
    setHints(p);
    const Laid laid =
        layOut(m_text, m_starts, m_painter->fontAt(m_pixelSize), m_painter->wrapWidth(),
               m_painter->frame(), m_painter->bandTop(), m_painter->bandBottom(),
               m_painter->style().position, m_painter->highlightFormats(m_text, m_starts, active));
    p.setPen(m_painter->style().color);
    laid.layout->draw(&p, laid.origin);
    return m_image;
}

} // namespace reelsmith
