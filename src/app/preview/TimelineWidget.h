#pragma once

#include "project/Timeline.h"
#include "render/Transition.h"

#include <QWidget>

namespace reelsmith::editor {

// The video as a horizontal bar: one segment per scene, as wide as the frames
// the export gives it (the project's Timeline), with the playhead over it.
// Clicking or dragging scrubs; dragging the line at a scene's end resizes that
// scene in whole frames (the widget only asks: sceneResized() carries the
// frame count, the window turns it into an undoable edit). Each transition
// is marked over its window, centred on its boundary, with a glyph of its kind.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    // `transitions` belongs to the same project as `timeline`.
    void setTimeline(const reelsmith::Timeline &timeline,
                     const reelsmith::TransitionSchedule &transitions = {});
    const reelsmith::Timeline &timeline() const { return m_timeline; }
    double duration() const { return m_total; }
    double position() const { return m_position; }
    int currentScene() const { return m_currentScene; }

    // The bar the segments are drawn in; the total duration sits to its right.
    QRect trackRect() const;
    double secondsAt(int x) const;
    int xAt(double seconds) const;
    // Scene whose [start, end) holds `seconds` (the last one at the very end); -1 when none.
    int sceneAt(double seconds) const;
    // The scene whose end line is within grabbing distance of `x`; -1 when none.
    int boundaryAt(int x) const;
    // The transition whose mark covers `x`, as an index into transitions(); -1 when none.
    int transitionAt(int x) const;
    const std::vector<reelsmith::TransitionSchedule::Window> &transitions() const
    {
        return m_transitions;
    }
    // The mark of transition `index` (widget pixels), clipped to the bar.
    QRect transitionRect(int index) const;
    // The kind of a transition, as the timeline's tooltip names it.
    static QString transitionName(reelsmith::TransitionType type);

    // The scene whose end is being dragged; -1 when none.
    int resizingScene() const { return m_resizing; }

    // 1: the whole video fits the bar; larger shows a part of it, scrolled
    // to scrollOffset() pixels from the video's start.
    double zoom() const { return m_zoom; }
    double maximumZoom() const;
    int scrollOffset() const { return m_scroll; }
    int maximumScrollOffset() const;
    // Zooms to `factor` (clamped to [1, maximumZoom()]) keeping the time
    // under `anchorX` where it is.
    void zoomAround(double factor, int anchorX);

    // "mm:ss.s", minutes unbounded.
    static QString formatTime(double seconds);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void setPosition(double seconds);
    void setCurrentScene(int index);
    // By one step, around the playhead (or the middle when it is out of view).
    void zoomIn();
    void zoomOut();
    void setScrollOffset(int pixels);

signals:
    void scrubbed(double seconds);
    void sceneClicked(int index);
    // A drag of scene `scene`'s end line: started, the scene's new length in
    // frames of the timeline's rate (at least one) each time it changes, ended.
    void sceneResizeStarted(int scene);
    void sceneResized(int scene, qint64 frames);
    void sceneResizeFinished(int scene);
    // The zoom or the scroll offset changed (for a scroll bar).
    void viewChanged();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void scrubTo(double seconds);
    int timeTextWidth() const;
    // Track pixels per second of video. While a scene is resized the scale
    // stays as it was when the drag began: the video's length changes under
    // the mouse, and a bar refitted on each move would run away from it.
    double pixelsPerSecond() const;
    double unclampedSecondsAt(int x) const;
    void setHoverBoundary(int scene);
    int zoomAnchor() const;
    void paintTransitions(QPainter &painter, const QRect &track);

    reelsmith::Timeline m_timeline;
    std::vector<reelsmith::TransitionSchedule::Window> m_transitions; // ordered by time
    double m_total = 0;
    double m_position = 0;
    int m_currentScene = -1;
    bool m_dragging = false;
    int m_resizing = -1;      // scene whose end is dragged
    double m_resizeScale = 0; // pixelsPerSecond() when that drag began
    qint64 m_resizeFrames = 0;
    int m_hoverBoundary = -1;
    double m_zoom = 1;
    int m_scroll = 0;
};

} // namespace reelsmith::editor
