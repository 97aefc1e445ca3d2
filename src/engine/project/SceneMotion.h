#pragma once

#include <QString>

#include <optional>

namespace reelsmith {

// How a scene's picture moves over the scene (`scenes[].motion`).
enum class Motion { None, ZoomIn, ZoomOut, PanLeft, PanRight, PanUp, PanDown };

QString motionName(Motion motion);
std::optional<Motion> motionFromName(const QString &name);
// The accepted names, quoted and comma-separated, for messages.
QString motionNames();

enum class TransitionType { Cut, Crossfade, SlideLeft, SlideUp, Zoom, Wipe };

QString transitionTypeName(TransitionType type);
std::optional<TransitionType> transitionTypeFromName(const QString &name);
QString transitionTypeNames();

// How a scene gives way to the next (`scenes[].transition`): `duration`
// seconds centred on the boundary.
struct Transition
{
    static constexpr double kMinSeconds = 0.1;
    static constexpr double kMaxSeconds = 2.0;
    static constexpr double kDefaultSeconds = 0.5;

    TransitionType type = TransitionType::Cut;
    double duration = kDefaultSeconds;

    bool isCut() const { return type == TransitionType::Cut; }
    bool operator==(const Transition &) const = default;
};

} // namespace reelsmith
