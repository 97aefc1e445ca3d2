// reelsmith-cli voices: the voices `voice.name` accepts, one a line,
// NAME <tab> LANGUAGE <tab> DESCRIPTION, sorted by language.

#include "CliCommon.h"
#include "core/Error.h"
#include "narration/EspeakNarrator.h"

#include <cstdio>

namespace reelsmith::cli {

int runVoices(const QStringList &args)
{
    auto &narrator = static_cast<EspeakNarrator &>(defaultNarrator());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "List the voices a project's \"voice\" name and 'say --voice' accept, one a line:\n"
            "NAME <tab> LANGUAGE <tab> DESCRIPTION, sorted by language.\n"
            "Every installed espeak-ng voice is listed, and the female and male variants of "
            "Russian and English; any voice also takes any variant as NAME+VARIANT, VARIANT "
            "one of: %1.")
            .arg(narrator.variants().join(QStringLiteral(", "))));
    if (!parseVerb(parser, args))
        return kExitOk;
    if (!parser.positionalArguments().isEmpty())
        throw UsageError(QStringLiteral("voices: takes no arguments"));
    QByteArray out;
    for (const VoiceInfo &voice : narrator.voices())
        out += QStringList{voice.name, voice.language, voice.description}
                   .join(QLatin1Char('\t'))
                   .toUtf8() +
               '\n';
    if (std::fwrite(out.constData(), 1, size_t(out.size()), stdout) != size_t(out.size()) ||
        std::fflush(stdout) != 0)
        throwFailure(QStringLiteral("voices: cannot write to standard output"));
    return kExitOk;
}

} // namespace reelsmith::cli
