#pragma once

#include <QAction>
#include <QList>
#include <QPointer>

#include <functional>

class QAbstractItemView;

namespace reelsmith::editor {

class ProjectDocument;

// Points scenes whose pictures are missing to where the files are now, as one
// undoable step: `row` gets `newPath`, and so does every scene that used the
// same missing file; every other scene whose picture is missing gets the file
// of the same name in newPath's folder, when there is one (a moved folder is
// relinked by relinking one picture). Returns the rows that changed.
QList<int> relinkPictures(ProjectDocument *doc, int row, const QString &newPath);

// "Relink…" for the scene list: enabled when the current (or a selected)
// scene's picture is missing (SceneListModel::PictureStateRole); asks for the
// file's new place and relinks with relinkPictures(). Activating (double
// click, Enter) a missing scene's row does the same.
class RelinkAction : public QAction
{
    Q_OBJECT
public:
    // Asks where the missing file is now; an empty answer cancels.
    using Chooser = std::function<QString(const QString &missingPath)>;

    RelinkAction(ProjectDocument *doc, QAbstractItemView *view, QObject *parent = nullptr);
    // Replaces the file dialog (tests).
    void setChooser(Chooser chooser) { m_chooser = std::move(chooser); }

signals:
    // After a relink: how many scenes now point to files in `folder`.
    void relinked(int scenes, const QString &folder);

private:
    int missingRow() const;
    void updateEnabled();
    void relinkRow(int row);
    QString choose(const QString &missingPath) const;
    void retranslate();
    bool event(QEvent *event) override;

    ProjectDocument *m_doc;
    QPointer<QAbstractItemView> m_view;
    Chooser m_chooser;
};

} // namespace reelsmith::editor
