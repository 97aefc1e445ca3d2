// reelsmith-cli backgrounds: one line per background a project can name.

#include "Backgrounds.h"
#include "CliCommon.h"

#include <cstdio>

namespace reelsmith::cli {

int runBackgrounds(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the backgrounds a project can name."));
    if (!parseVerb(parser, args))
        return kExitOk;
    for (const BackgroundEntry &entry : Backgrounds::list())
        std::printf("%s\t%s\t%s\n", entry.name.toLocal8Bit().constData(),
                    entry.builtin ? "built-in" : "user", entry.path.toLocal8Bit().constData());
    return kExitOk;
}

} // namespace reelsmith::cli
