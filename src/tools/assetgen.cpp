// reelsmith-assetgen: draws the data that ships with Reelsmith at build time,
// so no footage or photo has to be stored or downloaded.
//   reelsmith-assetgen background NAME OUT.mp4 [WIDTHxHEIGHT@FPS]
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
#include <QRegularExpression>

#include <cmath>
#include <cstdio>

using namespace reelsmith;

namespace {

// The background-asset recipe (720x1280 at 24 fps, capped at 500 kbit/s), or
// the same loop drawn at a larger size and rate for 1080x1920 exports, with
// the cap scaled by the pixel rate so the picture keeps its quality.
void writeBackground(const QString &name, const QString &path, QSize size, int fps)
{
    OutputSettings enc;
    const double pixelRate =
        double(size.width()) * size.height() * fps / (double(enc.width) * enc.height * enc.fps);
    enc.width = size.width();
    enc.height = size.height();
    enc.fps = fps;
    enc.preset = QStringLiteral("medium");
    enc.crf = 28;
    enc.maxrateKbps = int(std::lround(500 * pixelRate));
    enc.bufsizeKbps = 2 * enc.maxrateKbps;
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
                 "usage: reelsmith-assetgen background {%s} OUT.mp4 [WIDTHxHEIGHT@FPS]\n"
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
        if ((args.size() == 4 || args.size() == 5) && args[1] == QLatin1String("background") &&
            backgroundArtNames().contains(args[2])) {
            QSize size(720, 1280);
            int fps = 24;
            if (args.size() == 5) {
                static const QRegularExpression format(QStringLiteral("^(\\d+)x(\\d+)@(\\d+)$"));
                const QRegularExpressionMatch match = format.match(args[4]);
                if (!match.hasMatch())
                    return usage();
                size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
                fps = match.captured(3).toInt();
                if (size.width() < 16 || size.height() < 16 || size.width() > 4096 ||
                    size.height() > 4096 || size.width() % 2 || size.height() % 2 || fps < 1 ||
                    fps > 120)
                    return usage();
            }
            writeBackground(args[2], args[3], size, fps);
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
