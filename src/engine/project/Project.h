#pragma once

#include "core/OutputSettings.h"
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
    // Where the scenes sit in frames; see Timeline for the rules.
    Timeline timeline() const { return Timeline(*this); }
    qint64 frameCount() const { return timeline().frameCount(); }

    bool operator==(const Project &other) const;
};

QStringList builtinBackgroundNames();

} // namespace reelsmith
