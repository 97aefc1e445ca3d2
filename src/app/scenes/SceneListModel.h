#pragma once

#include <QAbstractListModel>

namespace reelsmith::editor {

class ProjectDocument;
class ThumbnailCache;

// The scenes as a list for the scene view: thumbnail, caption or file name,
// duration and layout (SceneListDelegate draws the number). Drops reorder
// scenes (internal moves) or add pictures
// (files from the file manager); both go through the undo stack.
class SceneListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr const char *kSceneRowsMime = "application/x-reelsmith-scene-rows";

    SceneListModel(ProjectDocument *doc, ThumbnailCache *thumbnails, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // After a drop: the rows the dropped or moved scenes now occupy.
    void rowsDropped(const QList<int> &rows);

private:
    ProjectDocument *m_doc;
    ThumbnailCache *m_thumbnails;
};

} // namespace reelsmith::editor
