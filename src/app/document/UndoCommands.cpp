#include "document/UndoCommands.h"

#include <algorithm>

namespace reelsmith::editor {

namespace {

// One translation context for all the commands' own texts.
constexpr const char *kContext = "UndoCommands";

// Ids for mergeWith(): commands of different kinds never merge.
constexpr int kSceneEditId = 1000;
constexpr int kSettingsEditId = 2000;

} // namespace

void TranslatedCommand::retranslate(QUndoStack *stack)
{
    // QUndoStack hands out its steps as const; their texts are display
    // state, not part of the edit, so changing them in place is sound.
    for (int i = 0; i < stack->count(); ++i)
        retranslate(const_cast<QUndoCommand *>(stack->command(i)));
}

void TranslatedCommand::retranslate(QUndoCommand *command)
{
    if (auto *translated = dynamic_cast<TranslatedCommand *>(command))
        if (translated->m_text.source)
            translated->setText(translated->m_text.translated());
    for (int i = 0; i < command->childCount(); ++i)
        retranslate(const_cast<QUndoCommand *>(command->child(i)));
}

InsertScenesCommand::InsertScenesCommand(ProjectDocument *doc, int row, QList<Scene> scenes,
                                         UndoText text)
    : TranslatedCommand(text), m_doc(doc), m_row(std::clamp(row, 0, doc->sceneCount())),
      m_scenes(std::move(scenes))
{
}

void InsertScenesCommand::redo()
{
    m_doc->insertScenes(m_row, m_scenes);
}

void InsertScenesCommand::undo()
{
    QList<int> rows;
    for (int i = 0; i < m_scenes.size(); ++i)
        rows.append(m_row + i);
    m_doc->takeScenes(rows);
}

RemoveScenesCommand::RemoveScenesCommand(ProjectDocument *doc, QList<int> rows)
    : TranslatedCommand(
          {kContext, QT_TRANSLATE_N_NOOP("UndoCommands", "Delete %n scene(s)"), int(rows.size())}),
      m_doc(doc), m_rows(std::move(rows))
{
    std::sort(m_rows.begin(), m_rows.end());
    m_rows.erase(std::unique(m_rows.begin(), m_rows.end()), m_rows.end());
}

void RemoveScenesCommand::redo()
{
    m_removed = m_doc->takeScenes(m_rows);
}

void RemoveScenesCommand::undo()
{
    m_doc->insertScenesAt(m_rows, m_removed);
}

MoveScenesCommand::MoveScenesCommand(ProjectDocument *doc, QList<int> rows, int before)
    : TranslatedCommand(
          {kContext, QT_TRANSLATE_N_NOOP("UndoCommands", "Move %n scene(s)"), int(rows.size())}),
      m_doc(doc)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const int count = doc->sceneCount();
    QList<int> rest;
    for (int row = 0; row < count; ++row)
        if (!rows.contains(row))
            rest.append(row);
    // Scenes in front of `before` that stay: the moved block goes after them.
    const int insertAt =
        int(std::count_if(rest.cbegin(), rest.cend(), [before](int row) { return row < before; }));
    m_order = rest.mid(0, insertAt) + rows + rest.mid(insertAt);
    for (int i = 0; i < rows.size(); ++i)
        m_rows.append(insertAt + i);
}

bool MoveScenesCommand::changesOrder() const
{
    for (int i = 0; i < m_order.size(); ++i)
        if (m_order.at(i) != i)
            return true;
    return false;
}

QList<int> MoveScenesCommand::movedRows() const
{
    return m_rows;
}

void MoveScenesCommand::redo()
{
    m_doc->reorderScenes(m_order);
}

void MoveScenesCommand::undo()
{
    QList<int> inverse(m_order.size());
    for (int i = 0; i < m_order.size(); ++i)
        inverse[m_order.at(i)] = i;
    m_doc->reorderScenes(inverse);
}

EditSceneCommand::EditSceneCommand(ProjectDocument *doc, int row, Scene after, Field field,
                                   QUndoCommand *parent, int mergeKey)
    : TranslatedCommand({}, parent), m_doc(doc), m_row(row), m_before(doc->scene(row)),
      m_after(std::move(after)), m_field(field), m_mergeKey(mergeKey)
{
    switch (field) {
    case Field::Image:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change picture")});
        break;
    case Field::Duration:
        // A length that followed the voice and now is fixed: say so, the
        // scene no longer changes when the narration does.
        if (m_before.autoDuration && !m_after.autoDuration)
            setUndoText(
                {kContext,
                 QT_TRANSLATE_NOOP("UndoCommands", "Fix duration (no longer follows the voice)")});
        else
            setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change duration")});
        break;
    case Field::Caption:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Edit caption")});
        break;
    case Field::Layout:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change layout")});
        break;
    case Field::Narration:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Edit narration")});
        break;
    case Field::Voice:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change voice")});
        break;
    case Field::VoiceFile:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change recording")});
        break;
    case Field::Several:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Edit scene")});
        break;
    case Field::Motion:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change motion")});
        break;
    case Field::Transition:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change transition")});
        break;
    case Field::ClipStart:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change clip start")});
        break;
    case Field::ClipFit:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change clip ending")});
        break;
    case Field::ClipVolume:
        setUndoText({kContext, QT_TRANSLATE_NOOP("UndoCommands", "Change clip sound")});
        break;
    }
}

void EditSceneCommand::redo()
{
    m_doc->setScene(m_row, m_after);
}

void EditSceneCommand::undo()
{
    m_sealed = true;
    m_doc->setScene(m_row, m_before);
}

int EditSceneCommand::id() const
{
    return kSceneEditId;
}

bool EditSceneCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditSceneCommand *>(other);
    if (m_sealed || edit->m_row != m_row || edit->m_field != m_field ||
        edit->m_mergeKey != m_mergeKey ||
        (m_field != Field::Caption && m_field != Field::Duration && m_field != Field::Narration &&
         m_field != Field::Voice && m_field != Field::Transition && m_field != Field::ClipStart &&
         m_field != Field::ClipVolume))
        return false;
    m_after = edit->m_after;
    setObsolete(m_after == m_before);
    return true;
}

EditSettingsCommand::EditSettingsCommand(ProjectDocument *doc, ProjectDocument::Settings after,
                                         UndoText text, int mergeKey)
    : TranslatedCommand(text), m_doc(doc), m_before(doc->settings()), m_after(std::move(after)),
      m_mergeKey(mergeKey)
{
}

void EditSettingsCommand::redo()
{
    m_doc->setSettings(m_after);
}

void EditSettingsCommand::undo()
{
    m_sealed = true;
    m_doc->setSettings(m_before);
}

int EditSettingsCommand::id() const
{
    return m_mergeKey > 0 ? kSettingsEditId + m_mergeKey : -1;
}

bool EditSettingsCommand::mergeWith(const QUndoCommand *other)
{
    if (m_sealed)
        return false;
    m_after = static_cast<const EditSettingsCommand *>(other)->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace reelsmith::editor
