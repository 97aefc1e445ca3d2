#include "document/SceneEdits.h"

#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "settings/EditorSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>

#include <algorithm>

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

QStringList picturePaths(const QList<QUrl> &urls)
{
    static const QStringList kTypes = {QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                                       QStringLiteral("image/webp"), QStringLiteral("image/bmp")};
    const QMimeDatabase mimes;
    QStringList paths;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        if (!info.isFile())
            continue;
        const QMimeType type = mimes.mimeTypeForFile(info);
        if (std::any_of(kTypes.cbegin(), kTypes.cend(),
                        [&type](const QString &name) { return type.inherits(name); }))
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
