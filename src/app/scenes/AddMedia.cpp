#include "scenes/AddMedia.h"

#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "scenes/SceneMedia.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent>

namespace reelsmith::editor {

struct AddMedia::Probed
{
    QList<AddedMedia> files;
    QStringList problems; // the engine's messages, each naming its file
};

namespace {

AddMedia::Probed probeAll(const QStringList &paths)
{
    AddMedia::Probed probed;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (looksLikePicture(absolute)) {
            probed.files.append({absolute, std::nullopt});
            continue;
        }
        try {
            const SceneMediaFacts facts = probeSceneMedia(absolute);
            if (facts.kind == SceneMediaFacts::Kind::Clip)
                probed.files.append({absolute, facts.clipSeconds});
            else
                probed.files.append({absolute, std::nullopt}); // a picture with an odd name
        } catch (const Error &e) {
            // The engine's messages start with the path as given; show it
            // as the creator's system writes paths.
            QString message = e.message();
            if (message.startsWith(absolute))
                message = QDir::toNativeSeparators(absolute) + message.mid(absolute.size());
            else if (!message.contains(absolute))
                message = QDir::toNativeSeparators(absolute) + QStringLiteral(": ") + message;
            probed.problems.append(message);
        }
    }
    return probed;
}

} // namespace

AddMedia::AddMedia(ProjectDocument *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
    // Probing decodes a frame of each clip: one at a time, beside an export.
    m_pool.setMaxThreadCount(1);
    connect(doc, &ProjectDocument::projectAboutToBeReplaced, this, [this] {
        ++m_generation;
        m_queue.clear();
    });
}

AddMedia::~AddMedia()
{
    m_queue.clear();
    m_pool.waitForDone();
}

void AddMedia::add(const QStringList &paths, int before)
{
    if (paths.isEmpty())
        return;
    const bool allPictures = std::all_of(paths.cbegin(), paths.cend(), [](const QString &path) {
        return looksLikePicture(QFileInfo(path).absoluteFilePath());
    });
    if (allPictures && !isBusy()) {
        // Nothing to probe: at once, as Add Pictures… does.
        const QList<int> rows = addPictures(m_doc, paths, before);
        if (!rows.isEmpty())
            emit added(rows);
        return;
    }
    m_queue.append({paths, before});
    startNext();
}

void AddMedia::startNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    const Batch batch = m_queue.takeFirst();
    m_running = true;
    m_before = batch.before;
    m_runningGeneration = m_generation;
    auto *watcher = new QFutureWatcher<Probed>(this);
    connect(watcher, &QFutureWatcher<Probed>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        if (m_runningGeneration == m_generation)
            finish(watcher->result());
        startNext();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, probeAll, batch.paths));
}

void AddMedia::finish(const Probed &probed)
{
    if (!probed.problems.isEmpty()) {
        emit refused(probed.problems.join(QLatin1Char('\n')));
        return;
    }
    const QList<int> rows = addMedia(m_doc, probed.files, m_before);
    if (!rows.isEmpty())
        emit added(rows);
}

} // namespace reelsmith::editor
