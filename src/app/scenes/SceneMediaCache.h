#pragma once

#include "scenes/SceneMedia.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <optional>

namespace reelsmith::editor {

// probeSceneMedia() of each file once, on a thread of its own: whether a
// scene's media is a picture or a clip (and the clip's length) without
// decoding on the UI thread.
class SceneMediaCache : public QObject
{
    Q_OBJECT
public:
    explicit SceneMediaCache(QObject *parent = nullptr);
    ~SceneMediaCache() override;

    // The facts when known; otherwise nothing, the file is probed and
    // ready(path) follows. Also nothing for a file that cannot be read
    // (see problem()).
    std::optional<SceneMediaFacts> facts(const QString &path);
    // Why `path` cannot be used, once probed; empty otherwise.
    QString problem(const QString &path) const;
    bool isClip(const QString &path)
    {
        const auto known = facts(path);
        return known && known->kind == SceneMediaFacts::Kind::Clip;
    }
    // Whether `path` is being probed now (facts() gave nothing, ready() follows).
    bool isPending(const QString &path) const { return m_pending.contains(path); }
    // Forget what was learnt about `path` (it changed on disk).
    void invalidate(const QString &path);
    void waitForIdle();

signals:
    void ready(const QString &path);

private:
    struct Probed
    {
        std::optional<SceneMediaFacts> facts;
        QString problem;
    };
    QThreadPool m_pool;
    QHash<QString, Probed> m_done;
    QSet<QString> m_pending;
};

} // namespace reelsmith::editor
