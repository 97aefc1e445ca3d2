// reelsmith-cli backgrounds: one line per background a project can name,
// tab-separated: name, kind, duration in seconds, path, and a note when the
// clip cannot be used.

#include "CliCommon.h"
#include "backgrounds/Backgrounds.h"

#include <cstdio>

namespace reelsmith::cli {

int runBackgrounds(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the backgrounds a project can name, one a line:\n"
                       "NAME <tab> KIND <tab> SECONDS <tab> PATH [<tab> NOTE]\n"
                       "KIND is \"built-in\", \"user\" or \"user, overrides built-in\"; "
                       "user clips live in %1, built-in ones are looked for in %2.")
            .arg(Backgrounds::userFolder(),
                 Backgrounds::builtinFolders().join(QStringLiteral(", "))));
    if (!parseVerb(parser, args))
        return kExitOk;
    for (BackgroundEntry entry : Backgrounds::list()) {
        Backgrounds::inspect(entry);
        const QString kind = entry.overridesBuiltin ? QStringLiteral("user, overrides built-in")
                             : entry.builtin        ? QStringLiteral("built-in")
                                                    : QStringLiteral("user");
        QStringList fields{entry.name, kind,
                           entry.duration >= 0 ? QString::number(entry.duration, 'f', 2)
                                               : QStringLiteral("-"),
                           entry.path.isEmpty() ? QStringLiteral("-") : entry.path};
        if (!entry.problem.isEmpty())
            fields << entry.problem;
        std::printf("%s\n", fields.join(QLatin1Char('\t')).toLocal8Bit().constData());
    }
    return kExitOk;
}

} // namespace reelsmith::cli
