#include "project/SceneMotion.h"

#include <QStringList>

namespace reelsmith {

namespace {

template <typename Enum, size_t N>
std::optional<Enum> fromName(const QString &name, const Enum (&all)[N], QString (*nameOf)(Enum))
{
    for (Enum e : all)
        if (nameOf(e) == name)
            return e;
    return std::nullopt;
}

template <typename Enum, size_t N> QString namesOf(const Enum (&all)[N], QString (*nameOf)(Enum))
{
    QStringList names;
    for (Enum e : all)
        names.append(QLatin1Char('"') + nameOf(e) + QLatin1Char('"'));
    return names.join(QStringLiteral(", "));
}

constexpr Motion kMotions[] = {Motion::None,     Motion::ZoomIn, Motion::ZoomOut, Motion::PanLeft,
                               Motion::PanRight, Motion::PanUp,  Motion::PanDown};
constexpr TransitionType kTransitions[] = {TransitionType::Cut,       TransitionType::Crossfade,
                                           TransitionType::SlideLeft, TransitionType::SlideUp,
                                           TransitionType::Zoom,      TransitionType::Wipe};

} // namespace

QString motionName(Motion motion)
{
    switch (motion) {
    case Motion::None:
        return QStringLiteral("none");
    case Motion::ZoomIn:
        return QStringLiteral("zoom_in");
    case Motion::ZoomOut:
        return QStringLiteral("zoom_out");
    case Motion::PanLeft:
        return QStringLiteral("pan_left");
    case Motion::PanRight:
        return QStringLiteral("pan_right");
    case Motion::PanUp:
        return QStringLiteral("pan_up");
    case Motion::PanDown:
        return QStringLiteral("pan_down");
    }
    return {};
}

std::optional<Motion> motionFromName(const QString &name)
{
    return fromName(name, kMotions, motionName);
}

QString motionNames()
{
    return namesOf(kMotions, motionName);
}

QString transitionTypeName(TransitionType type)
{
    switch (type) {
    case TransitionType::Cut:
        return QStringLiteral("cut");
    case TransitionType::Crossfade:
        return QStringLiteral("crossfade");
    case TransitionType::SlideLeft:
        return QStringLiteral("slide_left");
    case TransitionType::SlideUp:
        return QStringLiteral("slide_up");
    case TransitionType::Zoom:
        return QStringLiteral("zoom");
    case TransitionType::Wipe:
        return QStringLiteral("wipe");
    }
    return {};
}

std::optional<TransitionType> transitionTypeFromName(const QString &name)
{
    return fromName(name, kTransitions, transitionTypeName);
}

QString transitionTypeNames()
{
    return namesOf(kTransitions, transitionTypeName);
}

} // namespace reelsmith
