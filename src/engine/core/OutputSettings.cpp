#include "core/OutputSettings.h"

#include <array>
#include <cstring>

namespace reelsmith {

namespace {

// Sizes are even because 4:2:0 chroma has half the rows and columns; 4096 is
// H.264 level 5.2's widest frame. 120 fps covers every platform's upload.
const std::array<OutputLimit, 6> kLimits{{
    //  key        member                         min  max     even   off           in project
    {"width", &OutputSettings::width, 16, 4096, true, std::nullopt, true},
    {"height", &OutputSettings::height, 16, 4096, true, std::nullopt, true},
    {"fps", &OutputSettings::fps, 1, 120, false, std::nullopt, true},
    {"crf", &OutputSettings::crf, 0, 51, false, std::nullopt, true},
    {"threads", &OutputSettings::threads, 0, 64, false, std::nullopt, true},
    {"maxrate", &OutputSettings::maxrateKbps, 50, 200000, false, 0, false},
}};

} // namespace

QString OutputLimit::rangeText() const
{
    QString text = QStringLiteral("%1-%2").arg(min).arg(max);
    if (even)
        text = QStringLiteral("even, ") + text;
    if (offValue)
        text += QStringLiteral(", or %1 for none").arg(*offValue);
    return text;
}

std::span<const OutputLimit> outputLimits()
{
    return kLimits;
}

const OutputLimit &outputLimit(const char *key)
{
    for (const OutputLimit &limit : kLimits)
        if (std::strcmp(limit.key, key) == 0)
            return limit;
    Q_UNREACHABLE();
}

QStringList x264PresetNames()
{
    return {QStringLiteral("ultrafast"), QStringLiteral("superfast"), QStringLiteral("veryfast"),
            QStringLiteral("faster"),    QStringLiteral("fast"),      QStringLiteral("medium"),
            QStringLiteral("slow"),      QStringLiteral("slower"),    QStringLiteral("veryslow"),
            QStringLiteral("placebo")};
}

QString checkOutputSettings(const OutputSettings &settings, QString *badKey)
{
    auto bad = [&](const char *key, const QString &problem) {
        if (badKey)
            *badKey = QLatin1String(key);
        return problem;
    };
    for (const OutputLimit &limit : kLimits) {
        const int value = settings.*limit.member;
        if (limit.allows(value))
            continue;
        if (limit.even && value >= limit.min && value <= limit.max)
            return bad(limit.key, QStringLiteral("must be even, not %1").arg(value));
        QString range = QStringLiteral("must be between %1 and %2").arg(limit.min).arg(limit.max);
        if (limit.offValue)
            range += QStringLiteral(" (or %1 for none)").arg(*limit.offValue);
        else if (limit.member == &OutputSettings::threads)
            range += QStringLiteral(" (0 = automatic)");
        return bad(limit.key, QStringLiteral("%1, not %2").arg(range).arg(value));
    }
    if (!x264PresetNames().contains(settings.preset))
        return bad("preset",
                   QStringLiteral("must be one of %1, not \"%2\"")
                       .arg(x264PresetNames().join(QStringLiteral(", ")), settings.preset));
    if (!settings.tune.isEmpty() &&
        !QStringList{QStringLiteral("film"), QStringLiteral("animation"), QStringLiteral("grain"),
                     QStringLiteral("stillimage"), QStringLiteral("fastdecode"),
                     QStringLiteral("zerolatency")}
             .contains(settings.tune))
        return bad("tune", QStringLiteral("is not one of x264's tunes: \"%1\"").arg(settings.tune));
    return {};
}

} // namespace reelsmith
