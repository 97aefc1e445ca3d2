#include "batch/BatchTemplate.h"

#include "core/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace reelsmith {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return pattern;
}

QString childKey(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexKey(const QString &parent, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(parent).arg(i);
}

// Every string value's placeholders, by key path.
void findPlaceholders(const QJsonValue &value, const QString &key,
                      QMap<QString, QStringList> &found, QMap<QString, QString> &texts,
                      QStringList &columns)
{
    if (value.isString()) {
        auto it = placeholderPattern().globalMatch(value.toString());
        while (it.hasNext()) {
            const QString column = it.next().captured(1);
            found[key].append(column);
            texts.insert(key, value.toString());
            if (!columns.contains(column))
                columns.append(column);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            findPlaceholders(it.value(), childKey(key, it.key()), found, texts, columns);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            findPlaceholders(array.at(i), indexKey(key, i), found, texts, columns);
    }
}

QJsonValue fill(const QJsonValue &value, const QHash<QString, QString> &cells)
{
    if (value.isString()) {
        const QString text = value.toString();
        const QRegularExpressionMatch whole = placeholderPattern().match(text);
        if (whole.hasMatch() && whole.capturedStart() == 0 &&
            whole.capturedLength() == text.size()) {
            // Nothing but one placeholder: a number stays a number.
            const QString cell = cells.value(whole.captured(1));
            bool isNumber = false;
            const double number = cell.trimmed().toDouble(&isNumber);
            if (isNumber)
                return number;
            return cell;
        }
        QString filled;
        qsizetype from = 0;
        auto it = placeholderPattern().globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            filled += text.mid(from, m.capturedStart() - from);
            filled += cells.value(m.captured(1));
            from = m.capturedEnd();
        }
        filled += text.mid(from);
        return filled;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = fill(it.value(), cells);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = fill(array.at(i), cells);
        return array;
    }
    return value;
}

} // namespace

BatchTemplate BatchTemplate::load(const QString &path)
{
    if (QFileInfo(path).isDir())
        throwBadInput(QStringLiteral("%1: is a folder, not a project file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > 16 * 1024 * 1024)
        throwBadInput(QStringLiteral("%1: too large for a project file").arg(path));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throwBadInput(QStringLiteral("%1: not valid JSON at offset %2: %3")
                          .arg(path)
                          .arg(error.offset)
                          .arg(error.errorString()));
    if (!document.isObject())
        throwBadInput(QStringLiteral("%1: a project file holds one JSON object").arg(path));
    BatchTemplate t;
    t.m_path = path;
    t.m_json = document.object();
    findPlaceholders(t.m_json, QString(), t.m_keysWithPlaceholders, t.m_placeholderValues,
                     t.m_columns);
    return t;
}

QStringList BatchTemplate::placeholderColumns() const
{
    return m_columns;
}

void BatchTemplate::checkColumns(const CsvTable &table, const QString &tablePath) const
{
    for (auto it = m_keysWithPlaceholders.cbegin(); it != m_keysWithPlaceholders.cend(); ++it)
        for (const QString &column : it.value())
            if (!table.columns.contains(column))
                throwBadInput(QStringLiteral("%1: %2: {{%3}} names no column of %4 (it has: %5)")
                                  .arg(m_path, it.key(), column, tablePath,
                                       table.columns.join(QStringLiteral(", "))));
}

QString BatchTemplate::rowName(const CsvTable &table, const QString &tablePath, int index)
{
    return QStringLiteral("%1 row %2 (line %3)")
        .arg(tablePath)
        .arg(index)
        .arg(table.lines.value(index));
}

namespace {

QHash<QString, QString> cellsOf(const CsvTable &table, int index)
{
    QHash<QString, QString> cells;
    const QStringList &row = table.rows.at(index);
    for (qsizetype c = 0; c < table.columns.size(); ++c)
        cells.insert(table.columns.at(c), row.value(c));
    return cells;
}

} // namespace

QStringList BatchTemplate::filledValues(const CsvTable &table, int index) const
{
    const QHash<QString, QString> cells = cellsOf(table, index);
    QStringList values;
    for (const QString &text : m_placeholderValues)
        values.append(fill(text, cells).toVariant().toString());
    return values;
}

void BatchTemplate::checkFiles(const Project &project, const CsvTable &table,
                               const QString &tablePath, int index) const
{
    const auto check = [&](const QString &file, const QString &key) {
        if (file.isEmpty())
            return;
        const QFileInfo info(project.resolve(file));
        QString problem;
        if (!info.exists())
            problem = QStringLiteral("no such file");
        else if (!info.isFile())
            problem = QStringLiteral("not a file");
        else if (!info.isReadable())
            problem = QStringLiteral("cannot be read");
        if (problem.isEmpty())
            return;
        QString message = QStringLiteral("%1: %2: %3: %4")
                              .arg(rowName(table, tablePath, index), key, info.filePath(), problem);
        if (const auto it = m_keysWithPlaceholders.constFind(key);
            it != m_keysWithPlaceholders.cend())
            message += QStringLiteral(" (column %1)").arg(it.value().join(QStringLiteral(", ")));
        throwBadInput(message);
    };
    for (qsizetype i = 0; i < project.scenes.size(); ++i) {
        const Scene &scene = project.scenes.at(i);
        check(scene.media,
              QStringLiteral("scenes[%1].%2")
                  .arg(i)
                  .arg(project.version == 1 ? QStringLiteral("image") : QStringLiteral("media")));
        check(scene.voiceFile, QStringLiteral("scenes[%1].voice_file").arg(i));
    }
    if (project.music)
        check(project.music->file, QStringLiteral("music.file"));
}

Project BatchTemplate::project(const CsvTable &table, const QString &tablePath, int index) const
{
    checkColumns(table, tablePath);
    const QHash<QString, QString> cells = cellsOf(table, index);
    const QJsonObject filled = fill(m_json, cells).toObject();
    const QString name = rowName(table, tablePath, index);
    try {
        return Project::fromJson(QJsonDocument(filled).toJson(), name,
                                 QFileInfo(m_path).absolutePath());
    } catch (const Error &error) {
        // "ROWS row N (line L): scenes[0].duration: problem": when the key
        // was filled from the table, say from which column.
        const QString prefix = name + QStringLiteral(": ");
        QString message = error.message();
        if (message.startsWith(prefix)) {
            const QString rest = message.mid(prefix.size());
            for (auto it = m_keysWithPlaceholders.cbegin(); it != m_keysWithPlaceholders.cend();
                 ++it) {
                if (rest.startsWith(it.key() + QLatin1Char(':'))) {
                    message +=
                        QStringLiteral(" (column %1)").arg(it.value().join(QStringLiteral(", ")));
                    break;
                }
            }
        }
        throw Error(error.kind(), message);
    }
}

QHash<QString, int> BatchTemplate::firstRowOfEachOutput(const CsvTable &table)
{
    QHash<QString, int> first;
    const qsizetype column = table.columns.indexOf(QStringLiteral("output"));
    if (column < 0)
        return first;
    for (int row = 0; row < table.rows.size(); ++row)
        if (const QString name = outputName(table, column, row); !name.isEmpty())
            first.insert(name, std::min(first.value(name, row), row));
    return first;
}

QString BatchTemplate::outputPath(const CsvTable &table, const QString &tablePath, int index,
                                  const QString &outputFolder,
                                  const QHash<QString, int> *firstRows) const
{
    const QDir folder(outputFolder);
    const qsizetype column = table.columns.indexOf(QStringLiteral("output"));
    if (column < 0) {
        const QString stem = QFileInfo(m_path).fileName().section(QLatin1Char('.'), 0, 0);
        const int width = std::max(3, int(QString::number(table.rows.size()).size()));
        return folder.filePath(
            QStringLiteral("%1-%2.mp4").arg(stem).arg(index + 1, width, 10, QLatin1Char('0')));
    }
    const QString where = rowName(table, tablePath, index);
    const QString name = outputName(table, column, index);
    if (name.isEmpty())
        throwBadInput(QStringLiteral("%1: output: the column is empty").arg(where));
    if (QDir::isAbsolutePath(name) ||
        name.split(QRegularExpression(QStringLiteral("[/\\\\]"))).contains(QStringLiteral("..")))
        throwBadInput(QStringLiteral("%1: output: \"%2\" must be a name inside the output folder")
                          .arg(where, table.rows.at(index).value(column).trimmed()));
    // Two rows writing one file: the first makes it, the later ones would
    // find it made (skipped as done) or, with --force, replace it.
    int earlier = index;
    if (firstRows)
        earlier = firstRows->value(name, index);
    else
        for (int row = 0; row < index && earlier == index; ++row)
            if (outputName(table, column, row) == name)
                earlier = row;
    if (earlier < index)
        throwBadInput(QStringLiteral("%1: output: \"%2\" is row %3's output too; each row "
                                     "needs a name of its own")
                          .arg(where, name)
                          .arg(earlier));
    return QDir::cleanPath(folder.filePath(name));
}

QString BatchTemplate::outputName(const CsvTable &table, qsizetype column, int index)
{
    QString name = table.rows.at(index).value(column).trimmed();
    if (name.isEmpty())
        return name;
    if (!name.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive))
        name += QStringLiteral(".mp4");
    return QDir::cleanPath(name);
}

} // namespace reelsmith
