#pragma once

#include "project/Project.h"

#include <QWidget>

class QLabel;
class QScrollBar;
class QToolButton;

namespace reelsmith::editor {

class LengthLabel;
class PreviewWidget;
class TimelineWidget;

// The editor's central area: the live preview over its transport row
// (play/pause, position, safe zones) and the timeline.
class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget *parent = nullptr);

    void setProject(const reelsmith::Project &project);

    PreviewWidget *preview() const { return m_preview; }
    TimelineWidget *timeline() const { return m_timeline; }
    QToolButton *playButton() const { return m_playButton; }
    QToolButton *safeZonesButton() const { return m_safeZonesButton; }
    LengthLabel *lengthLabel() const { return m_lengthLabel; }
    QToolButton *zoomInButton() const { return m_zoomInButton; }
    QToolButton *zoomOutButton() const { return m_zoomOutButton; }
    // Under the timeline while it is zoomed in.
    QScrollBar *timelineScrollBar() const { return m_scrollBar; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updatePlayButton(bool playing);
    void updatePositionLabel();
    void updateTimelineView();

    PreviewWidget *m_preview;
    TimelineWidget *m_timeline;
    QToolButton *m_playButton;
    QToolButton *m_safeZonesButton;
    QLabel *m_positionLabel;
    LengthLabel *m_lengthLabel;
    QToolButton *m_zoomInButton;
    QToolButton *m_zoomOutButton;
    QScrollBar *m_scrollBar;
};

} // namespace reelsmith::editor
