#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace reelsmith {

// A CSV table as RFC 4180 describes it: a header row naming the columns, then
// one record per row; fields may be quoted, and a quoted field may hold
// commas, line breaks and doubled quotes. UTF-8 with or without a BOM; CRLF,
// LF or CR line ends; a last line with or without its line end.
//
// Hand-written: neither Qt nor the stack's libraries read CSV, and the format
// is small enough to test against the RFC's corner cases (tst_csv).
struct CsvTable
{
    QStringList columns;     // the header row
    QList<QStringList> rows; // data rows, each with columns.size() fields
    QList<int> lines;        // the 1-based line each data row starts on
};

// Throws Error(BadInput) "NAME:LINE: what is wrong" for a quote that never
// closes, text after a closing quote, a row whose field count differs from
// the header's, an empty or duplicate column name; "NAME: ..." for a file
// with no header. Blank lines between rows are skipped.
CsvTable parseCsv(const QByteArray &data, const QString &nameForErrors);
// Reads a file (at most kMaxCsvBytes) and parses it; errors name the file.
CsvTable readCsv(const QString &path);

inline constexpr qint64 kMaxCsvBytes = 64 * 1024 * 1024;

} // namespace reelsmith
