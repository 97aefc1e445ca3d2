#include "project/Project.h"

#include "core/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace reelsmith {

namespace {

const QString kFormat = QStringLiteral("reelsmith-project");

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

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

    void warnUnknownKeys(const QJsonObject &object, const QString &prefix,
                         std::initializer_list<const char *> known) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool ok = false;
            for (const char *k : known)
                ok = ok || it.key() == QLatin1String(k);
            if (!ok)
                m_warnings->append(QStringLiteral("%1: %2%3: unknown key, ignored")
                                       .arg(m_source, prefix, it.key()));
        }
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
            fail(path, QStringLiteral("must be a number, not %1").arg(typeName(value)));
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
            fail(path, QStringLiteral("must be a string, not %1").arg(typeName(value)));
        return value.toString();
    }

private:
    QString m_source;
    QStringList *m_warnings;
};

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
    r.warnUnknownKeys(
        root, QString(),
        {"format", "version", "background", "background_start", "audio", "output", "scenes"});

    if (r.string(root, "format", QStringLiteral("format"), std::nullopt) != kFormat)
        r.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(kFormat));
    if (!root.value(QLatin1String("version")).isDouble())
        r.fail(QStringLiteral("version"), root.contains(QLatin1String("version"))
                                              ? QStringLiteral("must be the number 1")
                                              : QStringLiteral("required"));
    if (root.value(QLatin1String("version")).toDouble() != 1)
        r.fail(QStringLiteral("version"),
               QStringLiteral("unsupported version %1 (this program reads version 1)")
                   .arg(root.value(QLatin1String("version")).toDouble()));

    p.background = r.string(root, "background", QStringLiteral("background"), p.background);
    if (p.background.trimmed().isEmpty())
        r.fail(QStringLiteral("background"), QStringLiteral("must not be empty"));
    p.backgroundStart = r.number(root, "background_start", QStringLiteral("background_start"), 0.0);
    p.audio = r.string(root, "audio", QStringLiteral("audio"), QString());

    const QJsonValue outputValue = root.value(QLatin1String("output"));
    if (!outputValue.isUndefined()) {
        if (!outputValue.isObject())
            r.fail(QStringLiteral("output"),
                   QStringLiteral("must be an object, not %1").arg(typeName(outputValue)));
        const QJsonObject o = outputValue.toObject();
        r.warnUnknownKeys(o, QStringLiteral("output."),
                          {"width", "height", "fps", "crf", "preset", "threads"});
        OutputSettings &out = p.output;
        for (const OutputLimit &limit : outputLimits())
            if (limit.inProject)
                out.*limit.member =
                    r.integer(o, limit.key, QStringLiteral("output.") + QLatin1String(limit.key),
                              out.*limit.member);
        out.preset = r.string(o, "preset", QStringLiteral("output.preset"), out.preset);
    }

    const QJsonValue scenesValue = root.value(QLatin1String("scenes"));
    if (scenesValue.isUndefined())
        r.fail(QStringLiteral("scenes"), QStringLiteral("required"));
    if (!scenesValue.isArray())
        r.fail(QStringLiteral("scenes"),
               QStringLiteral("must be an array, not %1").arg(typeName(scenesValue)));
    const QJsonArray scenes = scenesValue.toArray();
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        const QString at = QStringLiteral("scenes[%1]").arg(i);
        if (!scenes[i].isObject())
            r.fail(at, QStringLiteral("must be an object, not %1").arg(typeName(scenes[i])));
        const QJsonObject s = scenes[i].toObject();
        r.warnUnknownKeys(s, at + QLatin1Char('.'), {"image", "duration", "caption", "layout"});
        Scene scene;
        scene.image = r.string(s, "image", at + QStringLiteral(".image"), std::nullopt);
        scene.duration = r.number(s, "duration", at + QStringLiteral(".duration"), std::nullopt);
        scene.caption = r.string(s, "caption", at + QStringLiteral(".caption"), QString());
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
    if (scenes.isEmpty())
        return strictness == Strictness::Draft ? QString()
                                               : QStringLiteral("scenes: needs at least one scene");
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        const Scene &s = scenes[i];
        if (s.image.trimmed().isEmpty())
            return QStringLiteral("scenes[%1].image: must not be empty").arg(i);
        if (!std::isfinite(s.duration) || s.duration <= 0)
            return QStringLiteral("scenes[%1].duration: must be > 0, not %2")
                .arg(i)
                .arg(s.duration);
        if (s.duration > kMaxTotalSeconds)
            return QStringLiteral("scenes[%1].duration: must be at most %2 s (3 h), not %3")
                .arg(i)
                .arg(kMaxTotalSeconds)
                .arg(s.duration);
    }
    if (totalDuration() > kMaxTotalSeconds)
        return QStringLiteral("scenes: total duration %1 s is over the 3 h limit")
            .arg(totalDuration());
    if (frameCount() < 1)
        return QStringLiteral("scenes: total duration %1 s is shorter than one frame at %2 fps")
            .arg(totalDuration())
            .arg(output.fps);
    return {};
}

QByteArray Project::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("background"), background);
    root.insert(QStringLiteral("background_start"), backgroundStart);
    if (!audio.isEmpty())
        root.insert(QStringLiteral("audio"), audio);
    QJsonObject o;
    for (const OutputLimit &limit : outputLimits())
        if (limit.inProject)
            o.insert(QLatin1String(limit.key), output.*limit.member);
    o.insert(QStringLiteral("preset"), output.preset);
    root.insert(QStringLiteral("output"), o);
    QJsonArray list;
    for (const Scene &s : scenes) {
        QJsonObject js;
        js.insert(QStringLiteral("image"), s.image);
        js.insert(QStringLiteral("duration"), s.duration);
        if (!s.caption.isEmpty())
            js.insert(QStringLiteral("caption"), s.caption);
        js.insert(QStringLiteral("layout"), layoutName(s.layout));
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

double Project::totalDuration() const
{
    double total = 0;
    for (const Scene &s : scenes)
        total += s.duration;
    return total;
}

bool Project::operator==(const Project &other) const
{
    return background == other.background && backgroundStart == other.backgroundStart &&
           audio == other.audio && output == other.output && scenes == other.scenes;
}

} // namespace reelsmith
