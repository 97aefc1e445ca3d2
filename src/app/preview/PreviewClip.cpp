#include "preview/PreviewClip.h"

#include "core/Error.h"
#include "media/Av.h"
#include "media/BackgroundReader.h"
#include "render/SceneClip.h"

#include <QMetaObject>

#include <memory>

namespace reelsmith::editor {

namespace {

// Two frame threads keep a 1080p60 phone clip up with a 24 fps preview on
// two cores; the box it is scaled to is only a few hundred pixels.
constexpr int kDecoderThreads = BackgroundReader::kDefaultDecoderThreads;

// The reader's frame (YUV420P, or YUVA420P for a clip with alpha) inside
// `placed`, as RGB32 (ARGB32 with its alpha). The export writes these YUV
// values tagged BT.709 (Mp4Writer), so they are shown as BT.709 here too.
QImage toImage(const AVFrame *frame, QRect placed, av::Sws &sws, av::Frame &rgb)
{
    const bool alpha = frame->format == AV_PIX_FMT_YUVA420P;
    // Converted into FFmpeg's own padded buffer first: swscale's vector
    // paths may write a little past a row's last pixel.
    if (!rgb || rgb->width != placed.width() || rgb->height != placed.height())
        rgb = av::allocVideoFrame(placed.width(), placed.height(), AV_PIX_FMT_RGB32);
    sws.reset(sws_getCachedContext(sws.release(), placed.width(), placed.height(),
                                   AVPixelFormat(frame->format), placed.width(), placed.height(),
                                   AV_PIX_FMT_RGB32, SWS_POINT, nullptr, nullptr, nullptr));
    if (!sws)
        throwFailure(QStringLiteral("cannot convert clip frames for the preview"));
    sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_ITU709), 0,
                             sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    const uint8_t *planes[4] = {};
    int strides[4] = {};
    for (int p = 0; p < (alpha ? 4 : 3); ++p) {
        const int shift = p == 1 || p == 2 ? 1 : 0;
        planes[p] = frame->data[p] + size_t(placed.y() >> shift) * frame->linesize[p] +
                    (placed.x() >> shift);
        strides[p] = frame->linesize[p];
    }
    av::check(sws_scale(sws.get(), planes, strides, 0, placed.height(), rgb->data, rgb->linesize),
              QStringLiteral("converting a clip frame for the preview"));
    // A deep copy: the buffer is reused for the next frame.
    return QImage(rgb->data[0], placed.width(), placed.height(), rgb->linesize[0],
                  alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32)
        .copy();
}

} // namespace

PreviewClip::PreviewClip(QObject *parent) : QObject(parent), m_thread([this] { work(); }) {}

PreviewClip::~PreviewClip()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void PreviewClip::setClip(const QString &path, const ClipSettings &settings, QSize box, Fit fit)
{
    if (path == m_path && settings == m_settings && box == m_box && fit == m_fit)
        return;
    m_path = path;
    m_settings = settings;
    m_box = box;
    m_fit = fit;
    m_sceneSeconds = -1; // asked again by the next showAt()
    m_image = QImage();
    m_placement = QRect();
    m_problem.clear();
    ++m_request;
    {
        const std::lock_guard lock(m_mutex);
        m_wish = Wish{m_request, path, settings, box, fit, 0.0, closesAfter()};
        if (!path.isEmpty())
            m_wish.request = 0; // nothing to decode before a time is asked for
    }
    if (path.isEmpty())
        m_changed.notify_all(); // the worker closes the reader
    emit frameChanged();
}

void PreviewClip::showAt(double sceneSeconds)
{
    if (m_path.isEmpty() || m_box.isEmpty() || sceneSeconds == m_sceneSeconds)
        return;
    m_sceneSeconds = sceneSeconds;
    ++m_request;
    {
        const std::lock_guard lock(m_mutex);
        m_wish = Wish{m_request, m_path, m_settings, m_box, m_fit, sceneSeconds, closesAfter()};
    }
    m_changed.notify_all();
}

void PreviewClip::setSuspended(bool suspended)
{
    m_suspended = suspended;
    const std::lock_guard lock(m_mutex);
    m_wish.closeAfter = closesAfter();
}

void PreviewClip::setPlaying(bool playing)
{
    m_playing = playing;
    const std::lock_guard lock(m_mutex);
    m_wish.closeAfter = closesAfter();
}

void PreviewClip::post(quint64 request, const QString &path, const QImage &image, QRect placement,
                       const QString &problem)
{
    // Queued to this object's (the UI) thread; dropped with the object.
    QMetaObject::invokeMethod(
        this,
        [this, request, path, image, placement, problem] {
            if (path != m_path || request < m_shownRequest)
                return; // for a clip no longer shown, or older than the frame shown
            m_shownRequest = request;
            if (!problem.isEmpty()) {
                m_problem = problem;
            } else {
                m_image = image;
                m_placement = placement;
            }
            emit frameChanged();
        },
        Qt::QueuedConnection);
}

void PreviewClip::work()
{
    std::unique_ptr<BackgroundReader> reader;
    Wish opened; // what `reader` was opened for
    av::Frame frame;
    av::Sws sws;
    av::Frame rgb;
    QImage image;
    double imageClipTime = -1;
    quint64 done = 0;
    for (;;) {
        Wish wish;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] {
                return m_stop || m_wish.request != done || (m_wish.path.isEmpty() && reader);
            });
            if (m_stop)
                return;
            wish = m_wish;
        }
        done = wish.request;
        if (wish.path.isEmpty() || wish.request == 0) {
            reader.reset();
            frame.reset();
            image = QImage();
            continue;
        }
        try {
            if (!reader || opened.path != wish.path || opened.box != wish.box ||
                opened.fit != wish.fit) {
                reader.reset();
                reader = std::make_unique<BackgroundReader>(wish.path, wish.box, kDecoderThreads,
                                                            wish.fit, true);
                frame = av::allocVideoFrame(wish.box.width(), wish.box.height(),
                                            reader->outputFormat());
                opened = wish;
                imageClipTime = -1;
            }
            const double clipTime =
                SceneClip::timeInClip(wish.settings, reader->duration(), wish.sceneSeconds);
            // A frozen clip past its end asks for the same time again.
            if (clipTime != imageClipTime || image.isNull()) {
                reader->frameAt(clipTime, frame.get());
                image = toImage(frame.get(), reader->placement(), sws, rgb);
                imageClipTime = clipTime;
            }
            post(wish.request, wish.path, image, reader->placement(), QString());
            if (wish.closeAfter) {
                reader.reset(); // opened again for the next frame wanted
                frame.reset();
            }
        } catch (const Error &error) {
            reader.reset();
            frame.reset();
            image = QImage();
            post(wish.request, wish.path, QImage(), QRect(), error.message());
        } catch (const std::exception &error) {
            reader.reset();
            frame.reset();
            image = QImage();
            post(wish.request, wish.path, QImage(), QRect(), QString::fromLocal8Bit(error.what()));
        }
    }
}

} // namespace reelsmith::editor
