#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace reelsmith {

// How a video is encoded: its size, rate and x264 settings. One type for the
// project's `output` block, the background-asset recipe, the render cache's
// copies and the editor's defaults (as MLT has one profile object), so a new
// setting is added in one place.
struct OutputSettings
{
    int width = 720;
    int height = 1280;
    int fps = 24;
    int crf = 28;
    QString preset = QStringLiteral("ultrafast");
    int threads = 2;     // 0: automatic
    int maxrateKbps = 0; // 0: no VBV cap
    int bufsizeKbps = 0; // 0: twice the maxrate
    QString tune;        // x264 tune (e.g. "fastdecode"); empty: none
    // Which of the editor's named presets (outputProfiles()) these settings
    // were chosen as, or "custom"; empty: not recorded (the command line, a
    // file from before presets). The encoder never reads it.
    QString profile;
    // The captions also as a soft subtitle track (mov_text) in the MP4
    // (`output.soft_subtitles`); the burned-in captions stay either way.
    bool softSubtitles = false;

    QSize size() const { return {width, height}; }
    void setSize(QSize s)
    {
        width = s.width();
        height = s.height();
    }
    bool operator==(const OutputSettings &) const = default;
};

// One integer setting with its limits: the validation, the CLI's help, the
// editor's spin boxes and its messages all read this table.
struct OutputLimit
{
    const char *key; // the project file's `output.<key>` and the CLI's --<key>
    int OutputSettings::*member;
    int min;
    int max;
    bool even = false;
    std::optional<int> offValue; // a value outside [min, max] that means "off" (maxrate 0)
    bool inProject = true;       // a key of the project file's `output` block

    bool allows(int value) const
    {
        return value == offValue || (value >= min && value <= max && (!even || value % 2 == 0));
    }
    // "even, 16-4096", "1-120", "0-64", "50-200000, or 0 for none": for help texts.
    QString rangeText() const;
};

// width, height, fps, crf, threads, maxrate, in that order.
std::span<const OutputLimit> outputLimits();
const OutputLimit &outputLimit(const char *key);

// The editor's named output presets, one table for the export dialog, the
// preferences, new projects and the project file's `output.profile`.
struct OutputProfile
{
    const char *key;         // `output.profile`: "shorts", "small"
    OutputSettings settings; // its `profile` is `key`
};
inline constexpr const char *kCustomProfile = "custom";
// The named presets in the order the editor offers them (Custom, which keeps
// whatever the fields hold, has no row).
std::span<const OutputProfile> outputProfiles();
// The preset named `key`, or nullptr (for "custom" or an unknown key).
const OutputProfile *outputProfile(QStringView key);
// The profile the editor shows for `settings`: the named preset its
// `profile` names while the encoder settings are still that preset's, else
// "custom"; with none recorded, the preset whose settings they are, if any.
QString profileOf(const OutputSettings &settings);
// Equal in everything the encoder reads (the `profile` aside).
bool sameEncoding(const OutputSettings &a, const OutputSettings &b);

// x264's preset names, fastest first.
QStringList x264PresetNames();

// The first setting outside its limits: its key into `badKey` and the problem
// ("must be even, not 721"); empty when all are fine.
QString checkOutputSettings(const OutputSettings &settings, QString *badKey = nullptr);

// The x264 settings that decide how much memory the encoder holds: frames
// waiting in the lookahead (rc-lookahead, sync-lookahead, B-frames, one per
// extra frame thread), reference frames, and per-thread work frames.
struct X264MemoryPlan
{
    int frameThreads = 1;
    int lookahead = 0;      // rc-lookahead
    int syncLookahead = -1; // -1: x264's own (B-frames + 1 with frame threads)
    int refs = 1;
    int bframes = 0;
    bool halfPel = true; // sub-pixel motion search keeps 3 interpolated planes per reference
    bool capped = false; // differs from the preset's own values

    // "threads=2:rc-lookahead=10:sync-lookahead=0:ref=3:bframes=3", for x264-params.
    QString x264Params() const;
    bool operator==(const X264MemoryPlan &) const = default;
};

// The whole render's peak RSS that the encoder settings are chosen to stay
// under (the contract's promise is "well under 512 MB").
constexpr int kRenderMemoryBudgetMB = 300;

// What `preset` (with `tune`) uses at `threads` (0: x264's automatic count,
// 1.5 per CPU of `cpuCount`), as x264's own tables say.
X264MemoryPlan x264PresetPlan(const QString &preset, const QString &tune, int threads, int height,
                              int cpuCount);
// The modelled peak RSS in MB of a whole render at `size` encoded with `plan`
// (see the table in OutputSettings.cpp).
double modelledRenderMB(const X264MemoryPlan &plan, QSize size);
// The preset's plan when it fits `budgetMB`, else the same with frame
// threads, lookahead, references and B-frames lowered, cheapest losses first,
// until it does (or all are at their minimum: sizes near 4096x4096).
X264MemoryPlan memoryCappedPlan(const OutputSettings &settings, int cpuCount,
                                int budgetMB = kRenderMemoryBudgetMB);

} // namespace reelsmith
