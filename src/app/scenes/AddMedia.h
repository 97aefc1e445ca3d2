#pragma once

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace reelsmith::editor {

class ProjectDocument;

// Adds the files chosen with Add Clips… or dropped as scenes: video clips
// and pictures, in the order given, as one undo step. Files the MIME
// database takes for pictures are added as pictures at once, as Add
// Pictures… does (the scene list checks them). Every other file is probed on
// a worker thread with the engine's own check (SceneMedia.h): a clip lasts
// its length (clipSceneSeconds()); a file that is neither a readable clip
// nor a picture refuses the whole add with a message naming it, and nothing
// changes. Adds run one after another, in the order asked for.
class AddMedia : public QObject
{
    Q_OBJECT
public:
    explicit AddMedia(ProjectDocument *doc, QObject *parent = nullptr);
    ~AddMedia() override;

    // Scenes for `paths` in front of row `before` (clamped when it arrives).
    void add(const QStringList &paths, int before);
    bool isBusy() const { return m_running || !m_queue.isEmpty(); }

    struct Probed; // what the worker learnt of one add's files

signals:
    // The rows the new scenes occupy.
    void added(const QList<int> &rows);
    // Nothing was added: one line per file that cannot be used.
    void refused(const QString &message);

private:
    struct Batch
    {
        QStringList paths;
        int before = 0;
    };
    void startNext();
    void finish(const Probed &probed);

    ProjectDocument *m_doc;
    QThreadPool m_pool;
    QList<Batch> m_queue;
    bool m_running = false;
    int m_before = 0;
    // Bumped when the project is replaced: what was probed for the old one is dropped.
    int m_generation = 0;
    int m_runningGeneration = 0;
};

} // namespace reelsmith::editor
