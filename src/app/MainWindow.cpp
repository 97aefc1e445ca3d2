#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "Error.h"
#include "ProjectDocument.h"

#include <QMessageBox>

namespace reelsmith::editor {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_doc(new ProjectDocument(this))
{
    m_ui->setupUi(this);
    connect(m_doc, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    updateTitle();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString &path)
{
    try {
        m_doc->load(path);
        return true;
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Cannot open project"), error.message());
        return false;
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Reelsmith").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

} // namespace reelsmith::editor
