#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>

namespace reelsmith::editor {

// Small pictures for lists, made off the UI thread at thumbnail size (a JPEG
// is decoded at a TurboJPEG scale factor, a video reads one frame).
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Picture, Video };

    explicit ThumbnailCache(QSize size, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    QSize size() const { return m_size; }
    // The thumbnail when ready; otherwise a null image, and `ready(path)`
    // follows once it is made. A file that cannot be read gets a marked tile.
    QImage thumbnail(const QString &path, Kind kind = Kind::Picture);
    // Forget a file's thumbnail (it changed on disk).
    void invalidate(const QString &path);
    // Waits for the work in flight (tests, shutdown).
    void waitForIdle();

signals:
    void ready(const QString &path);

private:
    QImage brokenTile() const;

    QSize m_size;
    QThreadPool m_pool;
    QHash<QString, QImage> m_done;
    QSet<QString> m_pending;
};

} // namespace reelsmith::editor
