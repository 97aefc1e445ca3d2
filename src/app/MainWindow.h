#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace reelsmith::editor {

class ProjectDocument;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectDocument *document() const { return m_doc; }
    // Opens `path`, reporting a failure in a message box; true when opened.
    bool openProject(const QString &path);

private:
    void updateTitle();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ProjectDocument *m_doc;
};

} // namespace reelsmith::editor
