#include "preview/LengthLabel.h"

#include "export/LengthLimit.h"
#include "preview/TimelineWidget.h"

#include <QEvent>

namespace reelsmith::editor {

LengthLabel::LengthLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("lengthLabel"));
    refresh();
}

void LengthLabel::setSeconds(double seconds)
{
    if (seconds == m_seconds)
        return;
    m_seconds = seconds;
    refresh();
}

void LengthLabel::setLimitSeconds(int seconds)
{
    m_limitSeconds = seconds;
    refresh();
}

bool LengthLabel::isOverLimit() const
{
    return LengthLimit::exceeds(m_seconds, m_limitSeconds);
}

QColor LengthLabel::warningColor()
{
    return QColor(0xd3, 0x5a, 0x00); // amber-orange, readable on light and dark themes
}

void LengthLabel::refresh()
{
    const bool over = isOverLimit();
    // The sign keeps the warning visible to someone who cannot tell the colour.
    setText(over ? QStringLiteral("%1 ⚠").arg(TimelineWidget::formatTime(m_seconds))
                 : TimelineWidget::formatTime(m_seconds));
    QPalette palette;
    if (over)
        palette.setColor(QPalette::WindowText, warningColor());
    setPalette(palette);
    if (over)
        setToolTip(LengthLimit::warning(m_seconds, m_limitSeconds));
    else if (m_limitSeconds > 0)
        setToolTip(tr("The video's length; the limit chosen in Preferences is %1")
                       .arg(LengthLimit::name(m_limitSeconds)));
    else
        setToolTip(tr("The video's length"));
}

void LengthLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

} // namespace reelsmith::editor
