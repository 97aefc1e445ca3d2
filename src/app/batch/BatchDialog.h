#pragma once

#include "backgrounds/Backgrounds.h"
#include "batch/BatchRows.h"
#include "batch/BatchTemplate.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace reelsmith::editor {

class MainWindow;
class RenderQueue;

// File → Batch Render…: one video per row of a CSV table, from the project
// being edited as the template (its saved file, as `reelsmith-cli batch`
// reads it). The rows are shown filled in, those that would fail marked with
// the engine's message; a row can be previewed in the main preview; "Queue
// All" puts every valid row in the render queue as its own export, so the
// queue's limit on exports at once applies to a batch as to any export.
class BatchDialog : public QDialog
{
    Q_OBJECT
public:
    // Shows `project` in the main preview; nullptr: the project being edited again.
    using PreviewFn = std::function<void(const Project *project)>;

    BatchDialog(BatchTemplate tmpl, RenderQueue *queue, BackgroundFolders folders,
                PreviewFn preview, QWidget *parent = nullptr);
    ~BatchDialog() override;

    // The menu's entry: asks to save an untitled or modified project first
    // (the template is its file), then opens the dialog over `window`
    // (window-modal: nothing is edited while a row is previewed). Returns
    // the dialog, or nullptr when the creator cancelled or the file is not
    // a template.
    static BatchDialog *openFor(MainWindow *window);

    // Reads and checks the table on a pool thread; rowsLoaded() follows.
    void loadCsv(const QString &path);
    bool isLoading() const { return m_loading.isRunning(); }
    BatchRowModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString outputFolder() const;
    void setOutputFolder(const QString &folder);
    void setReplaceExisting(bool replace);

    // Shows table row `row`'s project in the main preview (a row that would
    // fail cannot be previewed); -1 ends the preview.
    void previewRow(int row);
    int previewedRow() const { return m_previewedRow; }
    // Queues every valid row whose video does not exist yet (or every valid
    // row, when replacing); returns how many were queued.
    int queueAll();

    void done(int result) override;

Q_SIGNALS:
    void rowsLoaded();

private:
    void chooseCsv();
    void chooseOutputFolder();
    void onLoaded();
    void updateButtons();
    void setStatus(const QString &text);

    BatchTemplate m_template;
    RenderQueue *m_queue;
    BackgroundFolders m_folders;
    PreviewFn m_preview;
    BatchRowModel *m_model;
    QFutureWatcher<BatchRows> m_loading;
    int m_previewedRow = -1;

    QLabel *m_csvLabel;
    QPushButton *m_chooseCsvButton;
    QLabel *m_statusLabel;
    QTableView *m_table;
    QLineEdit *m_outputEdit;
    QPushButton *m_outputButton;
    QCheckBox *m_replaceBox;
    QPushButton *m_previewButton;
    QPushButton *m_queueButton;
};

} // namespace reelsmith::editor
