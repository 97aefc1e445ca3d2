#include "jobs/RenderQueueModel.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace reelsmith::editor {

RenderQueueModel::RenderQueueModel(RenderQueue *queue, QObject *parent)
    : QAbstractTableModel(parent), m_queue(queue)
{
    // Jobs are only ever appended, so a new one is always the last row.
    connect(m_queue, &RenderQueue::jobAdded, this, [this] {
        const int row = m_queue->count() - 1;
        beginInsertRows({}, row, row);
        endInsertRows();
    });
    connect(m_queue, &RenderQueue::jobChanged, this, [this](int id) {
        const int row = m_queue->rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(m_queue, &RenderQueue::jobAboutToBeRemoved, this, [this](int id) {
        const int row = m_queue->rowOf(id);
        beginRemoveRows({}, row, row);
    });
    connect(m_queue, &RenderQueue::jobRemoved, this, [this] { endRemoveRows(); });
}

int RenderQueueModel::jobIdAt(int row) const
{
    return row >= 0 && row < m_queue->count() ? m_queue->jobAt(row).id : 0;
}

int RenderQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_queue->count();
}

int RenderQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RenderQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RenderQueue::JobStatus &job = m_queue->jobAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(job, index.column());
    case Qt::ToolTipRole:
        return toolTip(job);
    case Qt::TextAlignmentRole:
        return index.column() == OutputColumn || index.column() == StatusColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case JobIdRole:
        return job.id;
    case StateRole:
        return int(job.state);
    case PercentRole:
        return job.state == RenderQueue::State::Done ? 100 : int(job.fraction() * 100);
    default:
        return {};
    }
}

QVariant RenderQueueModel::display(const RenderQueue::JobStatus &job, int column) const
{
    using State = RenderQueue::State;
    switch (column) {
    case OutputColumn:
        return job.title;
    case StatusColumn:
        if (job.state == State::Done && !job.warnings.isEmpty())
            return tr("Done, %n warning(s)", nullptr, int(job.warnings.size()));
        if (job.writing || job.waitingForMemory)
            return job.detail;
        return RenderQueue::stateName(job.state);
    case ProgressColumn:
        return job.state == State::Done ? 100 : int(job.fraction() * 100);
    case FramesColumn:
        return job.frameCount > 0 ? tr("%1 / %2").arg(job.framesDone).arg(job.frameCount)
                                  : QString();
    case ElapsedColumn:
        return job.state == State::Queued ? QString() : formatDuration(job.elapsedMs);
    case RemainingColumn:
        if (job.state == State::Running && job.remainingMs >= 0)
            return formatDuration(job.remainingMs);
        return job.state == State::Running ? tr("estimating…") : QString();
    default:
        return {};
    }
}

QString RenderQueueModel::toolTip(const RenderQueue::JobStatus &job) const
{
    QString tip = QDir::toNativeSeparators(job.outputPath);
    switch (job.state) {
    case RenderQueue::State::Failed:
        tip += QLatin1Char('\n') + tr("Failed: %1").arg(job.errorText);
        break;
    case RenderQueue::State::Done:
        tip += QLatin1Char('\n') + tr("%1 frames, %2 in %3")
                                       .arg(job.result.frames)
                                       .arg(QLocale().formattedDataSize(job.result.bytes))
                                       .arg(formatDuration(job.elapsedMs));
        break;
    default:
        if (!job.detail.isEmpty())
            tip += QLatin1Char('\n') + job.detail;
        break;
    }
    for (const QString &warning : job.warnings)
        tip += QLatin1Char('\n') + tr("Warning: %1").arg(warning);
    return tip;
}

QVariant RenderQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OutputColumn:
        return tr("Job");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case FramesColumn:
        return tr("Frames");
    case ElapsedColumn:
        return tr("Elapsed");
    case RemainingColumn:
        return tr("Remaining");
    default:
        return {};
    }
}

QString RenderQueueModel::formatDuration(qint64 ms)
{
    const qint64 seconds = (std::max<qint64>(ms, 0) + 500) / 1000;
    const auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(two(seconds / 60 % 60), two(seconds % 60));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(two(seconds % 60));
}

} // namespace reelsmith::editor
