#include "document/ProjectDocument.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace reelsmith::editor {

namespace {

QString absolute(const Project &project, const QString &path)
{
    return path.isEmpty() ? path : QDir::cleanPath(project.resolve(path));
}

// Inside the project's folder: relative, so the folder can move as a whole.
// Elsewhere: absolute, so a "Save As" into another folder still finds it.
QString relativeTo(const QDir &folder, const QString &path)
{
    if (path.isEmpty() || !QFileInfo(path).isAbsolute())
        return path;
    const QString relative = folder.relativeFilePath(path);
    return relative.startsWith(QLatin1String("../")) ? path : relative;
}

} // namespace

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

ProjectDocument::Settings ProjectDocument::settings() const
{
    return {m_project.background, m_project.backgroundStart, m_project.audio, m_project.output};
}

QString ProjectDocument::displayName() const
{
    return isUntitled() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void ProjectDocument::reset(const OutputSettings &output)
{
    Project project;
    project.output = output;
    adopt(std::move(project), QString(), false);
}

void ProjectDocument::load(const QString &path)
{
    Project project = Project::load(path, Project::Strictness::Draft);
    adopt(std::move(project), QFileInfo(path).absoluteFilePath(), false);
}

void ProjectDocument::adopt(Project project, const QString &filePath, bool modified)
{
    for (Scene &scene : project.scenes)
        scene.image = absolute(project, scene.image);
    project.audio = absolute(project, project.audio);
    if (!project.backgroundIsBuiltin()) {
        const QString path = absolute(project, project.background);
        // A bare name that is no file names one of the user's clips.
        if (QFileInfo::exists(path))
            project.background = path;
    }
    project.warnings.clear();
    m_project = std::move(project);
    m_undo.clear();
    if (modified) {
        // A clean index that no state reaches: the document stays modified
        // until it is saved.
        m_undo.resetClean();
    } else {
        m_undo.setClean();
    }
    setFilePath(filePath);
    m_project.filePath = filePath;
    m_project.baseDir = filePath.isEmpty() ? QString() : QFileInfo(filePath).absolutePath();
    emit projectReplaced();
    emit changed();
    emit modifiedChanged(isModified());
}

Project ProjectDocument::forFile(const QString &path) const
{
    const QDir folder = QFileInfo(path).absoluteDir();
    Project copy = m_project;
    for (Scene &scene : copy.scenes)
        scene.image = relativeTo(folder, scene.image);
    copy.audio = relativeTo(folder, copy.audio);
    if (!copy.backgroundIsBuiltin())
        copy.background = relativeTo(folder, copy.background);
    copy.filePath = QFileInfo(path).absoluteFilePath();
    copy.baseDir = folder.absolutePath();
    return copy;
}

QByteArray ProjectDocument::serialized(const QString &path) const
{
    return forFile(path).toJson();
}

void ProjectDocument::save(const QString &path)
{
    const Project copy = forFile(path);
    copy.save(copy.filePath);
    m_project.filePath = copy.filePath;
    m_project.baseDir = copy.baseDir;
    setFilePath(copy.filePath);
    m_undo.setClean();
}

void ProjectDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void ProjectDocument::insertScenes(int row, const QList<Scene> &scenes)
{
    if (scenes.isEmpty())
        return;
    row = std::clamp(row, 0, sceneCount());
    for (int i = 0; i < scenes.size(); ++i)
        m_project.scenes.insert(row + i, scenes.at(i));
    emit scenesInserted(row, row + int(scenes.size()) - 1);
    emit changed();
}

QList<Scene> ProjectDocument::takeScenes(const QList<int> &rows)
{
    QList<Scene> taken;
    for (int row : rows)
        taken.append(m_project.scenes.at(row));
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        m_project.scenes.removeAt(*it);
    emit scenesRemoved(rows);
    emit changed();
    return taken;
}

void ProjectDocument::insertScenesAt(const QList<int> &rows, const QList<Scene> &scenes)
{
    Q_ASSERT(rows.size() == scenes.size());
    for (int i = 0; i < rows.size(); ++i) {
        m_project.scenes.insert(rows.at(i), scenes.at(i));
        emit scenesInserted(rows.at(i), rows.at(i));
    }
    emit changed();
}

void ProjectDocument::reorderScenes(const QList<int> &newOrder)
{
    Q_ASSERT(newOrder.size() == m_project.scenes.size());
    QList<Scene> reordered;
    reordered.reserve(newOrder.size());
    for (int oldRow : newOrder)
        reordered.append(m_project.scenes.at(oldRow));
    m_project.scenes = std::move(reordered);
    emit scenesReordered(newOrder);
    emit changed();
}

void ProjectDocument::setScene(int row, const Scene &scene)
{
    if (m_project.scenes.at(row) == scene)
        return;
    m_project.scenes[row] = scene;
    emit sceneChanged(row);
    emit changed();
}

void ProjectDocument::setSettings(const Settings &settings)
{
    if (this->settings() == settings)
        return;
    m_project.background = settings.background;
    m_project.backgroundStart = settings.backgroundStart;
    m_project.audio = settings.audio;
    m_project.output = settings.output;
    emit settingsChanged();
    emit changed();
}

} // namespace reelsmith::editor
