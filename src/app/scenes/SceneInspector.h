#pragma once

#include "document/UndoCommands.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SceneInspector;
}

namespace reelsmith::editor {

class ProjectDocument;

// Edits the selected scenes: picture, duration, layout and caption. Duration
// and layout apply to every selected scene; picture and caption to the
// current one. Every change is one undoable step.
class SceneInspector : public QWidget
{
    Q_OBJECT
public:
    explicit SceneInspector(ProjectDocument *doc, QWidget *parent = nullptr);
    ~SceneInspector() override;

    void setSelection(const QList<int> &rows, int current);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void fillLayouts();
    void edit(EditSceneCommand::Field field, const std::function<void(Scene &)> &change,
              bool allSelected);
    void choosePicture();

    std::unique_ptr<Ui::SceneInspector> m_ui;
    ProjectDocument *m_doc;
    QList<int> m_rows;
    int m_current = -1;
};

} // namespace reelsmith::editor
