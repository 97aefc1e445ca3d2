#pragma once

#include <QList>
#include <QWidget>

namespace reelsmith::editor {

// The video as a horizontal bar: one segment per scene, as wide as its
// duration, with the playhead over it. Clicking or dragging scrubs.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setScenes(const QList<double> &durations);
    QList<double> scenes() const { return m_durations; }
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

    QList<double> m_durations;
    double m_total = 0;
    double m_position = 0;
    int m_currentScene = -1;
    bool m_dragging = false;
};

} // namespace reelsmith::editor
