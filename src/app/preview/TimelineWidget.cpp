#include "preview/TimelineWidget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace reelsmith::editor {

namespace {

constexpr int kMargin = 6;
constexpr int kHandle = 5; // half-width of the playhead's grip
// Arrow keys step by a tenth of a second, Page keys by a second: fine enough
// to land on a frame boundary at common frame rates, coarse enough to be quick.
constexpr double kSmallStep = 0.1;
constexpr double kLargeStep = 1.0;
// How far from a scene's end line (px) the pointer grabs it: a line is 2 px,
// a pointer lands within a few of where it is aimed.
constexpr int kGrab = 4;
// One wheel notch or key press zooms by a quarter: eight steps make 6x.
constexpr double kZoomStep = 1.25;
// Zooming stops when a frame is this wide (px): enough to grab one.
constexpr double kFramePixelsAtMaximum = 12;

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Tracked for the resize cursor over scene ends.
    setMouseTracking(true);
    retranslate();
}

void TimelineWidget::retranslate()
{
    setToolTip(tr("Click or drag to move through the video; drag the line at a scene's end to "
                  "change its length"));
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QSize TimelineWidget::sizeHint() const
{
    return {400, std::max(40, fontMetrics().height() * 2 + 8)};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {120, std::max(32, fontMetrics().height() + 16)};
}

void TimelineWidget::setTimeline(const reelsmith::Timeline &timeline,
                                 const reelsmith::TransitionSchedule &transitions)
{
    m_timeline = timeline;
    m_transitions = transitions.windows();
    m_total = timeline.durationSeconds();
    m_position = std::clamp(m_position, 0.0, m_total);
    if (m_currentScene >= timeline.sceneCount())
        m_currentScene = timeline.sceneCount() - 1;
    if (m_resizing >= timeline.sceneCount())
        m_resizing = -1;
    if (m_hoverBoundary >= timeline.sceneCount())
        setHoverBoundary(-1);
    if (m_resizing < 0) {
        m_zoom = std::clamp(m_zoom, 1.0, maximumZoom());
        m_scroll = std::clamp(m_scroll, 0, maximumScrollOffset());
        emit viewChanged();
    }
    update();
}

void TimelineWidget::setPosition(double seconds)
{
    seconds = std::clamp(seconds, 0.0, m_total);
    if (seconds == m_position)
        return;
    m_position = seconds;
    update();
}

void TimelineWidget::setCurrentScene(int index)
{
    if (index == m_currentScene)
        return;
    m_currentScene = index;
    update();
}

int TimelineWidget::timeTextWidth() const
{
    return fontMetrics().horizontalAdvance(formatTime(std::max(m_total, 600.0))) + 2 * kMargin;
}

QRect TimelineWidget::trackRect() const
{
    return QRect(kMargin + kHandle, kMargin, width() - 2 * (kMargin + kHandle) - timeTextWidth(),
                 height() - 2 * kMargin);
}

double TimelineWidget::pixelsPerSecond() const
{
    if (m_resizing >= 0 && m_resizeScale > 0)
        return m_resizeScale;
    const QRect track = trackRect();
    if (m_total <= 0 || track.width() <= 0)
        return 0;
    return track.width() * m_zoom / m_total;
}

double TimelineWidget::maximumZoom() const
{
    const int width = trackRect().width();
    if (m_total <= 0 || width <= 0)
        return 1;
    return std::max(1.0, kFramePixelsAtMaximum * m_timeline.fps() * m_total / width);
}

int TimelineWidget::maximumScrollOffset() const
{
    const int width = trackRect().width();
    return std::max(0, int(std::lround(width * m_zoom)) - width);
}

void TimelineWidget::zoomAround(double factor, int anchorX)
{
    if (m_resizing >= 0 || m_total <= 0)
        return;
    const double seconds = unclampedSecondsAt(anchorX);
    m_zoom = std::clamp(factor, 1.0, maximumZoom());
    m_scroll =
        std::clamp(int(std::lround(seconds * pixelsPerSecond())) - (anchorX - trackRect().left()),
                   0, maximumScrollOffset());
    setHoverBoundary(-1);
    update();
    emit viewChanged();
}

int TimelineWidget::zoomAnchor() const
{
    const QRect track = trackRect();
    const int playhead = xAt(m_position);
    return track.contains(playhead, track.center().y()) ? playhead : track.center().x();
}

void TimelineWidget::zoomIn()
{
    zoomAround(m_zoom * kZoomStep, zoomAnchor());
}

void TimelineWidget::zoomOut()
{
    zoomAround(m_zoom / kZoomStep, zoomAnchor());
}

void TimelineWidget::setScrollOffset(int pixels)
{
    pixels = std::clamp(pixels, 0, maximumScrollOffset());
    if (pixels == m_scroll || m_resizing >= 0)
        return;
    m_scroll = pixels;
    setHoverBoundary(-1);
    update();
    emit viewChanged();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    if (steps == 0) {
        QWidget::wheelEvent(event);
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        // 120 is one notch; smooth wheels send parts of it.
        zoomAround(m_zoom * std::pow(kZoomStep, steps / 120.0), event->position().toPoint().x());
    } else if (m_zoom > 1) {
        // A notch scrolls a tenth of the bar, wheel down or right moving on.
        setScrollOffset(m_scroll - steps * trackRect().width() / 1200);
    } else {
        event->ignore();
        return;
    }
    event->accept();
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    m_scroll = std::clamp(m_scroll, 0, maximumScrollOffset());
    QWidget::resizeEvent(event);
    emit viewChanged();
}

double TimelineWidget::unclampedSecondsAt(int x) const
{
    const double scale = pixelsPerSecond();
    return scale > 0 ? (x - trackRect().left() + m_scroll) / scale : 0;
}

double TimelineWidget::secondsAt(int x) const
{
    return std::clamp(unclampedSecondsAt(x), 0.0, m_total);
}

int TimelineWidget::xAt(double seconds) const
{
    return trackRect().left() - m_scroll + int(std::lround(seconds * pixelsPerSecond()));
}

int TimelineWidget::boundaryAt(int x) const
{
    // Nearest end line; of lines drawn on top of each other (scenes without a
    // frame) the last, so dragging right gives the empty scene its length.
    int found = -1;
    int best = kGrab + 1;
    for (int i = 0; i < m_timeline.sceneCount() && m_total > 0; ++i) {
        const int distance = std::abs(xAt(m_timeline.secondsAt(m_timeline.sceneEnd(i))) - x);
        if (distance <= best) {
            best = distance;
            found = i;
        }
    }
    return found;
}

void TimelineWidget::setHoverBoundary(int scene)
{
    if (scene == m_hoverBoundary)
        return;
    m_hoverBoundary = scene;
    if (scene >= 0)
        setCursor(Qt::SizeHorCursor);
    else
        unsetCursor();
    update();
}

int TimelineWidget::sceneAt(double seconds) const
{
    return m_timeline.sceneAtSeconds(seconds);
}

QRect TimelineWidget::transitionRect(int index) const
{
    if (index < 0 || index >= int(m_transitions.size()) || m_total <= 0)
        return {};
    const TransitionSchedule::Window &window = m_transitions[size_t(index)];
    const QRect track = trackRect();
    const int x0 = xAt(window.start / m_timeline.fps());
    // At least 2 px, so a short transition on a long video stays visible.
    const int x1 = std::max(x0 + 2, xAt(window.end / m_timeline.fps()));
    // The middle half of the bar's height: the scene numbers stay readable
    // above and below a glyph, and the playhead's grip is never covered.
    const int height = std::max(6, track.height() / 2);
    return QRect(x0, track.center().y() - height / 2 + 1, x1 - x0, height).intersected(track);
}

int TimelineWidget::transitionAt(int x) const
{
    int found = -1;
    int best = 0;
    for (int i = 0; i < int(m_transitions.size()); ++i) {
        const QRect mark = transitionRect(i);
        if (mark.isEmpty() || x < mark.left() || x > mark.right())
            continue;
        const int distance = std::abs(mark.center().x() - x);
        if (found < 0 || distance < best) {
            found = i;
            best = distance;
        }
    }
    return found;
}

QString TimelineWidget::transitionName(TransitionType type)
{
    switch (type) {
    case TransitionType::Cut:
        return tr("Cut");
    case TransitionType::Crossfade:
        return tr("Crossfade");
    case TransitionType::SlideLeft:
        return tr("Slide left");
    case TransitionType::SlideUp:
        return tr("Slide up");
    case TransitionType::Zoom:
        return tr("Zoom");
    case TransitionType::Wipe:
        return tr("Wipe");
    }
    return {};
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = transitionAt(help->pos().x());
        const QRect mark = transitionRect(index);
        if (index >= 0 && help->pos().y() >= trackRect().top() &&
            help->pos().y() <= trackRect().bottom()) {
            const TransitionSchedule::Window &window = m_transitions[size_t(index)];
            // The length it has in the video: shortened when a scene is shorter.
            const double seconds = (window.end - window.start) / m_timeline.fps();
            QToolTip::showText(help->globalPos(),
                               tr("%1 from scene %2 into scene %3, %4 s")
                                   .arg(transitionName(window.type))
                                   .arg(window.from + 1)
                                   .arg(window.to + 1)
                                   .arg(locale().toString(seconds, 'g', 3)),
                               this, QRect(mark.left(), 0, mark.width(), height()));
            return true;
        }
    }
    return QWidget::event(event);
}

QString TimelineWidget::formatTime(double seconds)
{
    // Rounded to tenths first, so 59.96 s reads 01:00.0, not 00:60.0.
    const qint64 tenths = std::llround(std::max(0.0, seconds) * 10);
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600, 2, 10, QLatin1Char('0'))
        .arg((tenths % 600) / 10, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

void TimelineWidget::scrubTo(double seconds)
{
    seconds = std::clamp(seconds, 0.0, m_total);
    m_position = seconds;
    update();
    emit scrubbed(seconds);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_total <= 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int x = event->position().toPoint().x();
    if (const int boundary = boundaryAt(x); boundary >= 0) {
        m_resizeScale = pixelsPerSecond();
        m_resizing = boundary;
        m_resizeFrames = m_timeline.sceneEnd(boundary) - m_timeline.sceneStart(boundary);
        setHoverBoundary(boundary);
        emit sceneResizeStarted(boundary);
        return;
    }
    m_dragging = true;
    const double seconds = secondsAt(x);
    scrubTo(seconds);
    const int scene = sceneAt(seconds);
    if (scene >= 0)
        emit sceneClicked(scene);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int x = event->position().toPoint().x();
    if (m_resizing >= 0 && (event->buttons() & Qt::LeftButton)) {
        // Snapped to the nearest frame line, at least one frame long.
        const qint64 end = std::llround(unclampedSecondsAt(x) * m_timeline.fps());
        const qint64 frames = std::max<qint64>(1, end - m_timeline.sceneStart(m_resizing));
        if (frames != m_resizeFrames) {
            m_resizeFrames = frames;
            emit sceneResized(m_resizing, frames);
        }
        return;
    }
    if (!m_dragging || !(event->buttons() & Qt::LeftButton)) {
        if (!(event->buttons() & Qt::LeftButton))
            setHoverBoundary(boundaryAt(x));
        QWidget::mouseMoveEvent(event);
        return;
    }
    scrubTo(secondsAt(x));
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        if (const int scene = m_resizing; scene >= 0) {
            m_resizing = -1;
            m_resizeScale = 0;
            setHoverBoundary(boundaryAt(event->position().toPoint().x()));
            update();
            emit sceneResizeFinished(scene);
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void TimelineWidget::leaveEvent(QEvent *event)
{
    if (m_resizing < 0)
        setHoverBoundary(-1);
    QWidget::leaveEvent(event);
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        scrubTo(m_position - kSmallStep);
        break;
    case Qt::Key_Right:
        scrubTo(m_position + kSmallStep);
        break;
    case Qt::Key_PageUp:
        scrubTo(m_position - kLargeStep);
        break;
    case Qt::Key_PageDown:
        scrubTo(m_position + kLargeStep);
        break;
    case Qt::Key_Home:
        scrubTo(0);
        break;
    case Qt::Key_End:
        scrubTo(m_total);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: // + without Shift on most layouts
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineWidget::paintTransitions(QPainter &painter, const QRect &track)
{
    if (m_transitions.empty())
        return;
    painter.save();
    painter.setClipRect(track);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QColor fill = pal.color(QPalette::WindowText);
    fill.setAlpha(150);
    const QColor ink = pal.color(QPalette::Base);
    for (int i = 0; i < int(m_transitions.size()); ++i) {
        const QRect mark = transitionRect(i);
        if (mark.isEmpty())
            continue;
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawRoundedRect(mark, 2, 2);

        // The glyph, centred on the boundary, when the mark has room for it.
        const int size = std::min(mark.height() - 4, 10);
        if (size < 5 || mark.width() < size + 4)
            continue;
        QRectF g(0, 0, size, size);
        g.moveCenter(QPointF(mark.center().x() + 0.5, mark.center().y() + 0.5));
        QPainterPath path;
        painter.setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        switch (m_transitions[size_t(i)].type) {
        case TransitionType::Cut:
            break;
        case TransitionType::Crossfade: // the editors' cross of two fades
            path.moveTo(g.topLeft());
            path.lineTo(g.bottomRight());
            path.moveTo(g.bottomLeft());
            path.lineTo(g.topRight());
            break;
        case TransitionType::SlideLeft:
            path.moveTo(g.right(), g.center().y());
            path.lineTo(g.left(), g.center().y());
            path.moveTo(g.center().x(), g.top());
            path.lineTo(g.left(), g.center().y());
            path.lineTo(g.center().x(), g.bottom());
            break;
        case TransitionType::SlideUp:
            path.moveTo(g.center().x(), g.bottom());
            path.lineTo(g.center().x(), g.top());
            path.moveTo(g.left(), g.center().y());
            path.lineTo(g.center().x(), g.top());
            path.lineTo(g.right(), g.center().y());
            break;
        case TransitionType::Zoom: // a frame inside a frame
            path.addRect(g);
            path.addRect(g.adjusted(size / 3.0, size / 3.0, -size / 3.0, -size / 3.0));
            break;
        case TransitionType::Wipe: // an edge with the new scene filled in behind it
            path.addRect(g);
            painter.fillRect(QRectF(g.left(), g.top(), g.width() / 2, g.height()), ink);
            break;
        }
        painter.drawPath(path);
    }
    painter.restore();
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect track = trackRect();
    const QPalette pal = palette();

    painter.fillRect(track, pal.color(QPalette::Base).darker(110));

    // Alternating tints tell neighbouring scenes apart; the current one is
    // drawn in the highlight colour.
    const QColor base = pal.color(QPalette::Highlight);
    const QColor tints[2] = {base.lighter(150), base.lighter(125)};
    painter.save();
    painter.setClipRect(track); // a scene dragged longer runs past the bar
    for (int i = 0; i < m_timeline.sceneCount() && m_total > 0; ++i) {
        const int x0 = xAt(m_timeline.secondsAt(m_timeline.sceneStart(i)));
        const int x1 = xAt(m_timeline.secondsAt(m_timeline.sceneEnd(i)));
        if (x1 <= x0)
            continue;
        const QRect segment(x0, track.top(), x1 - x0, track.height());
        const bool current = i == m_currentScene;
        painter.fillRect(segment, current ? base : tints[i % 2]);
        const QString number = QString::number(i + 1);
        if (painter.fontMetrics().horizontalAdvance(number) + 4 <= segment.width()) {
            painter.setPen(current ? pal.color(QPalette::HighlightedText)
                                   : pal.color(QPalette::Text));
            painter.drawText(segment, Qt::AlignCenter, number);
        }
        if (i > 0) {
            painter.setPen(QPen(pal.color(QPalette::Window), 2));
            painter.drawLine(x0, track.top(), x0, track.bottom());
        }
    }
    paintTransitions(painter, track);
    // The end line under the pointer (or being dragged) stands out as a grip.
    if (const int grip = m_resizing >= 0 ? m_resizing : m_hoverBoundary;
        grip >= 0 && grip < m_timeline.sceneCount()) {
        const int x = xAt(m_timeline.secondsAt(m_timeline.sceneEnd(grip)));
        painter.setPen(QPen(pal.color(QPalette::WindowText), 3));
        painter.drawLine(x, track.top(), x, track.bottom());
    }
    painter.restore();
    painter.setPen(pal.color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(track.adjusted(0, 0, -1, -1));

    // Total length, right of the bar.
    painter.setPen(pal.color(QPalette::WindowText));
    const QRect textRect(track.right() + kHandle + kMargin, 0,
                         width() - track.right() - kHandle - kMargin, height());
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, formatTime(m_total));

    // Playhead: a line with a grip above the bar.
    if (const int x = xAt(m_position);
        m_total > 0 && x >= track.left() - kHandle && x <= track.right() + kHandle) {
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor head(220, 40, 40);
        painter.setPen(QPen(head, 2));
        painter.drawLine(x, track.top(), x, track.bottom());
        QPainterPath grip;
        grip.moveTo(x - kHandle, track.top() - kMargin + 1);
        grip.lineTo(x + kHandle, track.top() - kMargin + 1);
        grip.lineTo(x, track.top() + kHandle);
        grip.closeSubpath();
        painter.fillPath(grip, head);
    }

    if (hasFocus()) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

} // namespace reelsmith::editor
