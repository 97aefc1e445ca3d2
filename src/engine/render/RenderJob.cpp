#include "render/RenderJob.h"

#include "audio/MixedSound.h"
#include "audio/Soundtrack.h"
#include "backgrounds/AssetCache.h"
#include "backgrounds/Backgrounds.h"
#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "media/Av.h"
#include "media/BackgroundReader.h"
#include "media/ImageLoader.h"
#include "media/Mp4Writer.h"
#include "render/BackgroundPipeline.h"
#include "render/LiveScene.h"
#include "render/Motion.h"
#include "render/SceneCaptions.h"
#include "render/SceneClip.h"
#include "render/SceneOverlay.h"
#include "render/Transition.h"

#include <QElapsedTimer>
#include <QPainter>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <thread>

extern "C" {
#include <libavutil/frame.h>
}

namespace reelsmith {

namespace {

void clearToBlack(AVFrame *frame)
{
    for (int p = 0; p < 3; ++p) {
        const int rows = p == 0 ? frame->height : frame->height / 2;
        const int width = p == 0 ? frame->width : frame->width / 2;
        for (int y = 0; y < rows; ++y)
            std::memset(frame->data[p] + size_t(y) * frame->linesize[p], p == 0 ? 16 : 128,
                        size_t(width));
    }
}

void throwIfCancelled(const CancelFn &cancel)
{
    if (cancel && cancel())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
}

// A clip's decoder runs on its own pipeline thread beside the background's
// and the encoder's, which keep both cores busy without frame threading;
// each frame thread of a 1080x1920 H.264 decoder holds its own pictures.
// bench/clips' job (5 centred 1080p60 clips with sound, 2 cores), peak RSS:
// both decoders at 2 threads 170 MB; the clip's at 1, 161 MB; both at 1,
// 151 MB; and the two pipelines one frame ahead (not two), 149 MB, at 14 %
// less CPU than the first (25.0 s against 28.7 s, measured side by side).
// Where the background is never shown, the clip's decoder runs alone and
// gets two threads (bench/clips' fill job: 12.3 s to 10.1 s, 114 to 125 MB).
constexpr int kClipDecoderThreads = 1;

// Clips checked at once before a render: two decoders at a time, no more
// than the render itself runs (a background's and a clip's).
constexpr size_t kClipCheckThreads = 2;

const QString kBackgroundKey = QStringLiteral("background");
const QString kAudioKey = QStringLiteral("audio");

} // namespace

RenderJob::RenderJob(Project project, QString outputPath)
    : m_project(std::move(project)), m_output(std::move(outputPath))
{
}

RenderJob::~RenderJob() = default;
RenderJob::RenderJob(RenderJob &&) noexcept = default;
RenderJob &RenderJob::operator=(RenderJob &&) noexcept = default;

void RenderJob::rethrowWithContext(const Error &error, const QString &key) const
{
    QString prefix = key.isEmpty() ? QString() : key + QStringLiteral(": ");
    if (!m_project.filePath.isEmpty())
        prefix = m_project.filePath + QStringLiteral(": ") + prefix;
    throw Error(error.kind(), prefix + error.message());
}

template <typename Step> decltype(auto) RenderJob::inContext(const QString &key, Step &&step) const
{
    try {
        return step();
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw;
        rethrowWithContext(e, key);
    }
}

bool RenderJob::clipsOverBackground() const
{
    for (size_t i = 0; i < m_clips.size(); ++i)
        if (m_clips[i] && !m_hidesBackground[i])
            return true;
    return false;
}

int RenderJob::backgroundThreads() const
{
    if (m_decoderThreads > 0)
        return m_decoderThreads;
    // A clip over the background is a second full-size decoder at the same
    // time: the two share the cores, and one thread each keeps their
    // pictures (not the speed) down; see kClipDecoderThreads.
    return clipsOverBackground() ? 1 : BackgroundReader::kDefaultDecoderThreads;
}

QString RenderJob::sceneKey(int scene) const
{
    // The key the file uses: version 1 calls a scene's picture "image".
    return QStringLiteral("scenes[%1].%2")
        .arg(scene)
        .arg(m_project.version == 1 ? QStringLiteral("image") : QStringLiteral("media"));
}

QString RenderJob::imagePath(int scene) const
{
    return m_project.resolve(m_project.scenes[scene].media);
}

av::Frame RenderJob::stillBackground(QSize frameSize) const
{
    // Covering the frame, centre-cropped like a video background, and over
    // black where the picture is transparent.
    const LoadedImage loaded = ImageLoader::load(m_backgroundPath, frameSize, Fit::Cover);
    QImage image(frameSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRect(QPoint(0, 0), frameSize), loaded.image);
    }
    av::Frame frame =
        av::allocVideoFrame(frameSize.width(), frameSize.height(), AV_PIX_FMT_YUV420P);
    SceneOverlay::fromImage(image).blendOnto(frame.get());
    return frame;
}

void RenderJob::preflight(const CancelFn &cancel)
{
    m_hidesBackground.clear();
    if (const QString problem = m_project.validationError(); !problem.isEmpty())
        rethrowWithContext(Error(ErrorKind::BadInput, problem), QString());
    // Voices first: they fix the length of "auto" scenes, and so the timeline.
    m_voices = inContext(QString(), [&] { return findSceneVoices(m_project, cancel); });
    m_project.resolveAutoDurations(
        [this](int scene) { return m_voices[scene] ? m_voices[scene]->seconds : 0.0; });
    if (const QString problem = m_project.validationError(); !problem.isEmpty())
        rethrowWithContext(Error(ErrorKind::BadInput, problem), QString());
    inContext(QString(), [&] {
        m_backgroundPath =
            Backgrounds::resolve(m_project.background, m_project.baseDir, m_project.output.size());
        // A picture is shown still (SPEC): decoded once, at the frame's size.
        m_stillBackground = false;
        try {
            ImageLoader::probe(m_backgroundPath);
            m_stillBackground = true;
        } catch (const Error &) {
            // not a picture: a video, or what the reader will name
        }
        if (m_stillBackground || !m_useCache)
            return;
        // An optimized copy made earlier (reelsmith-cli optimize --cache, or
        // the editor) saves decoding the creator's heavy original.
        const QString cached =
            AssetCache::lookup(m_backgroundPath, AssetCache::renderRecipe(m_project.output.size(),
                                                                          m_project.output.fps));
        if (!cached.isEmpty())
            m_backgroundPath = cached;
    });
    // Captions: font files load and timing files parse now, and every
    // scene's pages are known (for --subtitles too) before the first frame.
    m_captions.clear();
    for (int i = 0; i < m_project.scenes.size(); ++i) {
        const CaptionStyle style = m_project.captionStyleOf(i);
        if (style.fontIsFile() && !style.legacy)
            inContext(captionFontKey(m_project, i),
                      [&] { return captionFontFileFamilies(style.font); });
        const QString key = m_project.scenes[i].timing.isEmpty()
                                ? QStringLiteral("scenes[%1].caption").arg(i)
                                : QStringLiteral("scenes[%1].timing").arg(i);
        m_captions.append(inContext(key, [&] {
            return sceneCaptionTrack(m_project, i, m_voices[i], m_project.output.size());
        }));
    }
    m_clips.assign(size_t(m_project.scenes.size()), std::nullopt);
    m_preflightWarnings.clear();
    const auto warn = [this](const QString &warning) {
        m_preflightWarnings.append(warning);
        if (m_onWarning)
            m_onWarning(warning);
    };
    // Pictures are known from their headers; what is not a picture is
    // checked as a clip (opened, a frame decoded at clip.start), on up to
    // two threads: a phone clip takes a quarter of a second to check, and
    // nothing else can start before every scene is known.
    std::vector<std::optional<ImageInfo>> pictures(size_t(m_project.scenes.size()));
    std::vector<std::optional<Error>> pictureErrors(size_t(m_project.scenes.size()));
    std::vector<int> clipScenes;
    for (int i = 0; i < m_project.scenes.size(); ++i) {
        if (m_project.scenes[i].media.isEmpty())
            continue;
        try {
            pictures[size_t(i)] = ImageLoader::probe(imagePath(i));
        } catch (const Error &e) {
            pictureErrors[size_t(i)] = e;
            clipScenes.push_back(i);
        }
    }
    std::vector<std::exception_ptr> clipErrors(size_t(m_project.scenes.size()));
    {
        // `cancel` is asked on this thread only; the helper sees `stop`.
        std::atomic<size_t> next{0};
        std::atomic<bool> stop{false};
        const auto checkClips = [&](bool asksCancel) {
            for (size_t k = next++; k < clipScenes.size(); k = next++) {
                const int i = clipScenes[k];
                try {
                    if (asksCancel && cancel && cancel())
                        stop = true;
                    if (stop)
                        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
                    try {
                        m_clips[size_t(i)] =
                            SceneClip::check(imagePath(i), m_project.scenes[i].clipSettings());
                    } catch (const Error &e) {
                        // Neither a picture nor a clip: the picture's error
                        // unless the name says video.
                        if (e.kind() != ErrorKind::Cancelled && !SceneClip::isVideo(imagePath(i)))
                            throw *pictureErrors[size_t(i)];
                        throw;
                    }
                } catch (...) {
                    clipErrors[size_t(i)] = std::current_exception();
                }
            }
        };
        std::vector<std::thread> helpers;
        for (size_t t = 1; t < std::min<size_t>(kClipCheckThreads, clipScenes.size()); ++t)
            helpers.emplace_back(checkClips, false);
        checkClips(true);
        for (std::thread &helper : helpers)
            helper.join();
    }
    for (int i = 0; i < m_project.scenes.size(); ++i) {
        const Scene &scene = m_project.scenes[i];
        if (scene.media.isEmpty()) {
            m_hidesBackground.push_back(false); // a text card
            continue;
        }
        // The first failing scene is reported, whichever thread found it.
        if (clipErrors[size_t(i)])
            inContext(sceneKey(i), [&] { std::rethrow_exception(clipErrors[size_t(i)]); });
        const std::optional<ImageInfo> &picture = pictures[size_t(i)];
        if (picture && scene.clip)
            warn(QStringLiteral("scenes[%1].clip: the media is a picture, not a video clip; "
                                "ignored")
                     .arg(i));
        if (m_clips[size_t(i)] && scene.clipSettings().volumeDb && !m_clips[size_t(i)]->hasSound)
            warn(QStringLiteral("scenes[%1].clip.volume_db: the clip has no sound").arg(i));
        // An opaque picture or clip filling the frame hides the background:
        // no need to decode it for this scene.
        const bool mayHaveAlpha =
            m_clips[size_t(i)] ? m_clips[size_t(i)]->hasAlpha : picture->mayHaveAlpha;
        m_hidesBackground.push_back(scene.layout == Layout::Fill && !mayHaveAlpha);
    }
    if (!m_project.audio.isEmpty()) {
        // Opening it decodes its first samples: a file that is not audio is
        // reported now, not after the video has been encoded.
        inContext(kAudioKey, [&] { Soundtrack(m_project.resolve(m_project.audio), 1); });
    }
    // The same for version 2's sound: every voice and the music open now
    // (voice files are scanned for speech here, for the ducking).
    // A project whose only sound would be a clip's, on a scene that turned
    // out to show a picture or a clip without sound, has none: no track.
    m_mix.reset();
    if (m_project.hasMixedSound())
        m_mix = inContext(QString(), [&]() -> std::unique_ptr<MixedSound> {
            MixPlan plan = mixPlan(m_project, m_voices, m_clips);
            if (plan.voices.isEmpty() && plan.clips.isEmpty() && !plan.music)
                return nullptr;
            return std::make_unique<MixedSound>(std::move(plan), cancel);
        });
}

RenderResult RenderJob::run(const ProgressFn &progress, const CancelFn &cancel)
{
    QElapsedTimer clock;
    clock.start();
    preflight(cancel);

    const OutputSettings &out = m_project.output;
    const QSize frameSize = out.size();
    const Timeline timeline = m_project.timeline();
    const qint64 frameCount = timeline.frameCount();
    const TransitionSchedule transitions(m_project, timeline);

    AtomicOutput file(m_output);
    QStringList collected = m_preflightWarnings;

    // The background decodes ahead on the pipeline's thread, skipping the
    // frames a full-frame picture hides; it asks the same timeline.
    // The background's time at each frame, or -1 where a scene hides it
    // (a still picture's time is always 0).
    auto timeOf = [this, timeline, transitions, fps = out.fps](qint64 i) {
        if (m_hidesBackground[size_t(timeline.sceneAt(i))] && !transitions.at(i))
            return -1.0;
        return m_stillBackground ? 0.0 : m_project.backgroundStart + double(i) / fps;
    };
    auto background = inContext(kBackgroundKey, [&]() -> std::unique_ptr<BackgroundPipeline> {
        if (m_stillBackground) // every frame that shows it, the same picture
            return std::make_unique<BackgroundPipeline>(stillBackground(frameSize), frameSize,
                                                        frameCount, std::move(timeOf));
        auto reader =
            std::make_unique<BackgroundReader>(m_backgroundPath, frameSize, backgroundThreads());
        // Beside a clip's pipeline, one frame ahead is enough (see SceneClip).
        return std::make_unique<BackgroundPipeline>(std::move(reader), frameSize, frameCount,
                                                    std::move(timeOf),
                                                    clipsOverBackground() ? 1 : 2);
    });

    // Version 1's soundtrack as it always sounded, or version 2's mix.
    std::unique_ptr<Soundtrack> soundtrack;
    std::unique_ptr<MixedSound> mix = std::move(m_mix);
    if (!m_project.audio.isEmpty())
        soundtrack = inContext(kAudioKey, [&] {
            return std::make_unique<Soundtrack>(
                m_project.resolve(m_project.audio),
                Soundtrack::samplesBeforeFrame(frameCount, out.fps));
        });
    qint64 loudnessMs = 0;
    if (mix) { // the loudness pass: sound only, no video
        QElapsedTimer loudnessClock;
        loudnessClock.start();
        inContext(QString(), [&] { mix->prepare(cancel); });
        loudnessMs = loudnessClock.elapsed();
    }
    const bool hasSound = soundtrack || mix;
    static_assert(Soundtrack::kSampleRate == MixedSound::kSampleRate &&
                  Soundtrack::kChannels == MixedSound::kChannels);
    QList<TimedText> softSubtitles;
    if (out.softSubtitles)
        for (const SubtitleCue &cue : subtitleCues())
            softSubtitles.append({cue.start, cue.end, cue.text});
    Mp4Writer writer(
        file.temporaryPath(), out,
        hasSound ? std::optional(AudioEncoding{Soundtrack::kSampleRate, Soundtrack::kChannels})
                 : std::nullopt,
        softSubtitles);
    const auto delivered = [&] {
        return soundtrack ? soundtrack->samplesDelivered() : mix->samplesDelivered();
    };
    // Audio goes in right behind the video it accompanies, so the muxer never
    // queues more than a frame or two of either stream.
    const auto writeAudioUntil = [&](qint64 sample) {
        while (hasSound && delivered() < sample) {
            AVFrame *samples = writer.audioFrame();
            const int written =
                soundtrack ? inContext(kAudioKey, [&] { return soundtrack->fill(samples); })
                           : inContext(QString(), [&] { return mix->fill(samples); });
            if (written == 0)
                break;
            writer.submitAudio();
        }
    };

    // The scenes on screen: one, or two during a transition. A scene has
    // MovingLayers when it moves or takes part in a transition.
    std::vector<std::unique_ptr<LiveScene>> live;
    const auto liveScene = [&](int scene) -> LiveScene & {
        for (const auto &l : live)
            if (l->index() == scene)
                return *l;
        const Scene &s = m_project.scenes[scene];
        const bool moving = s.motion != Motion::None || !s.transition.isCut() ||
                            (scene > 0 && !m_project.scenes[scene - 1].transition.isCut());
        QStringList warnings;
        // A clip scene's layer holds its caption; the clip is drawn below it.
        const bool isClip = m_clips[size_t(scene)].has_value();
        auto made = inContext(sceneKey(scene), [&] {
            return std::make_unique<LiveScene>(scene, s, isClip ? QString() : imagePath(scene),
                                               m_captions[scene], frameSize, moving, &warnings);
        });
        for (const QString &w : std::as_const(warnings)) {
            collected.append(w);
            if (m_onWarning)
                m_onWarning(w);
        }
        live.push_back(std::move(made));
        return *live.back();
    };
    // Where a scene is at frame i: its caption and its motion.
    const auto moved = [&](int scene, qint64 i) -> LiveScene & {
        LiveScene &l = liveScene(scene);
        const qint64 first = timeline.sceneStart(scene);
        l.moveTo(double(i - first) / out.fps, motion::progress(i, first, timeline.sceneEnd(scene)));
        return l;
    };
    // The outgoing scene over the background, kept while the incoming one is
    // drawn onto the frame, for the transitions that mix the two.
    av::Frame mixed;
    // The clips on screen, each streaming from its own reader: the current
    // scene's, and in a transition the other scene's too. A clip is part of
    // its scene's layer: in a transition it moves, fades or is wiped with its
    // caption (a `fill` clip so transitions as a whole frame), holding its
    // first frame before the boundary and playing on after it.
    std::vector<std::pair<int, std::unique_ptr<SceneClip>>> clips;
    // The frames scene `s` is drawn on: its own, and those of the transitions
    // on either side.
    const auto shownFrom = [&](int s) {
        qint64 first = timeline.sceneStart(s);
        while (first > 0 && transitions.at(first - 1) && transitions.at(first - 1)->to == s)
            --first;
        return first;
    };
    const auto shownUntil = [&](int s) {
        qint64 end = timeline.sceneEnd(s);
        while (end < frameCount && transitions.at(end) && transitions.at(end)->from == s)
            ++end;
        return end;
    };
    // Where nothing ever shows the background (every scene fills the frame
    // opaquely, no transitions), a clip's decoder is the only one running,
    // one at a time: it gets the background's two frame threads.
    const bool backgroundHidden =
        transitions.isEmpty() &&
        std::all_of(m_hidesBackground.begin(), m_hidesBackground.end(), [](bool h) { return h; });
    const int clipThreads =
        backgroundHidden ? BackgroundReader::kDefaultDecoderThreads : kClipDecoderThreads;
    const auto clipOf = [&](int s) -> SceneClip * {
        if (!m_clips[size_t(s)])
            return nullptr;
        for (const auto &[index, c] : clips)
            if (index == s)
                return c.get();
        const qint64 first = shownFrom(s);
        auto made = inContext(sceneKey(s), [&] {
            return std::make_unique<SceneClip>(imagePath(s), m_project.scenes[s].clipSettings(),
                                               m_project.scenes[s].layout, frameSize, out.fps,
                                               shownUntil(s) - first, clipThreads,
                                               timeline.sceneStart(s) - first);
        });
        clips.emplace_back(s, std::move(made));
        return clips.back().second.get();
    };
    // Draws scene `s`'s clip, if it has one, as part of its layer.
    const auto drawClip = [&](int s, AVFrame *target, const LayerTransform &transform) {
        if (SceneClip *c = clipOf(s))
            inContext(sceneKey(s), [&] { c->drawOnto(target, transform); });
    };
    for (qint64 i = 0; i < frameCount; ++i) {
        throwIfCancelled(cancel);
        const int scene = timeline.sceneAt(i);
        const std::optional<ActiveTransition> transition = transitions.at(i);
        // Release the scenes no longer on screen before building new ones.
        const auto gone = [&](int index) {
            return index != scene &&
                   (!transition || (index != transition->from && index != transition->to));
        };
        std::erase_if(live, [&](const auto &l) { return gone(l->index()); });
        std::erase_if(clips, [&](const auto &c) { return gone(c.first); });
        // The overlay is drawn straight onto the pipeline's frame, which is
        // encoded from there and goes back to the pool once submitted. A scene
        // that hides the whole frame needs no background pixels; the reader
        // catches up (by seeking when far) when the background shows again.
        BackgroundPipeline::Lease shown;
        AVFrame *frame = nullptr;
        if (!m_hidesBackground[size_t(scene)] || transition) {
            shown = inContext(kBackgroundKey, [&] { return background->takeNext(); });
            frame = shown.get();
        } else {
            frame = writer.frame();
            const SceneClip *c = clipOf(scene);
            if (!moved(scene, i).coversFrame() && !(c && c->coversFrame()))
                clearToBlack(frame); // not expected for an opaque fill picture; never stale pixels
        }
        if (!transition) {
            drawClip(scene, frame, {});
            moved(scene, i).blendOnto(frame);
        } else {
            const TransitionLook look =
                transitionLook(transition->type, transition->progress, frameSize);
            LiveScene &from = moved(transition->from, i);
            LiveScene &to = moved(transition->to, i);
            if (look.mix) {
                if (!mixed)
                    mixed = av::allocVideoFrame(frameSize.width(), frameSize.height(),
                                                AV_PIX_FMT_YUV420P);
                inContext(QString(), [&] {
                    av::check(av_frame_copy(mixed.get(), frame), QStringLiteral("copy a frame"));
                });
                drawClip(transition->from, frame, look.from);
                from.blendOnto(frame, look.from);
                drawClip(transition->to, mixed.get(), look.to);
                to.blendOnto(mixed.get(), look.to);
                mixFrames(frame, mixed.get(), *look.mix);
            } else {
                drawClip(transition->from, frame, look.from);
                from.blendOnto(frame, look.from);
                drawClip(transition->to, frame, look.to);
                to.blendOnto(frame, look.to);
            }
        }
        writer.submit(frame);
        shown.reset(); // before the audio: the worker may refill it now
        writeAudioUntil(Soundtrack::samplesBeforeFrame(i + 1, out.fps));
        if (progress)
            progress({i + 1, frameCount});
    }
    if (hasSound)
        writeAudioUntil(soundtrack ? soundtrack->totalSamples() : mix->totalSamples());
    writer.finish();
    // The point of no return: a cancel that arrived while the encoder flushed
    // is still honoured here (the old file stays); after the rename the new
    // file is the user's and this job reports success.
    throwIfCancelled(cancel);
    file.commit();

    RenderResult result = RenderResult::finished(file.target(), frameCount, clock.elapsed());
    result.warnings = collected;
    result.loudnessSeconds = double(loudnessMs) / 1000;
    return result;
}

QList<SubtitleCue> RenderJob::subtitleCues() const
{
    const Timeline timeline = m_project.timeline();
    QList<SubtitleCue> cues;
    for (qsizetype i = 0; i < m_captions.size(); ++i) {
        if (timeline.sceneEnd(int(i)) <= timeline.sceneStart(int(i)))
            continue; // a scene that owns no frame is never seen
        cues.append(m_captions[i].cues(timeline.secondsAt(timeline.sceneStart(int(i)))));
    }
    return cues;
}

} // namespace reelsmith
