#pragma once

#include "document/UndoCommands.h"
#include "project/Project.h"

#include <QList>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace reelsmith::editor {

class ProjectDocument;

// The scene edits the list, the menus and drag-and-drop share. Each pushes
// one undoable step and returns the rows the affected scenes end up at.

// One scene per picture, inserted in front of row `before`.
QList<int> addPictures(ProjectDocument *doc, const QStringList &paths, int before);
// A file to add as a scene, already probed: a picture, or a video clip of
// `clipSeconds`.
struct AddedMedia
{
    QString path;
    std::optional<double> clipSeconds; // unset: a picture
};
// One scene per file, in the order given, in front of row `before`, as one
// step: a picture lasts the default scene length, a clip clipSceneSeconds().
QList<int> addMedia(ProjectDocument *doc, const QList<AddedMedia> &files, int before);
// How long a new clip scene lasts: the clip once through, in whole frames at
// `fps` rounded down (a scene a fraction of a frame longer than its clip would
// end on the clip's first frame again), but no longer than the platform
// limit the creator chose (`limitSeconds`, 0: none): a longer clip can never
// be shown whole, and a scene that alone breaks the limit is never what was
// meant. The start is then picked by scrubbing, the length by the timeline.
double clipSceneSeconds(double clipSeconds, int fps, int limitSeconds);
// One text card per narration (duration follows the voice), in front of
// row `before`.
QList<int> addNarrations(ProjectDocument *doc, const QStringList &narrations, int before);
QList<int> moveScenes(ProjectDocument *doc, const QList<int> &rows, int before);
// Copies go right after the last selected scene.
QList<int> duplicateScenes(ProjectDocument *doc, const QList<int> &rows);
void deleteScenes(ProjectDocument *doc, const QList<int> &rows);
// Sets scene `row` to `frames` frames of the output's rate (at least one); a
// scene whose length followed its voice gets this fixed length. Edits with
// the same `mergeKey` (> 0, see newMergeKey()) make one undo step.
void resizeScene(ProjectDocument *doc, int row, qint64 frames, int mergeKey);
// A key no edit has used yet: one per drag.
int newMergeKey();
// `change` applied to each of `rows` as one undo step (edits of `field`);
// nothing is pushed when no scene changes. Consecutive edits of one scene
// with the same `mergeKey` merge as EditSceneCommand says.
void editScenes(ProjectDocument *doc, const QList<int> &rows, EditSceneCommand::Field field,
                const std::function<void(Scene &)> &change, int mergeKey = 0);

// Local files among `urls` that look like pictures (by the MIME database).
QStringList picturePaths(const QList<QUrl> &urls);
// Local files among `urls` that look like pictures or videos (by the MIME
// database), in their order: what a drop adds. Whether a video really is
// one is the engine's probe's to say (AddMedia).
QStringList mediaPaths(const QList<QUrl> &urls);
// Whether the MIME database takes `path` for a picture.
bool looksLikePicture(const QString &path);
// Local .reel.json files among `urls`.
QStringList projectPaths(const QList<QUrl> &urls);

QString layoutTitle(Layout layout);

} // namespace reelsmith::editor
