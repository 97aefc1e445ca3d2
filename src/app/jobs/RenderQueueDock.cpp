#include "jobs/RenderQueueDock.h"

#include "jobs/RenderQueue.h"
#include "jobs/RenderQueueModel.h"
#include "ui_RenderQueueDock.h"

#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace reelsmith::editor {

namespace {

constexpr int kMinimumRows = 4;

// Draws the Progress column as the platform's own progress bar.
class ProgressBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        // The selection background first, so a selected row still reads as one.
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

        const int percent = index.data(RenderQueueModel::PercentRole).toInt();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = percent;
        bar.text = RenderQueueModel::tr("%1 %").arg(percent);
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.fontMetrics = option.fontMetrics;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(std::max(size.width(),
                               option.fontMetrics.horizontalAdvance(QStringLiteral("100 %")) * 3));
        return size;
    }
};

} // namespace

RenderQueueDock::RenderQueueDock(RenderQueue *queue, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::RenderQueueDock>()), m_queue(queue),
      m_model(new RenderQueueModel(queue, this)),
      m_openFolder([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    m_ui->setupUi(this);
    QTableView *table = m_ui->tableView;
    table->setModel(m_model);
    table->setItemDelegateForColumn(RenderQueueModel::ProgressColumn,
                                    new ProgressBarDelegate(table));
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RenderQueueModel::OutputColumn, QHeaderView::Stretch);
    m_ui->errorLabel->setVisible(false);

    connect(m_ui->pauseButton, &QPushButton::clicked, this, &RenderQueueDock::togglePause);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &RenderQueueDock::cancelSelected);
    connect(m_ui->openFolderButton, &QPushButton::clicked, this,
            &RenderQueueDock::openSelectedFolder);
    connect(m_ui->clearButton, &QPushButton::clicked, m_queue, &RenderQueue::removeFinished);

    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RenderQueueDock::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RenderQueueDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RenderQueueDock::updateActions);
    // A new export is what the creator wants to watch: select it unless they
    // are looking at another one that has not finished. (A finished one kept
    // selected left Pause and Cancel greyed out for the new export.)
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) {
                const auto selected = m_queue->job(selectedJobId());
                if (!selected || selected->isFinished())
                    selectJob(m_model->jobIdAt(last));
                updateActions();
            });
    // Room for a header and four rows before the dock can be made smaller:
    // a queue of exports is read at a glance, not scrolled through two rows.
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    table->setMinimumHeight(header->sizeHint().height() + kMinimumRows * rowHeight +
                            2 * table->frameWidth());
    updateActions();
}

RenderQueueDock::~RenderQueueDock() = default;

QTableView *RenderQueueDock::view() const
{
    return m_ui->tableView;
}

int RenderQueueDock::selectedJobId() const
{
    const QModelIndexList rows = m_ui->tableView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->jobIdAt(rows.constFirst().row());
}

void RenderQueueDock::selectJob(int id)
{
    const int row = m_queue->rowOf(id);
    if (row < 0)
        m_ui->tableView->clearSelection();
    else
        m_ui->tableView->selectRow(row);
}

void RenderQueueDock::togglePause()
{
    const auto job = m_queue->job(selectedJobId());
    if (!job)
        return;
    if (job->state == RenderQueue::State::Paused)
        m_queue->resume(job->id);
    else
        m_queue->pause(job->id);
}

void RenderQueueDock::cancelSelected()
{
    if (const int id = selectedJobId())
        m_queue->cancel(id);
}

void RenderQueueDock::openSelectedFolder()
{
    const auto job = m_queue->job(selectedJobId());
    if (job && job->state == RenderQueue::State::Done && m_openFolder)
        m_openFolder(QUrl::fromLocalFile(QFileInfo(job->outputPath).absolutePath()));
}

void RenderQueueDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateActions(); // the texts that depend on the selected job
    }
    QWidget::changeEvent(event);
}

void RenderQueueDock::updateActions()
{
    using State = RenderQueue::State;
    const auto job = m_queue->job(selectedJobId());
    const bool paused = job && job->state == State::Paused;
    m_ui->pauseButton->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_ui->pauseButton->setEnabled(
        job && !job->writing &&
        (paused || job->state == State::Queued || job->state == State::Running));
    // A job writing its file finishes it: cancelling it would change nothing.
    m_ui->cancelButton->setEnabled(job && !job->isFinished() && !job->writing);
    m_ui->openFolderButton->setEnabled(job && job->state == State::Done);

    const QList<RenderQueue::JobStatus> jobs = m_queue->jobs();
    m_ui->clearButton->setEnabled(
        std::any_of(jobs.begin(), jobs.end(), [](const auto &j) { return j.isFinished(); }));

    // What went wrong, in words under the table: a failure's error in red,
    // a finished video's warnings (a damaged picture) in amber.
    const bool failed = job && job->state == State::Failed;
    const bool warned = job && job->state == State::Done && !job->warnings.isEmpty();
    QStringList lines;
    if (failed)
        lines << tr("Error: %1").arg(job->errorText);
    if (warned)
        for (const QString &warning : job->warnings)
            lines << tr("Warning: %1").arg(warning);
    QPalette palette = m_ui->errorLabel->palette();
    palette.setColor(QPalette::WindowText,
                     failed ? QColor(0xc6, 0x28, 0x28) : QColor(0xb0, 0x6a, 0x00));
    m_ui->errorLabel->setPalette(palette);
    m_ui->errorLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->errorLabel->setToolTip(lines.join(QLatin1Char('\n')));
    m_ui->errorLabel->setVisible(failed || warned);
}

} // namespace reelsmith::editor
