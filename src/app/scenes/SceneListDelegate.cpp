#include "scenes/SceneListDelegate.h"

namespace reelsmith::editor {

void SceneListDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Numbered as in the render's messages (scene 1 is the first).
    option->text = tr("%1. %2").arg(index.row() + 1).arg(option->text);
}

} // namespace reelsmith::editor
