#pragma once

#include "project/Project.h"

#include <QList>
#include <QStringList>
#include <QUrl>

namespace reelsmith::editor {

class ProjectDocument;

// The scene edits the list, the menus and drag-and-drop share. Each pushes
// one undoable step and returns the rows the affected scenes end up at.

// One scene per picture, inserted in front of row `before`.
QList<int> addPictures(ProjectDocument *doc, const QStringList &paths, int before);
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

// Local files among `urls` that look like pictures (by the MIME database).
QStringList picturePaths(const QList<QUrl> &urls);
// Local .reel.json files among `urls`.
QStringList projectPaths(const QList<QUrl> &urls);

QString layoutTitle(Layout layout);

} // namespace reelsmith::editor
