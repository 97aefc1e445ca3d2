#include "preview/PreviewPanel.h"

#include "preview/LengthLabel.h"
#include "preview/PreviewWidget.h"
#include "preview/TimelineWidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace reelsmith::editor {

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent), m_preview(new PreviewWidget(this)), m_timeline(new TimelineWidget(this)),
      m_playButton(new QToolButton(this)), m_safeZonesButton(new QToolButton(this)),
      m_positionLabel(new QLabel(this)), m_lengthLabel(new LengthLabel(this)),
      m_zoomInButton(new QToolButton(this)), m_zoomOutButton(new QToolButton(this)),
      m_scrollBar(new QScrollBar(Qt::Horizontal, this))
{
    m_playButton->setAutoRaise(true);
    m_safeZonesButton->setCheckable(true);
    m_safeZonesButton->setAutoRaise(true);
    retranslate();
    // Room for the widest time, so the row does not shift while it runs.
    m_positionLabel->setMinimumWidth(
        m_positionLabel->fontMetrics().horizontalAdvance(QStringLiteral("000:00.0 /")));
    m_positionLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_zoomOutButton->setObjectName(QStringLiteral("timelineZoomOut"));
    m_zoomOutButton->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));
    m_zoomOutButton->setAutoRaise(true);
    m_zoomInButton->setObjectName(QStringLiteral("timelineZoomIn"));
    m_zoomInButton->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    m_zoomInButton->setAutoRaise(true);
    m_scrollBar->setObjectName(QStringLiteral("timelineScrollBar"));
    m_scrollBar->hide();

    auto *transport = new QHBoxLayout;
    transport->setContentsMargins(0, 0, 0, 0);
    transport->addWidget(m_playButton);
    transport->addWidget(m_positionLabel);
    transport->addWidget(m_lengthLabel);
    transport->addStretch(1);
    transport->addWidget(m_zoomOutButton);
    transport->addWidget(m_zoomInButton);
    transport->addWidget(m_safeZonesButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview, 1);
    layout->addLayout(transport);
    layout->addWidget(m_timeline);
    layout->addWidget(m_scrollBar);

    connect(m_playButton, &QToolButton::clicked, m_preview, &PreviewWidget::togglePlaying);
    connect(m_safeZonesButton, &QToolButton::toggled, m_preview,
            &PreviewWidget::setSafeZonesVisible);
    connect(m_timeline, &TimelineWidget::scrubbed, m_preview, &PreviewWidget::seek);
    connect(m_preview, &PreviewWidget::positionChanged, m_timeline, &TimelineWidget::setPosition);
    connect(m_preview, &PreviewWidget::currentSceneChanged, m_timeline,
            &TimelineWidget::setCurrentScene);
    connect(m_zoomInButton, &QToolButton::clicked, m_timeline, &TimelineWidget::zoomIn);
    connect(m_zoomOutButton, &QToolButton::clicked, m_timeline, &TimelineWidget::zoomOut);
    connect(m_timeline, &TimelineWidget::viewChanged, this, &PreviewPanel::updateTimelineView);
    connect(m_scrollBar, &QScrollBar::valueChanged, m_timeline, &TimelineWidget::setScrollOffset);
    connect(m_preview, &PreviewWidget::playingChanged, this, &PreviewPanel::updatePlayButton);
    connect(m_preview, &PreviewWidget::positionChanged, this, &PreviewPanel::updatePositionLabel);
    connect(m_preview, &PreviewWidget::durationChanged, this, &PreviewPanel::updatePositionLabel);

    updatePlayButton(false);
    updatePositionLabel();
    updateTimelineView();
}

void PreviewPanel::updateTimelineView()
{
    const QSignalBlocker blocker(m_scrollBar);
    m_scrollBar->setRange(0, m_timeline->maximumScrollOffset());
    m_scrollBar->setPageStep(std::max(1, m_timeline->trackRect().width()));
    m_scrollBar->setSingleStep(std::max(1, m_timeline->trackRect().width() / 10));
    m_scrollBar->setValue(m_timeline->scrollOffset());
    m_scrollBar->setVisible(m_timeline->zoom() > 1);
    m_zoomInButton->setEnabled(m_timeline->zoom() < m_timeline->maximumZoom());
    m_zoomOutButton->setEnabled(m_timeline->zoom() > 1);
}

void PreviewPanel::retranslate()
{
    m_safeZonesButton->setText(tr("Safe zones"));
    m_safeZonesButton->setToolTip(
        tr("Show where Shorts, Reels and TikTok draw their buttons and text over the video"));
    m_zoomOutButton->setText(tr("Zoom Out"));
    m_zoomOutButton->setToolTip(tr("Show more of the timeline (-, Ctrl+wheel)"));
    m_zoomInButton->setText(tr("Zoom In"));
    m_zoomInButton->setToolTip(tr("Show the timeline in more detail (+, Ctrl+wheel)"));
}

void PreviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updatePlayButton(m_preview->isPlaying());
        updatePositionLabel();
    }
    QWidget::changeEvent(event);
}

void PreviewPanel::setProject(const Project &project)
{
    const Timeline timeline = project.timeline();
    m_timeline->setTimeline(timeline, TransitionSchedule(project, timeline));
    m_preview->setProject(project);
    m_timeline->setPosition(m_preview->position());
    m_timeline->setCurrentScene(m_preview->currentScene());
    m_playButton->setEnabled(m_preview->duration() > 0);
    updatePositionLabel();
}

void PreviewPanel::updatePlayButton(bool playing)
{
    m_playButton->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setText(playing ? tr("Pause") : tr("Play"));
    m_playButton->setToolTip(playing ? tr("Pause") : tr("Play"));
}

void PreviewPanel::updatePositionLabel()
{
    // The length beside it is its own label: it turns to a warning past the
    // platform's limit.
    m_positionLabel->setText(tr("%1 /").arg(TimelineWidget::formatTime(m_preview->position())));
    m_lengthLabel->setSeconds(m_preview->duration());
}

} // namespace reelsmith::editor
