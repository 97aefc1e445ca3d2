#include "backgrounds/AddBackgroundDialog.h"
#include "ui_AddBackgroundDialog.h"

#include "core/Error.h"
#include "media/MediaProbe.h"

#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace reelsmith::editor {

struct AddBackgroundDialog::Facts
{
    double seconds = 0;
    QSize size;
    double fps = 0;
    QString problem;
};

namespace {

const int kRates[] = {24, 30, 60};
const QSize kSizes[] = {QSize(720, 1280), QSize(1080, 1920)};

QString clockText(double seconds)
{
    const int whole = int(std::lround(seconds));
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

AddBackgroundDialog::AddBackgroundDialog(QString clip, QSize outputSize, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AddBackgroundDialog>()), m_clip(std::move(clip))
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Add Background"));
    m_ui->fpsCombo->addItem(tr("24 fps: the smallest file"), 24);
    m_ui->fpsCombo->addItem(tr("30 fps: as Shorts, Reels and TikTok play"), 30);
    m_ui->fpsCombo->addItem(tr("60 fps: the smoothest motion"), 60);
    m_ui->sizeCombo->addItem(tr("720x1280: small and fast"), kSizes[0]);
    m_ui->sizeCombo->addItem(tr("1080x1920: sharp in full HD exports"), kSizes[1]);
    // A copy as large as the exports it will be used in, so none is an upscale.
    const bool large = outputSize.width() > 720 || outputSize.height() > 1280;
    m_ui->sizeCombo->setCurrentIndex(large ? 1 : 0);
    m_ui->fpsCombo->setCurrentIndex(1);
    m_ui->clipLabel->setText(tr("Reading %1…").arg(QFileInfo(m_clip).fileName()));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->startSpin), static_cast<QWidget *>(m_ui->lengthSpin)})
        w->setEnabled(false);

    connect(m_ui->startSpin, &QDoubleSpinBox::valueChanged, this, [this] {
        updateRanges();
        updateSummary();
    });
    connect(m_ui->lengthSpin, &QDoubleSpinBox::valueChanged, this,
            &AddBackgroundDialog::updateSummary);
    connect(m_ui->fpsCombo, &QComboBox::currentIndexChanged, this,
            &AddBackgroundDialog::updateSummary);
    connect(m_ui->sizeCombo, &QComboBox::currentIndexChanged, this,
            &AddBackgroundDialog::updateSummary);
    connect(&m_probe, &QFutureWatcher<std::shared_ptr<Facts>>::finished, this, [this] {
        showFacts(*m_probe.result());
        emit probed();
    });
    // Reading the headers of a file on a slow disk must not freeze the window.
    m_probe.setFuture(QtConcurrent::run([path = m_clip] {
        auto facts = std::make_shared<Facts>();
        try {
            const MediaInfo info = probeMedia(path);
            const auto video =
                std::find_if(info.streams.cbegin(), info.streams.cend(),
                             [](const auto &s) { return s.type == StreamInfo::Type::Video; });
            if (info.kind != MediaInfo::Kind::Video || video == info.streams.cend())
                facts->problem = tr("%1 is not a video.").arg(QFileInfo(path).fileName());
            else if (info.duration <= 0)
                facts->problem = tr("Cannot tell how long %1 is.").arg(QFileInfo(path).fileName());
            else {
                facts->seconds = info.duration;
                facts->size = QSize(video->width, video->height);
                facts->fps = video->fps;
            }
        } catch (const Error &error) {
            facts->problem = error.message();
        }
        return facts;
    }));
    updateSummary();
}

AddBackgroundDialog::~AddBackgroundDialog()
{
    m_probe.waitForFinished();
}

void AddBackgroundDialog::showFacts(const Facts &facts)
{
    const QString name = QFileInfo(m_clip).fileName();
    if (!facts.problem.isEmpty()) {
        m_ui->clipLabel->setText(tr("This clip cannot be used: %1").arg(facts.problem));
        return;
    }
    m_seconds = facts.seconds;
    m_ui->clipLabel->setText(tr("%1: %2 long, %3x%4 at %5 fps")
                                 .arg(name, clockText(facts.seconds))
                                 .arg(facts.size.width())
                                 .arg(facts.size.height())
                                 .arg(QLocale().toString(facts.fps, 'g', 4)));
    // Keep the clip's own rate when it is one of the choices, or the next
    // lower one: a copy never invents frames the clip does not have.
    int rate = 0;
    for (int i = 0; i < int(std::size(kRates)); ++i)
        if (facts.fps + 0.01 >= kRates[i])
            rate = i;
    m_ui->fpsCombo->setCurrentIndex(rate);
    m_ui->startSpin->setEnabled(true);
    m_ui->lengthSpin->setEnabled(true);
    m_ui->startSpin->setRange(0, std::max(0.0, facts.seconds - 0.1));
    updateRanges();
    m_ui->lengthSpin->setValue(std::min(kDefaultSeconds, facts.seconds));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(true);
    updateSummary();
}

void AddBackgroundDialog::updateRanges()
{
    if (m_seconds <= 0)
        return;
    const double rest = m_seconds - m_ui->startSpin->value();
    m_ui->lengthSpin->setRange(std::min(1.0, rest), std::min(kMaxSeconds, rest));
}

void AddBackgroundDialog::updateSummary()
{
    if (m_seconds <= 0) {
        m_ui->summaryLabel->clear();
        return;
    }
    const OptimizeSettings s = settings();
    m_ui->summaryLabel->setText(
        tr("The background will be %1 s from %2, %3x%4 at %5 fps, looping behind the video.")
            .arg(QLocale().toString(s.maxSeconds, 'f', 1), clockText(s.startSeconds))
            .arg(s.encoding.width)
            .arg(s.encoding.height)
            .arg(s.encoding.fps));
}

OptimizeSettings AddBackgroundDialog::settings() const
{
    OptimizeSettings s;
    const QSize size = m_ui->sizeCombo->currentData().toSize();
    const int fps = m_ui->fpsCombo->currentData().toInt();
    s.encoding = OptimizeSettings::assetEncoding(size, fps);
    // A background always fills the frame: bars baked into it would show.
    s.fit = Fit::Cover;
    s.startSeconds = m_ui->startSpin->value();
    s.maxSeconds = m_ui->lengthSpin->value();
    return s;
}

} // namespace reelsmith::editor
