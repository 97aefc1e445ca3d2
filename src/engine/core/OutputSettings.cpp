#include "core/OutputSettings.h"

#include <algorithm>
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

// x264's presets (common/base.c, param_apply_preset): the values that decide
// its memory. Only ultrafast searches without sub-pixel planes (subme 0).
struct X264Preset
{
    const char *name;
    int refs;
    int bframes;
    int lookahead;
    bool halfPel;
};
const std::array<X264Preset, 10> kX264Presets{{
    {"ultrafast", 1, 0, 0, false},
    {"superfast", 1, 3, 0, true},
    {"veryfast", 1, 3, 10, true},
    {"faster", 2, 3, 20, true},
    {"fast", 2, 3, 30, true},
    {"medium", 3, 3, 40, true},
    {"slow", 5, 3, 50, true},
    {"slower", 8, 3, 60, true},
    {"veryslow", 16, 8, 60, true},
    {"placebo", 16, 16, 60, true},
}};

// The memory model: peak RSS of a whole render (the reference job of
// bench/run: five 12 MP JPEGs over a 1080x1920 background, crf 20), in MB,
//
//   kBase + Mpx x (kHalfPel [sub-pixel presets]
//                  + waiting x (kPerWaiting + (B + 2)^2 / 128 + (B + 1) / 16)
//                  + kPerReference x references + kPerThread x frameThreads)
//
// where Mpx = (width + 64) x (height + 64) / 10^6 (x264 pads every plane by
// 32 pixels each side), B the B-frames, waiting = rc-lookahead + B +
// sync-lookahead + frameThreads - 1 (x264's frames.i_delay: input frames held
// with their quarter-size lowres copies), references = max(refs, 3 with
// B-frames: the B-pyramid holds three). The B-frame term is not fitted: it is
// what x264's frame.c allocates per waiting frame for the B-frame decision,
// a 16-bit cost per macroblock for each of (B + 2)^2 pairs and two motion
// vector fields per B distance; it is what makes placebo (16 B-frames) cost
// so much. The rest of the render (decoded pictures, the background's
// decoder, the compositing canvases) is in kBase and kHalfPel.
// The other constants are a least-squares fit to 37 renders of the reference
// job (2 sizes x 9 presets x threads 0 and 2, and placebo; 2 CPUs, so threads
// 0 = 3 frame threads; peak RSS from the CLI's summary line; libx264 0.164,
// FFmpeg 5.1), measured/modelled MB:
//
//   preset      720x1280 t3  t2       1080x1920 t3  t2
//   ultrafast   132/141  125/133      167/170  154/153
//   superfast   185/185  174/177      280/265  265/248
//   veryfast    210/216  199/208      333/332  312/315
//   faster      244/247  231/239      400/399  377/382
//   fast        274/278  263/270      458/466  437/449
//   medium      313/309  300/301      530/533  506/516
//   slow        351/345  338/337      607/610  583/593
//   slower      402/383  388/375      712/692  689/674
//   veryslow    515/507  503/498      946/960  922/940
//   placebo     815/797
//
// and a capped plan, 1080x1920 medium at 1 thread, lookahead 10, 2 B-frames,
// 3 references: 260/260. The model is at most 20 MB under the fitted renders
// and 27 MB under a capped veryslow at 720x1280 (2 threads, lookahead 20,
// 8 B-frames, 7 references: 307/280), so plans aim kHeadroomMB below the
// budget.
// With the caps (threads 0 on 2 CPUs), measured peak RSS:
//   1080x1920 superfast 258 (2 threads), medium 247, slow 247, veryslow 260
//   (1 thread, lookahead 10, 1 B-frame, 3 references; were 530, 607, 946);
//   720x1280 veryslow 274 (2 threads, lookahead 20, 7 B-frames,
//   3 references; was 515). 4096x4096 medium, every knob at its floor (1
//   thread, no lookahead or B-frames, 1 reference): 583 (modelled 561). No
//   x264 setting brings that size under the budget: a 4096x4096 frame is
//   25 MB in YUV and 67 MB as the compositor's RGBA.
// At equal crf 20 on the reference job at 1080x1920 the caps cost medium
// 0.76 dB PSNR (45.86 -> 45.10) and SSIM 0.9900 -> 0.9888, the file 2.3 %
// smaller; slow 0.77 dB, 0.9899 -> 0.9886, 2.5 % smaller (FFmpeg's psnr and
// ssim filters against a lossless render).
constexpr double kBaseMB = 114.9;
constexpr double kHalfPelMBPerMpx = 18.8;
constexpr double kPerWaitingMBPerMpx = 2.5;
constexpr double kPerReferenceMBPerMpx = 2.2;
constexpr double kPerThreadMBPerMpx = 4.8;
constexpr double kHeadroomMB = 40;

// The order in which a plan gives memory back when over budget, cheapest
// losses first: frame threads beyond two (speed only), the threaded
// lookahead's buffer (speed only), lookahead beyond 20 frames, references
// beyond 3, B-frames beyond 3, then lookahead to 10, one frame thread, and
// at last (near 4096x4096) no B-frames, lookahead or extra references.
struct CapStep
{
    int X264MemoryPlan::*knob;
    int floor;
};
const std::array<CapStep, 12> kCapSteps{{
    {&X264MemoryPlan::frameThreads, 2},
    {&X264MemoryPlan::syncLookahead, 0},
    {&X264MemoryPlan::lookahead, 20},
    {&X264MemoryPlan::refs, 3},
    {&X264MemoryPlan::bframes, 3},
    {&X264MemoryPlan::lookahead, 10},
    {&X264MemoryPlan::frameThreads, 1},
    {&X264MemoryPlan::refs, 1},
    {&X264MemoryPlan::bframes, 1},
    {&X264MemoryPlan::lookahead, 0},
    {&X264MemoryPlan::bframes, 0},
    {&X264MemoryPlan::refs, 1},
}};

int effectiveSyncLookahead(const X264MemoryPlan &plan)
{
    if (plan.frameThreads <= 1)
        return 0;
    return plan.syncLookahead < 0 ? plan.bframes + 1 : plan.syncLookahead;
}

} // namespace

QString X264MemoryPlan::x264Params() const
{
    QString params = QStringLiteral("threads=%1:rc-lookahead=%2").arg(frameThreads).arg(lookahead);
    if (syncLookahead >= 0)
        params += QStringLiteral(":sync-lookahead=%1").arg(syncLookahead);
    return params + QStringLiteral(":ref=%1:bframes=%2").arg(refs).arg(bframes);
}

X264MemoryPlan x264PresetPlan(const QString &preset, const QString &tune, int threads, int height,
                              int cpuCount)
{
    const auto found = std::find_if(kX264Presets.begin(), kX264Presets.end(),
                                    [&](const auto &p) { return preset == QLatin1String(p.name); });
    const X264Preset &p = found != kX264Presets.end() ? *found : kX264Presets[5];
    X264MemoryPlan plan;
    plan.refs = p.refs;
    plan.bframes = p.bframes;
    plan.lookahead = p.lookahead;
    plan.halfPel = p.halfPel;
    // x264's automatic count (encoder.c): 1.5 frame threads per CPU, at most
    // one per two macroblock rows.
    plan.frameThreads = threads > 0 ? threads : std::max(1, cpuCount * 3 / 2);
    plan.frameThreads = std::clamp(plan.frameThreads, 1, std::max(1, (height + 15) / 16 / 2));
    if (tune == QLatin1String("zerolatency")) {
        plan.bframes = 0;
        plan.lookahead = 0;
        plan.syncLookahead = 0;
    } else if (tune == QLatin1String("animation")) {
        plan.refs = plan.refs > 1 ? plan.refs * 2 : 1;
        plan.bframes += 2;
    }
    return plan;
}

double modelledRenderMB(const X264MemoryPlan &plan, QSize size)
{
    const double mpx = double(size.width() + 64) * double(size.height() + 64) / 1e6;
    const int waiting =
        plan.lookahead + plan.bframes + effectiveSyncLookahead(plan) + plan.frameThreads - 1;
    const int references = std::max(plan.refs, plan.bframes > 0 ? 3 : 1);
    const double bframeArrays =
        (plan.bframes + 2) * (plan.bframes + 2) / 128.0 + (plan.bframes + 1) / 16.0;
    return kBaseMB +
           mpx * ((plan.halfPel ? kHalfPelMBPerMpx : 0.0) +
                  (kPerWaitingMBPerMpx + bframeArrays) * waiting +
                  kPerReferenceMBPerMpx * references + kPerThreadMBPerMpx * plan.frameThreads);
}

X264MemoryPlan memoryCappedPlan(const OutputSettings &settings, int cpuCount, int budgetMB)
{
    X264MemoryPlan plan =
        x264PresetPlan(settings.preset, settings.tune, settings.threads, settings.height, cpuCount);
    const double target = budgetMB - kHeadroomMB;
    const auto fits = [&] { return modelledRenderMB(plan, settings.size()) <= target; };
    if (fits())
        return plan;
    plan.capped = true;
    plan.syncLookahead = effectiveSyncLookahead(plan);
    for (const CapStep &step : kCapSteps) {
        int &value = plan.*step.knob;
        // A step the model says saves nothing (references below the three
        // a B-pyramid holds anyway) would only cost quality.
        while (value > step.floor && !fits()) {
            const double before = modelledRenderMB(plan, settings.size());
            --value;
            if (modelledRenderMB(plan, settings.size()) >= before) {
                ++value;
                break;
            }
        }
        if (fits())
            break;
    }
    return plan;
}

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

std::span<const OutputProfile> outputProfiles()
{
    static const std::array<OutputProfile, 2> kProfiles = [] {
        // Shorts: the size and rate YouTube Shorts, Reels and TikTok play at.
        // veryfast at crf 20, measured with reelsmith-cli on the reference
        // job's five photos, 2 s each (300 frames at 1080x1920, 30 fps,
        // threads 0 on 2 CPUs), over the built-in minecraft loop and over
        // bench/run's noisy 1080x1920 clip; size, CPU seconds, PSNR against
        // a lossless render (FFmpeg's psnr filter):
        //   minecraft  crf 23: superfast 3.25 MB 5.0 s; veryfast 1.59 MB
        //              5.1 s 44.4 dB; faster 1.64 MB 7.9 s; fast 1.57 MB
        //              8.7 s 45.2 dB; medium 1.57 MB 10.7 s 45.2 dB; slow
        //              1.56 MB 13.7 s.
        //              crf 20: veryfast 2.21 MB 6.1 s 46.6 dB; fast 2.16 MB
        //              10.0 s 47.3 dB; medium 2.13 MB 13.4 s 47.3 dB.
        //   noisy clip crf 23: superfast 17.9 MB 9.7 s; veryfast 7.8 MB
        //              9.6 s 41.8 dB; fast 8.5 MB 17.6 s 42.8 dB; medium
        //              8.4 MB 24.3 s 42.8 dB; slow 8.4 MB 39.5 s.
        // veryfast is the fastest preset with B-frames and a lookahead
        // (superfast's files are twice as large); fast and medium add about
        // 0.7-1 dB for 1.6-2.5x the encoding time, a gain the platforms'
        // own re-encode takes away. crf 20 over 23: +2 dB for 1.4x the size
        // (about 13 MB a minute over the built-in loop), the "high quality"
        // an upload should have. Peak RSS 215-260 MB in every run (the
        // memory caps of memoryCappedPlan()).
        // Threads 0: as many frame threads as the memory budget allows at
        // 1080x1920 (memoryCappedPlan: 2 on a 2-CPU machine).
        OutputSettings shorts;
        shorts.width = 1080;
        shorts.height = 1920;
        shorts.fps = 30;
        shorts.crf = 20;
        shorts.preset = QStringLiteral("veryfast");
        shorts.threads = 0;
        shorts.profile = QStringLiteral("shorts");
        // Small and fast: the contract's defaults (the command line's, a
        // project without `output`), as they are.
        OutputSettings small;
        small.profile = QStringLiteral("small");
        return std::array<OutputProfile, 2>{{{"shorts", shorts}, {"small", small}}};
    }();
    return kProfiles;
}

const OutputProfile *outputProfile(QStringView key)
{
    for (const OutputProfile &profile : outputProfiles())
        if (key == QLatin1String(profile.key))
            return &profile;
    return nullptr;
}

bool sameEncoding(const OutputSettings &a, const OutputSettings &b)
{
    OutputSettings c = a;
    c.profile = b.profile;
    return c == b;
}

QString profileOf(const OutputSettings &settings)
{
    if (settings.profile.isEmpty()) {
        for (const OutputProfile &profile : outputProfiles())
            if (sameEncoding(settings, profile.settings))
                return QLatin1String(profile.key);
        return QLatin1String(kCustomProfile);
    }
    const OutputProfile *named = outputProfile(settings.profile);
    return named && sameEncoding(settings, named->settings) ? settings.profile
                                                            : QLatin1String(kCustomProfile);
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
    if (!settings.profile.isEmpty() && settings.profile != QLatin1String(kCustomProfile) &&
        !outputProfile(settings.profile)) {
        QStringList names;
        for (const OutputProfile &profile : outputProfiles())
            names << QLatin1String(profile.key);
        names << QLatin1String(kCustomProfile);
        return bad("profile", QStringLiteral("must be one of %1, not \"%2\"")
                                  .arg(names.join(QStringLiteral(", ")), settings.profile));
    }
    return {};
}

} // namespace reelsmith
