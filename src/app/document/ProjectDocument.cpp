#include "document/ProjectDocument.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <numeric>

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

// A caption font given as a file (not a family name) is a path like the others.
template <typename Change> void forFontFile(CaptionStyleOverride &captions, Change &&change)
{
    if (!captions.font)
        return;
    CaptionStyle style;
    style.font = *captions.font;
    if (style.fontIsFile())
        captions.font = change(*captions.font);
}

} // namespace

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

ProjectDocument::~ProjectDocument()
{
    // ~QUndoStack clears the stack and signals as it goes (clean, index,
    // texts), after this object's own members are gone; whoever listens
    // (the window, this object's own lambda) would read a dead document.
    m_undo.disconnect();
}

ProjectDocument::Settings ProjectDocument::settings() const
{
    return {m_project.background,   m_project.backgroundStart, m_project.music,   m_project.voice,
            m_project.loudnessLufs, m_project.output,          m_project.captions};
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
    // The editor works in (and saves) the current version.
    project.upgradeToCurrentVersion();
    for (Scene &scene : project.scenes) {
        scene.media = absolute(project, scene.media);
        scene.voiceFile = absolute(project, scene.voiceFile);
        scene.timing = absolute(project, scene.timing);
        forFontFile(scene.captions, [&](const QString &p) { return absolute(project, p); });
    }
    forFontFile(project.captions, [&](const QString &p) { return absolute(project, p); });
    if (project.music)
        project.music->file = absolute(project, project.music->file);
    if (!project.backgroundIsBuiltin()) {
        const QString path = absolute(project, project.background);
        // A bare name that is no file names one of the user's clips.
        if (QFileInfo::exists(path))
            project.background = path;
    }
    project.warnings.clear();
    emit projectAboutToBeReplaced();
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
    for (Scene &scene : copy.scenes) {
        scene.media = relativeTo(folder, scene.media);
        scene.voiceFile = relativeTo(folder, scene.voiceFile);
        scene.timing = relativeTo(folder, scene.timing);
        forFontFile(scene.captions, [&](const QString &p) { return relativeTo(folder, p); });
    }
    forFontFile(copy.captions, [&](const QString &p) { return relativeTo(folder, p); });
    if (copy.music)
        copy.music->file = relativeTo(folder, copy.music->file);
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
    const int last = row + int(scenes.size()) - 1;
    emit scenesAboutToBeInserted(row, last);
    for (int i = 0; i < scenes.size(); ++i)
        m_project.scenes.insert(row + i, scenes.at(i));
    emit scenesInserted(row, last);
    emit changed();
}

QList<Scene> ProjectDocument::takeScenes(const QList<int> &rows)
{
    QList<Scene> taken;
    for (int row : rows)
        taken.append(m_project.scenes.at(row));
    // Runs of adjacent rows, from the last, so the rows before stay put.
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows.at(begin - 1) == rows.at(begin) - 1)
            --begin;
        const int first = rows.at(begin);
        const int last = rows.at(end - 1);
        emit scenesAboutToBeRemoved(first, last);
        m_project.scenes.remove(first, last - first + 1);
        emit scenesRemoved(first, last);
        end = begin;
    }
    emit changed();
    return taken;
}

void ProjectDocument::insertScenesAt(const QList<int> &rows, const QList<Scene> &scenes)
{
    Q_ASSERT(rows.size() == scenes.size());
    for (int i = 0; i < rows.size(); ++i) {
        emit scenesAboutToBeInserted(rows.at(i), rows.at(i));
        m_project.scenes.insert(rows.at(i), scenes.at(i));
        emit scenesInserted(rows.at(i), rows.at(i));
    }
    emit changed();
}

void ProjectDocument::reorderScenes(const QList<int> &newOrder)
{
    Q_ASSERT(newOrder.size() == m_project.scenes.size());
    // One scene at a time into its place: at most one step per scene, and
    // a move of a block of k scenes takes k steps.
    QList<int> order(newOrder.size()); // order[i]: old row now at row i
    std::iota(order.begin(), order.end(), 0);
    for (int to = 0; to < int(newOrder.size()); ++to) {
        const int from = int(order.indexOf(newOrder.at(to)));
        if (from == to)
            continue;
        emit sceneAboutToBeMoved(from, to);
        m_project.scenes.move(from, to);
        order.move(from, to);
        emit sceneMoved(from, to);
    }
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
    m_project.music = settings.music;
    m_project.voice = settings.voice;
    m_project.loudnessLufs = settings.loudnessLufs;
    m_project.output = settings.output;
    m_project.captions = settings.captions;
    emit settingsChanged();
    emit changed();
}

} // namespace reelsmith::editor
