#include "scenes/SceneListDelegate.h"

#include "scenes/SceneListModel.h"
#include "scenes/ThumbnailCache.h"

#include <QApplication>
#include <QPainter>

namespace reelsmith::editor {

void SceneListDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Numbered from 1, as every message of the editor numbers scenes
    // (scenes/SceneNumbers.h).
    option->text = tr("%1. %2").arg(index.row() + 1).arg(option->text);
}

QIcon SceneListDelegate::problemIcon(int pictureState, const QStyle *style)
{
    using State = ThumbnailCache::Check::State;
    switch (State(pictureState)) {
    case State::Damaged:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case State::Broken:
    case State::Missing:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case State::Unknown:
    case State::Ok:
        break;
    }
    return {};
}

QRect SceneListDelegate::problemIconRect(const QRect &decoration)
{
    const int side = std::min({24, decoration.width(), decoration.height()});
    return QRect(decoration.topLeft(), QSize(side, side));
}

void SceneListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const QIcon icon = problemIcon(index.data(SceneListModel::PictureStateRole).toInt(), style);
    if (icon.isNull())
        return;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QRect decoration =
        style->subElementRect(QStyle::SE_ItemViewItemDecoration, &opt, option.widget);
    icon.paint(painter, problemIconRect(decoration));
}

} // namespace reelsmith::editor
