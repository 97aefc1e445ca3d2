#include "narration/ScriptDialog.h"

#include "settings/EditorSettings.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace reelsmith::editor {

ScriptDialog::ScriptDialog(QWidget *parent)
    : QDialog(parent), m_text(new QPlainTextEdit), m_paragraphs(new QRadioButton),
      m_sentences(new QRadioButton), m_count(new QLabel)
{
    setWindowTitle(tr("New from Script"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Paste the text the video tells. Each scene gets a piece of it as "
                                "its narration and lasts as long as its voice; drop a picture on "
                                "a scene to show one."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_text->setObjectName(QStringLiteral("scriptEdit"));
    m_text->setPlaceholderText(tr("Five things nobody tells you about sunsets…"));
    layout->addWidget(m_text, 1);
    auto *open = new QPushButton(tr("&Open Text File…"));
    connect(open, &QPushButton::clicked, this, &ScriptDialog::openTextFile);
    layout->addWidget(open, 0, Qt::AlignLeft);
    m_paragraphs->setText(tr("One scene per &paragraph"));
    m_paragraphs->setObjectName(QStringLiteral("paragraphsRadio"));
    m_sentences->setText(tr("One scene per &sentence"));
    m_sentences->setObjectName(QStringLiteral("sentencesRadio"));
    m_paragraphs->setChecked(true);
    layout->addWidget(m_paragraphs);
    layout->addWidget(m_sentences);
    m_count->setObjectName(QStringLiteral("countLabel"));
    layout->addWidget(m_count);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Make Scenes"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_text, &QPlainTextEdit::textChanged, this, &ScriptDialog::updateCount);
    connect(m_paragraphs, &QRadioButton::toggled, this, &ScriptDialog::updateCount);
    updateCount();
    resize(560, 480);
}

QString ScriptDialog::text() const
{
    return m_text->toPlainText();
}

void ScriptDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

ScriptSplit ScriptDialog::split() const
{
    return m_sentences->isChecked() ? ScriptSplit::Sentences : ScriptSplit::Paragraphs;
}

void ScriptDialog::updateCount()
{
    const qsizetype scenes = narrations().size();
    m_count->setText(tr("%n scene(s)", nullptr, int(scenes)));
    m_ok->setEnabled(scenes > 0);
}

void ScriptDialog::openTextFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a Script"), EditorSettings::lastFolder(),
                                     tr("Text (*.txt *.md);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    // A script is a few pages; anything far larger is not one.
    constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxBytes) {
        QMessageBox::warning(this, tr("Cannot open the script"),
                             file.size() > kMaxBytes
                                 ? tr("%1 is too large to be a script.").arg(path)
                                 : tr("%1: %2").arg(path, file.errorString()));
        return;
    }
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    QStringDecoder decode(QStringDecoder::Utf8); // a byte-order mark is skipped
    const QString text = decode(file.readAll());
    if (decode.hasError()) {
        QMessageBox::warning(this, tr("Cannot open the script"),
                             tr("%1 is not UTF-8 text.").arg(path));
        return;
    }
    m_text->setPlainText(text);
}

} // namespace reelsmith::editor
