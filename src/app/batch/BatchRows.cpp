#include "batch/BatchRows.h"

#include "core/Error.h"

#include <QBrush>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>

namespace reelsmith::editor {

int BatchRows::validCount() const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [](const BatchRow &r) { return r.error.isEmpty(); }));
}

BatchRows readBatchRows(const BatchTemplate &tmpl, const QString &csvPath,
                        QPromise<BatchRows> &promise)
{
    BatchRows result;
    // Messages say "rows.csv row 2 (line 4)", as the command line names the
    // table it was given; the folder is in the dialog's title.
    result.tablePath = QFileInfo(csvPath).fileName();
    result.keys = tmpl.placeholderKeys();
    try {
        result.table = readCsv(csvPath);
        tmpl.checkColumns(result.table, result.tablePath);
        if (result.table.rows.isEmpty())
            throwBadInput(QStringLiteral("%1: no data rows under the header").arg(csvPath));
    } catch (const Error &error) {
        result.error = error.message();
        return result;
    }
    const int count = int(result.table.rows.size());
    promise.setProgressRange(0, count);
    // Any folder does: only the name inside it is kept.
    const QString folder = QDir::rootPath();
    const QHash<QString, int> firstRows = BatchTemplate::firstRowOfEachOutput(result.table);
    for (int i = 0; i < count; ++i) {
        if (promise.isCanceled())
            return result;
        BatchRow row;
        row.index = i;
        row.values = tmpl.filledValues(result.table, i);
        try {
            row.outputName = QDir(folder).relativeFilePath(
                tmpl.outputPath(result.table, result.tablePath, i, folder, &firstRows));
            Project project = tmpl.project(result.table, result.tablePath, i);
            tmpl.checkFiles(project, result.table, result.tablePath, i);
            row.project = std::move(project);
        } catch (const Error &error) {
            row.error = error.message();
        }
        result.rows.append(std::move(row));
        if (i % 64 == 0)
            promise.setProgressValue(i);
    }
    promise.setProgressValue(count);
    return result;
}

BatchRowModel::BatchRowModel(QObject *parent) : QAbstractTableModel(parent) {}

void BatchRowModel::setRows(BatchRows rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int BatchRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.rows.size());
}

int BatchRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_rows.rows.isEmpty() ? 0 : problemColumn() + 1;
}

QVariant BatchRowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.rows.size())
        return {};
    const BatchRow &row = m_rows.rows.at(index.row());
    const int column = index.column();
    if (role == FailsRole)
        return !row.error.isEmpty();
    if (role == Qt::ForegroundRole && !row.error.isEmpty())
        return QBrush(QColor(0xc6, 0x28, 0x28));
    QString text;
    if (column == RowColumn)
        return role == Qt::DisplayRole ? QVariant(row.index) : QVariant();
    if (column == OutputColumn)
        text = row.outputName;
    else if (column == problemColumn())
        text = row.error.isEmpty() ? tr("OK") : row.error;
    else
        text = row.values.value(column - FirstValueColumn);
    if (role == Qt::DisplayRole) {
        // One line per cell; the tooltip has the whole text.
        return QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    }
    if (role == Qt::ToolTipRole)
        return row.error.isEmpty() ? text : row.error;
    return {};
}

QVariant BatchRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == RowColumn)
        return tr("Row");
    if (section == OutputColumn)
        return tr("Output");
    if (section == problemColumn())
        return tr("Problem");
    // The key the value fills, as the template names it: "scenes[0].narration".
    return m_rows.keys.value(section - FirstValueColumn);
}

} // namespace reelsmith::editor
