#pragma once

#include "batch/Csv.h"
#include "project/Project.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace reelsmith {

// A batch's template: an ordinary project file whose string values may hold
// {{column}} placeholders, filled from one CSV row per video.
//
// - Any string value anywhere in the file may hold placeholders (narration,
//   captions, media paths, background, music...); a value that is nothing
//   but one placeholder becomes a number when the cell is one ("duration":
//   "{{seconds}}").
// - Relative paths, filled in or not, are relative to the template's folder,
//   as in the template itself.
// - A column named "output" names the row's video inside the output folder
//   (".mp4" is added when missing; it may not leave the folder); without it,
//   rows are numbered: TEMPLATE-001.mp4, counted from 1 in file order.
class BatchTemplate
{
public:
    // Reads the template (JSON only; each row is validated as a project).
    // Throws Error(BadInput) naming the file.
    static BatchTemplate load(const QString &path);

    QString path() const { return m_path; }
    // The columns the placeholders name, in order of first use.
    QStringList placeholderColumns() const;
    // Throws Error(BadInput) "TEMPLATE: KEY: {{name}} names no column of ROWS"
    // for a placeholder the table has no column for.
    void checkColumns(const CsvTable &table, const QString &tablePath) const;

    // Row `index` (0-based data row) as a project, validated for rendering.
    // Throws Error(BadInput) "ROWS row N (line L): KEY: problem (column C)".
    Project project(const CsvTable &table, const QString &tablePath, int index) const;
    // Where row `index`'s video goes in `outputFolder`. Throws like project(),
    // also when an earlier row names the same file. `firstRows`: what
    // firstRowOfEachOutput() gives for the table, for callers going through
    // every row (otherwise each call looks through the rows before it).
    QString outputPath(const CsvTable &table, const QString &tablePath, int index,
                       const QString &outputFolder,
                       const QHash<QString, int> *firstRows = nullptr) const;
    // The first row naming each output file (the `output` column's names,
    // ".mp4" added); empty without that column.
    static QHash<QString, int> firstRowOfEachOutput(const CsvTable &table);

    // The keys whose values hold placeholders ("scenes[0].narration"),
    // sorted by name, and row `index`'s filled value of each (what differs
    // from row to row, for a table that shows the rows).
    QStringList placeholderKeys() const { return m_keysWithPlaceholders.keys(); }
    QStringList filledValues(const CsvTable &table, int index) const;
    // The files a row's project reads that must exist before a render starts
    // (each scene's media and voice file, the music). Throws like project(),
    // naming the key: "ROWS row N (line L): scenes[1].media: FILE: no such
    // file (column picture)", so a table of rows shows a missing picture
    // without rendering. Whether a file that exists decodes is the render's
    // to say.
    void checkFiles(const Project &project, const CsvTable &table, const QString &tablePath,
                    int index) const;

    // "ROWS row N (line L)": how messages name a row (N counted from 0, as --index is).
    static QString rowName(const CsvTable &table, const QString &tablePath, int index);

private:
    // Row `index`'s "output" cell as a file name (".mp4" added, cleaned).
    static QString outputName(const CsvTable &table, qsizetype column, int index);

    QString m_path;
    QJsonObject m_json;
    QMap<QString, QStringList> m_keysWithPlaceholders; // key path -> columns it uses
    QMap<QString, QString> m_placeholderValues;        // key path -> its text in the template
    QStringList m_columns;
};

} // namespace reelsmith
