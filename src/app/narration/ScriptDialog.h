#pragma once

#include "narration/Script.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace reelsmith::editor {

// "New from Script…": paste or open a text, choose one scene per paragraph
// or per sentence, and see how many scenes it makes.
class ScriptDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ScriptDialog(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    ScriptSplit split() const;
    QStringList narrations() const { return splitScript(text(), split()); }

private:
    void openTextFile();
    void updateCount();

    QPlainTextEdit *m_text;
    QRadioButton *m_paragraphs;
    QRadioButton *m_sentences;
    QLabel *m_count;
    QPushButton *m_ok = nullptr;
};

} // namespace reelsmith::editor
