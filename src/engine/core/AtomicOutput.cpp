#include "core/AtomicOutput.h"

#include "core/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace {

// The mode a newly created file would get: 0666 less the umask. Read from
// /proc rather than umask(2), which would change it process-wide for a moment.
mode_t newFileMode()
{
    mode_t mask = 022;
    if (std::FILE *status = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, status)) {
            unsigned value = 0;
            if (std::sscanf(line, "Umask: %o", &value) == 1) {
                mask = mode_t(value);
                break;
            }
        }
        std::fclose(status);
    }
    return 0666 & ~mask;
}

} // namespace

namespace reelsmith {

AtomicOutput::AtomicOutput(const QString &target) : m_target(QFileInfo(target).absoluteFilePath())
{
    const QFileInfo info(m_target);
    const QFileInfo folder(info.absolutePath());
    if (target.isEmpty())
        throwBadInput(QStringLiteral("no output file given"));
    if (info.isDir())
        throwBadInput(QStringLiteral("%1: is a folder, not a file").arg(target));
    if (!folder.exists())
        throwBadInput(QStringLiteral("%1: output folder does not exist").arg(folder.filePath()));
    if (!folder.isDir() || !folder.isWritable())
        throwBadInput(QStringLiteral("%1: output folder is not writable").arg(folder.filePath()));

    // A unique name, so two renders into one folder never share a temporary.
    QTemporaryFile reserve(
        QDir(info.absolutePath())
            .filePath(QLatin1Char('.') + info.fileName() + QStringLiteral(".XXXXXX.part")));
    reserve.setAutoRemove(false);
    if (!reserve.open())
        throwBadInput(QStringLiteral("%1: cannot create a file there: %2")
                          .arg(folder.filePath(), reserve.errorString()));
    m_temporary = reserve.fileName();
    // QTemporaryFile creates 0600; the finished file should look like any other
    // (or keep the mode of the file it replaces).
    struct stat existing
    {
    };
    const mode_t mode = ::stat(QFile::encodeName(m_target).constData(), &existing) == 0
                            ? (existing.st_mode & 07777)
                            : newFileMode();
    ::chmod(QFile::encodeName(m_temporary).constData(), mode);
}

AtomicOutput::~AtomicOutput()
{
    if (!m_committed && !m_temporary.isEmpty())
        QFile::remove(m_temporary);
}

void AtomicOutput::commit()
{
    // rename(2) replaces an existing target atomically; QFile::rename refuses to.
    if (std::rename(QFile::encodeName(m_temporary).constData(),
                    QFile::encodeName(m_target).constData()) != 0)
        throwFailure(QStringLiteral("%1: cannot move the finished file into place: %2")
                         .arg(m_target, QString::fromLocal8Bit(std::strerror(errno))));
    m_committed = true;
}

} // namespace reelsmith
