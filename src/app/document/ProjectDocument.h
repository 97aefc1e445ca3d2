#pragma once

#include "project/Project.h"

#include <QObject>
#include <QUndoStack>

namespace reelsmith::editor {

// The project being edited: a Project value, the file it belongs to, and the
// undo stack every edit goes through. Paths are kept absolute in memory and
// written relative to the project's folder when they sit inside it.
class ProjectDocument : public QObject
{
    Q_OBJECT
public:
    // The parts of a project that are not scenes.
    struct Settings
    {
        QString background;
        double backgroundStart = 0;
        std::optional<MusicSettings> music;
        VoiceSettings voice;
        std::optional<double> loudnessLufs = LoudnessTarget::kDefaultLufs;
        OutputSettings output;
        CaptionStyleOverride captions; // the project's default caption style
        bool operator==(const Settings &) const = default;
    };

    explicit ProjectDocument(QObject *parent = nullptr);
    // Dies silently: its undo stack signals nobody while it is cleared.
    ~ProjectDocument() override;

    const Project &project() const { return m_project; }
    const QList<Scene> &scenes() const { return m_project.scenes; }
    int sceneCount() const { return int(m_project.scenes.size()); }
    const Scene &scene(int row) const { return m_project.scenes.at(row); }
    Settings settings() const;

    QUndoStack *undoStack() { return &m_undo; }
    QString filePath() const { return m_filePath; }
    bool isUntitled() const { return m_filePath.isEmpty(); }
    bool isModified() const { return !m_undo.isClean(); }
    // File name for titles, or "Untitled".
    QString displayName() const;

    // An empty project with the user's default output settings.
    void reset(const OutputSettings &output = {});
    // Replaces the document with a project read from `path`. Throws Error.
    void load(const QString &path);
    // Replaces the document with `project` (recovered autosave, tests); the
    // file path is where a later save goes, empty for untitled.
    void adopt(Project project, const QString &filePath, bool modified);
    // Writes the project to `path` and makes it the document's file. Throws Error.
    void save(const QString &path);
    // The project as it would be written to `path` (paths made relative).
    QByteArray serialized(const QString &path) const;

    // Raw mutations, called by the undo commands only.
    void insertScenes(int row, const QList<Scene> &scenes);
    QList<Scene> takeScenes(const QList<int> &rows); // rows sorted ascending
    void insertScenesAt(const QList<int> &rows, const QList<Scene> &scenes);
    void reorderScenes(const QList<int> &newOrder); // newOrder[i]: old row now at i
    void setScene(int row, const Scene &scene);
    void setSettings(const Settings &settings);

signals:
    // Each structural change comes as a pair around the change itself, in
    // steps a list model can pass on as they are (begin/end insert, remove,
    // move): views keep their selection by themselves.
    // The whole project is replaced (new, open, recover).
    void projectAboutToBeReplaced();
    void projectReplaced();
    void scenesAboutToBeInserted(int first, int last);
    void scenesInserted(int first, int last);
    // A contiguous range; removing scattered rows is several steps.
    void scenesAboutToBeRemoved(int first, int last);
    void scenesRemoved(int first, int last);
    // One scene moves from row `from` to row `to` (its row afterwards); a
    // reorder is several steps.
    void sceneAboutToBeMoved(int from, int to);
    void sceneMoved(int from, int to);
    void sceneChanged(int row);
    void settingsChanged();
    // Any change to the project, after the more specific signal.
    void changed();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void setFilePath(const QString &path);
    Project forFile(const QString &path) const;

    Project m_project;
    QString m_filePath;
    QUndoStack m_undo;
};

} // namespace reelsmith::editor
