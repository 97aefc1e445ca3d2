#pragma once

#include "captions/CaptionStyle.h"
#include "core/OutputSettings.h"
#include "project/SceneMotion.h"
#include "project/SoundSettings.h"
#include "project/Timeline.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace reelsmith {

enum class Layout { Center, Top, Fill };

QString layoutName(Layout layout);
std::optional<Layout> layoutFromName(const QString &name);

// What a clip scene does when the clip ends before the scene.
enum class ClipFit { Loop, Freeze };

QString clipFitName(ClipFit fit);
std::optional<ClipFit> clipFitFromName(const QString &name);

// A scene's `clip` object: how its video `media` plays.
struct ClipSettings
{
    static constexpr double kMinVolumeDb = -60.0;
    static constexpr double kMaxVolumeDb = 12.0;

    double start = 0.0;             // seconds into the clip where the scene starts
    std::optional<double> volumeDb; // the clip's own sound; unset (`null`): muted
    ClipFit fit = ClipFit::Loop;    // a clip shorter than the scene loops or holds its last frame

    bool operator==(const ClipSettings &) const = default;
};

// The keys of the project's `voice` that a scene overrides.
struct VoiceOverride
{
    std::optional<QString> name;
    std::optional<double> rate;
    std::optional<double> pitch;

    bool isEmpty() const { return !name && !rate && !pitch; }
    VoiceSettings over(const VoiceSettings &base) const
    {
        return {name.value_or(base.name), rate.value_or(base.rate), pitch.value_or(base.pitch)};
    }
    bool operator==(const VoiceOverride &) const = default;
};

struct Scene
{
    static constexpr int kMaxNarrationCharacters = 5000;
    // An "auto" scene lasts its voice plus this.
    static constexpr double kAutoPaddingSeconds = 0.25;

    Scene() = default;
    Scene(QString media_, double duration_, std::optional<QString> caption_ = std::nullopt,
          Layout layout_ = Layout::Center)
        : media(std::move(media_)), duration(duration_), caption(std::move(caption_)),
          layout(layout_)
    {
    }

    // A picture or a video clip (told apart by content when the render
    // opens it), as written in the project (see Project::resolve()); empty: a
    // text card over the background (version 2).
    QString media;
    // Seconds. For an "auto" scene this is the voice's length + padding once
    // Project::resolveAutoDurations() has run, 0 before.
    double duration = 0.0;
    // The caption text; unset: the narration (version 2's default). "" shows none.
    std::optional<QString> caption;
    Layout layout = Layout::Center;
    bool autoDuration = false;
    QString narration;   // what the voice says
    VoiceOverride voice; // this scene's changes to the project's voice
    QString voiceFile;   // a recording played from the scene's start
    // This scene's changes to the project's caption style.
    CaptionStyleOverride captions;
    // An SRT or WebVTT file with the caption's word or line times (relative
    // to the scene's start), as written in the project; empty: from the voice.
    QString timing;
    Motion motion = Motion::None; // of the picture, over the scene
    Transition transition;        // into the next scene
    // The `clip` object as written; unset: the defaults (for a video `media`).
    std::optional<ClipSettings> clip;

    ClipSettings clipSettings() const { return clip.value_or(ClipSettings()); }
    QString shownCaption() const { return caption.value_or(narration); }
    // Something is heard in this scene.
    bool hasVoice() const { return !voiceFile.isEmpty() || !narration.trimmed().isEmpty(); }

    bool operator==(const Scene &) const = default;
};

struct Project
{
    static constexpr double kMaxTotalSeconds = 3 * 60 * 60;

    static constexpr int kCurrentVersion = 2;

    // The file format version it was read as. Version 1 keeps its rules on
    // rendering (the `audio` soundtrack mixed as it is); saving writes the
    // current version.
    int version = kCurrentVersion;
    QString background = QStringLiteral("minecraft");
    double backgroundStart = 0.0;
    QString audio; // version 1 only: the soundtrack; empty: none
    OutputSettings output;
    VoiceSettings voice; // the narration voice; an empty name is the default voice
    std::optional<MusicSettings> music;
    // EBU R128 integrated loudness of the mix; unset (`null`): left as it is.
    // Applies only when the project has any sound.
    std::optional<double> loudnessLufs = LoudnessTarget::kDefaultLufs;
    // The `captions` keys the file gives over CaptionStyle's defaults.
    CaptionStyleOverride captions;
    QList<Scene> scenes;

    // The file it was read from (for messages) and the folder relative paths
    // resolve against (that file's folder).
    QString filePath;
    QString baseDir;
    // Unknown keys and other harmless oddities found while reading.
    QStringList warnings;

    // How strict reading is: a render needs a scene, a project being edited
    // may have none yet (the editor must open every file it saves).
    enum class Strictness { Render, Draft };

    // Reads and validates a project file. Throws Error(BadInput) with a
    // message of the form "<file>: <key.path>: <problem>".
    static Project load(const QString &path, Strictness strictness = Strictness::Render);
    // Same, from bytes; `sourceName` names the file in messages.
    static Project fromJson(const QByteArray &json, const QString &sourceName,
                            const QString &baseDir, Strictness strictness = Strictness::Render);

    // The same project in the current version's terms: a version 1
    // soundtrack becomes music heard as it was (full level, no ducking, no
    // loudness change, the old fade-out), looped if shorter than the video.
    void upgradeToCurrentVersion();

    // The current version's JSON (a version 1 project is upgraded first).
    QByteArray toJson() const;
    // Writes atomically (QSaveFile); throws Error(Failure) naming the file.
    void save(const QString &path) const;

    // First broken rule as "key.path: problem", or an empty string when valid.
    QString validationError(Strictness strictness = Strictness::Render) const;

    QString resolve(const QString &path) const;
    bool backgroundIsBuiltin() const;

    // Version 2 sound: narration, voice files, music or a clip heard (`clip.volume_db`).
    bool hasMixedSound() const;
    // The voice scene `scene` speaks with.
    VoiceSettings voiceOf(int scene) const { return scenes[scene].voice.over(voice); }
    // Every "auto" scene has its length (see Scene::duration).
    bool durationsResolved() const;
    // Sets each "auto" scene's duration from `voiceSeconds(scene)` (the
    // length of its voice) + Scene::kAutoPaddingSeconds.
    template <typename VoiceSeconds> void resolveAutoDurations(VoiceSeconds &&voiceSeconds)
    {
        for (qsizetype i = 0; i < scenes.size(); ++i)
            if (scenes[i].autoDuration)
                scenes[i].duration = voiceSeconds(int(i)) + Scene::kAutoPaddingSeconds;
    }

    // How scene `scene`'s caption looks: version 1's own look, or the
    // defaults, the project's `captions`, then the scene's; a font file's
    // path resolved against the project's folder.
    CaptionStyle captionStyleOf(int scene) const;

    double totalDuration() const;
    // Where the scenes sit in frames; see Timeline for the rules.
    Timeline timeline() const { return Timeline(*this); }
    qint64 frameCount() const { return timeline().frameCount(); }

    bool operator==(const Project &other) const;
};

QStringList builtinBackgroundNames();

} // namespace reelsmith
