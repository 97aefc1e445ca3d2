#include "render/SceneCaptions.h"

#include "audio/SpeechGate.h"
#include "captions/CaptionTiming.h"
#include "captions/SubtitleFile.h"

#include <algorithm>

namespace reelsmith {

CaptionTrack sceneCaptionTrack(const Project &project, int scene,
                               const std::optional<SceneVoice> &voice, QSize frame)
{
    const Scene &s = project.scenes[scene];
    const QString text = s.shownCaption().trimmed();
    const double seconds = s.duration;
    const CaptionStyle style = project.captionStyleOf(scene);
    if (style.legacy)
        return CaptionTrack::legacy(text, seconds, frame);
    if (s.caption && text.isEmpty())
        return {}; // `"caption": ""` shows none, whatever the timing file says
    if (!s.timing.isEmpty())
        return CaptionTrack(CaptionTiming::fromCues(readSubtitles(project.resolve(s.timing))),
                            seconds, style, frame);
    if (text.isEmpty())
        return {};
    if (voice && voice->synthesized && !voice->words.isEmpty() && text == s.narration.trimmed())
        return CaptionTrack(CaptionTiming::fromSynthesizer(s.narration, voice->words), seconds,
                            style, frame);
    // A recording, or a caption that is not what the voice says: the words
    // spread over the span the voice speaks in.
    double start = 0;
    double end = seconds;
    if (voice) {
        if (voice->synthesized && !voice->words.isEmpty()) {
            start = voice->words.first().start;
            end = voice->words.last().end;
        } else if (!voice->synthesized) {
            const QList<SpeechSpan> speech = SpeechGate::find(voice->path);
            if (!speech.isEmpty()) {
                start = speech.first().start;
                end = speech.last().end;
            }
        }
        end = std::min(end, seconds);
        if (end <= start) {
            start = 0;
            end = seconds;
        }
    }
    return CaptionTrack(CaptionTiming::spread(text, start, end), seconds, style, frame);
}

QString captionFontKey(const Project &project, int scene)
{
    return project.scenes[scene].captions.font
               ? QStringLiteral("scenes[%1].captions.font").arg(scene)
               : QStringLiteral("captions.font");
}

} // namespace reelsmith
