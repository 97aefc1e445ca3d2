#include "batch/Csv.h"

#include "core/Error.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace reelsmith {

namespace {

[[noreturn]] void fail(const QString &name, int line, const QString &what)
{
    throwBadInput(QStringLiteral("%1:%2: %3").arg(name).arg(line).arg(what));
}

} // namespace

CsvTable parseCsv(const QByteArray &data, const QString &name)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    // Records as lists of fields, each with the line it starts on.
    QList<QStringList> records;
    QList<int> recordLines;
    QStringList record;
    QString field;
    int line = 1;
    int recordLine = 1;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field just closed
    bool fieldStarted = false;
    const auto endField = [&] {
        record.append(field);
        field.clear();
        afterQuote = false;
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        // A blank line is no record (a single empty field).
        if (!(record.size() == 1 && record.first().isEmpty())) {
            records.append(record);
            recordLines.append(recordLine);
        }
        record.clear();
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\n') ||
                    (c == QLatin1Char('\r') && !(i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else if (c == QLatin1Char('"')) {
            if (fieldStarted || afterQuote)
                fail(name, line,
                     QStringLiteral("a quote inside an unquoted field (quote the whole field and "
                                    "double the quotes inside it)"));
            quoted = true;
            fieldStarted = true;
        } else {
            if (afterQuote)
                fail(name, line,
                     QStringLiteral("text after a closing quote (a quote inside a quoted field is "
                                    "written twice)"));
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        fail(name, recordLine,
             QStringLiteral("a quoted field never ends (a closing quote is missing)"));
    if (fieldStarted || afterQuote || !record.isEmpty())
        endRecord();

    if (records.isEmpty())
        throwBadInput(QStringLiteral("%1: no header row naming the columns").arg(name));
    CsvTable table;
    table.columns = records.takeFirst();
    const int headerLine = recordLines.takeFirst();
    QSet<QString> seen;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        QString &column = table.columns[i];
        column = column.trimmed();
        if (column.isEmpty())
            fail(name, headerLine, QStringLiteral("column %1 has no name").arg(i + 1));
        if (seen.contains(column))
            fail(name, headerLine, QStringLiteral("column \"%1\" is named twice").arg(column));
        seen.insert(column);
    }
    for (qsizetype r = 0; r < records.size(); ++r) {
        if (records[r].size() != table.columns.size())
            fail(name, recordLines[r],
                 QStringLiteral("this row has %1 fields, the header has %2")
                     .arg(records[r].size())
                     .arg(table.columns.size()));
    }
    table.rows = std::move(records);
    table.lines = std::move(recordLines);
    return table;
}

CsvTable readCsv(const QString &path)
{
    if (QFileInfo(path).isDir())
        throwBadInput(QStringLiteral("%1: is a folder, not a CSV file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxCsvBytes)
        throwBadInput(QStringLiteral("%1: %2 MB is more than a batch table may hold (%3 MB)")
                          .arg(path)
                          .arg(file.size() / (1024 * 1024))
                          .arg(kMaxCsvBytes / (1024 * 1024)));
    return parseCsv(file.readAll(), path);
}

} // namespace reelsmith
