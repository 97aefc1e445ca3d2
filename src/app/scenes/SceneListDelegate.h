#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace reelsmith::editor {

// Draws each scene of the list with its number ("3. …"), and a warning or
// error icon over the thumbnail of a scene whose picture is damaged, broken
// or missing (the row's text says why). The number is the row's place, not
// the scene's data: kept out of the model, so an insert, removal or move
// changes no other row's data.
class SceneListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // The icon for a SceneListModel::PictureStateRole value; null when the
    // picture is fine.
    static QIcon problemIcon(int pictureState, const QStyle *style);
    // Where that icon goes: the top-left corner of the thumbnail.
    static QRect problemIconRect(const QRect &decoration);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace reelsmith::editor
