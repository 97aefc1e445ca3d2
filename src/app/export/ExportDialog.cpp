#include "export/ExportDialog.h"

#include "ui_ExportDialog.h"

#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "export/LengthLimit.h"
#include "export/OutputSettingsForm.h"
#include "preview/TimelineWidget.h"
#include "settings/EditorSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

#include <cmath>

namespace reelsmith::editor {

namespace {

const QLatin1String kProjectSuffix(".reel.json");
const QLatin1String kVideoSuffix(".mp4");

// "clip" and "clip.mov" become "clip.mp4" and "clip.mov.mp4": the file is an
// MP4 whatever it is called, and a name that says otherwise misleads players.
QString withVideoSuffix(const QString &path)
{
    if (path.isEmpty() || path.endsWith(kVideoSuffix, Qt::CaseInsensitive) ||
        path.endsWith(QLatin1Char('/')))
        return path;
    return path + kVideoSuffix;
}

} // namespace

ExportDialog::ExportDialog(const reelsmith::Project &project, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExportDialog>()), m_project(project),
      m_lengthLimitSeconds(EditorSettings::lengthLimitSeconds())
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Export"));

    m_ui->outputForm->setSettings(m_project.output);
    m_ui->outputEdit->setText(QDir::toNativeSeparators(defaultOutputPath(m_project)));

    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->outputEdit, &QLineEdit::textChanged, this, &ExportDialog::refresh);
    // Shows the name the file will get once the creator is done typing.
    connect(m_ui->outputEdit, &QLineEdit::editingFinished, this, [this] {
        if (const QString path = outputPath(); !path.isEmpty() && !QFileInfo(path).isDir())
            setOutputPath(path);
    });
    connect(m_ui->outputForm, &OutputSettingsForm::changed, this, &ExportDialog::refresh);
    refresh();
}

ExportDialog::~ExportDialog() = default;

reelsmith::OutputSettings ExportDialog::output() const
{
    return m_ui->outputForm->settings(m_project.output);
}

QString ExportDialog::outputPath() const
{
    const QString text = m_ui->outputEdit->text().trimmed();
    if (text.isEmpty())
        return {};
    const QString path = QDir::cleanPath(QDir::fromNativeSeparators(text));
    return QFileInfo(path).isDir() ? path : withVideoSuffix(path);
}

void ExportDialog::saveChoiceTo(ProjectDocument *document) const
{
    ProjectDocument::Settings settings = document->settings();
    const reelsmith::OutputSettings chosen = output();
    if (chosen == settings.output)
        return;
    settings.output = chosen;
    document->undoStack()->push(new EditSettingsCommand(
        document, settings, {staticMetaObject.className(), QT_TR_NOOP("Change Export Settings")}));
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_ui->outputEdit->setText(QDir::toNativeSeparators(path));
}

qint64 ExportDialog::frameCount() const
{
    reelsmith::Project p = m_project;
    p.output = output();
    return p.frameCount();
}

// The video's length in whole frames at the chosen rate, as the timeline shows it.
double ExportDialog::durationSeconds() const
{
    reelsmith::Project p = m_project;
    p.output = output();
    return p.timeline().durationSeconds();
}

qint64 ExportDialog::estimatedBytes() const
{
    return estimateBytes(output(), durationSeconds(),
                         !m_project.audio.isEmpty() || m_project.hasMixedSound());
}

QString ExportDialog::defaultOutputPath(const reelsmith::Project &project)
{
    if (project.filePath.isEmpty()) {
        QString folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
        if (folder.isEmpty() || !QFileInfo(folder).isDir())
            folder = QDir::homePath();
        return QDir(folder).filePath(QStringLiteral("video.mp4"));
    }
    const QFileInfo file(project.filePath);
    QString name = file.fileName();
    if (name.endsWith(kProjectSuffix, Qt::CaseInsensitive))
        name.chop(kProjectSuffix.size());
    else
        name = file.completeBaseName();
    if (name.isEmpty())
        name = QStringLiteral("video");
    return file.dir().filePath(name + QStringLiteral(".mp4"));
}

// A bits-per-pixel model, calibrated by rendering the demo project (14.5 s,
// built-in "minecraft" background) with reelsmith-cli and measuring the files:
//   720x1280, 24 fps, ultrafast: crf 18 3.46 MB, crf 23 2.39 MB, crf 28 1.60 MB,
//     crf 35 0.85 MB: about double per 8.4 crf steps (x264's rule of thumb of 6
//     steps overstates it for this content).
//   crf 28, ultrafast: 180x320 0.50 MB, 360x640 0.90 MB, 1080x1920 2.79 MB:
//     the rate grows with about the square root of the pixel count.
//   crf 28, ultrafast: 12 fps 1.07 MB, 48 fps 1.75 MB: frames get cheaper as
//     they get closer together, and above the backgrounds' own 24 fps the extra
//     frames are near repeats.
//   crf 28 at 720x1280/24: superfast 0.60x of ultrafast, veryfast 0.29x,
//     faster 0.31x, fast 0.32x, medium 0.32x, slow 0.29x (slower, veryslow,
//     placebo taken as slow).
// The same project over "subway" came out 1.26x and over "abstract" 0.70x:
// the background's motion dominates, so read the estimate as +-30 %.
qint64 ExportDialog::estimateBytes(const reelsmith::OutputSettings &out, double seconds,
                                   bool withAudio)
{
    constexpr double kReferenceBytesPerSecond = 110'000; // 720x1280, 24 fps, crf 28, ultrafast
    constexpr double kReferencePixels = 720.0 * 1280.0;
    constexpr double kReferenceFps = 24;
    constexpr double kCrfStepsPerDoubling = 8.4;
    constexpr double kAudioBytesPerSecond = 128'000 / 8.0; // the engine's AAC bitrate

    double rate = kReferenceBytesPerSecond;
    rate *= std::sqrt(double(out.width) * out.height / kReferencePixels);
    const double fpsRatio = out.fps / kReferenceFps;
    rate *= std::pow(fpsRatio, fpsRatio <= 1 ? 0.6 : 0.15);
    rate *= std::exp2((28 - out.crf) / kCrfStepsPerDoubling);
    const QString &p = out.preset;
    if (p == QLatin1String("superfast"))
        rate *= 0.60;
    else if (p == QLatin1String("veryfast") || p == QLatin1String("slow") ||
             p == QLatin1String("slower") || p == QLatin1String("veryslow") ||
             p == QLatin1String("placebo"))
        rate *= 0.29;
    else if (p != QLatin1String("ultrafast"))
        rate *= 0.32;
    if (withAudio)
        rate += kAudioBytesPerSecond;
    return qint64(rate * std::max(0.0, seconds));
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Video"), outputPath(),
                                                        tr("MP4 video (*.mp4)"));
    if (chosen.isEmpty())
        return;
    const QString path = withVideoSuffix(chosen);
    if (path == chosen)
        m_confirmedOverwrite = QFileInfo(path).absoluteFilePath(); // the file dialog asked
    setOutputPath(path);
}

QString ExportDialog::validate() const
{
    const QString path = outputPath();
    if (path.isEmpty())
        return tr("Choose where to save the video.");
    const QFileInfo file(path);
    if (file.isDir())
        return tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path));
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.filePath()));
    if (!folder.isWritable())
        return tr("The folder %1 cannot be written to.")
            .arg(QDir::toNativeSeparators(folder.filePath()));

    if (const QString settingsProblem = OutputSettingsForm::problem(output());
        !settingsProblem.isEmpty())
        return settingsProblem;
    reelsmith::Project p = m_project;
    p.output = output();
    if (const QString projectProblem = p.validationError(); !projectProblem.isEmpty())
        return tr("The project cannot be exported: %1.").arg(projectProblem);
    return {};
}

void ExportDialog::refresh()
{
    const double seconds = durationSeconds();
    m_ui->durationValue->setText(TimelineWidget::formatTime(seconds));
    m_ui->framesValue->setText(QLocale().toString(frameCount()));
    m_ui->sizeValue->setText(
        tr("about %1 MB").arg(QLocale().toString(double(estimatedBytes()) / (1 << 20), 'f', 1)));

    m_problem = validate();
    QStringList warnings;
    if (const QString tooLong = LengthLimit::warning(seconds, m_lengthLimitSeconds);
        !tooLong.isEmpty())
        warnings << tooLong;
    if (m_problem.isEmpty() && QFileInfo(outputPath()).exists())
        warnings << tr("%1 already exists and will be replaced.")
                        .arg(QFileInfo(outputPath()).fileName());
    m_warning = warnings.join(QLatin1Char('\n'));

    m_ui->messageLabel->setText(m_problem.isEmpty() ? m_warning : m_problem);
    QPalette palette = m_ui->messageLabel->palette();
    palette.setColor(QPalette::WindowText,
                     m_problem.isEmpty() ? QColor(0xb2, 0x6b, 0x00) : QColor(0xc6, 0x28, 0x28));
    m_ui->messageLabel->setPalette(palette);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

void ExportDialog::accept()
{
    refresh();
    if (!m_problem.isEmpty())
        return;
    const QFileInfo file(outputPath());
    if (file.exists() && file.absoluteFilePath() != m_confirmedOverwrite) {
        const auto answer =
            QMessageBox::warning(this, tr("Replace File?"),
                                 tr("%1 already exists. Do you want to replace it?")
                                     .arg(QDir::toNativeSeparators(file.absoluteFilePath())),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    QDialog::accept();
}

} // namespace reelsmith::editor
