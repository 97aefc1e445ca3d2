#pragma once

#include "jobs/RenderQueue.h"

#include <QAbstractTableModel>

namespace reelsmith::editor {

// One row per job of a RenderQueue (exports, imports), in queue order.
class RenderQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        OutputColumn, // what the job makes
        StatusColumn,
        ProgressColumn,
        FramesColumn,
        ElapsedColumn,
        RemainingColumn,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StateRole,   // RenderQueue::State as int
        PercentRole, // 0-100, for the progress bar
    };

    explicit RenderQueueModel(RenderQueue *queue, QObject *parent = nullptr);

    RenderQueue *queue() const { return m_queue; }
    int jobIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "m:ss", or "h:mm:ss" from an hour up.
    static QString formatDuration(qint64 ms);

private:
    QVariant display(const RenderQueue::JobStatus &job, int column) const;
    QString toolTip(const RenderQueue::JobStatus &job) const;

    RenderQueue *m_queue;
};

} // namespace reelsmith::editor
