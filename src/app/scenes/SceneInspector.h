#pragma once

#include "document/UndoCommands.h"

#include <QWidget>

#include <memory>

class QAudioOutput;
class QMediaPlayer;

namespace Ui {
class SceneInspector;
}

namespace reelsmith::editor {

class AutoDurations;
class CaptionStylePanel;
class ClipControls;
class ProjectDocument;
class VoiceRecorder;

// Edits the selected scenes: picture, duration, layout, narration and its
// voice, a recording (imported or recorded here), the caption. Duration,
// layout and the voice apply to every selected scene; picture, narration,
// recording and caption to the current one. Every change is one undoable
// step.
class SceneInspector : public QWidget
{
    Q_OBJECT
public:
    SceneInspector(ProjectDocument *doc, AutoDurations *durations, QWidget *parent = nullptr);
    ~SceneInspector() override;

    void setSelection(const QList<int> &rows, int current);

signals:
    // The duration box changed the length of the current scene `row`.
    void durationEdited(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void fillLayouts();
    void fillMotions(); // and the transitions
    void edit(EditSceneCommand::Field field, const std::function<void(Scene &)> &change,
              bool allSelected);
    void chooseMedia();
    void chooseVoiceFile();
    void setVoiceFile(int row, const QString &path);
    // Record: starts the countdown for the current scene, or ends the take.
    void toggleRecording();
    void recordingFinished(const QString &path, double seconds);
    void showRecordStatus(const QString &text);
    void updateRecordControls();
    // Where takes go: `voice/` beside the project file, or, for a project
    // never saved, a folder in the user's application data.
    QString voiceFolder() const;
    void fillVoices();
    void playVoice();
    void showVoiceProblem();

    std::unique_ptr<Ui::SceneInspector> m_ui;
    ProjectDocument *m_doc;
    AutoDurations *m_durations;
    QMediaPlayer *m_player = nullptr; // made on first Play Voice
    QAudioOutput *m_audioOutput = nullptr;
    VoiceRecorder *m_recorder;
    // "This scene only", for every selected scene.
    CaptionStylePanel *m_captionStyle;
    ClipControls *m_clipControls; // shown for a clip scene
    int m_recordRow = -1;         // the scene the take being recorded is for
    QList<int> m_rows;
    int m_current = -1;
};

} // namespace reelsmith::editor
