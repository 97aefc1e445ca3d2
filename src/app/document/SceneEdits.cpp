#include "document/SceneEdits.h"

#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "settings/EditorSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>

#include <algorithm>
#include <cmath>
#include <memory>

namespace reelsmith::editor {

namespace {

struct SceneEdits
{
    Q_DECLARE_TR_FUNCTIONS(SceneEdits)
};

QList<int> sortedUnique(QList<int> rows, int count)
{
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [count](int row) { return row < 0 || row >= count; }),
               rows.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

} // namespace

QList<int> addPictures(ProjectDocument *doc, const QStringList &paths, int before)
{
    if (paths.isEmpty())
        return {};
    QList<Scene> scenes;
    for (const QString &path : paths) {
        Scene scene;
        scene.media = QFileInfo(path).absoluteFilePath();
        scene.duration = EditorSettings::defaultSceneDuration();
        scenes.append(scene);
    }
    const int row = std::clamp(before, 0, doc->sceneCount());
    doc->undoStack()->push(new InsertScenesCommand(
        doc, row, scenes,
        UndoText{"SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Add %n picture(s)"),
                 int(scenes.size())}));
    QList<int> rows;
    for (int i = 0; i < scenes.size(); ++i)
        rows.append(row + i);
    return rows;
}

QList<int> addMedia(ProjectDocument *doc, const QList<AddedMedia> &files, int before)
{
    if (files.isEmpty())
        return {};
    const int fps = std::max(1, doc->project().output.fps);
    const int limit = EditorSettings::lengthLimitSeconds();
    QList<Scene> scenes;
    int clips = 0;
    for (const AddedMedia &file : files) {
        Scene scene;
        scene.media = QFileInfo(file.path).absoluteFilePath();
        if (file.clipSeconds) {
            scene.duration = clipSceneSeconds(*file.clipSeconds, fps, limit);
            ++clips;
        } else {
            scene.duration = EditorSettings::defaultSceneDuration();
        }
        scenes.append(scene);
    }
    const int row = std::clamp(before, 0, doc->sceneCount());
    const UndoText text =
        clips == scenes.size()
            ? UndoText{"SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Add %n clip(s)"),
                       int(scenes.size())}
        : clips == 0
            ? UndoText{"SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Add %n picture(s)"),
                       int(scenes.size())}
            : UndoText{"SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Add %n pictures and clips"),
                       int(scenes.size())};
    doc->undoStack()->push(new InsertScenesCommand(doc, row, scenes, text));
    QList<int> rows;
    for (int i = 0; i < scenes.size(); ++i)
        rows.append(row + i);
    return rows;
}

double clipSceneSeconds(double clipSeconds, int fps, int limitSeconds)
{
    if (!(clipSeconds > 0))
        return EditorSettings::defaultSceneDuration(); // a stream without a length
    fps = std::max(1, fps);
    const double cap = limitSeconds > 0 ? double(limitSeconds) : Project::kMaxTotalSeconds;
    // 1e-6: a length of exactly n frames stored as n/fps - epsilon is n frames.
    const qint64 frames = std::max<qint64>(1, qint64(std::floor(clipSeconds * fps + 1e-6)));
    return std::min(double(frames) / fps, cap);
}

QList<int> addNarrations(ProjectDocument *doc, const QStringList &narrations, int before)
{
    if (narrations.isEmpty())
        return {};
    QList<Scene> scenes;
    for (const QString &text : narrations) {
        Scene scene;
        scene.narration = text;
        scene.autoDuration = true; // its length arrives when the voice is known
        scenes.append(scene);
    }
    const int row = std::clamp(before, 0, doc->sceneCount());
    doc->undoStack()->push(new InsertScenesCommand(
        doc, row, scenes,
        UndoText{"SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Add %n narrated scene(s)"),
                 int(scenes.size())}));
    QList<int> rows;
    for (int i = 0; i < scenes.size(); ++i)
        rows.append(row + i);
    return rows;
}

QList<int> moveScenes(ProjectDocument *doc, const QList<int> &rows, int before)
{
    const QList<int> valid = sortedUnique(rows, doc->sceneCount());
    if (valid.isEmpty())
        return {};
    auto command = std::make_unique<MoveScenesCommand>(doc, valid, before);
    const QList<int> moved = command->movedRows();
    if (command->changesOrder())
        doc->undoStack()->push(command.release());
    return moved;
}

QList<int> duplicateScenes(ProjectDocument *doc, const QList<int> &rows)
{
    const QList<int> valid = sortedUnique(rows, doc->sceneCount());
    if (valid.isEmpty())
        return {};
    QList<Scene> copies;
    for (int row : valid)
        copies.append(doc->scene(row));
    const int at = valid.last() + 1;
    doc->undoStack()->push(new InsertScenesCommand(
        doc, at, copies,
        UndoText{"SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Duplicate %n scene(s)"),
                 int(copies.size())}));
    QList<int> added;
    for (int i = 0; i < copies.size(); ++i)
        added.append(at + i);
    return added;
}

void deleteScenes(ProjectDocument *doc, const QList<int> &rows)
{
    const QList<int> valid = sortedUnique(rows, doc->sceneCount());
    if (!valid.isEmpty())
        doc->undoStack()->push(new RemoveScenesCommand(doc, valid));
}

void resizeScene(ProjectDocument *doc, int row, qint64 frames, int mergeKey)
{
    if (row < 0 || row >= doc->sceneCount())
        return;
    const int fps = std::max(1, doc->project().output.fps);
    Scene scene = doc->scene(row);
    // Whole frames: the scene's end lands on the frame line the drag snapped
    // to (a scene starting at frame s and lasting k/fps ends at frame s + k).
    scene.duration = std::clamp<double>(double(std::max<qint64>(1, frames)) / fps, 1.0 / fps,
                                        Project::kMaxTotalSeconds);
    scene.autoDuration = false;
    if (!(scene == doc->scene(row)))
        doc->undoStack()->push(new EditSceneCommand(
            doc, row, scene, EditSceneCommand::Field::Duration, nullptr, mergeKey));
}

int newMergeKey()
{
    static int last = 0;
    return ++last;
}

void editScenes(ProjectDocument *doc, const QList<int> &rows, EditSceneCommand::Field field,
                const std::function<void(Scene &)> &change, int mergeKey)
{
    const QList<int> valid = sortedUnique(rows, doc->sceneCount());
    QUndoStack *undo = doc->undoStack();
    if (valid.size() == 1) {
        Scene scene = doc->scene(valid.first());
        change(scene);
        if (!(scene == doc->scene(valid.first())))
            undo->push(new EditSceneCommand(doc, valid.first(), scene, field, nullptr, mergeKey));
        return;
    }
    // Several scenes: one step holding an edit per scene that changes.
    auto group = std::make_unique<TranslatedCommand>(UndoText{
        "SceneEdits", QT_TRANSLATE_N_NOOP("SceneEdits", "Edit %n scene(s)"), int(valid.size())});
    for (int row : valid) {
        Scene scene = doc->scene(row);
        change(scene);
        if (!(scene == doc->scene(row)))
            new EditSceneCommand(doc, row, scene, field, group.get());
    }
    if (group->childCount() > 0)
        undo->push(group.release());
}

bool looksLikePicture(const QString &path)
{
    static const QStringList kTypes = {QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                                       QStringLiteral("image/webp"), QStringLiteral("image/bmp")};
    const QMimeType type = QMimeDatabase().mimeTypeForFile(path);
    return std::any_of(kTypes.cbegin(), kTypes.cend(),
                       [&type](const QString &name) { return type.inherits(name); });
}

QStringList mediaPaths(const QList<QUrl> &urls)
{
    const QMimeDatabase mimes;
    QStringList paths;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (!info.isFile())
            continue;
        if (looksLikePicture(info.absoluteFilePath()) ||
            mimes.mimeTypeForFile(info).name().startsWith(QLatin1String("video/")))
            paths.append(info.absoluteFilePath());
    }
    return paths;
}

QStringList picturePaths(const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isFile() && looksLikePicture(info.absoluteFilePath()))
            paths.append(info.absoluteFilePath());
    }
    return paths;
}

QStringList projectPaths(const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &url : urls)
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".reel.json")))
            paths.append(url.toLocalFile());
    return paths;
}

QString layoutTitle(Layout layout)
{
    switch (layout) {
    case Layout::Center:
        return SceneEdits::tr("centre");
    case Layout::Top:
        return SceneEdits::tr("top");
    case Layout::Fill:
        return SceneEdits::tr("fill");
    }
    return {};
}

} // namespace reelsmith::editor
