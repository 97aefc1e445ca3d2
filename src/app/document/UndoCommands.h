#pragma once

#include "document/ProjectDocument.h"
#include "document/UndoText.h"

namespace reelsmith::editor {

// One small command per edit; the document's raw mutations do the work.

class InsertScenesCommand : public TranslatedCommand
{
public:
    InsertScenesCommand(ProjectDocument *doc, int row, QList<Scene> scenes, UndoText text);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    int m_row;
    QList<Scene> m_scenes;
};

class RemoveScenesCommand : public TranslatedCommand
{
public:
    RemoveScenesCommand(ProjectDocument *doc, QList<int> rows);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    QList<int> m_rows; // ascending
    QList<Scene> m_removed;
};

// Moves the scenes at `rows` so that they end up, in their current order,
// in front of the scene that is at `before` now (sceneCount(): at the end).
class MoveScenesCommand : public TranslatedCommand
{
public:
    MoveScenesCommand(ProjectDocument *doc, QList<int> rows, int before);
    void redo() override;
    void undo() override;
    // Where the moved scenes are after redo().
    QList<int> movedRows() const;
    bool changesOrder() const;

private:
    ProjectDocument *m_doc;
    QList<int> m_order; // new order: old row at each position
    QList<int> m_rows;
};

class EditSceneCommand : public TranslatedCommand
{
public:
    // What was edited; consecutive edits of the same field of the same scene
    // (typing a caption, spinning a duration) merge into one step.
    enum class Field {
        Image,
        Duration,
        Caption,
        Layout,
        Narration,
        Voice,
        VoiceFile,
        Several,
        Motion,
        Transition,
        ClipStart,
        ClipFit,
        ClipVolume,
    };

    // `mergeKey` keeps apart runs of edits that would otherwise merge: a
    // drag of a scene's end is one step, the next drag another (0: typing).
    EditSceneCommand(ProjectDocument *doc, int row, Scene after, Field field,
                     QUndoCommand *parent = nullptr, int mergeKey = 0);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_doc;
    int m_row;
    Scene m_before;
    Scene m_after;
    Field m_field;
    int m_mergeKey;
    // Once undone (and maybe redone), a step is what the creator saw undone:
    // the next edit is a step of its own, not merged into it.
    bool m_sealed = false;
};

class EditSettingsCommand : public TranslatedCommand
{
public:
    // `mergeKey` > 0 merges consecutive edits with the same key (scrubbing
    // the background start makes one step).
    EditSettingsCommand(ProjectDocument *doc, ProjectDocument::Settings after, UndoText text,
                        int mergeKey = 0);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    static constexpr int kBackgroundStart = 1;
    static constexpr int kMusicLevels = 2;
    static constexpr int kVoice = 3;
    static constexpr int kLoudness = 4;

private:
    ProjectDocument *m_doc;
    ProjectDocument::Settings m_before;
    ProjectDocument::Settings m_after;
    int m_mergeKey;
    bool m_sealed = false; // as EditSceneCommand's
};

} // namespace reelsmith::editor
