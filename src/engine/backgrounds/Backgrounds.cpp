#include "backgrounds/Backgrounds.h"

#include "core/DataFolders.h"
#include "core/Error.h"
#include "media/Av.h"
#include "project/Project.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <optional>

namespace reelsmith {

namespace {

const QStringList kVideoFilters = {QStringLiteral("*.mp4"),  QStringLiteral("*.m4v"),
                                   QStringLiteral("*.mov"),  QStringLiteral("*.mkv"),
                                   QStringLiteral("*.webm"), QStringLiteral("*.avi")};

// The clips in `folder` by base name; of two with the same base name the
// first by file name wins, in listing and resolving alike.
QList<QFileInfo> clipsIn(const QString &folder)
{
    QList<QFileInfo> clips;
    QStringList seen;
    const QFileInfoList files =
        QDir(folder).entryInfoList(kVideoFilters, QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &file : files) {
        const QString name = file.completeBaseName();
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen << name;
        clips << file;
    }
    return clips;
}

std::optional<QFileInfo> clipNamed(const QString &folder, const QString &name)
{
    for (const QFileInfo &clip : clipsIn(folder))
        if (clip.completeBaseName() == name)
            return clip;
    return std::nullopt;
}

} // namespace

BackgroundFolders BackgroundFolders::standard()
{
    return withUserFolder(QString());
}

BackgroundFolders BackgroundFolders::withUserFolder(const QString &user)
{
    return {user.isEmpty() ? Backgrounds::userFolder() : user, Backgrounds::builtinFolders()};
}

QString Backgrounds::userFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("backgrounds"));
}

QStringList Backgrounds::builtinFolders()
{
    return dataFolders(QStringLiteral("backgrounds"));
}

QList<BackgroundEntry> Backgrounds::list(const BackgroundFolders &where)
{
    const QStringList builtins = builtinBackgroundNames();
    const QList<QFileInfo> userClips = clipsIn(where.user);
    const QStringList &folders = where.builtin;
    QList<BackgroundEntry> entries;
    for (const QString &name : builtins) {
        BackgroundEntry entry;
        entry.name = name;
        entry.builtin = true;
        for (const QFileInfo &clip : userClips) {
            if (clip.completeBaseName() == name) {
                entry.path = clip.absoluteFilePath();
                entry.overridesBuiltin = true;
                break;
            }
        }
        for (qsizetype i = 0; entry.path.isEmpty() && i < folders.size(); ++i)
            if (const auto clip = clipNamed(folders.at(i), name))
                entry.path = clip->absoluteFilePath();
        entries.append(entry);
    }
    for (const QFileInfo &clip : userClips) {
        if (builtins.contains(clip.completeBaseName()))
            continue;
        BackgroundEntry entry;
        entry.name = clip.completeBaseName();
        entry.path = clip.absoluteFilePath();
        entries.append(entry);
    }
    return entries;
}

void Backgrounds::inspect(BackgroundEntry &entry)
{
    entry.duration = -1;
    entry.problem.clear();
    if (entry.path.isEmpty()) {
        entry.problem = QStringLiteral("not installed");
        return;
    }
    try {
        // Opening reads the container's headers; for the MP4s backgrounds
        // come as that is the index, so no frame is decoded for a duration.
        av::FormatInput input = av::openInput(entry.path, av::InputProbe::Headers);
        if (input->nb_streams == 0 || input->duration <= 0)
            input = av::openInput(entry.path); // needs a look at the packets
        const int video = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (video < 0) {
            entry.problem = QStringLiteral("unreadable: no video stream");
            return;
        }
        const AVStream *stream = input->streams[video];
        if (input->duration > 0)
            entry.duration = double(input->duration) / AV_TIME_BASE;
        else if (stream->duration > 0)
            entry.duration = double(stream->duration) * av_q2d(stream->time_base);
    } catch (const Error &e) {
        entry.problem = QStringLiteral("unreadable: %1").arg(e.message());
    }
}

QString Backgrounds::resolve(const QString &background, const QString &baseDir,
                             const BackgroundFolders &where, QSize output)
{
    if (builtinBackgroundNames().contains(background)) {
        // The creator's own clip of that name wins at every size.
        if (const auto clip = clipNamed(where.user, background))
            return clip->absoluteFilePath();
        const bool large = output.width() > 720 || output.height() > 1280;
        for (const QString &folder : where.builtin) {
            if (large)
                if (const auto clip =
                        clipNamed(QDir(folder).filePath(QStringLiteral("1080x1920")), background))
                    return clip->absoluteFilePath();
            if (const auto clip = clipNamed(folder, background))
                return clip->absoluteFilePath();
        }
        QStringList folders = where.builtin;
        folders.prepend(where.user);
        throwBadInput(QStringLiteral("background: built-in \"%1\" is not installed (looked in %2)")
                          .arg(background, folders.join(QStringLiteral(", "))));
    }
    const QString path =
        QFileInfo(background).isAbsolute()
            ? background
            : QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).filePath(background);
    if (QFileInfo(path).isFile())
        return path;
    // A bare name that is no file beside the project: one of the user's clips.
    if (!background.isEmpty() && !background.contains(QLatin1Char('/')) &&
        !background.contains(QDir::separator()))
        if (const auto clip = clipNamed(where.user, background))
            return clip->absoluteFilePath();
    throwBadInput(QStringLiteral("background: %1: no such file").arg(path));
}

} // namespace reelsmith
