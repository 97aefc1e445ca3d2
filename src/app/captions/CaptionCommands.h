#pragma once

#include "document/UndoText.h"
#include "project/Project.h"

#include <QList>

namespace reelsmith::editor {

class ProjectDocument;

// What a caption edit sets: the project's default style (row -1) or a
// scene's own style and timing file.
struct CaptionsEdit
{
    int row = -1;
    CaptionStyleOverride style;
    QString timing; // scenes only
    bool operator==(const CaptionsEdit &) const = default;
};

// One undo step changing caption styles (the project's, or those of several
// scenes at once) and timing files, and nothing else of the project.
class EditCaptionsCommand : public TranslatedCommand
{
public:
    // `mergeKey` > 0 merges consecutive edits with the same key and rows
    // (one slider drag is one step); 0 never merges.
    EditCaptionsCommand(ProjectDocument *doc, QList<CaptionsEdit> after, UndoText text,
                        int mergeKey = 0);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    // What the document holds now for the rows `edits` name.
    static QList<CaptionsEdit> current(const ProjectDocument *doc,
                                       const QList<CaptionsEdit> &edits);

private:
    void apply(const QList<CaptionsEdit> &edits);

    ProjectDocument *m_doc;
    QList<CaptionsEdit> m_before;
    QList<CaptionsEdit> m_after;
    int m_mergeKey;
    // Once undone, the next edit is a step of its own (as EditSceneCommand).
    bool m_sealed = false;
};

} // namespace reelsmith::editor
