// reelsmith-assetgen: draws the data that ships with Reelsmith at build time,
// so no footage or photo has to be stored or downloaded.
//   reelsmith-assetgen background NAME OUT.mp4
//   reelsmith-assetgen demo-pictures FOLDER
//   reelsmith-assetgen icon SIZE OUT.png

#include "AppIcon.h"
#include "BackgroundArt.h"
#include "DemoPictures.h"
#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "media/Mp4Writer.h"

extern "C" {
#include <libavutil/log.h>
#include <libswscale/swscale.h>
}

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <cstdio>

using namespace reelsmith;

namespace {

void writeBackground(const QString &name, const QString &path)
{
    OutputSettings enc; // 720x1280 at 24 fps with the background-asset recipe's cap
    enc.preset = QStringLiteral("medium");
    enc.crf = 28;
    enc.maxrateKbps = 500;
    enc.bufsizeKbps = 1000;
    const int frames = 15 * enc.fps;
    AtomicOutput out(path);
    Mp4Writer writer(out.temporaryPath(), enc);
    QImage canvas(enc.size(), QImage::Format_RGB32);
    av::Sws sws(sws_getContext(enc.width, enc.height, AV_PIX_FMT_BGRA, enc.width, enc.height,
                               AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!sws)
        throwFailure(QStringLiteral("cannot create the colour converter"));
    sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_ITU709), 1,
                             sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
    for (int i = 0; i < frames; ++i) {
        {
            QPainter painter(&canvas);
            painter.setRenderHint(QPainter::Antialiasing);
            paintBackgroundArt(name, painter, enc.size(), double(i) / frames);
        }
        AVFrame *frame = writer.frame();
        const uint8_t *src[1] = {canvas.constBits()};
        const int stride[1] = {int(canvas.bytesPerLine())};
        av::check(
            sws_scale(sws.get(), src, stride, 0, canvas.height(), frame->data, frame->linesize),
            QStringLiteral("converting a frame"));
        writer.submit();
    }
    writer.finish();
    out.commit();
}

int usage()
{
    std::fprintf(stderr,
                 "usage: reelsmith-assetgen background {%s} OUT.mp4\n"
                 "       reelsmith-assetgen demo-pictures FOLDER\n"
                 "       reelsmith-assetgen icon SIZE OUT.png\n",
                 backgroundArtNames().join(QLatin1Char('|')).toLocal8Bit().constData());
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    av_log_set_level(AV_LOG_ERROR);
    const QStringList args = app.arguments();
    try {
        if (args.size() == 4 && args[1] == QLatin1String("background") &&
            backgroundArtNames().contains(args[2])) {
            writeBackground(args[2], args[3]);
            return 0;
        }
        if (args.size() == 3 && args[1] == QLatin1String("demo-pictures")) {
            writeDemoPictures(args[2]);
            return 0;
        }
        if (args.size() == 4 && args[1] == QLatin1String("icon")) {
            bool ok = false;
            const int size = args[2].toInt(&ok);
            if (!ok || size < 16 || size > 1024)
                return usage();
            if (!appIcon(size).save(args[3], "PNG"))
                throwFailure(QStringLiteral("%1: cannot write the icon").arg(args[3]));
            return 0;
        }
    } catch (const Error &e) {
        std::fprintf(stderr, "error: %s\n", e.message().toLocal8Bit().constData());
        return 1;
    }
    return usage();
}
