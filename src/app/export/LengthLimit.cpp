#include "export/LengthLimit.h"

#include "preview/TimelineWidget.h"

namespace reelsmith::editor {

QString LengthLimit::name(int limitSeconds)
{
    if (limitSeconds <= 0)
        return tr("No limit");
    const int minutes = limitSeconds / 60;
    const int seconds = limitSeconds % 60;
    if (minutes == 0)
        return tr("%1 s").arg(seconds);
    if (seconds == 0)
        return tr("%1 min").arg(minutes);
    return tr("%1 min %2 s").arg(minutes).arg(seconds);
}

bool LengthLimit::exceeds(double seconds, int limitSeconds)
{
    // Half a millisecond of slack: a 60 s video of 1440 frames at 24 fps
    // is 60 s, whatever the division's last bit says.
    return limitSeconds > 0 && seconds > limitSeconds + 0.0005;
}

QString LengthLimit::warning(double seconds, int limitSeconds)
{
    if (!exceeds(seconds, limitSeconds))
        return {};
    return tr("The video is %1 long, over the %2 limit chosen in Preferences: the platform may "
              "refuse it or cut it short.")
        .arg(TimelineWidget::formatTime(seconds), name(limitSeconds));
}

} // namespace reelsmith::editor
