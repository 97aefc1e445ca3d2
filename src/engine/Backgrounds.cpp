#include "Backgrounds.h"

#include "Error.h"
#include "Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace reelsmith {

namespace {
const QStringList kVideoFilters = {QStringLiteral("*.mp4"), QStringLiteral("*.mov"),
                                   QStringLiteral("*.mkv"), QStringLiteral("*.webm")};
}

QString Backgrounds::userFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("backgrounds"));
}

QStringList Backgrounds::builtinFolders()
{
    QStringList folders;
    const QString env = qEnvironmentVariable("REELSMITH_DATA_DIR");
    if (!env.isEmpty())
        folders << QDir(env).filePath(QStringLiteral("backgrounds"));
    if (QCoreApplication::instance())
        folders << QDir(QCoreApplication::applicationDirPath())
                       .filePath(QStringLiteral("../share/reelsmith/backgrounds"));
    for (const QString &data :
         QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        folders << QDir(data).filePath(QStringLiteral("reelsmith/backgrounds"));
    for (QString &f : folders)
        f = QDir::cleanPath(f);
    folders.removeDuplicates();
    return folders;
}

QList<BackgroundEntry> Backgrounds::list()
{
    QList<BackgroundEntry> entries;
    QStringList seen;
    auto scan = [&](const QString &folder, bool builtinOnly) {
        const QFileInfoList files =
            QDir(folder).entryInfoList(kVideoFilters, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            const QString name = file.completeBaseName();
            const bool isBuiltinName = builtinBackgroundNames().contains(name);
            if ((builtinOnly && !isBuiltinName) || seen.contains(name))
                continue;
            seen << name;
            entries.append({name, file.absoluteFilePath(), isBuiltinName && builtinOnly});
        }
    };
    scan(userFolder(), false);
    for (const QString &folder : builtinFolders())
        scan(folder, true);
    return entries;
}

QString Backgrounds::resolve(const QString &background, const QString &baseDir)
{
    if (builtinBackgroundNames().contains(background)) {
        QStringList looked;
        QStringList folders = builtinFolders();
        folders.prepend(userFolder());
        for (const QString &folder : folders) {
            for (const QString &ext : {QStringLiteral(".mp4"), QStringLiteral(".mov"),
                                       QStringLiteral(".mkv"), QStringLiteral(".webm")}) {
                const QString candidate = QDir(folder).filePath(background + ext);
                if (QFileInfo(candidate).isFile())
                    return candidate;
            }
            looked << folder;
        }
        throwBadInput(QStringLiteral("background: built-in \"%1\" is not installed (looked in %2)")
                          .arg(background, looked.join(QStringLiteral(", "))));
    }
    const QString path =
        QFileInfo(background).isAbsolute()
            ? background
            : QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).filePath(background);
    if (!QFileInfo(path).isFile())
        throwBadInput(QStringLiteral("background: %1: no such file").arg(path));
    return path;
}

} // namespace reelsmith
