#include "captions/CaptionCommands.h"

#include "document/ProjectDocument.h"

namespace reelsmith::editor {

namespace {

// Apart from UndoCommands' ids: caption edits merge only with each other.
constexpr int kCaptionsEditId = 3000;

} // namespace

EditCaptionsCommand::EditCaptionsCommand(ProjectDocument *doc, QList<CaptionsEdit> after,
                                         UndoText text, int mergeKey)
    : TranslatedCommand(text), m_doc(doc), m_before(current(doc, after)), m_after(std::move(after)),
      m_mergeKey(mergeKey)
{
}

QList<CaptionsEdit> EditCaptionsCommand::current(const ProjectDocument *doc,
                                                 const QList<CaptionsEdit> &edits)
{
    QList<CaptionsEdit> now;
    for (const CaptionsEdit &edit : edits) {
        if (edit.row < 0) {
            now.append({-1, doc->project().captions, {}});
        } else {
            const Scene &scene = doc->scene(edit.row);
            now.append({edit.row, scene.captions, scene.timing});
        }
    }
    return now;
}

void EditCaptionsCommand::apply(const QList<CaptionsEdit> &edits)
{
    for (const CaptionsEdit &edit : edits) {
        if (edit.row < 0) {
            ProjectDocument::Settings settings = m_doc->settings();
            settings.captions = edit.style;
            m_doc->setSettings(settings);
        } else {
            Scene scene = m_doc->scene(edit.row);
            scene.captions = edit.style;
            scene.timing = edit.timing;
            m_doc->setScene(edit.row, scene);
        }
    }
}

void EditCaptionsCommand::redo()
{
    apply(m_after);
}

void EditCaptionsCommand::undo()
{
    m_sealed = true;
    apply(m_before);
}

int EditCaptionsCommand::id() const
{
    return m_mergeKey > 0 ? kCaptionsEditId : -1;
}

bool EditCaptionsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditCaptionsCommand *>(other);
    if (m_sealed || edit->m_mergeKey != m_mergeKey || edit->m_after.size() != m_after.size())
        return false;
    for (qsizetype i = 0; i < m_after.size(); ++i)
        if (edit->m_after.at(i).row != m_after.at(i).row)
            return false;
    m_after = edit->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace reelsmith::editor
