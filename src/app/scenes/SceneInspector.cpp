#include "scenes/SceneInspector.h"
#include "ui_SceneInspector.h"

#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "settings/EditorSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSignalBlocker>

namespace reelsmith::editor {

SceneInspector::SceneInspector(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SceneInspector>()), m_doc(doc)
{
    m_ui->setupUi(this);
    fillLayouts();

    connect(m_ui->durationSpin, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        edit(
            EditSceneCommand::Field::Duration, [seconds](Scene &s) { s.duration = seconds; }, true);
    });
    connect(m_ui->layoutCombo, &QComboBox::activated, this, [this](int item) {
        const auto layout = Layout(m_ui->layoutCombo->itemData(item).toInt());
        edit(
            EditSceneCommand::Field::Layout, [layout](Scene &s) { s.layout = layout; }, true);
    });
    connect(m_ui->captionEdit, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_ui->captionEdit->toPlainText();
        edit(
            EditSceneCommand::Field::Caption, [&text](Scene &s) { s.caption = text; }, false);
    });
    connect(m_ui->pictureButton, &QPushButton::clicked, this, &SceneInspector::choosePicture);

    connect(doc, &ProjectDocument::changed, this, &SceneInspector::refresh);
    refresh();
}

SceneInspector::~SceneInspector() = default;

void SceneInspector::fillLayouts()
{
    const QSignalBlocker blocker(m_ui->layoutCombo);
    m_ui->layoutCombo->clear();
    m_ui->layoutCombo->addItem(tr("Centre: fit in a centred box"), int(Layout::Center));
    m_ui->layoutCombo->addItem(tr("Top: fit in the upper half"), int(Layout::Top));
    m_ui->layoutCombo->addItem(tr("Fill: cover the frame"), int(Layout::Fill));
}

void SceneInspector::setSelection(const QList<int> &rows, int current)
{
    m_rows = rows;
    m_current = rows.contains(current) ? current : (rows.isEmpty() ? -1 : rows.first());
    refresh();
}

void SceneInspector::refresh()
{
    // Rows may be stale for a moment after a structural change.
    QList<int> valid;
    for (int row : std::as_const(m_rows))
        if (row >= 0 && row < m_doc->sceneCount())
            valid.append(row);
    m_rows = valid;
    if (m_current >= m_doc->sceneCount() || !m_rows.contains(m_current))
        m_current = m_rows.isEmpty() ? -1 : m_rows.first();

    const bool has = m_current >= 0;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->durationSpin), static_cast<QWidget *>(m_ui->layoutCombo),
          static_cast<QWidget *>(m_ui->pictureButton)})
        w->setEnabled(has);
    m_ui->captionEdit->setEnabled(has && m_rows.size() == 1);
    if (!has) {
        m_ui->heading->setText(tr("No scene selected"));
        const QSignalBlocker blocker(m_ui->captionEdit);
        m_ui->captionEdit->clear();
        m_ui->pictureEdit->clear();
        return;
    }
    m_ui->heading->setText(m_rows.size() == 1
                               ? tr("Scene %1 of %2").arg(m_current + 1).arg(m_doc->sceneCount())
                               : tr("%n scenes selected: duration and layout apply to all", nullptr,
                                    int(m_rows.size())));
    const Scene &scene = m_doc->scene(m_current);
    m_ui->pictureEdit->setText(QDir::toNativeSeparators(scene.media));
    m_ui->pictureEdit->setToolTip(QDir::toNativeSeparators(scene.media));
    {
        const QSignalBlocker blocker(m_ui->durationSpin);
        m_ui->durationSpin->setValue(scene.duration);
    }
    {
        const QSignalBlocker blocker(m_ui->layoutCombo);
        m_ui->layoutCombo->setCurrentIndex(m_ui->layoutCombo->findData(int(scene.layout)));
    }
    if (m_ui->captionEdit->toPlainText() != scene.shownCaption()) {
        const QSignalBlocker blocker(m_ui->captionEdit);
        m_ui->captionEdit->setPlainText(scene.shownCaption());
        m_ui->captionEdit->moveCursor(QTextCursor::End);
    }
}

void SceneInspector::edit(EditSceneCommand::Field field, const std::function<void(Scene &)> &change,
                          bool allSelected)
{
    if (m_current < 0)
        return;
    const QList<int> rows = allSelected ? m_rows : QList<int>{m_current};
    QUndoStack *undo = m_doc->undoStack();
    const bool macro = rows.size() > 1;
    if (macro)
        undo->beginMacro(tr("Edit %n scene(s)", nullptr, int(rows.size())));
    for (int row : rows) {
        Scene scene = m_doc->scene(row);
        change(scene);
        if (!(scene == m_doc->scene(row)))
            undo->push(new EditSceneCommand(m_doc, row, scene, field));
    }
    if (macro)
        undo->endMacro();
}

void SceneInspector::choosePicture()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Picture"), EditorSettings::lastFolder(),
        tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)"));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    const QString absolute = QFileInfo(path).absoluteFilePath();
    edit(
        EditSceneCommand::Field::Image, [&absolute](Scene &s) { s.media = absolute; }, false);
}

void SceneInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillLayouts();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace reelsmith::editor
