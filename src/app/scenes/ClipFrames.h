#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QThreadPool>

#include <optional>

namespace reelsmith::editor {

// Frames of a clip while its start is being scrubbed: decoded one at a time
// on a thread of its own, and only the newest request is decoded next, so a
// fast drag never builds a queue of frames nobody will see.
class ClipFrames : public QObject
{
    Q_OBJECT
public:
    explicit ClipFrames(QSize box, QObject *parent = nullptr);
    ~ClipFrames() override;

    // The frame of `path` at `seconds`, fitted in the box; frameReady()
    // follows (or failed()), unless a newer request replaces this one first.
    void request(const QString &path, double seconds);
    // No decode running or waiting (tests).
    bool isIdle() const { return !m_running && !m_next; }

signals:
    void frameReady(const QString &path, double seconds, const QImage &frame);
    void failed(const QString &path, const QString &message);

private:
    struct Request
    {
        QString path;
        double seconds = 0;
    };
    struct Result
    {
        QImage frame;
        QString error;
    };
    void startNext();

    QSize m_box;
    QThreadPool m_pool;
    QFutureWatcher<Result> m_watcher;
    std::optional<Request> m_running;
    std::optional<Request> m_next;
};

} // namespace reelsmith::editor
