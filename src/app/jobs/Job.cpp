#include "jobs/Job.h"

#include <QFuture>
#include <QThread>

#include <algorithm>
#include <climits>
#include <cmath>

namespace reelsmith::editor {

namespace {

// The UI thread repaints a row per report: ten a second looks live without
// flooding the event loop, however fast small renders go.
constexpr qint64 kReportIntervalMs = 100;

int clampedInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, INT_MAX - 1));
}

} // namespace

int modelledEncodePeakMegabytes(const OutputSettings &encoding)
{
    // The same plan as Mp4Writer's, which caps the preset at the default budget.
    const X264MemoryPlan plan = memoryCappedPlan(encoding, QThread::idealThreadCount());
    return int(std::ceil(modelledRenderMB(plan, encoding.size())));
}

void FrameReporter::frameDone(const RenderProgress &p)
{
    if (m_frameCount != p.frameCount) {
        m_frameCount = p.frameCount;
        m_promise.setProgressRange(0, clampedInt(m_frameCount) + 1);
        m_sinceReport.start();
    }
    m_framesDone = p.framesDone;
    // Before parking on a pause, report where we are, so the paused row shows
    // the frames really done rather than the last throttled report.
    if (m_sinceReport.hasExpired(kReportIntervalMs) || m_promise.future().isSuspending()) {
        m_promise.setProgressValueAndText(
            clampedInt(p.framesDone),
            Job::tr("Encoding frame %1 of %2").arg(p.framesDone).arg(p.frameCount));
        m_sinceReport.start();
    }
    if (m_framesDone < m_frameCount) // nothing is left to pause for after the last frame
        m_promise.suspendIfRequested();
}

bool FrameReporter::cancelRequested()
{
    if (m_pastPointOfNoReturn)
        return false;
    if (m_promise.isCanceled())
        return true;
    if (m_frameCount > 0 && m_framesDone >= m_frameCount) {
        // The point of no return: what follows only finishes the file. Qt
        // always delivers the last step of a range, so the row says so.
        m_pastPointOfNoReturn = true;
        m_promise.setProgressValueAndText(clampedInt(m_frameCount) + 1, writingText());
    }
    return false;
}

} // namespace reelsmith::editor
