#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <QTimer>

namespace reelsmith::editor {

class ProjectDocument;

// Keeps the length of every "duration follows the voice" scene in the
// document up to date: narration is synthesized (into the narration cache)
// and recordings are measured on a worker thread, never on the UI thread,
// and each scene then gets its voice's length + 0.25 s, as the render will.
// These lengths are derived, not edits: they are not undo steps and do not
// mark the document modified.
class AutoDurations : public QObject
{
    Q_OBJECT
public:
    explicit AutoDurations(ProjectDocument *doc, QObject *parent = nullptr);
    ~AutoDurations() override;

    // No lookup is running or waiting.
    bool isIdle() const { return m_pending.isEmpty() && !m_settle.isActive(); }
    // Why scene `row`'s voice could not be found (an unknown voice, a file
    // that is not audio), or an empty string.
    QString problem(int row) const;

signals:
    void resolved();
    void problemsChanged();

private:
    // Applies the lengths known; `lookUpMissing` also starts lookups for
    // the others (after typing pauses, so a narration being typed is not
    // synthesized, and cached, once per keystroke).
    void refresh(bool lookUpMissing = false);
    QString keyOf(int row) const;
    void lookUp(int row, const QString &key);

    ProjectDocument *m_doc;
    QTimer m_settle;
    QThreadPool m_pool; // one thread: the synthesizer is process-wide anyway
    QHash<QString, double> m_seconds;
    QHash<QString, QString> m_errors;
    QSet<QString> m_pending;
    bool m_applying = false;
};

} // namespace reelsmith::editor
