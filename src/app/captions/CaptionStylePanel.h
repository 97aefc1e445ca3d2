#pragma once

#include "captions/CaptionCommands.h"
#include "captions/CaptionStyle.h"

#include <QWidget>

#include <functional>
#include <memory>

class QDoubleSpinBox;
class QSlider;

namespace Ui {
class CaptionStylePanel;
}

namespace reelsmith::editor {

class ProjectDocument;

// How captions look: the project's default style (Project tab), or "this
// scene only" for every selected scene (scene inspector), with a way back to
// the project's style and the scene's SRT/VTT timing file. Named presets,
// mode, font (installed or a file), size, colours, outline, box, height and
// capitals. Every change is one undo step (a slider drag is one); the
// preview follows the document.
class CaptionStylePanel : public QWidget
{
    Q_OBJECT
public:
    enum class Scope { Project, Scenes };

    CaptionStylePanel(ProjectDocument *doc, Scope scope, QWidget *parent = nullptr);
    ~CaptionStylePanel() override;

    // Scenes scope: the scenes edited (all get style changes) and the one
    // shown (its timing file is the one imported or removed).
    void setSelection(const QList<int> &rows, int current);
    // The style shown: the project's, or the current scene's.
    CaptionStyle shownStyle() const;
    void setExpanded(bool expanded);

    // Replace the dialogs (tests). A chooser returns an empty path, or an
    // invalid colour, when the creator cancels.
    using ColorChooser = std::function<QColor(const QColor &initial, const QString &title)>;
    using FileChooser = std::function<QString()>;
    void setColorChooser(ColorChooser chooser) { m_chooseColor = std::move(chooser); }
    void setFontFileChooser(FileChooser chooser) { m_chooseFontFile = std::move(chooser); }
    void setTimingChooser(FileChooser chooser) { m_chooseTiming = std::move(chooser); }

    // Sets the current scene's timing file to `path` after parsing it; a file
    // that does not parse changes nothing and its error is shown. Returns the
    // error, empty on success.
    QString importTiming(const QString &path);
    // The last problem shown (a font or timing file), empty when none.
    QString problem() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillCombos();
    void refresh();
    void showProblem(const QString &text);
    // One undo step setting a key (through `set`) on the project's style or
    // on every selected scene's own style. `mergeKey` > 0: one slider drag.
    void change(const std::function<void(CaptionStyleOverride &)> &set, int mergeKey = 0);
    void push(QList<CaptionsEdit> edits, UndoText text, int mergeKey = 0);
    void useProjectStyle();
    void chooseColor(const QString &title, const std::function<QColor(const CaptionStyle &)> &get,
                     const std::function<void(CaptionStyleOverride &, QColor)> &set);
    void chooseFontFile();
    void chooseTiming();
    void removeTiming();
    // A slider and a spin box showing one value (the slider in `scale`
    // steps per unit); `apply` gets the value and the drag's merge key.
    void bindNumber(QSlider *slider, QDoubleSpinBox *spin, double scale,
                    const std::function<void(CaptionStyleOverride &, double)> &apply);
    bool editsScenes() const { return m_scope == Scope::Scenes; }
    bool hasTarget() const;

    std::unique_ptr<Ui::CaptionStylePanel> m_ui;
    ProjectDocument *m_doc;
    Scope m_scope;
    QList<int> m_rows;
    int m_current = -1;
    int m_dragKey = 0;         // the merge key of the slider drag going on
    bool m_refreshing = false; // widgets are being set from the document
    ColorChooser m_chooseColor;
    FileChooser m_chooseFontFile;
    FileChooser m_chooseTiming;
};

} // namespace reelsmith::editor
