#include "scenes/SceneInspector.h"
#include "ui_SceneInspector.h"

#include "captions/CaptionStylePanel.h"
#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "narration/AutoDurations.h"
#include "narration/VoiceList.h"
#include "narration/VoiceRecorder.h"
#include "render/SceneVoices.h"
#include "scenes/ClipControls.h"
#include "scenes/MotionHint.h"
#include "settings/EditorSettings.h"

#include <QAudioOutput>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMediaPlayer>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QtConcurrent>

namespace reelsmith::editor {

SceneInspector::SceneInspector(ProjectDocument *doc, AutoDurations *durations, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SceneInspector>()), m_doc(doc),
      m_durations(durations), m_recorder(new VoiceRecorder(this)),
      m_captionStyle(new CaptionStylePanel(doc, CaptionStylePanel::Scope::Scenes, this)),
      m_clipControls(new ClipControls(doc, this))
{
    m_ui->setupUi(this);
    // Right under the scene's own fields.
    m_ui->mainLayout->insertWidget(m_ui->mainLayout->indexOf(m_ui->form) + 1, m_clipControls);
    // Under the caption, above the spacer.
    m_ui->mainLayout->insertWidget(m_ui->mainLayout->count() - 1, m_captionStyle);
    fillLayouts();
    fillMotions();
    fillVoices();
    // A small moving picture of each choice, beside its picker.
    m_ui->motionRow->addWidget(new MotionHint(MotionHint::Kind::Motion, m_ui->motionCombo, this));
    m_ui->transitionRow->addWidget(
        new MotionHint(MotionHint::Kind::Transition, m_ui->transitionCombo, this));

    connect(m_ui->autoDurationCheck, &QCheckBox::toggled, this, [this](bool follows) {
        edit(
            EditSceneCommand::Field::Duration,
            [follows](Scene &s) {
                // Only a scene with a voice can follow it.
                s.autoDuration = follows && s.hasVoice();
            },
            true);
    });
    connect(m_ui->narrationEdit, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_ui->narrationEdit->toPlainText();
        edit(
            EditSceneCommand::Field::Narration, [&text](Scene &s) { s.narration = text; }, false);
    });
    connect(m_ui->voiceCombo, &QComboBox::activated, this, [this](int item) {
        const QString name = m_ui->voiceCombo->itemData(item).toString();
        edit(
            EditSceneCommand::Field::Voice,
            [&name](Scene &s) {
                s.voice.name = name.isEmpty() ? std::nullopt : std::optional(name);
            },
            true);
    });
    // Speed and pitch override the project's voice only where they differ from it.
    const auto voiceSpin = [this](QDoubleSpinBox *spin, std::optional<double> VoiceOverride::*key,
                                  double VoiceSettings::*projectValue) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [=, this](double value) {
            edit(
                EditSceneCommand::Field::Voice,
                [&](Scene &s) {
                    s.voice.*key = value == m_doc->project().voice.*projectValue
                                       ? std::nullopt
                                       : std::optional(value);
                },
                true);
        });
    };
    voiceSpin(m_ui->rateSpin, &VoiceOverride::rate, &VoiceSettings::rate);
    voiceSpin(m_ui->pitchSpin, &VoiceOverride::pitch, &VoiceSettings::pitch);
    connect(m_ui->importVoiceButton, &QPushButton::clicked, this, &SceneInspector::chooseVoiceFile);
    connect(m_ui->removeVoiceButton, &QPushButton::clicked, this, [this] {
        edit(
            EditSceneCommand::Field::VoiceFile,
            [](Scene &s) {
                s.voiceFile.clear();
                s.autoDuration = s.autoDuration && s.hasVoice();
            },
            false);
    });
    connect(m_ui->playVoiceButton, &QPushButton::clicked, this, &SceneInspector::playVoice);
    connect(m_ui->recordButton, &QPushButton::clicked, this, &SceneInspector::toggleRecording);
    connect(m_recorder, &VoiceRecorder::stateChanged, this, &SceneInspector::updateRecordControls);
    connect(m_recorder, &VoiceRecorder::countdown, this, [this](int secondsLeft) {
        showRecordStatus(tr("Recording starts in %1…").arg(secondsLeft));
    });
    connect(m_recorder, &VoiceRecorder::progress, this, [this](double seconds) {
        showRecordStatus(tr("Recording scene %1: %2 s")
                             .arg(m_recordRow + 1)
                             .arg(QLocale().toString(seconds, 'f', 1)));
    });
    connect(m_recorder, &VoiceRecorder::levelChanged, this, [this](double peakDb) {
        // The meter spans -60 … 0 dBFS.
        m_ui->levelMeter->setValue(int(std::clamp(60 + peakDb, 0.0, 60.0)));
    });
    connect(m_recorder, &VoiceRecorder::finished, this, &SceneInspector::recordingFinished);
    connect(m_recorder, &VoiceRecorder::failed, this, &SceneInspector::showRecordStatus);
    // The take belongs to the scene it was started for, wherever that moves;
    // if the scene goes away (or the whole project does), so does the take.
    connect(doc, &ProjectDocument::scenesInserted, this, [this](int first, int last) {
        if (m_recordRow >= first)
            m_recordRow += last - first + 1;
    });
    connect(doc, &ProjectDocument::scenesRemoved, this, [this](int first, int last) {
        if (m_recordRow > last) {
            m_recordRow -= last - first + 1;
        } else if (m_recordRow >= first && m_recorder->state() != VoiceRecorder::State::Idle) {
            m_recorder->cancel();
            showRecordStatus(tr("Recording cancelled: its scene was deleted."));
        }
    });
    connect(doc, &ProjectDocument::sceneMoved, this, [this](int from, int to) {
        if (m_recordRow == from)
            m_recordRow = to;
        else if (from < m_recordRow && m_recordRow <= to)
            --m_recordRow;
        else if (to <= m_recordRow && m_recordRow < from)
            ++m_recordRow;
    });
    connect(doc, &ProjectDocument::projectAboutToBeReplaced, this, [this] {
        if (m_recorder->state() != VoiceRecorder::State::Idle) {
            m_recorder->cancel();
            showRecordStatus(tr("Recording cancelled: another project was opened."));
        }
    });
    connect(m_durations, &AutoDurations::problemsChanged, this, &SceneInspector::showVoiceProblem);

    connect(m_ui->durationSpin, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        edit(
            EditSceneCommand::Field::Duration, [seconds](Scene &s) { s.duration = seconds; }, true);
        if (m_current >= 0)
            emit durationEdited(m_current);
    });
    connect(m_ui->layoutCombo, &QComboBox::activated, this, [this](int item) {
        const auto layout = Layout(m_ui->layoutCombo->itemData(item).toInt());
        edit(
            EditSceneCommand::Field::Layout, [layout](Scene &s) { s.layout = layout; }, true);
    });
    connect(m_ui->motionCombo, &QComboBox::activated, this, [this](int item) {
        const auto motion = Motion(m_ui->motionCombo->itemData(item).toInt());
        edit(
            EditSceneCommand::Field::Motion, [motion](Scene &s) { s.motion = motion; }, true);
    });
    connect(m_ui->transitionCombo, &QComboBox::activated, this, [this](int item) {
        const auto type = TransitionType(m_ui->transitionCombo->itemData(item).toInt());
        const double seconds = m_ui->transitionSpin->value();
        edit(
            EditSceneCommand::Field::Transition,
            [type, seconds](Scene &s) {
                s.transition = {type, seconds};
            },
            true);
    });
    connect(m_ui->transitionSpin, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        edit(
            EditSceneCommand::Field::Transition,
            [seconds](Scene &s) { s.transition.duration = seconds; }, true);
    });
    connect(m_ui->captionEdit, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_ui->captionEdit->toPlainText();
        // Left empty, the caption shows the narration.
        edit(
            EditSceneCommand::Field::Caption,
            [&text](Scene &s) { s.caption = text.isEmpty() ? std::nullopt : std::optional(text); },
            false);
    });
    connect(m_ui->pictureButton, &QPushButton::clicked, this, &SceneInspector::chooseMedia);

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

void SceneInspector::fillMotions()
{
    const QSignalBlocker blocker(m_ui->motionCombo);
    m_ui->motionCombo->clear();
    m_ui->motionCombo->addItem(tr("None: the picture stays still"), int(Motion::None));
    m_ui->motionCombo->addItem(tr("Zoom in"), int(Motion::ZoomIn));
    m_ui->motionCombo->addItem(tr("Zoom out"), int(Motion::ZoomOut));
    m_ui->motionCombo->addItem(tr("Pan left"), int(Motion::PanLeft));
    m_ui->motionCombo->addItem(tr("Pan right"), int(Motion::PanRight));
    m_ui->motionCombo->addItem(tr("Pan up"), int(Motion::PanUp));
    m_ui->motionCombo->addItem(tr("Pan down"), int(Motion::PanDown));
    const QSignalBlocker transitionBlocker(m_ui->transitionCombo);
    m_ui->transitionCombo->clear();
    m_ui->transitionCombo->addItem(tr("Cut"), int(TransitionType::Cut));
    m_ui->transitionCombo->addItem(tr("Crossfade"), int(TransitionType::Crossfade));
    m_ui->transitionCombo->addItem(tr("Slide left"), int(TransitionType::SlideLeft));
    m_ui->transitionCombo->addItem(tr("Slide up"), int(TransitionType::SlideUp));
    m_ui->transitionCombo->addItem(tr("Zoom"), int(TransitionType::Zoom));
    m_ui->transitionCombo->addItem(tr("Wipe"), int(TransitionType::Wipe));
}

void SceneInspector::fillVoices()
{
    fillVoiceCombo(m_ui->voiceCombo, tr("The project's voice"));
}

void SceneInspector::setSelection(const QList<int> &rows, int current)
{
    m_rows = rows;
    m_current = rows.contains(current) ? current : (rows.isEmpty() ? -1 : rows.first());
    m_captionStyle->setSelection(rows, m_current);
    m_clipControls->setSelection(rows, m_current);
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
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_ui->durationSpin, m_ui->layoutCombo, m_ui->pictureButton, m_ui->voiceCombo,
             m_ui->rateSpin, m_ui->pitchSpin, m_ui->motionCombo, m_ui->transitionCombo})
        w->setEnabled(has);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->captionEdit, m_ui->narrationEdit,
                                                       m_ui->importVoiceButton})
        w->setEnabled(has && m_rows.size() == 1);
    updateRecordControls();
    if (!has) {
        m_ui->heading->setText(tr("No scene selected"));
        const QSignalBlocker blocker(m_ui->captionEdit);
        const QSignalBlocker narrationBlocker(m_ui->narrationEdit);
        m_ui->captionEdit->clear();
        m_ui->narrationEdit->clear();
        m_ui->pictureEdit->clear();
        m_ui->transitionSpin->setEnabled(false);
        m_ui->voiceFileEdit->clear();
        m_ui->autoDurationCheck->setEnabled(false);
        m_ui->removeVoiceButton->setEnabled(false);
        m_ui->playVoiceButton->setEnabled(false);
        m_ui->voiceProblemLabel->hide();
        return;
    }
    m_ui->heading->setText(
        m_rows.size() == 1
            ? tr("Scene %1 of %2").arg(m_current + 1).arg(m_doc->sceneCount())
            : tr("%n scenes selected: duration, layout, motion and transition apply to all",
                 nullptr, int(m_rows.size())));
    const Scene &scene = m_doc->scene(m_current);
    m_ui->pictureEdit->setText(QDir::toNativeSeparators(scene.media));
    m_ui->pictureEdit->setToolTip(QDir::toNativeSeparators(scene.media));
    {
        const QSignalBlocker blocker(m_ui->durationSpin);
        m_ui->durationSpin->setValue(scene.duration);
        // An "auto" scene's length is its voice's: shown, not typed.
        m_ui->durationSpin->setEnabled(!scene.autoDuration);
    }
    {
        const QSignalBlocker blocker(m_ui->autoDurationCheck);
        m_ui->autoDurationCheck->setChecked(scene.autoDuration);
        m_ui->autoDurationCheck->setEnabled(scene.hasVoice() || scene.autoDuration);
    }
    if (m_ui->narrationEdit->toPlainText() != scene.narration) {
        const QSignalBlocker blocker(m_ui->narrationEdit);
        m_ui->narrationEdit->setPlainText(scene.narration);
        m_ui->narrationEdit->moveCursor(QTextCursor::End);
    }
    const VoiceSettings voice = m_doc->project().voiceOf(m_current);
    selectVoice(m_ui->voiceCombo, scene.voice.name.value_or(QString()));
    {
        const QSignalBlocker rateBlocker(m_ui->rateSpin);
        const QSignalBlocker pitchBlocker(m_ui->pitchSpin);
        m_ui->rateSpin->setValue(voice.rate);
        m_ui->pitchSpin->setValue(voice.pitch);
    }
    m_ui->voiceFileEdit->setText(QDir::toNativeSeparators(scene.voiceFile));
    m_ui->voiceFileEdit->setToolTip(QDir::toNativeSeparators(scene.voiceFile));
    m_ui->removeVoiceButton->setEnabled(m_rows.size() == 1 && !scene.voiceFile.isEmpty());
    m_ui->playVoiceButton->setEnabled(scene.hasVoice());
    showVoiceProblem();
    {
        const QSignalBlocker blocker(m_ui->layoutCombo);
        m_ui->layoutCombo->setCurrentIndex(m_ui->layoutCombo->findData(int(scene.layout)));
    }
    {
        const QSignalBlocker blocker(m_ui->motionCombo);
        m_ui->motionCombo->setCurrentIndex(m_ui->motionCombo->findData(int(scene.motion)));
        const QSignalBlocker transitionBlocker(m_ui->transitionCombo);
        m_ui->transitionCombo->setCurrentIndex(
            m_ui->transitionCombo->findData(int(scene.transition.type)));
        const QSignalBlocker spinBlocker(m_ui->transitionSpin);
        m_ui->transitionSpin->setValue(scene.transition.duration);
        m_ui->transitionSpin->setEnabled(!scene.transition.isCut());
    }
    m_ui->captionEdit->setPlaceholderText(scene.narration.trimmed().isEmpty()
                                              ? tr("Text drawn over the frame, in the lower third")
                                              : tr("Empty: the narration is shown"));
    if (m_ui->captionEdit->toPlainText() != scene.caption.value_or(QString())) {
        const QSignalBlocker blocker(m_ui->captionEdit);
        m_ui->captionEdit->setPlainText(scene.caption.value_or(QString()));
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
    if (rows.size() == 1) {
        Scene scene = m_doc->scene(rows.first());
        change(scene);
        if (!(scene == m_doc->scene(rows.first())))
            undo->push(new EditSceneCommand(m_doc, rows.first(), scene, field));
        return;
    }
    // Several scenes: one step holding an edit per scene that changes.
    auto group = std::make_unique<TranslatedCommand>(
        UndoText{staticMetaObject.className(), QT_TR_N_NOOP("Edit %n scene(s)"), int(rows.size())});
    for (int row : rows) {
        Scene scene = m_doc->scene(row);
        change(scene);
        if (!(scene == m_doc->scene(row)))
            new EditSceneCommand(m_doc, row, scene, field, group.get());
    }
    if (group->childCount() > 0)
        undo->push(group.release());
}

void SceneInspector::chooseMedia()
{
    // A scene shows a picture or a clip, whichever it is given.
    const QString pictures = QStringLiteral("*.jpg *.jpeg *.png *.webp *.bmp");
    const QString clips =
        QStringLiteral("*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.3gp *.ts *.mts *.mpg *.mpeg");
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Picture or Clip"), EditorSettings::lastFolder(),
        tr("Pictures and clips (%1 %2);;Pictures (%1);;Video clips (%2);;All files (*)")
            .arg(pictures, clips));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    const QString absolute = QFileInfo(path).absoluteFilePath();
    edit(
        EditSceneCommand::Field::Image, [&absolute](Scene &s) { s.media = absolute; }, false);
}

void SceneInspector::chooseVoiceFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a Voice Recording"), EditorSettings::lastFolder(),
        tr("Sound (*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.flac);;All files (*)"));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    setVoiceFile(m_current, QFileInfo(path).absoluteFilePath());
}

void SceneInspector::setVoiceFile(int row, const QString &path)
{
    if (row < 0 || row >= m_doc->sceneCount())
        return;
    Scene scene = m_doc->scene(row);
    scene.voiceFile = path;
    if (!(scene == m_doc->scene(row)))
        m_doc->undoStack()->push(
            new EditSceneCommand(m_doc, row, scene, EditSceneCommand::Field::VoiceFile));
}

QString SceneInspector::voiceFolder() const
{
    if (m_doc->isUntitled())
        return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .filePath(QStringLiteral("recordings"));
    return QDir(QFileInfo(m_doc->filePath()).absolutePath()).filePath(QStringLiteral("voice"));
}

void SceneInspector::toggleRecording()
{
    if (m_recorder->state() != VoiceRecorder::State::Idle) {
        m_recorder->stop();
        return;
    }
    if (m_current < 0 || m_rows.size() != 1)
        return;
    m_recordRow = m_current;
    showRecordStatus(QString());
    m_ui->levelMeter->setValue(0);
    // Files are named after the scene they were recorded for; the number
    // keeps every take: an undo may go back to any of them.
    m_recorder->start(voiceFolder(), QStringLiteral("scene-%1").arg(m_current + 1));
}

void SceneInspector::recordingFinished(const QString &path, double seconds)
{
    const QString length = QLocale().toString(seconds, 'f', 1);
    if (m_recordRow < 0 || m_recordRow >= m_doc->sceneCount()) {
        showRecordStatus(tr("Recorded %1 s into %2, but its scene is gone: the project is "
                            "unchanged.")
                             .arg(length, QDir::toNativeSeparators(path)));
        return;
    }
    setVoiceFile(m_recordRow, path);
    showRecordStatus(
        m_doc->isUntitled()
            ? tr("Recorded %1 s. The project is not saved yet, so the take is kept in %2.")
                  .arg(length, QDir::toNativeSeparators(QFileInfo(path).absolutePath()))
            : tr("Recorded %1 s.").arg(length));
}

void SceneInspector::showRecordStatus(const QString &text)
{
    m_ui->recordStatusLabel->setText(text);
    m_ui->recordStatusLabel->setVisible(!text.isEmpty());
}

void SceneInspector::updateRecordControls()
{
    const bool active = m_recorder->state() != VoiceRecorder::State::Idle;
    m_ui->recordButton->setText(active ? tr("S&top") : tr("&Record"));
    m_ui->recordButton->setEnabled(active || (m_current >= 0 && m_rows.size() == 1));
    m_ui->levelMeter->setVisible(active);
}

void SceneInspector::showVoiceProblem()
{
    const QString problem = m_durations->problem(m_current);
    m_ui->voiceProblemLabel->setText(problem);
    m_ui->voiceProblemLabel->setVisible(!problem.isEmpty());
}

void SceneInspector::playVoice()
{
    if (m_current < 0)
        return;
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_audioOutput = new QAudioOutput(this);
        m_player->setAudioOutput(m_audioOutput);
    }
    m_player->stop();
    // Synthesis (or reading the cache) happens on a worker thread.
    struct Found
    {
        QString path;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcher<Found>::finished, this, [this, watcher] {
        const Found found = watcher->result();
        watcher->deleteLater();
        m_ui->playVoiceButton->setEnabled(true);
        if (!found.error.isEmpty()) {
            m_ui->voiceProblemLabel->setText(found.error);
            m_ui->voiceProblemLabel->show();
            return;
        }
        m_player->setSource(QUrl::fromLocalFile(found.path));
        m_player->play();
    });
    m_ui->playVoiceButton->setEnabled(false);
    watcher->setFuture(QtConcurrent::run([project = m_doc->project(), row = m_current]() -> Found {
        try {
            const auto voice = findSceneVoice(project, row);
            return {voice ? voice->path : QString(), {}};
        } catch (const Error &e) {
            return {{}, e.message()};
        }
    }));
}

void SceneInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillLayouts();
        fillMotions();
        fillVoices();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace reelsmith::editor
