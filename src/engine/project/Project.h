#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace reelsmith {

enum class Layout { Center, Top, Fill };

QString layoutName(Layout layout);
std::optional<Layout> layoutFromName(const QString &name);

struct OutputSettings
{
    int width = 720;
    int height = 1280;
    int fps = 24;
    int crf = 28;
    QString preset = QStringLiteral("ultrafast");
    int threads = 2;

    QSize size() const { return {width, height}; }
    bool operator==(const OutputSettings &) const = default;
};

struct Scene
{
    QString image; // as written in the project; see Project::resolve()
    double duration = 0.0;
    QString caption;
    Layout layout = Layout::Center;

    bool operator==(const Scene &) const = default;
};

struct Project
{
    static constexpr double kMaxTotalSeconds = 3 * 60 * 60;

    QString background = QStringLiteral("minecraft");
    double backgroundStart = 0.0;
    QString audio; // empty: no soundtrack
    OutputSettings output;
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

    QByteArray toJson() const;
    // Writes atomically (QSaveFile); throws Error(Failure) naming the file.
    void save(const QString &path) const;

    // First broken rule as "key.path: problem", or an empty string when valid.
    QString validationError(Strictness strictness = Strictness::Render) const;

    QString resolve(const QString &path) const;
    bool backgroundIsBuiltin() const;

    double totalDuration() const;
    qint64 frameCount() const;
    // Scene shown at frame `frame` (time frame / fps): the one whose [start, end) holds it.
    int sceneAtFrame(qint64 frame) const;
    // First frame of scene `index`.
    qint64 firstFrameOf(int index) const;

    bool operator==(const Project &other) const;
};

QStringList builtinBackgroundNames();
QStringList x264PresetNames();

// Checks one output value against the limits; returns "problem" text or empty.
QString checkOutputSettings(const OutputSettings &output, QString *badKey);

} // namespace reelsmith
