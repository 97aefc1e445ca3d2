#pragma once

#include <QGroupBox>
#include <QImage>

#include <memory>

namespace Ui {
class ClipControls;
}

namespace reelsmith::editor {

class ClipFrames;
class ProjectDocument;
class SceneMediaCache;

// The scene inspector's controls for a clip scene: where in the clip the
// scene starts (a slider and a box over the clip's length; dragging shows the
// frame there and is one undo step, set when the drag ends), what the clip
// does when it ends before its scene (loop or freeze) and its own sound
// (muted unless asked for, at a level in dB). Start is the current scene's;
// the ending and the sound apply to every selected clip scene. Hidden while
// the current scene is not a clip: whether it is one is learnt off the UI
// thread, with the engine's probe.
class ClipControls : public QGroupBox
{
    Q_OBJECT
public:
    explicit ClipControls(ProjectDocument *doc, QWidget *parent = nullptr);
    ~ClipControls() override;

    void setSelection(const QList<int> &rows, int current);

    // The frame on show and the time in the clip it was decoded at (tests).
    QImage shownFrame() const { return m_shownFrame; }
    double shownSeconds() const { return m_shownSeconds; }

signals:
    // A decoded frame is now on show.
    void frameShown(double seconds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillFits();
    void refresh();
    // Sets the current scene's clip.start; `mergeKey` as editScenes().
    void commitStart(double seconds, int mergeKey);
    void showFrameAt(double seconds);
    // The selected rows whose media is known to be a clip.
    QList<int> clipRows();
    QString currentMedia() const;

    std::unique_ptr<Ui::ClipControls> m_ui;
    ProjectDocument *m_doc;
    SceneMediaCache *m_media;
    ClipFrames *m_frames;
    QList<int> m_rows;
    int m_current = -1;
    QString m_requestedPath; // the frame asked for last
    double m_requestedSeconds = -1;
    QImage m_shownFrame;
    double m_shownSeconds = -1;
};

} // namespace reelsmith::editor
