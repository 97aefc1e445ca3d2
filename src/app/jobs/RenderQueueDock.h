#pragma once

#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

class QTableView;

namespace Ui {
class RenderQueueDock;
}

namespace reelsmith::editor {

class RenderQueue;
class RenderQueueModel;

// The job queue's panel (exports, imports): the jobs in a table, and buttons
// acting on the selected one. Lives inside the main window's "Render Queue" dock.
class RenderQueueDock : public QWidget
{
    Q_OBJECT
public:
    explicit RenderQueueDock(RenderQueue *queue, QWidget *parent = nullptr);
    ~RenderQueueDock() override;

    RenderQueueModel *model() const { return m_model; }
    QTableView *view() const;

    int selectedJobId() const; // 0 when none
    void selectJob(int id);

    // What "Open Folder" does with the folder's URL; QDesktopServices::openUrl
    // unless replaced (tests must not launch a file manager).
    void setFolderOpener(std::function<void(const QUrl &)> opener)
    {
        m_openFolder = std::move(opener);
    }

protected:
    void changeEvent(QEvent *event) override;

private:
    void togglePause();
    void cancelSelected();
    void openSelectedFolder();
    void updateActions();

    std::unique_ptr<Ui::RenderQueueDock> m_ui;
    RenderQueue *m_queue;
    RenderQueueModel *m_model;
    std::function<void(const QUrl &)> m_openFolder;
};

} // namespace reelsmith::editor
