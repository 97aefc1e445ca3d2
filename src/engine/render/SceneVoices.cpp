#include "render/SceneVoices.h"

#include "audio/Soundtrack.h"
#include "core/Error.h"
#include "media/MediaProbe.h"
#include "narration/NarrationCache.h"
#include "narration/Narrator.h"
#include "render/SceneClip.h"

namespace reelsmith {

namespace {

[[noreturn]] void rethrowAt(const Error &error, const QString &key)
{
    throw Error(error.kind(), key + QStringLiteral(": ") + error.message());
}

SceneVoice recording(const Project &project, int scene)
{
    const QString key = QStringLiteral("scenes[%1].voice_file").arg(scene);
    const QString path = project.resolve(project.scenes[scene].voiceFile);
    try {
        const MediaInfo info = probeMedia(path);
        bool hasAudio = false;
        for (const StreamInfo &stream : info.streams)
            hasAudio = hasAudio || stream.type == StreamInfo::Type::Audio;
        if (info.kind == MediaInfo::Kind::Image || !hasAudio)
            throwBadInput(QStringLiteral("%1: has no sound to use as a voice").arg(path));
        if (!(info.duration > 0))
            throwBadInput(QStringLiteral("%1: its length is unknown").arg(path));
        return {path, info.duration, key, {}, false};
    } catch (const Error &e) {
        rethrowAt(e, key);
    }
}

SceneVoice narration(const Project &project, int scene)
{
    const Scene &s = project.scenes[scene];
    const VoiceSettings voice = project.voiceOf(scene);
    const QString nameKey = s.voice.name ? QStringLiteral("scenes[%1].voice.name").arg(scene)
                                         : QStringLiteral("voice.name");
    if (!voice.name.isEmpty() && !defaultNarrator().hasVoice(voice.name))
        rethrowAt(Error(ErrorKind::BadInput,
                        QStringLiteral("no voice named \"%1\" (reelsmith-cli voices lists them)")
                            .arg(voice.name)),
                  nameKey);
    const QString key = QStringLiteral("scenes[%1].narration").arg(scene);
    try {
        const Narration n = NarrationCache::obtain(s.narration, voice);
        return {n.audioPath, n.seconds, key, n.words, true};
    } catch (const Error &e) {
        rethrowAt(e, key);
    }
}

} // namespace

std::optional<SceneVoice> findSceneVoice(const Project &project, int scene)
{
    const Scene &s = project.scenes[scene];
    if (!s.voiceFile.isEmpty())
        return recording(project, scene); // the narration is then its script
    if (!s.narration.trimmed().isEmpty())
        return narration(project, scene);
    return std::nullopt;
}

SceneVoices findSceneVoices(const Project &project, const CancelFn &cancel)
{
    SceneVoices voices;
    for (int i = 0; i < project.scenes.size(); ++i) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        voices.append(findSceneVoice(project, i));
    }
    return voices;
}

SceneClipSounds findSceneClipSounds(const Project &project, const CancelFn &cancel)
{
    SceneClipSounds clips(size_t(project.scenes.size()));
    for (int i = 0; i < project.scenes.size(); ++i) {
        if (cancel && cancel())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        const Scene &s = project.scenes[i];
        if (s.media.isEmpty() || !s.clipSettings().volumeDb)
            continue;
        const QString path = project.resolve(s.media);
        if (!SceneClip::isVideo(path))
            continue; // a picture: clip settings mean nothing there
        try {
            const ClipFacts facts = SceneClip::check(path, s.clipSettings());
            if (facts.hasSound)
                clips[size_t(i)] = facts;
        } catch (const Error &e) {
            throw Error(e.kind(), QStringLiteral("scenes[%1].media: %2").arg(i).arg(e.message()));
        }
    }
    return clips;
}

MixPlan mixPlan(const Project &project, const SceneVoices &voices,
                const std::vector<std::optional<ClipFacts>> &clips)
{
    const Timeline timeline = project.timeline();
    const int fps = project.output.fps;
    // The rounding the video's audio uses, so a voice starts with its
    // scene's first frame.
    const auto sampleAt = [fps](qint64 frame) {
        return Soundtrack::samplesBeforeFrame(frame, fps);
    };
    MixPlan plan;
    plan.totalSamples = sampleAt(timeline.frameCount());
    for (int i = 0; i < voices.size(); ++i) {
        if (!voices[i])
            continue;
        const SceneVoice &v = *voices[i];
        MixVoice mix;
        mix.path = v.path;
        mix.startSample = sampleAt(timeline.sceneStart(i));
        mix.key = v.key;
        if (v.synthesized) {
            QList<SpeechSpan> spans;
            for (const WordTiming &w : v.words)
                spans.append({w.start, w.end});
            mix.speech = spans;
        }
        plan.voices.append(mix);
    }
    for (size_t i = 0; i < clips.size() && i < size_t(project.scenes.size()); ++i)
        if (clips[i] && clips[i]->hasSound && project.scenes[int(i)].clipSettings().volumeDb)
            plan.clips.append(SceneClip::sound(project, int(i), *clips[i]));
    if (project.music) {
        MixMusic music;
        music.path = project.resolve(project.music->file);
        music.settings = *project.music;
        plan.music = music;
    }
    plan.loudnessLufs = project.loudnessLufs;
    return plan;
}

} // namespace reelsmith
