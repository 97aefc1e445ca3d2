#pragma once

#include <QString>

namespace reelsmith::editor {

// One numbering for scenes in everything the editor shows: the list counts
// from 1 ("2. Sunset"), and so does its text ("scene 2"). The engine's
// messages name the project key instead ("scenes[1].media", counted from 0,
// as the file and the CLI do); the editor keeps that key for reference but
// leads with the number the list shows.

// "scene 2" for row 1.
QString sceneLabel(int row);
// Every "scenes[N]…" key in an engine message preceded by the list's number:
// "scenes[1].media: x.jpg: empty file" -> "scene 2 (scenes[1].media): x.jpg: empty file".
QString withSceneNumbers(const QString &message);

} // namespace reelsmith::editor
