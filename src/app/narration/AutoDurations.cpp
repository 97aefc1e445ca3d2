#include "narration/AutoDurations.h"

#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "render/SceneVoices.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace reelsmith::editor {

namespace {

// How long typing must pause before a narration is synthesized.
constexpr int kSettleMs = 400;

struct Lookup
{
    double seconds = 0;
    QString error;
};

} // namespace

AutoDurations::AutoDurations(ProjectDocument *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
    m_pool.setMaxThreadCount(1);
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] { refresh(true); });
    connect(doc, &ProjectDocument::changed, this, [this] {
        refresh();
        m_settle.start();
    });
    refresh(true);
}

AutoDurations::~AutoDurations()
{
    m_pool.waitForDone();
}

QString AutoDurations::problem(int row) const
{
    if (row < 0 || row >= m_doc->sceneCount() || !m_doc->scene(row).hasVoice())
        return {};
    return m_errors.value(keyOf(row));
}

QString AutoDurations::keyOf(int row) const
{
    const Project &project = m_doc->project();
    const Scene &scene = project.scenes.at(row);
    if (!scene.voiceFile.isEmpty()) {
        const QFileInfo file(project.resolve(scene.voiceFile));
        return QStringLiteral("file\n%1\n%2\n%3")
            .arg(file.absoluteFilePath())
            .arg(file.size())
            .arg(file.lastModified().toMSecsSinceEpoch());
    }
    const VoiceSettings voice = project.voiceOf(row);
    return QStringLiteral("say\n%1\n%2\n%3\n%4")
        .arg(voice.name)
        .arg(voice.rate)
        .arg(voice.pitch)
        .arg(scene.narration);
}

void AutoDurations::refresh(bool lookUpMissing)
{
    if (m_applying)
        return;
    m_applying = true;
    for (int row = 0; row < m_doc->sceneCount(); ++row) {
        const Scene &scene = m_doc->scene(row);
        if (!scene.hasVoice())
            continue;
        const QString key = keyOf(row);
        if (m_seconds.contains(key)) {
            if (!scene.autoDuration)
                continue;
            const double target = m_seconds.value(key) + Scene::kAutoPaddingSeconds;
            if (scene.duration != target) {
                Scene resolved = scene;
                resolved.duration = target;
                m_doc->setScene(row, resolved);
            }
        } else if (lookUpMissing && !m_pending.contains(key) && !m_errors.contains(key)) {
            lookUp(row, key);
        }
    }
    m_applying = false;
}

void AutoDurations::lookUp(int row, const QString &key)
{
    m_pending.insert(key);
    Project project = m_doc->project();
    auto *watcher = new QFutureWatcher<Lookup>(this);
    connect(watcher, &QFutureWatcher<Lookup>::finished, this, [this, watcher, key] {
        const Lookup result = watcher->result();
        watcher->deleteLater();
        m_pending.remove(key);
        if (result.error.isEmpty())
            m_seconds.insert(key, result.seconds);
        else
            m_errors.insert(key, result.error);
        refresh();
        if (!result.error.isEmpty())
            emit problemsChanged();
        if (isIdle())
            emit resolved();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [project = std::move(project), row] {
        try {
            const auto voice = findSceneVoice(project, row);
            return Lookup{voice ? voice->seconds : 0.0, {}};
        } catch (const Error &e) {
            return Lookup{0, e.message()};
        }
    }));
}

} // namespace reelsmith::editor
