// reelsmith-editor-driver: runs the real editor window unattended, for the
// README screenshot and the editor's memory benchmark. Not installed.
//
//   reelsmith-editor-driver screenshot PROJECT OUT.png [SECONDS_INTO_VIDEO]
//   reelsmith-editor-driver export PROJECT OUT.mp4 [PRESET]
//   reelsmith-editor-driver export-dialog PROJECT OUT.png [PRESET]
//   reelsmith-editor-driver play PROJECT SECONDS
//
// `export` opens PROJECT in the window with its live preview, chooses PRESET
// ("shorts", "small"; default: the project's own output) in the Export
// dialog, queues an export through the render queue exactly as the dialog
// does, and prints one
// JSON line: wall time, the process's peak RSS, what the memory meter showed,
// and the longest the UI thread went without running a 20 ms timer.
//
// `play` plays the preview from the start for SECONDS (transitions, clips
// and all, as a creator watching it) and prints the same 20 ms timer's
// gaps: the longest, the 99th percentile, and how many exceeded 50 ms.

#include "core/MemoryMeter.h"
#include "document/ProjectDocument.h"
#include "export/ExportDialog.h"
#include "export/OutputSettingsForm.h"
#include "jobs/RenderQueue.h"
#include "preview/PreviewPanel.h"
#include "preview/PreviewWidget.h"
#include "settings/EditorSettings.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"
#include "window/MemoryMeterWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace reelsmith;
using namespace reelsmith::editor;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    return 1;
}

// Runs the event loop until `done` or `timeoutMs`.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

int screenshot(MainWindow &window, const QString &out, double seconds)
{
    PreviewWidget *preview = window.previewPanel()->preview();
    if (!waitFor([preview] { return preview->hasBackgroundFrame(); }, 20000))
        return fail(QStringLiteral("the preview showed no background frame"));
    preview->pause();
    preview->seek(seconds);
    settle(2500); // the seek's frame and the scene's picture arrive
    const QImage shot = window.grab().toImage();
    if (shot.isNull() || !shot.save(out))
        return fail(QStringLiteral("%1: cannot write the screenshot").arg(out));
    std::printf("%s\n", qPrintable(out));
    return 0;
}

// Chooses `profile` in the Export dialog and keeps it in the project, as a
// creator choosing it and pressing Export does.
bool choosePreset(MainWindow &window, const QString &profile, ExportDialog &dialog)
{
    dialog.findChild<OutputSettingsForm *>()->setProfile(profile);
    if (dialog.output().profile != profile)
        return false;
    dialog.saveChoiceTo(window.document());
    return true;
}

// The Export dialog over the window, with `profile` chosen, for the README.
int exportDialogShot(MainWindow &window, const QString &out, const QString &profile)
{
    PreviewWidget *preview = window.previewPanel()->preview();
    waitFor([preview] { return preview->hasBackgroundFrame(); }, 20000);
    preview->pause();
    preview->seek(1.5);
    // Narrated scenes get their length once their voice is synthesized.
    ProjectDocument *document = window.document();
    waitFor([document] { return document->project().durationsResolved(); }, 60000);
    ExportDialog dialog(document->project(), &window);
    if (!profile.isEmpty() && !choosePreset(window, profile, dialog))
        return fail(QStringLiteral("%1: no such preset").arg(profile));
    dialog.show();
    dialog.adjustSize(); // the custom settings are folded away
    dialog.move(window.geometry().center() - dialog.rect().center());
    settle(2500); // the seek's frame and the scene's picture arrive
    QImage shot = window.grab().toImage();
    {
        // The dialog where the window manager puts it: centred on the window.
        QPainter painter(&shot);
        const QImage dialogImage = dialog.grab().toImage();
        painter.drawImage((shot.width() - dialogImage.width()) / 2,
                          (shot.height() - dialogImage.height()) / 2, dialogImage);
    }
    if (shot.isNull() || !shot.save(out))
        return fail(QStringLiteral("%1: cannot write the screenshot").arg(out));
    std::printf("%s\n", qPrintable(out));
    return 0;
}

int exportProject(MainWindow &window, const QString &out, const QString &profile)
{
    if (!profile.isEmpty()) {
        ExportDialog dialog(window.document()->project(), &window);
        if (!choosePreset(window, profile, dialog))
            return fail(QStringLiteral("%1: no such preset").arg(profile));
    }
    PreviewWidget *preview = window.previewPanel()->preview();
    waitFor([preview] { return preview->hasBackgroundFrame(); }, 20000);
    settle(1000);
    const qint64 beforeMb = MemoryMeter::toMegabytes(MemoryMeter::currentBytes());

    // A 20 ms timer: the longest gap between its ticks is the longest the
    // window would have stopped responding.
    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    QTimer heartbeat;
    heartbeat.setInterval(20);
    QObject::connect(&heartbeat, &QTimer::timeout,
                     [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });

    RenderQueue *queue = window.renderQueue();
    QElapsedTimer wall;
    wall.start();
    const int id = window.exportTo(out);
    sinceTick.start();
    heartbeat.start();
    int meterPeak = 0;
    QObject::connect(window.memoryMeter(), &MemoryMeterWidget::sampled,
                     [&meterPeak](int mb) { meterPeak = std::max(meterPeak, mb); });
    if (!waitFor([queue, id] { return queue->job(id) && queue->job(id)->isFinished(); },
                 3600 * 1000))
        return fail(QStringLiteral("the export did not finish"));
    heartbeat.stop();
    const RenderQueue::JobStatus job = *queue->job(id);
    if (job.state != RenderQueue::State::Done)
        return fail(job.errorText.isEmpty() ? QStringLiteral("the export did not complete")
                                            : job.errorText);
    const QJsonObject result{
        {QStringLiteral("wall_s"), wall.elapsed() / 1000.0},
        {QStringLiteral("frames"), job.framesDone},
        {QStringLiteral("size"), QStringLiteral("%1x%2")
                                     .arg(window.document()->project().output.width)
                                     .arg(window.document()->project().output.height)},
        {QStringLiteral("rss_before_export_mb"), beforeMb},
        {QStringLiteral("peak_rss_mb"), MemoryMeter::toMegabytes(MemoryMeter::peakBytes())},
        {QStringLiteral("meter_peak_mb"), meterPeak},
        {QStringLiteral("longest_ui_gap_ms"), longestGapMs},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

int playPreview(MainWindow &window, double seconds)
{
    PreviewWidget *preview = window.previewPanel()->preview();
    waitFor([preview] { return preview->hasBackgroundFrame(); }, 20000);
    preview->seek(0);
    settle(1500); // the first scenes' pictures and clip frames arrive
    QElapsedTimer sinceTick;
    QList<qint64> gaps;
    QTimer heartbeat;
    heartbeat.setInterval(20);
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] { gaps.append(sinceTick.restart()); });
    QElapsedTimer wall;
    wall.start();
    sinceTick.start();
    heartbeat.start();
    preview->play();
    waitFor([&] { return wall.elapsed() >= qint64(seconds * 1000) || !preview->isPlaying(); },
            int(seconds * 1000) + 5000);
    heartbeat.stop();
    const double played = preview->position();
    preview->pause();
    if (gaps.isEmpty())
        return fail(QStringLiteral("the UI thread never ran the timer"));
    std::sort(gaps.begin(), gaps.end());
    const qint64 longest = gaps.back();
    const qint64 p99 = gaps[std::min<qsizetype>(gaps.size() - 1, gaps.size() * 99 / 100)];
    const auto over50 = std::count_if(gaps.begin(), gaps.end(), [](qint64 g) { return g > 50; });
    const QJsonObject result{
        {QStringLiteral("played_s"), played},
        {QStringLiteral("ticks"), gaps.size()},
        {QStringLiteral("longest_ui_gap_ms"), longest},
        {QStringLiteral("p99_ui_gap_ms"), p99},
        {QStringLiteral("gaps_over_50ms"), qint64(over50)},
        {QStringLiteral("peak_rss_mb"), MemoryMeter::toMegabytes(MemoryMeter::peakBytes())},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    reelsmith::MemoryMeter::tuneAllocator();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("reelsmith"));
    QApplication::setOrganizationName(QStringLiteral("reelsmith"));
    const QStringList args = QApplication::arguments().mid(1);
    const QStringList verbs{QStringLiteral("screenshot"), QStringLiteral("export"),
                            QStringLiteral("export-dialog"), QStringLiteral("play")};
    if (args.size() < 3 || !verbs.contains(args[0])) {
        std::fputs("usage: reelsmith-editor-driver screenshot PROJECT OUT.png [SECONDS]\n"
                   "       reelsmith-editor-driver export PROJECT OUT.mp4 [PRESET]\n"
                   "       reelsmith-editor-driver export-dialog PROJECT OUT.png [PRESET]\n"
                   "       reelsmith-editor-driver play PROJECT SECONDS\n",
                   stderr);
        return 2;
    }
    // The README shows the English interface; REELSMITH_DRIVER_LANGUAGE=ru
    // takes the same picture in another language (to check its layout).
    const QString language =
        qEnvironmentVariable("REELSMITH_DRIVER_LANGUAGE", QStringLiteral("en"));
    Translations::apply(language);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!window.openProject(args[1]))
        return fail(QStringLiteral("%1: cannot open").arg(args[1]));
    if (args[0] == QLatin1String("play"))
        return playPreview(window, args[2].toDouble());
    if (args[0] == QLatin1String("screenshot"))
        return screenshot(window, args[2], args.size() > 3 ? args[3].toDouble() : 1.0);
    const QString profile = args.size() > 3 ? args[3] : QString();
    if (args[0] == QLatin1String("export-dialog"))
        return exportDialogShot(window, args[2], profile);
    return exportProject(window, args[2], profile);
}
