#include "narration/NarrationCache.h"

#include "core/Error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>
#include <optional>

namespace reelsmith {

namespace {

constexpr int kWavHeaderBytes = 44;

// One synthesis at a time, and no two threads making the same entry.
QMutex g_synthesis;

QString entryBase(const QString &text, const VoiceSettings &voice, const QString &engineId)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString key = QStringLiteral("narration v1\n%1\n%2\nrate %3\npitch %4\n")
                            .arg(engineId, voice.name)
                            .arg(voice.rate, 0, 'g', 17)
                            .arg(voice.pitch, 0, 'g', 17);
    hash.addData(key.toUtf8());
    hash.addData(text.toUtf8());
    return QDir(NarrationCache::folder())
        .filePath(QString::fromLatin1(hash.result().toHex().left(32)));
}

// The entry when it is complete and consistent.
std::optional<Narration> load(const QString &base, const QString &engineId)
{
    QFile sidecar(base + QStringLiteral(".json"));
    if (!sidecar.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
    const QString audio = base + QStringLiteral(".wav");
    const QFileInfo info(audio);
    if (json.value(QStringLiteral("engine")).toString() != engineId || !info.isFile() ||
        info.size() != json.value(QStringLiteral("audio_bytes")).toInteger(-1))
        return std::nullopt;
    Narration n;
    n.audioPath = audio;
    n.seconds = json.value(QStringLiteral("duration")).toDouble();
    n.sampleRate = json.value(QStringLiteral("sample_rate")).toInt();
    for (const QJsonValue &value : json.value(QStringLiteral("words")).toArray()) {
        const QJsonObject w = value.toObject();
        n.words << WordTiming{
            w.value(QStringLiteral("offset")).toInt(), w.value(QStringLiteral("length")).toInt(),
            w.value(QStringLiteral("start")).toDouble(), w.value(QStringLiteral("end")).toDouble()};
    }
    if (n.sampleRate <= 0 || n.seconds <= 0)
        return std::nullopt;
    return n;
}

} // namespace

QString NarrationCache::folder()
{
    const QString env = qEnvironmentVariable("REELSMITH_CACHE_DIR");
    const QString root =
        !env.isEmpty() ? env : QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return QDir(root).filePath(QStringLiteral("narration"));
}

QString NarrationCache::defaultVoiceName()
{
    return QLocale().language() == QLocale::Russian ? QStringLiteral("ru")
                                                    : QStringLiteral("en-us");
}

QJsonObject NarrationCache::timingsJson(const QString &text, const QString &engineId,
                                        const VoiceSettings &voice, const Narration &narration)
{
    QJsonArray words;
    for (const WordTiming &w : narration.words)
        words.append(QJsonObject{{QStringLiteral("text"), text.mid(w.textStart, w.textLength)},
                                 {QStringLiteral("start"), w.start},
                                 {QStringLiteral("end"), w.end},
                                 {QStringLiteral("offset"), w.textStart},
                                 {QStringLiteral("length"), w.textLength}});
    return {{QStringLiteral("engine"), engineId},
            {QStringLiteral("voice"), voice.name},
            {QStringLiteral("rate"), voice.rate},
            {QStringLiteral("pitch"), voice.pitch},
            {QStringLiteral("sample_rate"), narration.sampleRate},
            {QStringLiteral("duration"), narration.seconds},
            {QStringLiteral("words"), words}};
}

std::optional<Narration> NarrationCache::cached(const QString &text, const VoiceSettings &voice,
                                                Narrator &narrator)
{
    VoiceSettings v = voice;
    if (v.name.isEmpty())
        v.name = defaultVoiceName();
    try {
        checkNarrationInput(text, v);
    } catch (const Error &) {
        return std::nullopt;
    }
    const QString engineId = narrator.engineId();
    return load(entryBase(text, v, engineId), engineId);
}

Narration NarrationCache::obtain(const QString &text, const VoiceSettings &voice,
                                 Narrator &narrator)
{
    VoiceSettings v = voice;
    if (v.name.isEmpty())
        v.name = defaultVoiceName();
    checkNarrationInput(text, v);
    if (!narrator.hasVoice(v.name))
        throwBadInput(QStringLiteral("unknown voice \"%1\" (reelsmith-cli voices lists the voices)")
                          .arg(v.name));
    const QString engineId = narrator.engineId();
    const QString base = entryBase(text, v, engineId);
    if (std::optional<Narration> cached = load(base, engineId))
        return *cached;

    QMutexLocker lock(&g_synthesis);
    if (std::optional<Narration> cached = load(base, engineId)) // made while we waited
        return *cached;
    if (!QDir().mkpath(folder()))
        throwFailure(QStringLiteral("%1: cannot create the narration cache folder").arg(folder()));
    Narration n;
    n.audioPath = base + QStringLiteral(".wav");
    n.words = narrator.synthesize(text, v, n.audioPath);

    // The facts of the WAV just written (mono 16-bit PCM, a 44-byte header).
    QFile wav(n.audioPath);
    if (!wav.open(QIODevice::ReadOnly))
        throwFailure(QStringLiteral("%1: cannot read the narration back: %2")
                         .arg(n.audioPath, wav.errorString()));
    const QByteArray header = wav.read(kWavHeaderBytes);
    if (header.size() != kWavHeaderBytes || !header.startsWith("RIFF"))
        throwFailure(QStringLiteral("%1: the synthesizer wrote no WAV").arg(n.audioPath));
    n.sampleRate = qFromLittleEndian<qint32>(header.constData() + 24);
    const qint64 bytes = wav.size();
    n.seconds = double(bytes - kWavHeaderBytes) / 2 / std::max(n.sampleRate, 1);

    QJsonObject json = timingsJson(text, engineId, v, n);
    json.insert(QStringLiteral("audio_bytes"), bytes);
    json.insert(QStringLiteral("text"), text);
    QSaveFile sidecar(base + QStringLiteral(".json"));
    if (!sidecar.open(QIODevice::WriteOnly) ||
        sidecar.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0 || !sidecar.commit())
        throwFailure(
            QStringLiteral("%1: cannot write: %2").arg(sidecar.fileName(), sidecar.errorString()));
    // What the next obtain() reads back, exactly (doubles survive JSON).
    if (std::optional<Narration> stored = load(base, engineId))
        return *stored;
    throwFailure(QStringLiteral("%1: the narration cache entry does not read back").arg(base));
}

} // namespace reelsmith
