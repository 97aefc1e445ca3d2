#pragma once

#include <QCoreApplication>
#include <QString>

namespace reelsmith::editor {

// The platform length limit the creator chose (EditorSettings): its name and
// the warning the editor shows when a video is longer.
class LengthLimit
{
    Q_DECLARE_TR_FUNCTIONS(LengthLimit)
public:
    // "1 min", "1 min 30 s", "3 min"; "No limit" for 0.
    static QString name(int limitSeconds);
    // Longer than the limit (a video of exactly the limit fits).
    static bool exceeds(double seconds, int limitSeconds);
    // What the creator should know when `seconds` is over `limitSeconds`;
    // empty when it fits or there is no limit.
    static QString warning(double seconds, int limitSeconds);
};

} // namespace reelsmith::editor
