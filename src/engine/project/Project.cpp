#include "project/Project.h"

#include "core/Error.h"
#include "core/JsonTypeName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace reelsmith {

namespace {

// A batch template's file opened as a project fails where a {{column}}
// stands for a number: say what the file is.
QString placeholderHint(const QJsonValue &value)
{
    static const QRegularExpression placeholder(QStringLiteral("^\\s*\\{\\{[^{}]+\\}\\}\\s*$"));
    if (!value.isString() || !placeholder.match(value.toString()).hasMatch())
        return {};
    return QStringLiteral(" (a batch template's placeholder: the file is a template, rendered "
                          "row by row with `reelsmith-cli batch` or File > Batch Render...)");
}

const QString kFormat = QStringLiteral("reelsmith-project");

// Reads typed values out of a JSON object and reports problems with the full
// key path, so that every message points at the exact spot in the file.
class Reader
{
public:
    Reader(QString source, QStringList *warnings)
        : m_source(std::move(source)), m_warnings(warnings)
    {
    }

    [[noreturn]] void fail(const QString &key, const QString &problem) const
    {
        throwBadInput(QStringLiteral("%1: %2: %3").arg(m_source, key, problem));
    }

    // Version 1 files only warn about keys they do not know (files written
    // by other tools kept working); from version 2 on a typo is an error.
    void setStrictKeys(bool strict) { m_strictKeys = strict; }

    void checkKeys(const QJsonObject &object, const QString &prefix,
                   std::initializer_list<const char *> known) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool ok = false;
            for (const char *k : known)
                ok = ok || it.key() == QLatin1String(k);
            if (ok)
                continue;
            if (!m_strictKeys)
                m_warnings->append(QStringLiteral("%1: %2%3: unknown key, ignored")
                                       .arg(m_source, prefix, it.key()));
            else
                fail(prefix + it.key(), QStringLiteral("unknown key"));
        }
    }

    // An object, or nullopt when the key is missing (or null and `nullable`).
    std::optional<QJsonObject> object(const QJsonObject &parent, const char *key,
                                      const QString &path, bool nullable) const
    {
        const QJsonValue value = parent.value(QLatin1String(key));
        if (value.isUndefined() || (nullable && value.isNull()))
            return std::nullopt;
        if (!value.isObject())
            fail(path, QStringLiteral("must be an object, not %1").arg(jsonTypeName(value)));
        return value.toObject();
    }

    std::optional<double> optionalNumber(const QJsonObject &object, const char *key,
                                         const QString &path) const
    {
        if (!object.contains(QLatin1String(key)))
            return std::nullopt;
        return number(object, key, path, std::nullopt);
    }

    double number(const QJsonObject &object, const char *key, const QString &path,
                  std::optional<double> fallback) const
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (!fallback)
                fail(path, QStringLiteral("required"));
            return *fallback;
        }
        if (!value.isDouble())
            fail(path, QStringLiteral("must be a number, not %1%2")
                           .arg(jsonTypeName(value), placeholderHint(value)));
        const double v = value.toDouble();
        if (!std::isfinite(v))
            fail(path, QStringLiteral("must be a finite number"));
        return v;
    }

    int integer(const QJsonObject &object, const char *key, const QString &path, int fallback) const
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        const double v = number(object, key, path, fallback);
        if (v != std::floor(v) || std::fabs(v) > 1e9)
            fail(path, QStringLiteral("must be a whole number, not %1").arg(v));
        return static_cast<int>(v);
    }

    bool boolean(const QJsonObject &object, const char *key, const QString &path,
                 bool fallback) const
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(path, QStringLiteral("must be true or false, not %1").arg(jsonTypeName(value)));
        return value.toBool();
    }

    QString string(const QJsonObject &object, const char *key, const QString &path,
                   std::optional<QString> fallback) const
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || (value.isNull() && fallback)) {
            if (!fallback)
                fail(path, QStringLiteral("required"));
            return *fallback;
        }
        if (!value.isString())
            fail(path, QStringLiteral("must be a string, not %1").arg(jsonTypeName(value)));
        return value.toString();
    }

private:
    QString m_source;
    QStringList *m_warnings;
    bool m_strictKeys = false;
};

VoiceOverride readVoice(const Reader &r, const QJsonObject &o, const QString &at)
{
    r.checkKeys(o, at + QLatin1Char('.'), {"name", "rate", "pitch"});
    VoiceOverride v;
    if (o.contains(QLatin1String("name")))
        v.name = r.string(o, "name", at + QStringLiteral(".name"), std::nullopt);
    v.rate = r.optionalNumber(o, "rate", at + QStringLiteral(".rate"));
    v.pitch = r.optionalNumber(o, "pitch", at + QStringLiteral(".pitch"));
    return v;
}

QJsonObject voiceJson(const VoiceOverride &v)
{
    QJsonObject o;
    if (v.name)
        o.insert(QStringLiteral("name"), *v.name);
    if (v.rate)
        o.insert(QStringLiteral("rate"), *v.rate);
    if (v.pitch)
        o.insert(QStringLiteral("pitch"), *v.pitch);
    return o;
}

QString checkVoice(const VoiceOverride &v, const QString &at)
{
    if (v.name && v.name->trimmed().isEmpty())
        return at + QStringLiteral(".name: must not be empty");
    const auto outside = [](std::optional<double> value, double low, double high) {
        return value && !(*value >= low && *value <= high);
    };
    if (outside(v.rate, VoiceSettings::kMinRate, VoiceSettings::kMaxRate))
        return QStringLiteral("%1.rate: must be %2 to %3, not %4")
            .arg(at)
            .arg(VoiceSettings::kMinRate)
            .arg(VoiceSettings::kMaxRate)
            .arg(*v.rate);
    if (outside(v.pitch, VoiceSettings::kMinPitch, VoiceSettings::kMaxPitch))
        return QStringLiteral("%1.pitch: must be %2 to %3, not %4")
            .arg(at)
            .arg(VoiceSettings::kMinPitch)
            .arg(VoiceSettings::kMaxPitch)
            .arg(*v.pitch);
    return {};
}

CaptionStyleOverride readCaptions(const Reader &r, const QJsonObject &o, const QString &at)
{
    try {
        return CaptionStyleOverride::fromJson(o, at);
    } catch (const Error &e) {
        // The message is "key.path: problem"; the reader adds the file.
        const QString message = e.message();
        const qsizetype colon = message.indexOf(QStringLiteral(": "));
        r.fail(message.left(colon), message.mid(colon + 2));
    }
}

Motion readMotion(const Reader &r, const QJsonObject &scene, const QString &at)
{
    const QString name =
        r.string(scene, "motion", at + QStringLiteral(".motion"), motionName(Motion::None));
    const auto motion = motionFromName(name);
    if (!motion)
        r.fail(at + QStringLiteral(".motion"),
               QStringLiteral("must be one of %1, not \"%2\"").arg(motionNames(), name));
    return *motion;
}

Transition readTransition(const Reader &r, const QJsonObject &o, const QString &at)
{
    r.checkKeys(o, at + QLatin1Char('.'), {"type", "duration"});
    Transition t;
    const QString name = r.string(o, "type", at + QStringLiteral(".type"), std::nullopt);
    const auto type = transitionTypeFromName(name);
    if (!type)
        r.fail(at + QStringLiteral(".type"),
               QStringLiteral("must be one of %1, not \"%2\"").arg(transitionTypeNames(), name));
    t.type = *type;
    t.duration =
        r.number(o, "duration", at + QStringLiteral(".duration"), Transition::kDefaultSeconds);
    return t;
}

QJsonObject transitionJson(const Transition &t)
{
    return {{QStringLiteral("type"), transitionTypeName(t.type)},
            {QStringLiteral("duration"), t.duration}};
}

ClipSettings readClip(const Reader &r, const QJsonObject &o, const QString &at)
{
    r.checkKeys(o, at + QLatin1Char('.'), {"start", "volume_db", "fit"});
    ClipSettings c;
    c.start = r.number(o, "start", at + QStringLiteral(".start"), c.start);
    if (!o.value(QLatin1String("volume_db")).isNull())
        c.volumeDb = r.optionalNumber(o, "volume_db", at + QStringLiteral(".volume_db"));
    const QString fit = r.string(o, "fit", at + QStringLiteral(".fit"), clipFitName(c.fit));
    const auto parsed = clipFitFromName(fit);
    if (!parsed)
        r.fail(at + QStringLiteral(".fit"),
               QStringLiteral("must be \"loop\" or \"freeze\", not \"%1\"").arg(fit));
    c.fit = *parsed;
    return c;
}

QJsonObject clipJson(const ClipSettings &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("start"), c.start);
    o.insert(QStringLiteral("volume_db"),
             c.volumeDb ? QJsonValue(*c.volumeDb) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("fit"), clipFitName(c.fit));
    return o;
}

QString outsideRange(const QString &key, double value, double low, double high)
{
    if (value >= low && value <= high)
        return {};
    return QStringLiteral("%1: must be %2 to %3, not %4").arg(key).arg(low).arg(high).arg(value);
}

int lineOfOffset(const QByteArray &json, int offset)
{
    return 1 + static_cast<int>(json.left(offset).count('\n'));
}

} // namespace

QString layoutName(Layout layout)
{
    switch (layout) {
    case Layout::Center:
        return QStringLiteral("center");
    case Layout::Top:
        return QStringLiteral("top");
    case Layout::Fill:
        return QStringLiteral("fill");
    }
    return QStringLiteral("center");
}

std::optional<Layout> layoutFromName(const QString &name)
{
    for (Layout l : {Layout::Center, Layout::Top, Layout::Fill})
        if (layoutName(l) == name)
            return l;
    return std::nullopt;
}

QString clipFitName(ClipFit fit)
{
    return fit == ClipFit::Freeze ? QStringLiteral("freeze") : QStringLiteral("loop");
}

std::optional<ClipFit> clipFitFromName(const QString &name)
{
    for (ClipFit f : {ClipFit::Loop, ClipFit::Freeze})
        if (clipFitName(f) == name)
            return f;
    return std::nullopt;
}

QStringList builtinBackgroundNames()
{
    return {QStringLiteral("minecraft"), QStringLiteral("subway"), QStringLiteral("abstract")};
}

Project Project::load(const QString &path, Strictness strictness)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        throwBadInput(QStringLiteral("%1: no such project file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    // A project is a few kilobytes; anything huge is not a project.
    constexpr qint64 kMaxProjectBytes = 64 * 1024 * 1024;
    if (file.size() > kMaxProjectBytes)
        throwBadInput(QStringLiteral("%1: too large to be a project file").arg(path));
    const QByteArray bytes = file.readAll();
    Project project = fromJson(bytes, path, QFileInfo(path).absolutePath(), strictness);
    project.filePath = path;
    return project;
}

Project Project::fromJson(const QByteArray &jsonIn, const QString &sourceName,
                          const QString &baseDir, Strictness strictness)
{
    QByteArray json = jsonIn;
    if (json.startsWith("\xEF\xBB\xBF"))
        json.remove(0, 3);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throwBadInput(QStringLiteral("%1: line %2: not valid JSON: %3")
                          .arg(sourceName)
                          .arg(lineOfOffset(json, parseError.offset))
                          .arg(parseError.errorString()));
    if (!doc.isObject())
        throwBadInput(QStringLiteral("%1: the top level must be a JSON object").arg(sourceName));

    Project p;
    p.baseDir = baseDir;
    Reader r(sourceName, &p.warnings);
    const QJsonObject root = doc.object();

    if (r.string(root, "format", QStringLiteral("format"), std::nullopt) != kFormat)
        r.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(kFormat));
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    if (!versionValue.isDouble())
        r.fail(QStringLiteral("version"), root.contains(QLatin1String("version"))
                                              ? QStringLiteral("must be the number 1 or 2")
                                              : QStringLiteral("required"));
    if (versionValue.toDouble() != 1 && versionValue.toDouble() != 2)
        r.fail(QStringLiteral("version"),
               QStringLiteral("unsupported version %1 (this program reads versions 1 and 2)")
                   .arg(versionValue.toDouble()));
    p.version = versionValue.toInt();
    const bool v1 = p.version == 1;
    r.setStrictKeys(!v1);
    if (v1)
        r.checkKeys(
            root, QString(),
            {"format", "version", "background", "background_start", "audio", "output", "scenes"});
    else
        r.checkKeys(root, QString(),
                    {"format", "version", "background", "background_start", "output", "voice",
                     "music", "loudness_lufs", "captions", "scenes"});

    p.background = r.string(root, "background", QStringLiteral("background"), p.background);
    if (p.background.trimmed().isEmpty())
        r.fail(QStringLiteral("background"), QStringLiteral("must not be empty"));
    p.backgroundStart = r.number(root, "background_start", QStringLiteral("background_start"), 0.0);
    if (v1) {
        p.audio = r.string(root, "audio", QStringLiteral("audio"), QString());
        // Version 1 mixed its soundtrack as it was.
        p.loudnessLufs.reset();
    }

    if (const auto o = r.object(root, "output", QStringLiteral("output"), false)) {
        r.checkKeys(
            *o, QStringLiteral("output."),
            {"width", "height", "fps", "crf", "preset", "threads", "profile", "soft_subtitles"});
        OutputSettings &out = p.output;
        for (const OutputLimit &limit : outputLimits())
            if (limit.inProject)
                out.*limit.member =
                    r.integer(*o, limit.key, QStringLiteral("output.") + QLatin1String(limit.key),
                              out.*limit.member);
        out.preset = r.string(*o, "preset", QStringLiteral("output.preset"), out.preset);
        out.profile = r.string(*o, "profile", QStringLiteral("output.profile"), out.profile);
        out.softSubtitles = r.boolean(*o, "soft_subtitles", QStringLiteral("output.soft_subtitles"),
                                      out.softSubtitles);
    }

    if (!v1) {
        if (const auto o = r.object(root, "voice", QStringLiteral("voice"), true)) {
            const VoiceOverride given = readVoice(r, *o, QStringLiteral("voice"));
            p.voice = given.over(p.voice);
        }
        if (const auto o = r.object(root, "music", QStringLiteral("music"), true)) {
            r.checkKeys(*o, QStringLiteral("music."),
                        {"file", "volume_db", "duck_db", "fade_in", "fade_out"});
            MusicSettings m;
            m.file = r.string(*o, "file", QStringLiteral("music.file"), std::nullopt);
            m.volumeDb = r.number(*o, "volume_db", QStringLiteral("music.volume_db"), m.volumeDb);
            m.duckDb = r.number(*o, "duck_db", QStringLiteral("music.duck_db"), m.duckDb);
            m.fadeIn = r.number(*o, "fade_in", QStringLiteral("music.fade_in"), m.fadeIn);
            m.fadeOut = r.number(*o, "fade_out", QStringLiteral("music.fade_out"), m.fadeOut);
            p.music = m;
        }
        if (const auto o = r.object(root, "captions", QStringLiteral("captions"), true))
            p.captions = readCaptions(r, *o, QStringLiteral("captions"));
        const QJsonValue loudness = root.value(QLatin1String("loudness_lufs"));
        if (loudness.isNull())
            p.loudnessLufs.reset();
        else if (!loudness.isUndefined())
            p.loudnessLufs =
                r.number(root, "loudness_lufs", QStringLiteral("loudness_lufs"), std::nullopt);
    }

    const QJsonValue scenesValue = root.value(QLatin1String("scenes"));
    if (scenesValue.isUndefined())
        r.fail(QStringLiteral("scenes"), QStringLiteral("required"));
    if (!scenesValue.isArray())
        r.fail(QStringLiteral("scenes"),
               QStringLiteral("must be an array, not %1").arg(jsonTypeName(scenesValue)));
    const QJsonArray scenes = scenesValue.toArray();
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        const QString at = QStringLiteral("scenes[%1]").arg(i);
        if (!scenes[i].isObject())
            r.fail(at, QStringLiteral("must be an object, not %1").arg(jsonTypeName(scenes[i])));
        const QJsonObject s = scenes[i].toObject();
        Scene scene;
        if (v1) {
            r.checkKeys(s, at + QLatin1Char('.'), {"image", "duration", "caption", "layout"});
            scene.media = r.string(s, "image", at + QStringLiteral(".image"), std::nullopt);
        } else {
            r.checkKeys(s, at + QLatin1Char('.'),
                        {"media", "image", "duration", "narration", "voice", "voice_file",
                         "caption", "captions", "timing", "layout", "motion", "transition",
                         "clip"});
            if (s.contains(QLatin1String("media")) && s.contains(QLatin1String("image")))
                r.fail(at + QStringLiteral(".image"),
                       QStringLiteral("is the old name of \"media\"; give only one of them"));
            const char *mediaKey = s.contains(QLatin1String("image")) ? "image" : "media";
            scene.media =
                r.string(s, mediaKey, at + QLatin1Char('.') + QLatin1String(mediaKey), QString());
            scene.narration =
                r.string(s, "narration", at + QStringLiteral(".narration"), QString());
            scene.voiceFile =
                r.string(s, "voice_file", at + QStringLiteral(".voice_file"), QString());
            if (const auto o = r.object(s, "voice", at + QStringLiteral(".voice"), true))
                scene.voice = readVoice(r, *o, at + QStringLiteral(".voice"));
            if (const auto o = r.object(s, "captions", at + QStringLiteral(".captions"), true))
                scene.captions = readCaptions(r, *o, at + QStringLiteral(".captions"));
            scene.timing = r.string(s, "timing", at + QStringLiteral(".timing"), QString());
            if (s.contains(QLatin1String("timing")) && scene.timing.trimmed().isEmpty())
                r.fail(at + QStringLiteral(".timing"), QStringLiteral("must not be empty"));
            scene.motion = readMotion(r, s, at);
            if (const auto o = r.object(s, "transition", at + QStringLiteral(".transition"), true))
                scene.transition = readTransition(r, *o, at + QStringLiteral(".transition"));
            if (const auto o = r.object(s, "clip", at + QStringLiteral(".clip"), true))
                scene.clip = readClip(r, *o, at + QStringLiteral(".clip"));
        }
        const QJsonValue duration = s.value(QLatin1String("duration"));
        if (!v1 && duration.isString()) {
            if (duration.toString() != QLatin1String("auto"))
                r.fail(at + QStringLiteral(".duration"),
                       QStringLiteral("must be a number of seconds or \"auto\", not \"%1\"%2")
                           .arg(duration.toString(), placeholderHint(duration)));
            scene.autoDuration = true;
        } else {
            scene.duration =
                r.number(s, "duration", at + QStringLiteral(".duration"), std::nullopt);
        }
        if (s.contains(QLatin1String("caption")) && !s.value(QLatin1String("caption")).isNull())
            scene.caption = r.string(s, "caption", at + QStringLiteral(".caption"), std::nullopt);
        const QString layout =
            r.string(s, "layout", at + QStringLiteral(".layout"), QStringLiteral("center"));
        const auto parsed = layoutFromName(layout);
        if (!parsed)
            r.fail(
                at + QStringLiteral(".layout"),
                QStringLiteral("must be \"center\", \"top\" or \"fill\", not \"%1\"").arg(layout));
        scene.layout = *parsed;
        p.scenes.append(scene);
    }

    if (const QString problem = p.validationError(strictness); !problem.isEmpty())
        throwBadInput(sourceName + QStringLiteral(": ") + problem);
    return p;
}

QString Project::validationError(Strictness strictness) const
{
    QString key;
    if (const QString problem = checkOutputSettings(output, &key); !problem.isEmpty())
        return QStringLiteral("output.%1: %2").arg(key, problem);
    if (!std::isfinite(backgroundStart) || backgroundStart < 0)
        return QStringLiteral("background_start: must be 0 or more, not %1").arg(backgroundStart);
    if (background.trimmed().isEmpty())
        return QStringLiteral("background: must not be empty");
    if (const QString problem =
            checkVoice({voice.name.isEmpty() ? std::nullopt : std::optional(voice.name), voice.rate,
                        voice.pitch},
                       QStringLiteral("voice"));
        !problem.isEmpty())
        return problem;
    if (music) {
        if (music->file.trimmed().isEmpty())
            return QStringLiteral("music.file: must not be empty");
        for (const QString &problem :
             {outsideRange(QStringLiteral("music.volume_db"), music->volumeDb,
                           MusicSettings::kMinVolumeDb, MusicSettings::kMaxVolumeDb),
              outsideRange(QStringLiteral("music.duck_db"), music->duckDb,
                           MusicSettings::kMinDuckDb, MusicSettings::kMaxDuckDb),
              outsideRange(QStringLiteral("music.fade_in"), music->fadeIn, 0,
                           MusicSettings::kMaxFadeSeconds),
              outsideRange(QStringLiteral("music.fade_out"), music->fadeOut, 0,
                           MusicSettings::kMaxFadeSeconds)})
            if (!problem.isEmpty())
                return problem;
    }
    if (loudnessLufs)
        if (const QString problem =
                outsideRange(QStringLiteral("loudness_lufs"), *loudnessLufs,
                             LoudnessTarget::kMinLufs, LoudnessTarget::kMaxLufs);
            !problem.isEmpty())
            return problem;
    if (const QString problem = captions.validationError(QStringLiteral("captions"));
        !problem.isEmpty())
        return problem;
    if (scenes.isEmpty())
        return strictness == Strictness::Draft ? QString()
                                               : QStringLiteral("scenes: needs at least one scene");
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        const Scene &s = scenes[i];
        const QString at = QStringLiteral("scenes[%1]").arg(i);
        if (version == 1 && s.media.trimmed().isEmpty())
            return at + QStringLiteral(".image: must not be empty");
        if (s.narration.size() > Scene::kMaxNarrationCharacters)
            return QStringLiteral("%1.narration: %2 characters is over the limit of %3")
                .arg(at)
                .arg(s.narration.size())
                .arg(Scene::kMaxNarrationCharacters);
        if (const QString problem = checkVoice(s.voice, at + QStringLiteral(".voice"));
            !problem.isEmpty())
            return problem;
        if (const QString problem = s.captions.validationError(at + QStringLiteral(".captions"));
            !problem.isEmpty())
            return problem;
        if (const QString problem =
                outsideRange(at + QStringLiteral(".transition.duration"), s.transition.duration,
                             Transition::kMinSeconds, Transition::kMaxSeconds);
            !problem.isEmpty())
            return problem;
        if (s.clip) {
            if (s.media.trimmed().isEmpty())
                return at + QStringLiteral(".clip: needs a video clip as the scene's media");
            if (!std::isfinite(s.clip->start) || s.clip->start < 0)
                return QStringLiteral("%1.clip.start: must be 0 or more, not %2")
                    .arg(at)
                    .arg(s.clip->start);
            if (s.clip->volumeDb)
                if (const QString problem =
                        outsideRange(at + QStringLiteral(".clip.volume_db"), *s.clip->volumeDb,
                                     ClipSettings::kMinVolumeDb, ClipSettings::kMaxVolumeDb);
                    !problem.isEmpty())
                    return problem;
        }
        if (s.autoDuration && !s.hasVoice())
            return at + QStringLiteral(".duration: \"auto\" follows the scene's voice, and this "
                                       "scene has none (no narration, no voice_file)");
        if (s.autoDuration && s.duration == 0)
            continue; // not resolved yet
        if (!std::isfinite(s.duration) || s.duration <= 0)
            return QStringLiteral("%1.duration: must be > 0, not %2").arg(at).arg(s.duration);
        if (s.duration > kMaxTotalSeconds)
            return QStringLiteral("%1.duration: must be at most %2 s (3 h), not %3")
                .arg(at)
                .arg(kMaxTotalSeconds)
                .arg(s.duration);
    }
    if (!durationsResolved())
        return {}; // the totals are checked again once the voices are known
    if (totalDuration() > kMaxTotalSeconds)
        return QStringLiteral("scenes: total duration %1 s is over the 3 h limit")
            .arg(totalDuration());
    if (frameCount() < 1)
        return QStringLiteral("scenes: total duration %1 s is shorter than one frame at %2 fps")
            .arg(totalDuration())
            .arg(output.fps);
    return {};
}

void Project::upgradeToCurrentVersion()
{
    if (version == kCurrentVersion)
        return;
    if (!audio.isEmpty())
        music = MusicSettings{audio, 0.0, 0.0, 0.0, 0.4};
    audio.clear();
    loudnessLufs.reset();
    // Captions keep version 1's look in the style keys' terms: its size
    // (6.2 % of the width: 44.6 px at 720), its outline (a pen 16 % of the
    // size, half of it outside the letters) in its dark colour, centred on
    // 75 % of the height. (Its outline's 92 % alpha has no key; the version 2
    // safe area keeps a long caption off the platforms' bottom band.)
    if (captions.isEmpty()) {
        captions.size = 44.6;
        captions.outline = 3.6;
        captions.outlineColor = QColor(12, 12, 16);
        captions.position = 0.75;
    }
    version = kCurrentVersion;
}

QByteArray Project::toJson() const
{
    if (version != kCurrentVersion) {
        Project upgraded = *this;
        upgraded.upgradeToCurrentVersion();
        return upgraded.toJson();
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), kCurrentVersion);
    root.insert(QStringLiteral("background"), background);
    root.insert(QStringLiteral("background_start"), backgroundStart);
    QJsonObject o;
    for (const OutputLimit &limit : outputLimits())
        if (limit.inProject)
            o.insert(QLatin1String(limit.key), output.*limit.member);
    o.insert(QStringLiteral("preset"), output.preset);
    if (!output.profile.isEmpty())
        o.insert(QStringLiteral("profile"), output.profile);
    if (output.softSubtitles)
        o.insert(QStringLiteral("soft_subtitles"), true);
    root.insert(QStringLiteral("output"), o);
    const QJsonObject voiceObject =
        voiceJson({voice.name.isEmpty() ? std::nullopt : std::optional(voice.name),
                   voice.rate != 1.0 ? std::optional(voice.rate) : std::nullopt,
                   voice.pitch != 1.0 ? std::optional(voice.pitch) : std::nullopt});
    if (!voiceObject.isEmpty())
        root.insert(QStringLiteral("voice"), voiceObject);
    if (const std::optional<MusicSettings> &savedMusic = music) {
        QJsonObject m;
        m.insert(QStringLiteral("file"), savedMusic->file);
        m.insert(QStringLiteral("volume_db"), savedMusic->volumeDb);
        m.insert(QStringLiteral("duck_db"), savedMusic->duckDb);
        m.insert(QStringLiteral("fade_in"), savedMusic->fadeIn);
        m.insert(QStringLiteral("fade_out"), savedMusic->fadeOut);
        root.insert(QStringLiteral("music"), m);
    }
    root.insert(QStringLiteral("loudness_lufs"),
                loudnessLufs ? QJsonValue(*loudnessLufs) : QJsonValue(QJsonValue::Null));
    if (!captions.isEmpty())
        root.insert(QStringLiteral("captions"), captions.toJson());
    QJsonArray list;
    for (const Scene &s : scenes) {
        QJsonObject js;
        if (!s.media.isEmpty())
            js.insert(QStringLiteral("media"), s.media);
        js.insert(QStringLiteral("duration"),
                  s.autoDuration ? QJsonValue(QStringLiteral("auto")) : QJsonValue(s.duration));
        if (!s.narration.isEmpty())
            js.insert(QStringLiteral("narration"), s.narration);
        if (!s.voice.isEmpty())
            js.insert(QStringLiteral("voice"), voiceJson(s.voice));
        if (!s.voiceFile.isEmpty())
            js.insert(QStringLiteral("voice_file"), s.voiceFile);
        if (s.caption)
            js.insert(QStringLiteral("caption"), *s.caption);
        if (!s.captions.isEmpty())
            js.insert(QStringLiteral("captions"), s.captions.toJson());
        if (!s.timing.isEmpty())
            js.insert(QStringLiteral("timing"), s.timing);
        js.insert(QStringLiteral("layout"), layoutName(s.layout));
        if (s.motion != Motion::None)
            js.insert(QStringLiteral("motion"), motionName(s.motion));
        if (!s.transition.isCut())
            js.insert(QStringLiteral("transition"), transitionJson(s.transition));
        if (s.clip)
            js.insert(QStringLiteral("clip"), clipJson(*s.clip));
        list.append(js);
    }
    root.insert(QStringLiteral("scenes"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void Project::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwFailure(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray bytes = toJson();
    if (file.write(bytes) != bytes.size() || !file.commit())
        throwFailure(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
}

QString Project::resolve(const QString &path) const
{
    if (path.isEmpty() || QFileInfo(path).isAbsolute())
        return path;
    return QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).filePath(path);
}

bool Project::backgroundIsBuiltin() const
{
    return builtinBackgroundNames().contains(background);
}

CaptionStyle Project::captionStyleOf(int scene) const
{
    if (version == 1) {
        CaptionStyle legacy;
        legacy.legacy = true;
        return legacy;
    }
    CaptionStyle style = scenes[scene].captions.over(captions.over(CaptionStyle()));
    if (style.fontIsFile())
        style.font = resolve(style.font);
    return style;
}

double Project::totalDuration() const
{
    double total = 0;
    for (const Scene &s : scenes)
        total += s.duration;
    return total;
}

bool Project::hasMixedSound() const
{
    if (version == 1)
        return false;
    if (music)
        return true;
    for (const Scene &s : scenes)
        if (s.hasVoice() || s.clipSettings().volumeDb)
            return true;
    return false;
}

bool Project::durationsResolved() const
{
    for (const Scene &s : scenes)
        if (s.autoDuration && s.duration <= 0)
            return false;
    return true;
}

bool Project::operator==(const Project &other) const
{
    return version == other.version && background == other.background &&
           backgroundStart == other.backgroundStart && audio == other.audio &&
           output == other.output && voice == other.voice && music == other.music &&
           loudnessLufs == other.loudnessLufs && captions == other.captions &&
           scenes == other.scenes;
}

} // namespace reelsmith
