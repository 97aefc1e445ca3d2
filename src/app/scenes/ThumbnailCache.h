#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>

namespace reelsmith::editor {

// Small pictures for lists, made off the UI thread at thumbnail size (a JPEG
// is decoded at a TurboJPEG scale factor, a video reads one frame). Making one
// is also the check of the file: the decoder's own error or warning is kept.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Picture, Video };

    // What decoding the file found.
    struct Check
    {
        enum class State {
            Unknown, // not decoded yet
            Ok,
            Damaged, // shown as far as it decodes (the decoder warned)
            Broken,  // cannot be read: not a picture, empty, cut off
            Missing, // no file at the path
        };
        State state = State::Unknown;
        // The decoder's words, without the path it starts with; empty when Ok.
        QString reason;
    };
    // A finished thumbnail with its check (made on the pool's thread).
    struct Made
    {
        QImage image;
        Check check;
    };

    explicit ThumbnailCache(QSize size, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    QSize size() const { return m_size; }
    // The thumbnail when ready; otherwise a null image, and `ready(path)`
    // follows once it is made. A file that cannot be read gets a marked tile.
    QImage thumbnail(const QString &path, Kind kind = Kind::Picture);
    // What the decoder found; Unknown until `ready(path)`. Asks for the
    // thumbnail when it has not been asked for yet.
    Check check(const QString &path, Kind kind = Kind::Picture);
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
    QHash<QString, Made> m_done;
    QSet<QString> m_pending;
};

} // namespace reelsmith::editor
