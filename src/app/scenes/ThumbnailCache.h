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
// A scene's media is a picture or a video clip, told apart by content as the
// render does (SceneMedia.h); a clip's thumbnail is its whole frame at the
// scene's clip.start, so each start has its own.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    enum class Kind {
        Picture, // a scene's media: a picture, or a clip's frame at `seconds`
        Video,   // a background: cropped to cover, a second in
    };

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
    // While a clip's frame at a new `seconds` is being made, the one made
    // last for that file stands in, so a row does not blank while its start
    // is edited.
    QImage thumbnail(const QString &path, Kind kind = Kind::Picture, double seconds = 0);
    // What the decoder found; Unknown until `ready(path)`. Asks for the
    // thumbnail when it has not been asked for yet.
    Check check(const QString &path, Kind kind = Kind::Picture, double seconds = 0);
    // Forget a file's thumbnails (it changed on disk).
    void invalidate(const QString &path);
    // Waits for the work in flight (tests, shutdown).
    void waitForIdle();

signals:
    void ready(const QString &path);

private:
    struct Request
    {
        QString path;
        Kind kind = Kind::Picture;
        double seconds = 0;
        QString key() const;
    };
    void start(const Request &request);
    QImage brokenTile() const;

    QSize m_size;
    QThreadPool m_pool;
    QHash<QString, Made> m_done; // by Request::key()
    QSet<QString> m_pending;     // keys
    // One frame of a file is made at a time; while it is, only the newest
    // other request for that file waits (a start being scrubbed or spun).
    QHash<QString, QString> m_runningKey; // path -> key
    QHash<QString, Request> m_waiting;    // path -> newest request
    QHash<QString, QImage> m_latest;      // path -> image made last
};

} // namespace reelsmith::editor
