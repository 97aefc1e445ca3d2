#pragma once

#include "project/Project.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QObject>

#include <memory>

class QAudioSink;
class QThread;

namespace reelsmith::editor {

class MixStream;

// What the export will sound like, from any point of a version 2 project:
// the render's own mix (MixedSound: every voice from its scene's first frame,
// the music looped, faded and ducked with its ramps, the loudness gain and
// the true-peak limiter), so what is heard is what is exported.
//
// play() starts a worker thread that does what a render does before its
// first frame (finds or synthesizes the voices, resolves "auto" durations,
// runs the audio-only loudness pass: about 0.1 s of CPU a minute of sound),
// skips the mix to where the project clock is by then, and keeps half a
// second of it ready in a MixStream, which a QAudioSink plays. The sink
// starts when the worker is ready, on the clock's time, so the sound is late
// by the loudness pass at worst and never out of step.
class PreviewSound : public QObject
{
    Q_OBJECT
public:
    explicit PreviewSound(QObject *parent = nullptr);
    ~PreviewSound() override;

    // The project heard from the next play(); one that is playing goes on
    // with the new one from where it is (callers restart it).
    void setProject(const Project &project) { m_project = project; }
    const Project &project() const { return m_project; }

    // Starts the mix from `seconds` on `clock` (the project clock: position
    // = seconds + clock's elapsed time; an invalid clock stands still); any
    // sound playing stops first.
    // `playThroughDevice` false: the stream is filled but no sink plays it
    // (the tests read it, as the sink would).
    void play(double seconds, const QElapsedTimer &clock, bool playThroughDevice = true);
    void stop();
    bool isActive() const { return m_stream != nullptr; }

    // What the sink reads: interleaved 48 kHz stereo float (nullptr when stopped).
    QIODevice *stream() const;
    // Where the stream begins in the video (seconds), once ready() has come.
    double streamStart() const { return m_streamStart; }
    // The loudness gain the mix applies (dB), once ready() has come.
    double gainDb() const { return m_gainDb; }

signals:
    // The mix is prepared; its stream begins at `seconds` into the video.
    void ready(double seconds);
    // The mix cannot be made (a voice that is not audio…): the message names
    // the file and key, as an export's would.
    void failed(const QString &message);

private:
    void onReady(double seconds, double gainDb);
    void startSink();

    Project m_project;
    std::shared_ptr<MixStream> m_stream;
    QThread *m_worker = nullptr;
    QAudioSink *m_sink = nullptr;
    QElapsedTimer m_clock;
    double m_clockOrigin = 0;
    bool m_playThroughDevice = true;
    double m_streamStart = 0;
    double m_gainDb = 0;
};

} // namespace reelsmith::editor
