#pragma once

#include "project/Timeline.h"

#include <QWidget>

namespace reelsmith::editor {

// The video as a horizontal bar: one segment per scene, as wide as the frames
// the export gives it (the project's Timeline), with the playhead over it.
// Clicking or dragging scrubs.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setTimeline(const reelsmith::Timeline &timeline);
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

    // "mm:ss.s", minutes unbounded.
    static QString formatTime(double seconds);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void setPosition(double seconds);
    void setCurrentScene(int index);

signals:
    void scrubbed(double seconds);
    void sceneClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void scrubTo(double seconds);
    int timeTextWidth() const;

    reelsmith::Timeline m_timeline;
    double m_total = 0;
    double m_position = 0;
    int m_currentScene = -1;
    bool m_dragging = false;
};

} // namespace reelsmith::editor
