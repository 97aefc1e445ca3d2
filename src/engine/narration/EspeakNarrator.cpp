#include "narration/EspeakNarrator.h"

#include "core/AtomicOutput.h"
#include "core/Error.h"
#include "narration/EspeakWorker.h"
#include "narration/WordAligner.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <QMutexLocker>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {

// A fresh process of this program started by EspeakNarrator::synthesize() does
// its one synthesis here, before main() and before anything else of the
// program runs, and ends.
[[gnu::constructor]] void runEspeakWorkerIfAsked()
{
    if (!std::getenv(reelsmith::espeakworker::kWorkerEnv))
        return;
    const int status = reelsmith::espeakworker::run();
    std::fflush(stdout);
    std::fflush(stderr);
    ::_exit(status);
}

// A voice synthesis of 5,000 characters takes about a second; this only
// guards against a wedged engine.
constexpr int kWorkerTimeoutMs = 120000;

struct ErrorContext
{
    espeak_ng_ERROR_CONTEXT context = nullptr;
    ErrorContext() = default;
    ErrorContext(const ErrorContext &) = delete;
    ErrorContext &operator=(const ErrorContext &) = delete;
    ~ErrorContext() { espeak_ng_ClearErrorContext(&context); }
};

QString statusText(espeak_ng_STATUS status)
{
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return QString::fromUtf8(text);
}

// The female and male variants listed for the languages most creators use.
const QStringList kFeatured = {QStringLiteral("ru"), QStringLiteral("en-us"),
                               QStringLiteral("en-gb")};
const QRegularExpression kListedVariant(QStringLiteral("^[fm][1-9]$"));

} // namespace

namespace reelsmith {

void checkNarrationInput(const QString &text, const VoiceSettings &voice)
{
    if (text.trimmed().isEmpty())
        throwBadInput(QStringLiteral("the narration is empty"));
    // Punctuation alone would be read out by name ("exclamation mark") and give
    // no word to time.
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.isLetterOrNumber() || c.isSymbol() || c.isSurrogate();
        }))
        throwBadInput(QStringLiteral("the narration has no words to speak"));
    if (text.size() > kMaxNarrationCharacters)
        throwBadInput(QStringLiteral("the narration has %1 characters; at most %2 are allowed")
                          .arg(text.size())
                          .arg(kMaxNarrationCharacters));
    auto check = [](const char *key, double value, double low, double high) {
        if (!std::isfinite(value) || value < low || value > high)
            throwBadInput(QStringLiteral("voice %1 %2 is outside %3-%4")
                              .arg(QLatin1String(key))
                              .arg(value)
                              .arg(low)
                              .arg(high));
    };
    check("rate", voice.rate, VoiceSettings::kMinRate, VoiceSettings::kMaxRate);
    check("pitch", voice.pitch, VoiceSettings::kMinPitch, VoiceSettings::kMaxPitch);
}

Narrator &defaultNarrator()
{
    static EspeakNarrator narrator;
    return narrator;
}

int EspeakNarrator::espeakRate(double rate)
{
    return std::clamp(int(std::lround(espeakRATE_NORMAL * rate)), espeakRATE_MINIMUM,
                      espeakRATE_MAXIMUM);
}

int EspeakNarrator::espeakPitch(double pitch)
{
    return std::clamp(int(std::lround(50 + 50 * std::log2(pitch))), 0, 100);
}

void EspeakNarrator::loadLocked()
{
    if (m_loaded)
        return;
    espeak_ng_InitializePath(nullptr);
    ErrorContext context;
    if (const espeak_ng_STATUS st = espeak_ng_Initialize(&context.context); st != ENS_OK)
        throwFailure(QStringLiteral("espeak-ng cannot start: %1").arg(statusText(st)));
    const char *dataPath = nullptr;
    m_version = QString::fromUtf8(espeak_Info(&dataPath));

    // Every installed voice under its first language code; when two voices
    // share one, the one whose file is named by it keeps it and the other is
    // named by its file ("yue" and "yue-latn-jyutping").
    struct Found
    {
        QString language;
        Voice voice;
    };
    QList<Found> found;
    for (const espeak_VOICE **v = espeak_ListVoices(nullptr); v && *v; ++v) {
        const espeak_VOICE &voice = **v;
        if (!voice.languages || !voice.identifier || !voice.name)
            continue;
        const QString language = QString::fromUtf8(voice.languages + 1).toLower();
        if (language.isEmpty() || language == QLatin1String("variant"))
            continue;
        found << Found{language,
                       {QString::fromUtf8(voice.identifier), language,
                        QString::fromUtf8(voice.name).trimmed(), voice.gender}};
    }
    auto fileName = [](const Voice &v) {
        return v.identifier.section(QLatin1Char('/'), -1).toLower();
    };
    for (const Found &f : std::as_const(found))
        if (fileName(f.voice) == f.language)
            m_voices.insert(f.language, f.voice);
    for (const Found &f : std::as_const(found)) {
        if (m_voices.contains(f.language) && m_voices[f.language].identifier == f.voice.identifier)
            continue;
        const QString name = m_voices.contains(f.language) ? fileName(f.voice) : f.language;
        if (!m_voices.contains(name))
            m_voices.insert(name, f.voice);
    }

    espeak_VOICE spec{};
    spec.languages = "variant";
    for (const espeak_VOICE **v = espeak_ListVoices(&spec); v && *v; ++v) {
        const QString identifier = QString::fromUtf8((*v)->identifier);
        const QString name = identifier.section(QLatin1Char('/'), -1);
        if (!identifier.startsWith(QLatin1String("!v/")) || name.isEmpty() ||
            name.contains(QLatin1Char(' ')) || name.contains(QLatin1Char('+')))
            continue;
        m_variants.insert(name,
                          {identifier, QString(), QString::fromUtf8((*v)->name), (*v)->gender});
    }
    if (m_voices.isEmpty())
        throwFailure(QStringLiteral("espeak-ng has no voices installed (in %1)")
                         .arg(QString::fromLocal8Bit(dataPath)));
    m_loaded = true;
}

QString EspeakNarrator::engineId() const
{
    // Not the data path: the same voices installed elsewhere speak alike.
    return QStringLiteral("espeak-ng %1 (worker 1)").arg(QString::fromUtf8(espeak_Info(nullptr)));
}

QList<VoiceInfo> EspeakNarrator::voices()
{
    QMutexLocker lock(&m_mutex);
    loadLocked();
    QList<VoiceInfo> list;
    auto gender = [](int g) {
        return g == 2 ? QStringLiteral("female") : g == 1 ? QStringLiteral("male") : QString();
    };
    for (auto it = m_voices.cbegin(); it != m_voices.cend(); ++it) {
        const Voice &v = it.value();
        const QString g = gender(v.gender);
        list << VoiceInfo{it.key(), v.language,
                          g.isEmpty() ? v.description : v.description + QStringLiteral(", ") + g};
        if (!kFeatured.contains(it.key()))
            continue;
        for (auto var = m_variants.cbegin(); var != m_variants.cend(); ++var) {
            if (!kListedVariant.match(var.key()).hasMatch())
                continue;
            list << VoiceInfo{
                it.key() + QLatin1Char('+') + var.key(), v.language,
                QStringLiteral("%1, %2 (%3)").arg(v.description, gender(var->gender), var.key())};
        }
    }
    std::sort(list.begin(), list.end(), [](const VoiceInfo &a, const VoiceInfo &b) {
        if (a.language != b.language)
            return a.language < b.language;
        // The plain voice first, then its variants.
        const bool aPlain = !a.name.contains(QLatin1Char('+'));
        const bool bPlain = !b.name.contains(QLatin1Char('+'));
        if (aPlain != bPlain)
            return aPlain;
        return a.name < b.name;
    });
    return list;
}

QStringList EspeakNarrator::variants()
{
    QMutexLocker lock(&m_mutex);
    loadLocked();
    QStringList names = m_variants.keys();
    names.sort();
    return names;
}

QString EspeakNarrator::resolveLocked(const QString &name)
{
    loadLocked();
    const QString base = name.section(QLatin1Char('+'), 0, 0);
    const QString variant = name.section(QLatin1Char('+'), 1);
    const auto voice = m_voices.constFind(base);
    if (voice == m_voices.cend())
        return {};
    if (!name.contains(QLatin1Char('+')))
        return voice->identifier;
    if (!m_variants.contains(variant))
        return {};
    return voice->identifier + QLatin1Char('+') + variant;
}

bool EspeakNarrator::hasVoice(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    return !resolveLocked(name).isEmpty();
}

QList<WordTiming> EspeakNarrator::synthesize(const QString &text, const VoiceSettings &voice,
                                             const QString &wavPath)
{
    checkNarrationInput(text, voice);
    QMutexLocker lock(&m_mutex);
    const QString espeakVoice = resolveLocked(voice.name);
    if (espeakVoice.isEmpty())
        throwBadInput(QStringLiteral("unknown voice \"%1\" (reelsmith-cli voices lists the voices)")
                          .arg(voice.name));

    AtomicOutput output(wavPath);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(espeakworker::kWorkerEnv), QStringLiteral("1"));
    env.insert(QLatin1String(espeakworker::kVoiceEnv), espeakVoice);
    env.insert(QLatin1String(espeakworker::kRateEnv), QString::number(espeakRate(voice.rate)));
    env.insert(QLatin1String(espeakworker::kPitchEnv), QString::number(espeakPitch(voice.pitch)));
    env.insert(QLatin1String(espeakworker::kOutputEnv), output.temporaryPath());
    QProcess worker;
    worker.setProcessEnvironment(env);
    worker.start(QStringLiteral("/proc/self/exe"), {});
    if (!worker.waitForStarted())
        throwFailure(
            QStringLiteral("cannot start the speech synthesis: %1").arg(worker.errorString()));
    worker.write(text.toUtf8());
    worker.closeWriteChannel();
    if (!worker.waitForFinished(kWorkerTimeoutMs)) {
        worker.kill();
        worker.waitForFinished();
        throwFailure(QStringLiteral("espeak-ng did not finish speaking within %1 s")
                         .arg(kWorkerTimeoutMs / 1000));
    }
    const QString problem = QString::fromUtf8(worker.readAllStandardError()).trimmed();
    if (worker.exitStatus() != QProcess::NormalExit)
        throwFailure(QStringLiteral("the speech synthesis crashed%1")
                         .arg(problem.isEmpty() ? QString() : QStringLiteral(": ") + problem));
    if (worker.exitCode() == 2)
        throwBadInput(problem);
    if (worker.exitCode() != 0)
        throwFailure(
            problem.isEmpty()
                ? QStringLiteral("the speech synthesis failed (status %1)").arg(worker.exitCode())
                : problem);

    int rate = 0;
    qint64 samples = 0, loud = 0;
    QList<SpeechEvent> events;
    for (const QByteArray &line : worker.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() == 2 && f[0] == "rate")
            rate = f[1].toInt();
        else if (f.size() == 2 && f[0] == "samples")
            samples = f[1].toLongLong();
        else if (f.size() == 2 && f[0] == "loud")
            loud = f[1].toLongLong();
        else if (f.size() == 4 && f[0] == "word")
            events << SpeechEvent{true, f[1].toInt(), f[2].toLongLong(), f[3].toLongLong()};
        else if (f.size() == 3 && f[0] == "event")
            events << SpeechEvent{false, 0, f[1].toLongLong(), f[2].toLongLong()};
    }
    if (rate <= 0 || samples <= 0)
        throwFailure(QStringLiteral("the speech synthesis gave no sound"));
    QList<WordTiming> words = alignWords(text, events, samples, loud, rate);
    output.commit();
    return words;
}

} // namespace reelsmith
