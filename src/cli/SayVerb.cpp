// reelsmith-cli say TEXT|--file TXT -o OUT.wav [--voice NAME] [--rate R]
//                   [--pitch P] [--timings OUT.json]
// The narration exactly as a render speaks it: a copy of the narration cache's
// entry, and its word timings.

#include "CliCommon.h"
#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "narration/NarrationCache.h"

#include <QFile>
#include <QJsonDocument>
#include <QStringDecoder>

#include <optional>

namespace reelsmith::cli {

namespace {

// UTF-8 text, a byte-order mark allowed (QStringDecoder drops it).
QString readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    QStringDecoder decode(QStringDecoder::Utf8);
    QString text = decode(bytes);
    if (decode.hasError())
        throwBadInput(QStringLiteral("%1: is not UTF-8 text").arg(path));
    return text;
}

double voiceNumber(const QCommandLineParser &parser, const QString &name, double low, double high)
{
    const double value = numberOption(parser, name, 1.0);
    if (value < low || value > high)
        throw UsageError(QStringLiteral("--%1: must be %2-%3, not %4")
                             .arg(name)
                             .arg(low, 0, 'f', 1)
                             .arg(high, 0, 'f', 1)
                             .arg(parser.value(name)));
    return value;
}

void copyFile(const QString &from, const QString &to)
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly))
        throwFailure(QStringLiteral("%1: cannot read: %2").arg(from, in.errorString()));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throwFailure(QStringLiteral("%1: cannot write: %2").arg(to, out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 16);
        if (chunk.isEmpty() || out.write(chunk) != chunk.size())
            throwFailure(
                QStringLiteral("%1: cannot copy to %2: %3")
                    .arg(from, to, chunk.isEmpty() ? in.errorString() : out.errorString()));
    }
    if (!out.flush())
        throwFailure(QStringLiteral("%1: cannot write: %2").arg(to, out.errorString()));
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() ||
        !out.flush())
        throwFailure(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
}

} // namespace

int runSay(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Speak TEXT (or the UTF-8 text of --file) into a WAV (mono, 16-bit) exactly as a "
            "render speaks a scene's narration: the same voice, audio and word timings, from "
            "the narration cache in %1 ($REELSMITH_CACHE_DIR/narration).\n"
            "--timings writes one JSON object: engine, voice, rate, pitch, sample_rate, "
            "duration (s) and words[] with text, start and end (s), offset and length (in "
            "UTF-16 units of the text). The narration is at most %2 characters.")
            .arg(NarrationCache::folder())
            .arg(kMaxNarrationCharacters));
    parser.addPositionalArgument(QStringLiteral("text"), QStringLiteral("The text to speak."),
                                 QStringLiteral("TEXT"));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Output WAV file (required)."),
         QStringLiteral("file")},
        {QStringLiteral("file"), QStringLiteral("Speak the text of this UTF-8 file."),
         QStringLiteral("txt")},
        {QStringLiteral("voice"),
         QStringLiteral("A voice from 'reelsmith-cli voices' (default: %1, by the locale).")
             .arg(NarrationCache::defaultVoiceName()),
         QStringLiteral("name")},
        {QStringLiteral("rate"),
         QStringLiteral("Speed, 0.5-2.0 (default 1, the voice's natural speed)."),
         QStringLiteral("r")},
        {QStringLiteral("pitch"),
         QStringLiteral("Pitch, 0.5-2.0 (default 1, the voice's natural pitch)."),
         QStringLiteral("p")},
        {QStringLiteral("timings"), QStringLiteral("Also write the word timings as JSON."),
         QStringLiteral("json")},
        quietOption(),
    });
    if (!parseVerb(parser, args))
        return kExitOk;
    const QStringList positional = parser.positionalArguments();
    const bool fromFile = parser.isSet(QStringLiteral("file"));
    if (positional.size() > 1)
        throw UsageError(QStringLiteral("say: one TEXT at a time (quote it)"));
    if (fromFile && !positional.isEmpty())
        throw UsageError(QStringLiteral("say: TEXT or --file, not both"));
    if (!fromFile && positional.isEmpty())
        throw UsageError(QStringLiteral("say: what to say? Give TEXT or --file TXT"));
    if (!parser.isSet(QStringLiteral("output")))
        throw UsageError(QStringLiteral("say: -o OUT.wav is required"));

    VoiceSettings voice;
    voice.name = parser.value(QStringLiteral("voice"));
    if (parser.isSet(QStringLiteral("voice")) && voice.name.isEmpty())
        throw UsageError(QStringLiteral("--voice: no voice name given"));
    voice.rate = voiceNumber(parser, QStringLiteral("rate"), VoiceSettings::kMinRate,
                             VoiceSettings::kMaxRate);
    voice.pitch = voiceNumber(parser, QStringLiteral("pitch"), VoiceSettings::kMinPitch,
                              VoiceSettings::kMaxPitch);
    if (voice.name.isEmpty())
        voice.name = NarrationCache::defaultVoiceName();
    Narrator &narrator = defaultNarrator();
    if (!narrator.hasVoice(voice.name))
        throwBadInput(
            QStringLiteral("--voice: unknown voice \"%1\" (reelsmith-cli voices lists them)")
                .arg(voice.name));

    const QString file = parser.value(QStringLiteral("file"));
    const QString text = fromFile ? readTextFile(file) : positional.first();
    const QString where = fromFile ? file + QStringLiteral(": ") : QStringLiteral("TEXT: ");
    try {
        checkNarrationInput(text, voice);
    } catch (const Error &e) {
        throwBadInput(where + e.message());
    }

    // Both outputs are checked before the work; neither appears unless all is done.
    AtomicOutput wav(parser.value(QStringLiteral("output")));
    std::optional<AtomicOutput> timings;
    if (parser.isSet(QStringLiteral("timings")))
        timings.emplace(parser.value(QStringLiteral("timings")));
    throwIfStopRequested();

    Narration narration;
    try {
        narration = NarrationCache::obtain(text, voice, narrator);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::BadInput)
            throw;
        throwBadInput(where + e.message()); // e.g. a text with nothing to speak
    }
    throwIfStopRequested();
    copyFile(narration.audioPath, wav.temporaryPath());
    if (timings) {
        const QJsonObject json =
            NarrationCache::timingsJson(text, narrator.engineId(), voice, narration);
        writeBytes(timings->temporaryPath(), QJsonDocument(json).toJson());
    }
    throwIfStopRequested();
    if (timings)
        timings->commit();
    wav.commit();
    if (!parser.isSet(QStringLiteral("quiet")))
        printLine(QStringLiteral("said %1: %2 s, %3 words, voice %4")
                      .arg(wav.target())
                      .arg(narration.seconds, 0, 'f', 2)
                      .arg(narration.words.size())
                      .arg(voice.name));
    return kExitOk;
}

} // namespace reelsmith::cli
