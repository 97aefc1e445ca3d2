#include "core/DataFolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace reelsmith {

QString installedDataFolder()
{
    if (!QCoreApplication::instance())
        return {};
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../share/reelsmith"));
}

QStringList dataFolders(const QString &sub)
{
    QStringList folders;
    const QString env = qEnvironmentVariable("REELSMITH_DATA_DIR");
    if (!env.isEmpty())
        folders << QDir(env).filePath(sub);
    if (const QString installed = installedDataFolder(); !installed.isEmpty())
        folders << QDir(installed).filePath(sub);
    for (const QString &data :
         QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        folders << QDir(data).filePath(QStringLiteral("reelsmith/") + sub);
    for (QString &folder : folders)
        folder = QDir::cleanPath(folder);
    folders.removeDuplicates();
    return folders;
}

} // namespace reelsmith
