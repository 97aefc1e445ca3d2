#pragma once

#include "batch/BatchTemplate.h"
#include "project/Project.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPromise>
#include <QString>
#include <QStringList>

#include <optional>

namespace reelsmith::editor {

// One CSV row as the batch would render it.
struct BatchRow
{
    int index = 0;      // data row, counted from 0 as `reelsmith-cli batch --index` counts
    QString outputName; // the video's name inside the output folder ("red.mp4")
    QStringList values; // BatchTemplate::filledValues(), one per placeholder key
    QString error;      // why the row would fail; empty when it would render
    std::optional<Project> project; // the filled, validated project, when valid
};

// A table read against a template: what the batch dialog shows.
struct BatchRows
{
    QString tablePath;
    CsvTable table;
    QStringList keys; // the template's keys that hold placeholders
    QList<BatchRow> rows;
    QString error; // the whole table cannot be used (unreadable, a column missing)
    int validCount() const;
};

// Reads `csvPath` and checks every row against `tmpl` with the engine's own
// validation (BatchTemplate::project(), outputPath(), checkFiles()), as
// `reelsmith-cli batch` does before it renders a row. Messages name the
// table by its file name. Meant for a pool thread (10 000 rows: 3.3 s on a
// loaded 2-core machine); it stops early when `promise` is cancelled and
// reports the rows done as progress.
BatchRows readBatchRows(const BatchTemplate &tmpl, const QString &csvPath,
                        QPromise<BatchRows> &promise);

// The rows in a table: number, output, the filled values, the problem.
// A row that would fail is shown in the error colour with the message.
class BatchRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RowColumn, OutputColumn, FirstValueColumn };
    // True for rows that would fail.
    static constexpr int FailsRole = Qt::UserRole + 1;

    explicit BatchRowModel(QObject *parent = nullptr);

    void setRows(BatchRows rows);
    const BatchRows &rows() const { return m_rows; }
    const BatchRow &rowAt(int row) const { return m_rows.rows.at(row); }
    int problemColumn() const { return FirstValueColumn + int(m_rows.keys.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    BatchRows m_rows;
};

} // namespace reelsmith::editor
