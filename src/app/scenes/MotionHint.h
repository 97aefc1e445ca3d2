#pragma once

#include "project/SceneMotion.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QVariantAnimation;

namespace reelsmith::editor {

// A tiny moving picture of a motion or transition choice, shown beside its
// picker: a stand-in picture moved by the engine's motion geometry, or two
// coloured cards going through the engine's transition, over and over. It
// animates only while shown and enabled; no timer runs otherwise.
class MotionHint : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Motion, Transition };

    // The loop: a still moment at each end, the move between them.
    static constexpr int kLoopMs = 1500;
    // The frame the hint draws in: upright, like the default output.
    static constexpr QSize kFrameSize{36, 64};

    // With a `combo`, shows its choice (item data: a Motion or
    // TransitionType): the current item, or the one under the pointer while
    // its list is open; it is enabled while the combo is, and named after it
    // ("motionCombo" gives "motionComboHint").
    explicit MotionHint(Kind kind, QComboBox *combo = nullptr, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    // The Motion or TransitionType shown, as an int.
    int choice() const { return m_choice; }
    void setChoice(int value);

    // Through the motion or transition, 0..1 (the engine's progress).
    double progress() const { return m_progress; }
    void setProgress(double progress);
    bool isAnimating() const;

    // Where the frame is drawn, in the widget.
    QRect frameRect() const;
    // The stand-in's place at rest and the cards' place, in frame pixels.
    static QRectF restRect();
    static QRectF cardRect();
    // What the frame shows under everything: the looping background's stand-in.
    static QColor backdropColor();
    // The outgoing and incoming cards of a transition.
    static QColor fromColor();
    static QColor toColor();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void follow(QComboBox *combo);
    void updateAnimation();
    void followCombo();
    void paintMotion(QPainter &painter) const;
    void paintTransition(QPainter &painter) const;

    Kind m_kind;
    int m_choice = 0;
    double m_progress = 0;
    QVariantAnimation *m_animation;
    QImage m_picture; // the stand-in, drawn once
    QPointer<QComboBox> m_combo;
    int m_highlighted = -1; // the combo's item under the pointer while its list is open
};

} // namespace reelsmith::editor
