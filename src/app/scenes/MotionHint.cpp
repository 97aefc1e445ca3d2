#include "scenes/MotionHint.h"

#include "render/Motion.h"
#include "render/Transition.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>

#include <algorithm>

namespace reelsmith::editor {

namespace {

// The share of the loop held still at each end: the start and the end of a
// move are where it is read, and a loop that never rests reads as jitter.
constexpr double kHold = 0.15;

// The stand-in picture, drawn once at a size well above what the frame
// shows so that scaling it down always samples smoothly.
QImage standInPicture()
{
    QImage image(160, 120, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 120);
    sky.setColorAt(0, QColor(0x6f, 0xb8, 0xe8));
    sky.setColorAt(1, QColor(0xd4, 0xec, 0xf8));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xf6, 0xc3, 0x43));
    painter.drawEllipse(QPointF(116, 36), 17, 17);
    QPainterPath far;
    far.moveTo(0, 86);
    far.cubicTo(40, 52, 70, 60, 100, 80);
    far.cubicTo(120, 70, 145, 62, 160, 72);
    far.lineTo(160, 120);
    far.lineTo(0, 120);
    painter.fillPath(far, QColor(0x5b, 0xa8, 0x53));
    QPainterPath near;
    near.moveTo(0, 104);
    near.cubicTo(50, 84, 100, 92, 160, 100);
    near.lineTo(160, 120);
    near.lineTo(0, 120);
    painter.fillPath(near, QColor(0x3c, 0x7f, 0x3f));
    return image;
}

} // namespace

MotionHint::MotionHint(Kind kind, QComboBox *combo, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_animation(new QVariantAnimation(this)),
      m_picture(kind == Kind::Motion ? standInPicture() : QImage())
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(kLoopMs);
    m_animation->setLoopCount(-1);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        // A choice made while the combo's signals were blocked shows here.
        followCombo();
        setProgress((value.toDouble() - kHold) / (1 - 2 * kHold));
    });
    if (combo)
        follow(combo);
}

QSize MotionHint::sizeHint() const
{
    return kFrameSize + QSize(2, 2); // and a 1 px border
}

QRect MotionHint::frameRect() const
{
    QRect frame(QPoint(0, 0), kFrameSize);
    frame.moveCenter(rect().center());
    return frame;
}

QRectF MotionHint::restRect()
{
    // A landscape picture in an upright frame, as most photos sit there.
    const double width = 0.84 * kFrameSize.width();
    QRectF rest(0, 0, width, width * 3 / 4);
    rest.moveCenter(QPointF(kFrameSize.width() / 2.0, kFrameSize.height() / 2.0));
    return rest;
}

QRectF MotionHint::cardRect()
{
    QRectF card(0, 0, 0.84 * kFrameSize.width(), 0.5 * kFrameSize.height());
    card.moveCenter(QPointF(kFrameSize.width() / 2.0, kFrameSize.height() / 2.0));
    return card;
}

QColor MotionHint::backdropColor()
{
    return QColor(0x2b, 0x2f, 0x36);
}

QColor MotionHint::fromColor()
{
    return QColor(0x3d, 0x7b, 0xd9);
}

QColor MotionHint::toColor()
{
    return QColor(0xe8, 0x91, 0x2d);
}

void MotionHint::follow(QComboBox *combo)
{
    m_combo = combo;
    setObjectName(combo->objectName() + QLatin1String("Hint"));
    combo->installEventFilter(this);
    // The list's popup: when it closes, the hint goes back to the current item.
    combo->view()->window()->installEventFilter(this);
    connect(combo, &QComboBox::highlighted, this, [this](int index) {
        m_highlighted = index;
        followCombo();
    });
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        m_highlighted = -1;
        followCombo();
    });
    setEnabled(combo->isEnabled());
    followCombo();
}

void MotionHint::followCombo()
{
    if (!m_combo)
        return;
    const int index = m_highlighted >= 0 ? m_highlighted : m_combo->currentIndex();
    if (index >= 0 && index < m_combo->count())
        setChoice(m_combo->itemData(index).toInt());
}

void MotionHint::setChoice(int value)
{
    if (value == m_choice)
        return;
    m_choice = value;
    // A new choice is shown from its start.
    if (isAnimating())
        m_animation->setCurrentTime(0);
    update();
}

void MotionHint::setProgress(double progress)
{
    progress = std::clamp(progress, 0.0, 1.0);
    if (progress == m_progress)
        return;
    m_progress = progress;
    update();
}

bool MotionHint::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void MotionHint::updateAnimation()
{
    // Visible here means shown on screen: a hidden or minimised window sends
    // the hide event too.
    const bool run = isEnabled() && isVisible() && !window()->isMinimized();
    if (run && !isAnimating())
        m_animation->start();
    else if (!run && isAnimating())
        m_animation->stop();
}

void MotionHint::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateAnimation();
}

void MotionHint::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_animation->stop();
}

void MotionHint::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::EnabledChange)
        updateAnimation();
    QWidget::changeEvent(event);
}

bool MotionHint::eventFilter(QObject *watched, QEvent *event)
{
    if (m_combo && watched == m_combo && event->type() == QEvent::EnabledChange)
        setEnabled(m_combo->isEnabled());
    else if (m_combo && watched != m_combo && event->type() == QEvent::Hide) {
        m_highlighted = -1;
        followCombo();
    }
    return QWidget::eventFilter(watched, event);
}

bool MotionHint::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_combo) {
        const int index = m_combo->findData(m_choice);
        const QString name = index >= 0 ? m_combo->itemText(index) : QString();
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                           m_kind == Kind::Motion
                               ? tr("How the picture moves: %1").arg(name)
                               : tr("How the scene gives way to the next: %1").arg(name),
                           this);
        return true;
    }
    return QWidget::event(event);
}

void MotionHint::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect frame = frameRect();
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(frame.adjusted(-1, -1, 0, 0));
    painter.translate(frame.topLeft());
    painter.setClipRect(QRect(QPoint(0, 0), kFrameSize));
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    if (m_kind == Kind::Motion)
        paintMotion(painter);
    else
        paintTransition(painter);
    if (!isEnabled()) {
        QColor veil = palette().color(QPalette::Window);
        veil.setAlpha(160);
        painter.fillRect(QRect(QPoint(0, 0), kFrameSize), veil);
    }
}

void MotionHint::paintMotion(QPainter &painter) const
{
    painter.fillRect(QRect(QPoint(0, 0), kFrameSize), backdropColor());
    // The export's own geometry, for a centred picture.
    const QRectF shown =
        motion::rectAt(Motion(m_choice), Layout::Center, restRect(), kFrameSize, m_progress);
    painter.drawImage(shown, m_picture);
}

void MotionHint::paintTransition(QPainter &painter) const
{
    // The export's own transition: each scene's card over the background,
    // moved and clipped as it says, and the two either mixed or stacked.
    const TransitionLook look = transitionLook(TransitionType(m_choice), m_progress, kFrameSize);
    const auto drawScene = [](QPainter &p, const LayerTransform &transform, const QColor &color) {
        p.save();
        if (!transform.clip.isNull())
            p.setClipRect(transform.clip, Qt::IntersectClip);
        p.fillRect(transform.map(cardRect(), kFrameSize), color);
        p.restore();
    };
    painter.fillRect(QRect(QPoint(0, 0), kFrameSize), backdropColor());
    drawScene(painter, look.from, fromColor());
    if (!look.mix) {
        drawScene(painter, look.to, toColor());
        return;
    }
    if (*look.mix <= 0)
        return;
    QImage incoming(kFrameSize, QImage::Format_ARGB32_Premultiplied);
    incoming.fill(backdropColor());
    QPainter scene(&incoming);
    scene.setRenderHint(QPainter::Antialiasing);
    drawScene(scene, look.to, toColor());
    scene.end();
    painter.setOpacity(*look.mix);
    painter.drawImage(QPoint(0, 0), incoming);
}

} // namespace reelsmith::editor
