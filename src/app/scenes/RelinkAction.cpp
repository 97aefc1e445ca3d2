#include "scenes/RelinkAction.h"

#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "document/UndoText.h"
#include "scenes/SceneListModel.h"
#include "scenes/ThumbnailCache.h"
#include "settings/EditorSettings.h"

#include <QAbstractItemView>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QStatusBar>

namespace reelsmith::editor {

namespace {

using State = ThumbnailCache::Check::State;

bool isMissing(const QModelIndex &index)
{
    return index.isValid() &&
           State(index.data(SceneListModel::PictureStateRole).toInt()) == State::Missing;
}

} // namespace

QList<int> relinkPictures(ProjectDocument *doc, int row, const QString &newPath)
{
    if (row < 0 || row >= doc->sceneCount() || newPath.isEmpty())
        return {};
    const QString oldPath = doc->scene(row).media;
    const QFileInfo chosen(newPath);
    const QDir folder = chosen.absoluteDir();
    QList<std::pair<int, QString>> changes;
    for (int i = 0; i < doc->sceneCount(); ++i) {
        const QString media = doc->scene(i).media;
        if (media.isEmpty())
            continue;
        QString target;
        if (i == row || media == oldPath) {
            target = chosen.absoluteFilePath();
        } else if (!QFileInfo::exists(media)) {
            const QString candidate = folder.filePath(QFileInfo(media).fileName());
            if (QFileInfo(candidate).isFile())
                target = candidate;
        }
        if (!target.isEmpty() && target != media)
            changes.append({i, target});
    }
    if (changes.isEmpty())
        return {};
    // One step, whose text follows a later language switch.
    auto *step = new TranslatedCommand(
        UndoText{"RelinkAction", QT_TRANSLATE_N_NOOP("RelinkAction", "Relink %n picture(s)"),
                 int(changes.size())});
    QList<int> rows;
    for (const auto &[i, target] : changes) {
        Scene scene = doc->scene(i);
        scene.media = target;
        new EditSceneCommand(doc, i, scene, EditSceneCommand::Field::Image, step);
        rows.append(i);
    }
    doc->undoStack()->push(step);
    return rows;
}

RelinkAction::RelinkAction(ProjectDocument *doc, QAbstractItemView *view, QObject *parent)
    : QAction(parent), m_doc(doc), m_view(view)
{
    setObjectName(QStringLiteral("actionRelink"));
    retranslate();
    connect(this, &QAction::triggered, this, [this] { relinkRow(missingRow()); });
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &RelinkAction::updateEnabled);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RelinkAction::updateEnabled);
    connect(model, &QAbstractItemModel::rowsMoved, this, &RelinkAction::updateEnabled);
    connect(model, &QAbstractItemModel::modelReset, this, &RelinkAction::updateEnabled);
    connect(model, &QAbstractItemModel::dataChanged, this, &RelinkAction::updateEnabled);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RelinkAction::updateEnabled);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RelinkAction::updateEnabled);
    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (isMissing(index))
            relinkRow(index.row());
    });
    updateEnabled();
}

void RelinkAction::retranslate()
{
    setText(tr("Re&link Missing Picture…"));
    setStatusTip(tr("Point a scene whose picture was moved or renamed to the file's new place; "
                    "other missing pictures found in the same folder follow"));
}

bool RelinkAction::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAction::event(event);
}

int RelinkAction::missingRow() const
{
    if (!m_view)
        return -1;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (isMissing(current) && m_view->selectionModel()->isSelected(current))
        return current.row();
    QModelIndexList selected = m_view->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end());
    for (const QModelIndex &index : selected)
        if (isMissing(index))
            return index.row();
    return -1;
}

void RelinkAction::updateEnabled()
{
    setEnabled(missingRow() >= 0);
}

QString RelinkAction::choose(const QString &missingPath) const
{
    if (m_chooser)
        return m_chooser(missingPath);
    const QString name = QFileInfo(missingPath).fileName();
    const QString path = QFileDialog::getOpenFileName(
        m_view ? m_view->window() : nullptr, tr("Where is %1 now?").arg(name),
        QDir(EditorSettings::lastFolder()).filePath(name),
        tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)"));
    if (!path.isEmpty())
        EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    return path;
}

void RelinkAction::relinkRow(int row)
{
    if (row < 0 || row >= m_doc->sceneCount())
        return;
    const QString newPath = choose(m_doc->scene(row).media);
    if (newPath.isEmpty())
        return;
    const QList<int> rows = relinkPictures(m_doc, row, newPath);
    if (rows.isEmpty())
        return;
    const QString folder = QDir::toNativeSeparators(QFileInfo(newPath).absolutePath());
    if (auto *window = m_view ? qobject_cast<QMainWindow *>(m_view->window()) : nullptr)
        window->statusBar()->showMessage(
            tr("Relinked %n picture(s) to files in %1", nullptr, int(rows.size())).arg(folder),
            8000);
    emit relinked(int(rows.size()), folder);
}

} // namespace reelsmith::editor
