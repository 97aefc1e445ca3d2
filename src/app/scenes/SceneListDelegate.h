#pragma once

#include <QStyledItemDelegate>

namespace reelsmith::editor {

// Draws each scene of the list with its number ("3. …"). The number is the
// row's place, not the scene's data: kept out of the model, so an insert,
// removal or move changes no other row's data.
class SceneListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace reelsmith::editor
