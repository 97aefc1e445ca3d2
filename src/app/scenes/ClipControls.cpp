#include "scenes/ClipControls.h"
#include "ui_ClipControls.h"

#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "scenes/ClipFrames.h"
#include "scenes/SceneMediaCache.h"

#include <QPixmap>
#include <QSignalBlocker>

#include <cmath>

namespace reelsmith::editor {

namespace {

// Slider positions per second: a hundredth, finer than any frame rate's step
// a creator would notice, and a 3-hour clip still fits an int.
constexpr int kSteps = 100;

// Sets a scene's `clip` only when it changes what plays: a scene without
// the key keeps none while its values are the defaults.
void setClip(Scene &scene, const ClipSettings &clip)
{
    if (!(clip == scene.clipSettings()))
        scene.clip = clip;
}

// The box the scrubbed frame is fitted in: a 9:16 clip shows 112 x 200.
constexpr QSize kFrameBox(200, 200);

} // namespace

ClipControls::ClipControls(ProjectDocument *doc, QWidget *parent)
    : QGroupBox(parent), m_ui(std::make_unique<Ui::ClipControls>()), m_doc(doc),
      m_media(new SceneMediaCache(this)), m_frames(new ClipFrames(kFrameBox, this))
{
    m_ui->setupUi(this);
    fillFits();
    hide();

    connect(m_ui->startSlider, &QSlider::valueChanged, this, [this](int value) {
        const double seconds = double(value) / kSteps;
        {
            const QSignalBlocker blocker(m_ui->startSpin);
            m_ui->startSpin->setValue(seconds);
        }
        showFrameAt(seconds);
        // While the handle is held, only the frame follows; the release sets
        // the start, so a drag is one step. Keys and clicks on the groove set it now.
        if (!m_ui->startSlider->isSliderDown())
            commitStart(seconds, 0);
    });
    connect(m_ui->startSlider, &QSlider::sliderReleased, this,
            [this] { commitStart(double(m_ui->startSlider->value()) / kSteps, newMergeKey()); });
    connect(m_ui->startSpin, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        {
            const QSignalBlocker blocker(m_ui->startSlider);
            m_ui->startSlider->setValue(int(std::lround(seconds * kSteps)));
        }
        showFrameAt(seconds);
        commitStart(seconds, 0);
    });
    connect(m_ui->fitCombo, &QComboBox::activated, this, [this](int item) {
        const auto fit = ClipFit(m_ui->fitCombo->itemData(item).toInt());
        editScenes(m_doc, clipRows(), EditSceneCommand::Field::ClipFit, [fit](Scene &s) {
            ClipSettings clip = s.clipSettings();
            clip.fit = fit;
            setClip(s, clip);
        });
    });
    connect(m_ui->soundCheck, &QCheckBox::toggled, this, [this](bool on) {
        const double db = m_ui->volumeSpin->value();
        editScenes(m_doc, clipRows(), EditSceneCommand::Field::ClipVolume, [on, db](Scene &s) {
            ClipSettings clip = s.clipSettings();
            clip.volumeDb = on ? std::optional(db) : std::nullopt;
            setClip(s, clip);
        });
    });
    connect(m_ui->volumeSpin, &QDoubleSpinBox::valueChanged, this, [this](double db) {
        editScenes(m_doc, clipRows(), EditSceneCommand::Field::ClipVolume, [db](Scene &s) {
            ClipSettings clip = s.clipSettings();
            clip.volumeDb = db;
            setClip(s, clip);
        });
    });
    connect(m_frames, &ClipFrames::frameReady, this,
            [this](const QString &path, double seconds, const QImage &frame) {
                if (path != currentMedia())
                    return;
                m_shownFrame = frame;
                m_shownSeconds = seconds;
                m_ui->frameLabel->setPixmap(QPixmap::fromImage(frame));
                emit frameShown(seconds);
            });
    connect(m_frames, &ClipFrames::failed, this, [this](const QString &path, const QString &why) {
        if (path == currentMedia())
            m_ui->frameLabel->setText(why);
    });
    connect(m_media, &SceneMediaCache::ready, this, &ClipControls::refresh);
    connect(doc, &ProjectDocument::changed, this, &ClipControls::refresh);
}

ClipControls::~ClipControls() = default;

void ClipControls::fillFits()
{
    const QSignalBlocker blocker(m_ui->fitCombo);
    m_ui->fitCombo->clear();
    m_ui->fitCombo->addItem(tr("Loop: play again from the start"), int(ClipFit::Loop));
    m_ui->fitCombo->addItem(tr("Freeze: hold the last frame"), int(ClipFit::Freeze));
}

void ClipControls::setSelection(const QList<int> &rows, int current)
{
    m_rows = rows;
    m_current = current;
    refresh();
}

QString ClipControls::currentMedia() const
{
    return m_current >= 0 && m_current < m_doc->sceneCount() ? m_doc->scene(m_current).media
                                                             : QString();
}

QList<int> ClipControls::clipRows()
{
    QList<int> rows;
    for (int row : std::as_const(m_rows))
        if (row >= 0 && row < m_doc->sceneCount() && m_media->isClip(m_doc->scene(row).media))
            rows.append(row);
    return rows;
}

void ClipControls::refresh()
{
    const QString media = currentMedia();
    // Every selected scene's file is probed, so the ending and the sound
    // reach all the selected clips. The controls wait until every one is
    // known: an edit made earlier would miss a clip still being probed.
    bool pending = false;
    for (int row : std::as_const(m_rows))
        if (row >= 0 && row < m_doc->sceneCount() && !m_doc->scene(row).media.isEmpty()) {
            const QString &path = m_doc->scene(row).media;
            (void)m_media->facts(path);
            pending = pending || m_media->isPending(path);
        }
    const std::optional<SceneMediaFacts> facts =
        media.isEmpty() ? std::nullopt : m_media->facts(media);
    if (pending || !facts || facts->kind != SceneMediaFacts::Kind::Clip) {
        hide();
        return;
    }
    show();
    const ClipSettings clip = m_doc->scene(m_current).clipSettings();
    const double length = facts->clipSeconds;
    // clip.start must stay before the clip's end (the render refuses it there).
    const int lastStep = std::max(0, int(std::ceil(length * kSteps - 1e-6)) - 1);
    if (!m_ui->startSlider->isSliderDown()) {
        const QSignalBlocker sliderBlocker(m_ui->startSlider);
        const QSignalBlocker spinBlocker(m_ui->startSpin);
        m_ui->startSlider->setRange(0, lastStep);
        m_ui->startSlider->setPageStep(kSteps);
        m_ui->startSlider->setValue(int(std::lround(clip.start * kSteps)));
        m_ui->startSpin->setRange(0, double(lastStep) / kSteps);
        m_ui->startSpin->setValue(clip.start);
        showFrameAt(clip.start);
    }
    const double shown = std::max(0.0, length - clip.start);
    const double scene = m_doc->scene(m_current).duration;
    const QString lengthText = QLocale().toString(length, 'f', 2);
    const QString shownText = QLocale().toString(shown, 'f', 2);
    if (scene <= shown + 1e-6)
        m_ui->lengthLabel->setText(tr("The clip is %1 s long.").arg(lengthText));
    else if (clip.fit == ClipFit::Loop)
        m_ui->lengthLabel->setText(tr("The clip is %1 s long: %2 s from this start, then it "
                                      "loops for the rest of the scene.")
                                       .arg(lengthText, shownText));
    else
        m_ui->lengthLabel->setText(tr("The clip is %1 s long: %2 s from this start, then its "
                                      "last frame holds for the rest of the scene.")
                                       .arg(lengthText, shownText));
    {
        const QSignalBlocker blocker(m_ui->fitCombo);
        m_ui->fitCombo->setCurrentIndex(m_ui->fitCombo->findData(int(clip.fit)));
    }
    {
        const QSignalBlocker checkBlocker(m_ui->soundCheck);
        const QSignalBlocker spinBlocker(m_ui->volumeSpin);
        m_ui->soundCheck->setChecked(clip.volumeDb.has_value());
        m_ui->volumeSpin->setValue(clip.volumeDb.value_or(0.0));
        m_ui->soundCheck->setEnabled(facts->hasSound || clip.volumeDb);
        m_ui->volumeSpin->setEnabled(clip.volumeDb.has_value());
        m_ui->noSoundLabel->setVisible(!facts->hasSound);
    }
}

void ClipControls::commitStart(double seconds, int mergeKey)
{
    if (m_current < 0 || m_current >= m_doc->sceneCount())
        return;
    editScenes(
        m_doc, {m_current}, EditSceneCommand::Field::ClipStart,
        [seconds](Scene &s) {
            ClipSettings clip = s.clipSettings();
            clip.start = seconds;
            setClip(s, clip);
        },
        mergeKey);
}

void ClipControls::showFrameAt(double seconds)
{
    const QString media = currentMedia();
    if (media.isEmpty() || (media == m_requestedPath && seconds == m_requestedSeconds))
        return;
    m_requestedPath = media;
    m_requestedSeconds = seconds;
    m_frames->request(media, seconds);
}

void ClipControls::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillFits();
        refresh();
    }
    QGroupBox::changeEvent(event);
}

} // namespace reelsmith::editor
