#pragma once

#include "core/Fit.h"

#include <QFutureWatcher>
#include <QHash>
#include <QHashFunctions>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QThreadPool>

#include <list>
#include <optional>

namespace reelsmith::editor {

// Scene pictures decoded at the size the preview shows them, never on the UI
// thread: one decode at a time on a private worker, the most recently used
// pictures kept within fixed bounds.
class PreviewPictureCache : public QObject
{
    Q_OBJECT
public:
    // What a picture is decoded for: the file, the box it is fitted into
    // (device pixels) and how it is fitted.
    struct Key
    {
        QString path;
        QSize box;
        Fit fit = Fit::Contain;
        bool operator==(const Key &) const = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.path, key.box.width(), key.box.height(), int(key.fit));
        }
    };

    struct Picture
    {
        QImage image; // null when the file could not be read
        QString problem;
        QSize frame; // device-pixel frame size the picture was laid out for
        // Not a picture but a video clip (by the export's rule: a file that
        // does not load as a picture and probes as a video); image is null.
        bool isVideo = false;
    };

    // Preview-size pictures are small (a few hundred kB each); these bounds
    // only matter for projects with many scenes scrubbed through quickly. The
    // most recently used picture is always kept, however large.
    static constexpr int kMaxPictures = 16;
    static constexpr qint64 kMaxBytes = 48LL * 1024 * 1024;

    explicit PreviewPictureCache(QObject *parent = nullptr);
    ~PreviewPictureCache() override;

    // The picture for `key`, laid out in a `frame` of device pixels. While it
    // decodes, the same file decoded at another size stands in; with neither
    // at hand the result is empty, the decode is started, and ready() follows.
    std::optional<Picture> picture(const Key &key, QSize frame);
    // Starts decoding `keys` ahead of need and drops the queued decodes of any
    // other picture, which nobody waits for any more (fast scrubbing).
    void prefetch(const QList<Key> &keys, QSize frame);
    // Forgets every picture and every decode not yet delivered.
    void clear();

    int count() const { return int(m_pictures.size()); }
    qint64 bytes() const;
    bool isDecoding(const Key &key) const { return m_pending.contains(key); }

signals:
    // A decode has finished: its picture, or why there is none, is at hand.
    void ready();

private:
    struct Decoded
    {
        QImage image;
        QString problem;
        bool isVideo = false;
    };
    static Decoded decode(const Key &key);
    void request(const Key &key, QSize frame);
    void trim();

    QThreadPool m_pool;
    std::list<std::pair<Key, Picture>> m_pictures; // most recently used first
    QHash<Key, QFutureWatcher<Decoded> *> m_pending;
};

} // namespace reelsmith::editor
