// reelsmith-cli probe FILE: the file's media facts as one JSON object on
// stdout (reelsmith-cli(1) "probe"; the choices it leaves open are in MediaProbe.h).

#include "CliCommon.h"
#include "core/Error.h"
#include "media/MediaProbe.h"

#include <QJsonDocument>

#include <cstdio>

namespace reelsmith::cli {

int runProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print a picture's, video's or audio file's facts as one JSON object on stdout.\n"
        "Media: path, kind (\"video\" or \"audio\"), format, duration and streams[] with "
        "type, codec, width, height, fps, rotation, pix_fmt, channels, sample_rate.\n"
        "Pictures: path, kind (\"image\"), format, width, height, orientation.\n"
        "Keys without a value are left out."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The file to look at."),
                                 QStringLiteral("FILE"));
    if (!parseVerb(parser, args))
        return kExitOk;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        throw UsageError(QStringLiteral("probe: no file given"));
    if (files.size() > 1)
        throw UsageError(QStringLiteral("probe: one file at a time, not %1").arg(files.size()));

    // Probed in full before anything is printed: a failure leaves stdout empty.
    const QByteArray json = QJsonDocument(probeMedia(files.first()).toJson()).toJson();
    // JSON is UTF-8 whatever the locale, so the bytes go out as they are.
    if (std::fwrite(json.constData(), 1, size_t(json.size()), stdout) != size_t(json.size()) ||
        std::fflush(stdout) != 0)
        throwFailure(QStringLiteral("probe: cannot write to standard output"));
    return kExitOk;
}

} // namespace reelsmith::cli
