#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace reelsmith::editor {

class ProjectDocument;

// Keeps a copy of unsaved work in <AppLocalDataLocation>/autosave, so a crash
// loses at most a few seconds. Each running editor holds a lock beside its
// copy; a copy whose lock nobody holds was left by a crash and is offered
// for recovery at the next start.
class Autosave : public QObject
{
    Q_OBJECT
public:
    struct Orphan
    {
        QString autosavePath; // the copy
        QString originalPath; // the file it belongs to; empty when untitled
        QDateTime savedAt;
    };

    // `delayMs`: how long after the last edit the copy is written.
    explicit Autosave(ProjectDocument *doc, int delayMs = 3000, QObject *parent = nullptr);
    ~Autosave() override;

    static QString folder();
    // Copies left by editors that are no longer running, newest first.
    static QList<Orphan> orphans();
    // Reads an orphan into `doc` (modified, belonging to its original file)
    // and deletes it. Throws Error when the copy cannot be read.
    static void recover(const Orphan &orphan, ProjectDocument *doc);
    // Deletes an orphan, and the locks crashed sessions left without a copy.
    static void discard(const Orphan &orphan);
    // Removes locks no running editor holds whose session left no copy.
    static void removeStaleLocks();

    QString path() const { return m_path; }
    // Writes the copy now if there is unsaved work, removes it if not.
    void flush();

signals:
    void written(const QString &path);

private:
    ProjectDocument *m_doc;
    QTimer m_timer;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace reelsmith::editor
