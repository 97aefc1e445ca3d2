#include "document/Autosave.h"

#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "project/Project.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace reelsmith::editor {

namespace {

const QString kSuffix = QStringLiteral(".reel.json");

// Beside each copy: which file it belongs to.
QString metaPath(const QString &copy)
{
    return copy.left(copy.size() - kSuffix.size()) + QStringLiteral(".meta.json");
}

QString lockPath(const QString &copy)
{
    return copy.left(copy.size() - kSuffix.size()) + QStringLiteral(".lock");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

Autosave::Autosave(ProjectDocument *doc, int delayMs, QObject *parent) : QObject(parent), m_doc(doc)
{
    QDir().mkpath(folder());
    m_path = QDir(folder()).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + kSuffix);
    m_lock = std::make_unique<QLockFile>(lockPath(m_path));
    m_lock->setStaleLockTime(0); // held for the editor's whole life
    m_lock->tryLock(0);
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::flush);
    connect(doc, &ProjectDocument::changed, &m_timer, qOverload<>(&QTimer::start));
    connect(doc, &ProjectDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            flush(); // saved: the copy is no longer needed
    });
}

Autosave::~Autosave()
{
    // A clean exit leaves nothing to recover.
    QFile::remove(m_path);
    QFile::remove(metaPath(m_path));
    m_lock->unlock();
}

QString Autosave::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("autosave"));
}

void Autosave::flush()
{
    m_timer.stop();
    if (!m_doc->isModified()) {
        QFile::remove(m_path);
        QFile::remove(metaPath(m_path));
        return;
    }
    // Paths are written absolute (the copy lives elsewhere than the project).
    const QJsonObject meta{{QStringLiteral("original"), m_doc->filePath()}};
    if (writeFile(metaPath(m_path), QJsonDocument(meta).toJson()) &&
        writeFile(m_path, m_doc->serialized(m_path)))
        emit written(m_path);
}

QList<Autosave::Orphan> Autosave::orphans()
{
    QList<Orphan> found;
    const QDir dir(folder());
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files)) {
        const QString copy = info.absoluteFilePath();
        QLockFile lock(lockPath(copy));
        lock.setStaleLockTime(0);
        // Held: an editor that is running owns it. A lock left by a dead
        // process is detected as stale by tryLock() and taken over.
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        Orphan orphan;
        orphan.autosavePath = copy;
        orphan.savedAt = info.lastModified();
        QFile metaFile(metaPath(copy));
        if (metaFile.open(QIODevice::ReadOnly))
            orphan.originalPath = QJsonDocument::fromJson(metaFile.readAll())
                                      .object()
                                      .value(QStringLiteral("original"))
                                      .toString();
        found.append(orphan);
    }
    std::sort(found.begin(), found.end(),
              [](const Orphan &a, const Orphan &b) { return a.savedAt > b.savedAt; });
    return found;
}

void Autosave::recover(const Orphan &orphan, ProjectDocument *doc)
{
    Project project = Project::load(orphan.autosavePath, Project::Strictness::Draft);
    doc->adopt(std::move(project), orphan.originalPath, true);
    discard(orphan);
}

void Autosave::discard(const Orphan &orphan)
{
    QFile::remove(orphan.autosavePath);
    QFile::remove(metaPath(orphan.autosavePath));
    QFile::remove(lockPath(orphan.autosavePath));
    removeStaleLocks();
}

void Autosave::removeStaleLocks()
{
    // A session that crashed with nothing unsaved left its lock (and maybe
    // a meta file) but no copy, so orphans() never lists it and nothing
    // removed it: such locks piled up. A lock nobody holds goes with its
    // meta file; copies are left to orphans() and the creator's answer.
    const QDir dir(folder());
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.lock")}, QDir::Files)) {
        const QString base = info.absoluteFilePath().chopped(int(qstrlen(".lock")));
        const QString copy = base + kSuffix;
        if (QFile::exists(copy))
            continue;
        QLockFile lock(info.absoluteFilePath());
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;  // a running editor's
        lock.unlock(); // removes the file
        QFile::remove(metaPath(copy));
    }
}

} // namespace reelsmith::editor
