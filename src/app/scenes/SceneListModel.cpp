#include "scenes/SceneListModel.h"

#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "scenes/ThumbnailCache.h"

#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QMimeData>
#include <QUrl>

namespace reelsmith::editor {

SceneListModel::SceneListModel(ProjectDocument *doc, ThumbnailCache *thumbnails, QObject *parent)
    : QAbstractListModel(parent), m_doc(doc), m_thumbnails(thumbnails)
{
    // The document tells before and after each step of a change, so the
    // rows change exactly as the scenes do and selections follow them. Only
    // a new project resets the list.
    connect(doc, &ProjectDocument::projectAboutToBeReplaced, this,
            &SceneListModel::beginResetModel);
    connect(doc, &ProjectDocument::projectReplaced, this, [this] {
        endResetModel();
        checkPictures(0, m_doc->sceneCount() - 1);
    });
    connect(doc, &ProjectDocument::scenesAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(doc, &ProjectDocument::scenesInserted, this, [this](int first, int last) {
        endInsertRows();
        checkPictures(first, last);
    });
    connect(doc, &ProjectDocument::scenesAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(doc, &ProjectDocument::scenesRemoved, this, &SceneListModel::endRemoveRows);
    connect(doc, &ProjectDocument::sceneAboutToBeMoved, this, [this](int from, int to) {
        // Qt counts the destination before the move: below the moved row
        // it is the row after the one it lands on.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    });
    connect(doc, &ProjectDocument::sceneMoved, this, &SceneListModel::endMoveRows);
    connect(doc, &ProjectDocument::sceneChanged, this, [this](int row) {
        emit dataChanged(index(row), index(row));
        checkPictures(row, row); // a new picture (a relink) is checked at once
    });
    connect(thumbnails, &ThumbnailCache::ready, this, [this](const QString &path) {
        for (int row = 0; row < m_doc->sceneCount(); ++row)
            if (m_doc->scene(row).media == path)
                emit dataChanged(index(row), index(row),
                                 {Qt::DecorationRole, Qt::DisplayRole, Qt::ToolTipRole,
                                  PictureStateRole, PictureProblemRole});
    });
}

void SceneListModel::checkPictures(int first, int last)
{
    for (int row = std::max(first, 0); row <= last && row < m_doc->sceneCount(); ++row)
        if (!m_doc->scene(row).media.isEmpty())
            (void)m_thumbnails->check(m_doc->scene(row).media, ThumbnailCache::Kind::Picture,
                                      m_doc->scene(row).clipSettings().start);
}

namespace {

using State = ThumbnailCache::Check::State;

// The row's line about its picture.
QString problemLine(const ThumbnailCache::Check &check)
{
    switch (check.state) {
    case State::Missing:
        return SceneListModel::tr("Missing file");
    case State::Broken:
        return SceneListModel::tr("Cannot be used: %1").arg(check.reason);
    case State::Damaged:
        return SceneListModel::tr("Damaged: %1").arg(check.reason);
    case State::Unknown:
    case State::Ok:
        break;
    }
    return {};
}

} // namespace

int SceneListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_doc->sceneCount();
}

QVariant SceneListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_doc->sceneCount())
        return {};
    const Scene &scene = m_doc->scene(index.row());
    // A text card has no picture to check.
    const ThumbnailCache::Check check =
        scene.media.isEmpty() ? ThumbnailCache::Check{State::Ok, {}}
                              : m_thumbnails->check(scene.media, ThumbnailCache::Kind::Picture,
                                                    scene.clipSettings().start);
    switch (role) {
    case Qt::DisplayRole: {
        QString title = scene.shownCaption().simplified();
        if (title.isEmpty())
            title = QFileInfo(scene.media).fileName();
        if (title.size() > 40)
            title = title.left(39) + QChar(0x2026);
        QString text = tr("%1\n%2 s · %3")
                           .arg(title)
                           .arg(QLocale().toString(scene.duration, 'g', 4))
                           .arg(layoutTitle(scene.layout));
        if (const QString problem = problemLine(check); !problem.isEmpty())
            text += QLatin1Char('\n') + problem;
        return text;
    }
    case PictureStateRole:
        return int(check.state);
    case PictureProblemRole:
        return problemLine(check);
    case Qt::DecorationRole: {
        // A clip shows its frame at the scene's start.
        const QImage thumb = m_thumbnails->thumbnail(scene.media, ThumbnailCache::Kind::Picture,
                                                     scene.clipSettings().start);
        if (!thumb.isNull())
            return thumb;
        QImage placeholder(m_thumbnails->size(), QImage::Format_ARGB32_Premultiplied);
        placeholder.fill(Qt::transparent);
        return placeholder;
    }
    case Qt::ToolTipRole: {
        QString tip = QDir::toNativeSeparators(scene.media);
        if (check.state == State::Missing)
            tip += QLatin1Char('\n') +
                   tr("Missing file: it was moved, renamed or deleted. Scenes → Relink Missing "
                      "Picture… points the scene to its new place.");
        else if (const QString problem = problemLine(check); !problem.isEmpty())
            tip += QLatin1Char('\n') + problem;
        return tip;
    }
    default:
        return {};
    }
}

Qt::ItemFlags SceneListModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index) | Qt::ItemIsDropEnabled;
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList SceneListModel::mimeTypes() const
{
    return {QString::fromLatin1(kSceneRowsMime), QStringLiteral("text/uri-list")};
}

QMimeData *SceneListModel::mimeData(const QModelIndexList &indexes) const
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    QList<int> rows;
    for (const QModelIndex &index : indexes)
        rows.append(index.row());
    stream << rows;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kSceneRowsMime), bytes);
    return mime;
}

Qt::DropActions SceneListModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions SceneListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

bool SceneListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                     const QModelIndex &) const
{
    return data->hasFormat(QString::fromLatin1(kSceneRowsMime)) ||
           !mediaPaths(data->urls()).isEmpty();
}

bool SceneListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                  const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    // Dropped onto an item: in front of it; onto empty space: at the end.
    const int before = row >= 0 ? row : parent.isValid() ? parent.row() : m_doc->sceneCount();
    if (data->hasFormat(QString::fromLatin1(kSceneRowsMime))) {
        QList<int> rows;
        QDataStream stream(data->data(QString::fromLatin1(kSceneRowsMime)));
        stream >> rows;
        const QList<int> moved = moveScenes(m_doc, rows, before);
        if (!moved.isEmpty())
            emit rowsDropped(moved);
        // The move is done; returning false keeps the view from also
        // removing the dragged rows.
        return false;
    }
    const QStringList paths = mediaPaths(data->urls());
    if (paths.isEmpty())
        return false;
    if (std::any_of(paths.cbegin(), paths.cend(),
                    [](const QString &path) { return !looksLikePicture(path); })) {
        emit mediaDropped(paths, before);
        return true;
    }
    const QList<int> added = addPictures(m_doc, paths, before);
    if (!added.isEmpty())
        emit rowsDropped(added);
    return !added.isEmpty();
}

} // namespace reelsmith::editor
