#pragma once

#include "backgrounds/BackgroundOptimizer.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QSize>

#include <memory>

namespace Ui {
class AddBackgroundDialog;
}

namespace reelsmith::editor {

// "Add Background…": says what importing a clip does and lets the creator
// choose the part kept (start, length), its frame rate (24/30/60) and size.
// The clip is probed off the UI thread; one that cannot be read says why and
// cannot be added.
class AddBackgroundDialog : public QDialog
{
    Q_OBJECT
public:
    // `outputSize`: the project's, to suggest a copy that is not upscaled.
    AddBackgroundDialog(QString clip, QSize outputSize, QWidget *parent = nullptr);
    ~AddBackgroundDialog() override;

    // The recipe for BackgroundOptimizer: the chosen segment, rate and size,
    // cropped to cover.
    OptimizeSettings settings() const;
    // True once the clip's facts are known and it can be used.
    bool isReady() const { return m_seconds > 0; }

    static constexpr double kDefaultSeconds = 15;
    static constexpr double kMaxSeconds = 300;

signals:
    void probed(); // the clip's facts (or its problem) arrived

private:
    struct Facts;
    void showFacts(const Facts &facts);
    void updateRanges();
    void updateSummary();

    std::unique_ptr<Ui::AddBackgroundDialog> m_ui;
    QString m_clip;
    double m_seconds = 0; // the clip's length; 0 until known
    QFutureWatcher<std::shared_ptr<Facts>> m_probe;
};

} // namespace reelsmith::editor
