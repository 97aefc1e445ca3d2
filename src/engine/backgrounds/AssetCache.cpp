#include "backgrounds/AssetCache.h"

#include "core/Error.h"
#include "media/Av.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace reelsmith {

QString AssetCache::folder()
{
    const QString env = qEnvironmentVariable("REELSMITH_CACHE_DIR");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("backgrounds"));
}

OptimizeSettings AssetCache::renderRecipe(QSize output, int fps)
{
    OptimizeSettings recipe;
    recipe.encoding.setSize(output);
    recipe.encoding.fps = fps;
    recipe.maxSeconds = 0;
    recipe.encoding.crf = 23;
    recipe.encoding.preset = QStringLiteral("veryfast");
    // The copy exists to be decoded on every render: CAVLC and no deblocking
    // make that lighter; crf 23 keeps it well above the render's own crf 28.
    recipe.encoding.tune = QStringLiteral("fastdecode");
    recipe.encoding.maxrateKbps = 0;
    recipe.encoding.bufsizeKbps = 0;
    recipe.fit = Fit::Cover;
    return recipe;
}

bool AssetCache::isHeavy(const QString &source, QSize output)
{
    try {
        const av::FormatInput input = av::openInput(source);
        const int stream = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (stream < 0)
            return false;
        const AVCodecParameters *par = input->streams[stream]->codecpar;
        if (qint64(par->width) * par->height > qint64(output.width()) * output.height())
            return true;
        const double seconds = input->duration > 0 ? double(input->duration) / AV_TIME_BASE : 0;
        const qint64 bytes = QFileInfo(source).size();
        return seconds > 0 && bytes / seconds * 15 > 2.0 * 1024 * 1024;
    } catch (const Error &) {
        return false; // the render itself will report what is wrong with it
    }
}

QString AssetCache::entryPath(const QString &source, const OptimizeSettings &recipe)
{
    const OutputSettings &r = recipe.encoding;
    const QFileInfo info(source);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(info.absoluteFilePath().toUtf8());
    hash.addData(QByteArray::number(info.size()));
    hash.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
    const QString text = QStringLiteral("v2 %1x%2 fps%3 s%4 crf%5 %6 max%7/%8 fit%9 tune:")
                             .arg(r.width)
                             .arg(r.height)
                             .arg(r.fps)
                             .arg(recipe.maxSeconds)
                             .arg(r.crf)
                             .arg(r.preset)
                             .arg(r.maxrateKbps)
                             .arg(r.bufsizeKbps)
                             .arg(int(recipe.fit)) +
                         r.tune;
    hash.addData(text.toUtf8());
    const QString name = QString::fromLatin1(hash.result().toHex().left(32));
    return QDir(folder()).filePath(name + QStringLiteral(".mp4"));
}

QString AssetCache::lookup(const QString &source, const OptimizeSettings &recipe)
{
    const QString path = entryPath(source, recipe);
    return QFileInfo(path).isFile() ? path : QString();
}

QString AssetCache::create(const QString &source, const OptimizeSettings &recipe,
                           const ProgressFn &progress, const CancelFn &cancel)
{
    const QString existing = lookup(source, recipe);
    if (!existing.isEmpty())
        return existing;
    if (!QDir().mkpath(folder()))
        throwFailure(QStringLiteral("%1: cannot create the cache folder").arg(folder()));
    const QString path = entryPath(source, recipe);
    BackgroundOptimizer(source, path, recipe).run(progress, cancel);
    return path;
}

} // namespace reelsmith
