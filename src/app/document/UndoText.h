#pragma once

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

namespace reelsmith::editor {

// An undo step's text kept as its untranslated source, so that the steps
// already on the stack read in the language the creator switches to later
// (Edit menu, undo history). Sources are marked with QT_TR_NOOP /
// QT_TR_N_NOOP (or QT_TRANSLATE_NOOP with `context`) so lupdate finds them.
struct UndoText
{
    const char *context = nullptr;
    const char *source = nullptr;
    int n = -1; // for "%n" plurals; -1 when there is none

    QString translated() const
    {
        return source ? QCoreApplication::translate(context, source, nullptr, n) : QString();
    }
};

// A command whose text is an UndoText. On its own it is a group: its
// children (made with it as their parent) are one step, like a macro.
class TranslatedCommand : public QUndoCommand
{
public:
    explicit TranslatedCommand(UndoText text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text.translated(), parent), m_text(text)
    {
    }

    // Re-reads every step's text (and its children's) in the current language.
    static void retranslate(QUndoStack *stack);

protected:
    void setUndoText(UndoText text)
    {
        m_text = text;
        setText(text.translated());
    }

private:
    static void retranslate(QUndoCommand *command);
    UndoText m_text;
};

} // namespace reelsmith::editor
