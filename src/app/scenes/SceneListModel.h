#pragma once

#include <QAbstractListModel>

namespace reelsmith::editor {

class ProjectDocument;
class ThumbnailCache;

// The scenes as a list for the scene view: thumbnail, caption or file name,
// duration and layout (SceneListDelegate draws the number), and what is wrong
// with the picture when something is: every picture is decoded once, off the
// UI thread, as soon as its scene is added or the project opened, so a
// missing, empty or non-picture file shows in its row before an export
// trips over it; a clip shows its frame at the scene's clip.start. Drops
// reorder scenes (internal moves) or add pictures and clips (files from the
// file manager); both go through the undo stack.
class SceneListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr const char *kSceneRowsMime = "application/x-reelsmith-scene-rows";

    enum Role {
        // int(ThumbnailCache::Check::State) of the scene's picture; Ok for a
        // text card.
        PictureStateRole = Qt::UserRole + 1,
        // One line for the row: what is wrong with the picture, empty when
        // nothing is (or while it is still being checked).
        PictureProblemRole,
    };

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
    // Files that are not all pictures were dropped in front of row `before`:
    // clips are probed before they are added (AddMedia).
    void mediaDropped(const QStringList &paths, int before);

private:
    // Starts decoding the pictures of rows [first, last].
    void checkPictures(int first, int last);

    ProjectDocument *m_doc;
    ThumbnailCache *m_thumbnails;
};

} // namespace reelsmith::editor
