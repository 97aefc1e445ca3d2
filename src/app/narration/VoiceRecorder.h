#pragma once

#include <QAudioFormat>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <limits>
#include <memory>

class QAudioSource;
class QIODevice;

namespace reelsmith::editor {

// Records one take from the default sound input into a new WAV file: a
// countdown first (the level is already measured, so the creator sees the
// microphone works), then every sample until stop(). Nothing is ever
// overwritten: each take gets a name no file has yet, and a take that fails
// or is cancelled is removed.
//
// The sound comes from a QAudioSource read in push mode, which gives both
// the samples and their level. Not QMediaRecorder: Qt 6.4.2's (GStreamer
// backend, audio only, PulseAudio source) was measured writing only the last
// 0.20 s of a 2 s take, or a 44-byte empty WAV, with duration() stuck at 0
// and no error; its FFmpeg backend hung in the same test. Through
// QAudioSource, tst_recorder's takes match the time between start and Stop
// within 2 ms (1.51-1.58 s takes). The source is polled every 50 ms: Qt 6.4.2's
// PulseAudio source did not emit readyRead() for data already readable (a
// source delivering 2 s blocks was read only at stop()).
class VoiceRecorder : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, CountingDown, Recording };
    Q_ENUM(State)

    explicit VoiceRecorder(QObject *parent = nullptr);
    // An unfinished take is removed.
    ~VoiceRecorder() override;

    // Seconds counted down before recording starts (3 unless set).
    void setCountdownSeconds(int seconds) { m_countdownSeconds = seconds; }
    int countdownSeconds() const { return m_countdownSeconds; }

    // Creates `folder` if needed and a new file `<baseName>-take-<n>.wav` in
    // it, opens the default input and starts the countdown. On failure emits
    // failed() with the reason and returns false; nothing is left behind.
    bool start(const QString &folder, const QString &baseName);
    // Ends the take: finished() or, if nothing was recorded, failed(). During
    // the countdown it cancels.
    void stop();
    // Ends without a take; the file is removed.
    void cancel();

    State state() const { return m_state; }
    // The take being recorded.
    QString filePath() const { return m_file.fileName(); }
    double recordedSeconds() const;
    // Peak of the latest block, in dBFS (-inf for silence).
    double levelDb() const { return m_levelDb; }

    // The first `<baseName>-take-<n>.wav` in `folder` that does not exist.
    static QString nextTakePath(const QString &folder, const QString &baseName);

signals:
    void stateChanged(reelsmith::editor::VoiceRecorder::State state);
    // Seconds left before recording starts: countdownSeconds() … 1.
    void countdown(int secondsLeft);
    void recordingStarted();
    void levelChanged(double peakDb);
    void progress(double seconds);
    void finished(const QString &path, double seconds);
    void failed(const QString &message);

private:
    void setState(State state);
    void tick();
    void readAvailable();
    void sourceStateChanged();
    bool finishFile(QString *error);
    void fail(const QString &message);
    void closeSource();

    std::unique_ptr<QAudioSource> m_source;
    QPointer<QIODevice> m_input; // owned by m_source, which may close it
    QTimer m_poll;
    QAudioFormat m_format;
    QFile m_file;
    QTimer m_countdown;
    int m_countdownSeconds = 3;
    int m_secondsLeft = 0;
    qint64 m_dataBytes = 0;
    double m_levelDb = -std::numeric_limits<double>::infinity();
    State m_state = State::Idle;
};

} // namespace reelsmith::editor
