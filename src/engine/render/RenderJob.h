#pragma once

#include "captions/CaptionTrack.h"
#include "captions/SubtitleFile.h"
#include "core/Error.h"
#include "core/Job.h"
#include "media/Av.h"
#include "project/Project.h"
#include "render/ClipFacts.h"
#include "render/SceneVoices.h"

#include <QString>

#include <memory>
#include <vector>

namespace reelsmith {

class MixedSound;

// One export: project in, MP4 out, one frame at a time. The project is held
// by value, so the caller may go on editing its own copy.
class RenderJob
{
public:
    using ProgressFn = reelsmith::ProgressFn;
    using CancelFn = reelsmith::CancelFn;
    using WarningFn = reelsmith::WarningFn;

    RenderJob(Project project, QString outputPath);
    ~RenderJob();
    RenderJob(RenderJob &&) noexcept;
    RenderJob &operator=(RenderJob &&) noexcept;

    // Threads of the background's decoder; 0 leaves the reader's default
    // (one thread when a clip shows over the background).
    void setDecoderThreads(int threads) { m_decoderThreads = threads; }
    // Use an optimized copy of the background from AssetCache when one exists.
    void setUseCache(bool use) { m_useCache = use; }
    // The background file the render reads (after preflight(): maybe a cached copy).
    const QString &backgroundPath() const { return m_backgroundPath; }
    // Called as soon as a harmless problem is found (damaged picture, ...).
    void setWarningHandler(WarningFn handler) { m_onWarning = std::move(handler); }

    // Renders to a temporary file beside the output and renames it into place
    // on success. Throws Error: BadInput for bad projects or media, Cancelled
    // when `cancel` returns true (checked every frame and once more after the
    // encoder has flushed, right before the rename), Failure otherwise. On any
    // throw the output path is untouched and no temporary file remains; once
    // run() returns, the file is in place and nothing here removes it.
    RenderResult run(const ProgressFn &progress = {}, const CancelFn &cancel = {});

    const Project &project() const { return m_project; }
    const QString &outputPath() const { return m_output; }

    // Checks everything that can be checked before encoding starts: project
    // values, background and picture files (headers only), voices (narration
    // is synthesized into the cache here) and music; resolves "auto"
    // durations. Throws like run().
    void preflight(const CancelFn &cancel = {});

    // After preflight(): every scene's voice (words for the captions), and
    // the project with its "auto" durations resolved.
    const SceneVoices &voices() const { return m_voices; }
    // After preflight(): every scene's caption (empty tracks for none).
    const QList<CaptionTrack> &captions() const { return m_captions; }
    // After preflight(): the captions as subtitle cues in the video's time
    // (each scene's pages from its first frame), lines as shown.
    QList<SubtitleCue> subtitleCues() const;

private:
    // Runs `step`, prefixing any Error it throws with the project file and
    // `key` ("demo.reel.json: scenes[2].image: ..."), so every message points
    // at the spot in the file.
    template <typename Step> decltype(auto) inContext(const QString &key, Step &&step) const;
    [[noreturn]] void rethrowWithContext(const Error &error, const QString &key) const;
    // A clip scene shows the background around it (two full-size decoders run).
    bool clipsOverBackground() const;
    int backgroundThreads() const;
    QString sceneKey(int scene) const;
    QString imagePath(int scene) const;
    // The picture background as the frame every background frame copies.
    av::Frame stillBackground(QSize frameSize) const;

    Project m_project;
    QString m_output;
    QString m_backgroundPath;
    bool m_stillBackground = false; // the background is a picture, from preflight()
    int m_decoderThreads = 0;
    bool m_useCache = true;
    std::vector<bool> m_hidesBackground; // per scene, from preflight()
    std::vector<std::optional<ClipFacts>>
        m_clips; // per scene (nullopt: not a clip), from preflight()
    QStringList m_preflightWarnings;
    SceneVoices m_voices;              // per scene, from preflight()
    QList<CaptionTrack> m_captions;    // per scene, from preflight()
    std::unique_ptr<MixedSound> m_mix; // version 2's sound, opened by preflight()
    WarningFn m_onWarning;
};

} // namespace reelsmith
