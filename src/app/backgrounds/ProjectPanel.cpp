#include "backgrounds/ProjectPanel.h"
#include "ui_ProjectPanel.h"

#include "backgrounds/AddBackgroundDialog.h"
#include "backgrounds/Backgrounds.h"
#include "backgrounds/ImportBackgroundJob.h"
#include "captions/CaptionStylePanel.h"
#include "document/ProjectDocument.h"
#include "document/UndoCommands.h"
#include "jobs/RenderQueue.h"
#include "media/ImageLoader.h"
#include "narration/VoiceList.h"
#include "scenes/ThumbnailCache.h"
#include "settings/EditorSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QtConcurrent>

#include <utility>

namespace reelsmith::editor {

namespace {

constexpr int kValueRole = Qt::UserRole;    // what the project's `background` says
constexpr int kPathRole = Qt::UserRole + 1; // the clip's file
constexpr int kSecondsRole = Qt::UserRole + 2;
constexpr int kSliderSteps = 10; // slider positions per second

} // namespace

struct ProjectPanel::Listing
{
    QList<BackgroundEntry> entries;
};

ProjectPanel::ProjectPanel(ProjectDocument *doc, ThumbnailCache *thumbnails, RenderQueue *queue,
                           QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ProjectPanel>()), m_doc(doc),
      m_thumbnails(thumbnails), m_queue(queue)
{
    m_ui->setupUi(this);
    // The captions' default look, under the sound settings.
    m_ui->mainLayout->addWidget(
        new CaptionStylePanel(doc, CaptionStylePanel::Scope::Project, this));
    m_pool.setMaxThreadCount(1);
    fillVoiceCombo(m_ui->projectVoiceCombo, tr("Default for the language"));

    connect(m_ui->backgroundList, &QListWidget::itemClicked, this, &ProjectPanel::pickBackground);
    connect(m_ui->backgroundList, &QListWidget::itemActivated, this, &ProjectPanel::pickBackground);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &ProjectPanel::reloadBackgrounds);
    connect(m_ui->addBackgroundButton, &QPushButton::clicked, this,
            &ProjectPanel::chooseClipToImport);
    connect(m_ui->pictureButton, &QPushButton::clicked, this, &ProjectPanel::choosePicture);
    connect(m_ui->startSlider, &QSlider::valueChanged, this, [this](int value) {
        const double seconds = double(value) / kSliderSteps;
        setStart(seconds);
        emit startScrubbed(seconds);
    });
    connect(m_ui->startSpin, &QDoubleSpinBox::valueChanged, this, &ProjectPanel::setStart);
    connect(m_ui->audioButton, &QPushButton::clicked, this, &ProjectPanel::chooseAudio);
    connect(m_ui->audioClearButton, &QPushButton::clicked, this, [this] {
        auto settings = m_doc->settings();
        settings.music.reset();
        m_doc->undoStack()->push(
            new EditSettingsCommand(m_doc, settings, undoText(QT_TR_NOOP("Remove music"))));
    });
    connectSoundControls();

    connect(&m_listing, &QFutureWatcher<std::shared_ptr<Listing>>::finished, this, [this] {
        showBackgrounds(*m_listing.result());
        emit backgroundsListed();
        if (std::exchange(m_listAgain, false))
            reloadBackgrounds();
    });
    connect(m_queue, &RenderQueue::jobFinished, this, &ProjectPanel::jobFinished);
    connect(thumbnails, &ThumbnailCache::ready, this, [this](const QString &path) {
        for (int i = 0; i < m_ui->backgroundList->count(); ++i) {
            QListWidgetItem *item = m_ui->backgroundList->item(i);
            if (item->data(kPathRole).toString() == path)
                item->setIcon(tile(m_thumbnails->thumbnail(path, ThumbnailCache::Kind::Video)));
        }
    });
    // Every entry takes the same cell, its picture on a tile of the icon's
    // size and room for two lines of name below, whatever shape the clip is
    // and whether its thumbnail has arrived: the list's layout never depends
    // on which item it measures first (uniformItemSizes measures one).
    const QSize icon = m_ui->backgroundList->iconSize();
    const QFontMetrics metrics = m_ui->backgroundList->fontMetrics();
    m_ui->backgroundList->setGridSize(
        QSize(std::max(icon.width(), metrics.horizontalAdvance(QStringLiteral("minecraft_00"))) +
                  2 * m_ui->backgroundList->spacing(),
              icon.height() + 2 * metrics.lineSpacing() + 2 * m_ui->backgroundList->spacing()));
    connect(doc, &ProjectDocument::settingsChanged, this, &ProjectPanel::refresh);
    connect(doc, &ProjectDocument::projectReplaced, this, &ProjectPanel::refresh);

    reloadBackgrounds();
    refresh();
}

ProjectPanel::~ProjectPanel()
{
    // The imports belong to the queue, which outlives nothing it runs.
    m_listing.waitForFinished();
}

void ProjectPanel::reloadBackgrounds()
{
    if (m_listing.isRunning()) {
        m_listAgain = true; // it may be reading a folder that changed since
        return;
    }
    // Listing reads folders and every clip's header: not on the UI thread.
    // The folders are read here, on the UI thread, where they change.
    m_listing.setFuture(QtConcurrent::run(&m_pool, [folders = EditorSettings::backgroundFolders()] {
        auto listing = std::make_shared<Listing>();
        listing->entries = Backgrounds::list(folders);
        for (BackgroundEntry &entry : listing->entries)
            Backgrounds::inspect(entry);
        return listing;
    }));
}

void ProjectPanel::showBackgrounds(const Listing &listing)
{
    QListWidget *list = m_ui->backgroundList;
    const QSignalBlocker blocker(list);
    list->clear();
    for (const BackgroundEntry &entry : listing.entries) {
        auto *item = new QListWidgetItem(entry.name, list);
        // Built-ins are kept by name (portable between machines), the user's
        // clips by path (so the command line finds them too).
        item->setData(kValueRole, entry.builtin ? entry.name : entry.path);
        item->setData(kPathRole, entry.path);
        item->setData(kSecondsRole, entry.duration);
        QString tip = entry.builtin ? tr("Built-in") : tr("Your clip");
        if (entry.duration > 0)
            tip += tr(", %1 s").arg(QLocale().toString(entry.duration, 'f', 1));
        if (!entry.path.isEmpty())
            tip += QLatin1Char('\n') + QDir::toNativeSeparators(entry.path);
        if (!entry.problem.isEmpty()) {
            tip += QLatin1Char('\n') + entry.problem;
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
        item->setToolTip(tip);
        item->setIcon(tile(entry.path.isEmpty()
                               ? QImage()
                               : m_thumbnails->thumbnail(entry.path, ThumbnailCache::Kind::Video)));
    }
    refresh();
}

QIcon ProjectPanel::tile(const QImage &thumbnail) const
{
    const QSize size = m_ui->backgroundList->iconSize();
    QPixmap tile(size);
    tile.fill(palette().color(QPalette::Mid));
    if (!thumbnail.isNull()) {
        const QImage fitted = thumbnail.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QPainter painter(&tile);
        painter.drawImage(
            QPoint((size.width() - fitted.width()) / 2, (size.height() - fitted.height()) / 2),
            fitted);
    }
    return QIcon(tile);
}

void ProjectPanel::refresh()
{
    const Project &project = m_doc->project();
    QListWidget *list = m_ui->backgroundList;
    {
        const QSignalBlocker blocker(list);
        QListWidgetItem *match = nullptr;
        for (int i = 0; i < list->count() && !match; ++i) {
            QListWidgetItem *item = list->item(i);
            if (item->data(kValueRole).toString() == project.background ||
                item->data(kPathRole).toString() == project.background)
                match = item;
        }
        // A clip elsewhere on disk gets its own entry.
        if (!match && list->count() > 0 && !project.background.isEmpty()) {
            match = new QListWidgetItem(QFileInfo(project.background).completeBaseName(), list);
            match->setData(kValueRole, project.background);
            match->setData(kPathRole, project.background);
            match->setToolTip(QDir::toNativeSeparators(project.background));
            match->setIcon(
                tile(m_thumbnails->thumbnail(project.background, ThumbnailCache::Kind::Video)));
        }
        list->setCurrentItem(match);
    }
    const double length = backgroundDuration();
    {
        const QSignalBlocker blocker(m_ui->startSlider);
        m_ui->startSlider->setRange(0, length > 0 ? int(length * kSliderSteps) : 0);
        m_ui->startSlider->setValue(int(project.backgroundStart * kSliderSteps + 0.5));
    }
    {
        const QSignalBlocker blocker(m_ui->startSpin);
        m_ui->startSpin->setValue(project.backgroundStart);
    }
    refreshSound();
}

UndoText ProjectPanel::undoText(const char *source)
{
    return {staticMetaObject.className(), source};
}

void ProjectPanel::editSettings(const std::function<void(ProjectDocument::Settings &)> &change,
                                UndoText text, int mergeKey)
{
    auto settings = m_doc->settings();
    change(settings);
    if (settings == m_doc->settings())
        return;
    m_doc->undoStack()->push(new EditSettingsCommand(m_doc, settings, text, mergeKey));
}

void ProjectPanel::connectSoundControls()
{
    const auto musicSpin = [this](QDoubleSpinBox *spin, double MusicSettings::*member) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, member](double value) {
            editSettings(
                [&](ProjectDocument::Settings &s) {
                    if (s.music)
                        (*s.music).*member = value;
                },
                undoText(QT_TR_NOOP("Change music")), EditSettingsCommand::kMusicLevels);
        });
    };
    musicSpin(m_ui->musicVolumeSpin, &MusicSettings::volumeDb);
    musicSpin(m_ui->duckSpin, &MusicSettings::duckDb);
    musicSpin(m_ui->fadeInSpin, &MusicSettings::fadeIn);
    musicSpin(m_ui->fadeOutSpin, &MusicSettings::fadeOut);
    connect(m_ui->projectVoiceCombo, &QComboBox::activated, this, [this](int item) {
        const QString name = m_ui->projectVoiceCombo->itemData(item).toString();
        editSettings([&](ProjectDocument::Settings &s) { s.voice.name = name; },
                     undoText(QT_TR_NOOP("Change voice")), EditSettingsCommand::kVoice);
    });
    const auto voiceSpin = [this](QDoubleSpinBox *spin, double VoiceSettings::*member) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, member](double value) {
            editSettings([&](ProjectDocument::Settings &s) { s.voice.*member = value; },
                         undoText(QT_TR_NOOP("Change voice")), EditSettingsCommand::kVoice);
        });
    };
    voiceSpin(m_ui->projectRateSpin, &VoiceSettings::rate);
    voiceSpin(m_ui->projectPitchSpin, &VoiceSettings::pitch);
    connect(m_ui->loudnessCheck, &QCheckBox::toggled, this, [this](bool on) {
        const double lufs = m_ui->loudnessSpin->value();
        editSettings(
            [&](ProjectDocument::Settings &s) {
                s.loudnessLufs = on ? std::optional(lufs) : std::nullopt;
            },
            undoText(QT_TR_NOOP("Change loudness")), EditSettingsCommand::kLoudness);
    });
    connect(m_ui->loudnessSpin, &QDoubleSpinBox::valueChanged, this, [this](double lufs) {
        editSettings(
            [&](ProjectDocument::Settings &s) {
                if (s.loudnessLufs)
                    s.loudnessLufs = lufs;
            },
            undoText(QT_TR_NOOP("Change loudness")), EditSettingsCommand::kLoudness);
    });
}

void ProjectPanel::refreshSound()
{
    const Project &project = m_doc->project();
    const MusicSettings music = project.music.value_or(MusicSettings{});
    m_ui->audioEdit->setText(QDir::toNativeSeparators(music.file));
    m_ui->audioClearButton->setEnabled(project.music.has_value());
    const std::pair<QDoubleSpinBox *, double> values[] = {
        {m_ui->musicVolumeSpin, music.volumeDb},
        {m_ui->duckSpin, music.duckDb},
        {m_ui->fadeInSpin, music.fadeIn},
        {m_ui->fadeOutSpin, music.fadeOut},
        {m_ui->projectRateSpin, project.voice.rate},
        {m_ui->projectPitchSpin, project.voice.pitch},
        {m_ui->loudnessSpin, project.loudnessLufs.value_or(LoudnessTarget::kDefaultLufs)}};
    for (const auto &[spin, value] : values) {
        const QSignalBlocker blocker(spin);
        spin->setValue(value);
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->musicVolumeSpin, m_ui->duckSpin,
                                                       m_ui->fadeInSpin, m_ui->fadeOutSpin})
        w->setEnabled(project.music.has_value());
    selectVoice(m_ui->projectVoiceCombo, project.voice.name);
    {
        const QSignalBlocker blocker(m_ui->loudnessCheck);
        m_ui->loudnessCheck->setChecked(project.loudnessLufs.has_value());
    }
    m_ui->loudnessSpin->setEnabled(project.loudnessLufs.has_value());
}

double ProjectPanel::backgroundDuration() const
{
    const QListWidgetItem *item = m_ui->backgroundList->currentItem();
    return item ? item->data(kSecondsRole).toDouble() : 0;
}

void ProjectPanel::pickBackground()
{
    const QListWidgetItem *item = m_ui->backgroundList->currentItem();
    if (!item)
        return;
    auto settings = m_doc->settings();
    settings.background = item->data(kValueRole).toString();
    if (settings.background == m_doc->project().background)
        return;
    m_doc->undoStack()->push(
        new EditSettingsCommand(m_doc, settings, undoText(QT_TR_NOOP("Change background"))));
}

void ProjectPanel::setStart(double seconds)
{
    auto settings = m_doc->settings();
    if (qFuzzyCompare(settings.backgroundStart + 1, seconds + 1))
        return;
    settings.backgroundStart = seconds;
    m_doc->undoStack()->push(
        new EditSettingsCommand(m_doc, settings, undoText(QT_TR_NOOP("Change background start")),
                                EditSettingsCommand::kBackgroundStart));
}

void ProjectPanel::chooseAudio()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose Music"), EditorSettings::lastFolder(),
        tr("Audio (*.mp3 *.wav *.m4a *.aac *.ogg *.opus *.flac);;All files (*)"));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    auto settings = m_doc->settings();
    // A new file keeps the music's other settings.
    MusicSettings music = settings.music.value_or(MusicSettings{});
    music.file = QFileInfo(path).absoluteFilePath();
    settings.music = music;
    m_doc->undoStack()->push(
        new EditSettingsCommand(m_doc, settings, undoText(QT_TR_NOOP("Set music"))));
}

void ProjectPanel::chooseClipToImport()
{
    const QString clip = QFileDialog::getOpenFileName(
        this, tr("Add a Background Clip"), EditorSettings::lastFolder(),
        tr("Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v);;All files (*)"));
    if (clip.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(clip).absolutePath());
    auto *dialog = new AddBackgroundDialog(clip, m_doc->project().output.size(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, clip] { importBackground(clip, dialog->settings()); });
    dialog->open();
    emit addBackgroundDialogOpened(dialog);
}

void ProjectPanel::choosePicture()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Use a Picture as the Background"), EditorSettings::lastFolder(),
        tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp);;All files (*)"));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    if (const QString problem = usePicture(path); !problem.isEmpty())
        QMessageBox::warning(this, tr("Use a Picture as the Background"), problem);
}

QString ProjectPanel::usePicture(const QString &path)
{
    try {
        ImageLoader::probe(path); // the header only: what the render will open
    } catch (const Error &e) {
        return tr("This picture cannot be used: %1").arg(e.message());
    }
    auto settings = m_doc->settings();
    settings.background = QFileInfo(path).absoluteFilePath();
    m_doc->undoStack()->push(
        new EditSettingsCommand(m_doc, settings, undoText(QT_TR_NOOP("Change background"))));
    return {};
}

int ProjectPanel::importBackground(const QString &clip, const OptimizeSettings &recipe)
{
    const QString folder = EditorSettings::backgroundFolders().user;
    // Two imports of one clip waiting in the queue get a name each.
    QStringList pending;
    for (int other : std::as_const(m_imports))
        if (const auto job = m_queue->job(other))
            pending.append(job->outputPath);
    const int id = m_queue->enqueue(std::make_unique<ImportBackgroundJob>(
        clip, ImportBackgroundJob::freeName(folder, QFileInfo(clip).completeBaseName(), pending),
        recipe));
    m_imports.append(id);
    return id;
}

void ProjectPanel::jobFinished(int id)
{
    if (!m_imports.removeOne(id))
        return;
    const auto job = m_queue->job(id);
    if (!job)
        return;
    // A failure stays in the queue's row, with its error; nothing to do here.
    const bool done = job->state == RenderQueue::State::Done;
    if (done) {
        auto settings = m_doc->settings();
        settings.background = job->result.outputPath;
        m_doc->undoStack()->push(
            new EditSettingsCommand(m_doc, settings, undoText(QT_TR_NOOP("Change background"))));
        reloadBackgrounds();
    }
    emit importFinished(done ? job->result.outputPath : QString(), job->errorText);
}

void ProjectPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillVoiceCombo(m_ui->projectVoiceCombo, tr("Default for the language"));
        refreshSound();
    }
    QWidget::changeEvent(event);
}

} // namespace reelsmith::editor
