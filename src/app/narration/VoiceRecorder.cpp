#include "narration/VoiceRecorder.h"

#include <QAudioDevice>
#include <QAudioSource>
#include <QDir>
#include <QFileInfo>
#include <QMediaDevices>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace reelsmith::editor {

namespace {

constexpr int kHeaderBytes = 44;

// The canonical 44-byte header of a PCM (or IEEE float) WAV holding
// `dataBytes` bytes of `format`.
QByteArray wavHeader(const QAudioFormat &format, qint64 dataBytes)
{
    QByteArray h(kHeaderBytes, '\0');
    char *p = h.data();
    const auto u32 = [&p](int at, quint32 v) { qToLittleEndian(v, p + at); };
    const auto u16 = [&p](int at, quint16 v) { qToLittleEndian(v, p + at); };
    const quint16 floatTag = 3, pcmTag = 1;
    memcpy(p, "RIFF", 4);
    u32(4, quint32(36 + dataBytes));
    memcpy(p + 8, "WAVEfmt ", 8);
    u32(16, 16);
    u16(20, format.sampleFormat() == QAudioFormat::Float ? floatTag : pcmTag);
    u16(22, quint16(format.channelCount()));
    u32(24, quint32(format.sampleRate()));
    u32(28, quint32(format.bytesForFrames(format.sampleRate())));
    u16(32, quint16(format.bytesPerFrame()));
    u16(34, quint16(format.bytesPerSample() * 8));
    memcpy(p + 36, "data", 4);
    u32(40, quint32(dataBytes));
    return h;
}

// Largest magnitude in `data`, 1.0 = full scale.
double peakOf(const QByteArray &data, const QAudioFormat &format)
{
    const int bytes = format.bytesPerSample();
    if (bytes <= 0)
        return 0;
    double peak = 0;
    for (qsizetype at = 0; at + bytes <= data.size(); at += bytes)
        peak =
            std::max(peak, double(std::abs(format.normalizedSampleValue(data.constData() + at))));
    return peak;
}

} // namespace

VoiceRecorder::VoiceRecorder(QObject *parent) : QObject(parent)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &VoiceRecorder::tick);
    // 20 level updates a second; the device buffers far more than 50 ms.
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &VoiceRecorder::readAvailable);
}

VoiceRecorder::~VoiceRecorder()
{
    if (m_state != State::Idle) {
        closeSource();
        m_file.remove();
    }
}

QString VoiceRecorder::nextTakePath(const QString &folder, const QString &baseName)
{
    const QDir dir(folder);
    for (int n = 1;; ++n) {
        const QString path = dir.filePath(QStringLiteral("%1-take-%2.wav").arg(baseName).arg(n));
        if (!QFileInfo::exists(path))
            return path;
    }
}

double VoiceRecorder::recordedSeconds() const
{
    if (!m_format.isValid())
        return 0;
    return double(m_format.framesForBytes(m_dataBytes)) / m_format.sampleRate();
}

bool VoiceRecorder::start(const QString &folder, const QString &baseName)
{
    if (m_state != State::Idle)
        return false;
    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull()) {
        emit failed(tr("No microphone or other sound input was found. Connect one (or "
                       "check the system's sound settings) and try again."));
        return false;
    }
    // A voice: mono, 16 bits, at the device's own rate; else whatever it prefers.
    m_format = device.preferredFormat();
    QAudioFormat mono = m_format;
    mono.setChannelCount(1);
    mono.setSampleFormat(QAudioFormat::Int16);
    if (device.isFormatSupported(mono))
        m_format = mono;
    if (!m_format.isValid() || m_format.channelCount() > 2) {
        emit failed(tr("The sound input “%1” offers no format that can be recorded.")
                        .arg(device.description()));
        return false;
    }

    if (!QDir().mkpath(folder)) {
        emit failed(tr("Cannot create the folder for recordings: %1")
                        .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    // NewOnly: a file that appeared since the name was chosen is never replaced.
    m_file.setFileName(nextTakePath(folder, baseName));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        m_file.write(wavHeader(m_format, 0)) != kHeaderBytes) {
        const QString message =
            tr("Cannot write the recording %1: %2")
                .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        if (m_file.isOpen()) {
            m_file.close();
            m_file.remove();
        }
        emit failed(message);
        return false;
    }

    m_dataBytes = 0;
    m_source = std::make_unique<QAudioSource>(device, m_format);
    connect(m_source.get(), &QAudioSource::stateChanged, this, &VoiceRecorder::sourceStateChanged);
    m_input = m_source->start();
    if (!m_input || m_source->error() != QAudio::NoError) {
        closeSource();
        m_file.close();
        m_file.remove();
        emit failed(tr("Cannot open the sound input “%1”.").arg(device.description()));
        return false;
    }
    m_poll.start();

    m_secondsLeft = m_countdownSeconds;
    if (m_secondsLeft > 0) {
        setState(State::CountingDown);
        emit countdown(m_secondsLeft);
        m_countdown.start();
    } else {
        setState(State::Recording);
        emit recordingStarted();
    }
    return true;
}

void VoiceRecorder::tick()
{
    if (--m_secondsLeft > 0) {
        emit countdown(m_secondsLeft);
        return;
    }
    m_countdown.stop();
    // What was heard during the countdown is not part of the take.
    if (m_input)
        m_input->readAll();
    setState(State::Recording);
    emit recordingStarted();
}

void VoiceRecorder::readAvailable()
{
    if (!m_input)
        return;
    const QByteArray data = m_input->readAll();
    if (data.isEmpty())
        return;
    const double peak = peakOf(data, m_format);
    m_levelDb = peak > 0 ? 20 * std::log10(peak) : -std::numeric_limits<double>::infinity();
    emit levelChanged(m_levelDb);
    if (m_state != State::Recording)
        return;
    if (m_file.write(data) != data.size()) {
        fail(tr("Cannot write the recording %1: %2")
                 .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
        return;
    }
    m_dataBytes += data.size();
    emit progress(recordedSeconds());
}

void VoiceRecorder::sourceStateChanged()
{
    // The device vanished or broke: an error, not a quiet stop.
    if (m_state != State::Idle && m_source && m_source->error() != QAudio::NoError &&
        m_source->state() == QAudio::StoppedState)
        fail(tr("The sound input stopped while recording (error %1).").arg(int(m_source->error())));
}

void VoiceRecorder::stop()
{
    if (m_state == State::CountingDown) {
        cancel();
        return;
    }
    if (m_state != State::Recording)
        return;
    readAvailable(); // what the device still holds
    closeSource();
    if (m_state != State::Recording) // a failed write already ended the take
        return;
    if (m_dataBytes == 0) {
        fail(tr("Nothing was recorded: the sound input sent no sound."));
        return;
    }
    QString error;
    if (!finishFile(&error)) {
        fail(error);
        return;
    }
    const QString path = QFileInfo(m_file.fileName()).absoluteFilePath();
    const double seconds = recordedSeconds();
    setState(State::Idle);
    emit finished(path, seconds);
}

void VoiceRecorder::cancel()
{
    if (m_state == State::Idle)
        return;
    closeSource();
    m_file.close();
    m_file.remove();
    setState(State::Idle);
}

bool VoiceRecorder::finishFile(QString *error)
{
    // The sizes in the header are known only now.
    const bool ok = m_file.seek(0) &&
                    m_file.write(wavHeader(m_format, m_dataBytes)) == kHeaderBytes &&
                    m_file.flush();
    if (!ok)
        *error = tr("Cannot write the recording %1: %2")
                     .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
    m_file.close();
    return ok;
}

void VoiceRecorder::fail(const QString &message)
{
    closeSource();
    m_file.close();
    m_file.remove();
    setState(State::Idle);
    emit failed(message);
}

void VoiceRecorder::closeSource()
{
    m_countdown.stop();
    m_poll.stop();
    if (m_source) {
        m_source->disconnect(this);
        if (m_input)
            m_input->disconnect(this);
        m_source->stop();
        // Possibly called from the source's own signal: deleted once that returns.
        m_source.release()->deleteLater();
    }
    m_input = nullptr;
}

void VoiceRecorder::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace reelsmith::editor
