#include "window/MemoryMeterWidget.h"

#include "core/MemoryMeter.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace reelsmith::editor {

namespace {

constexpr int kSparklineWidth = 64;
constexpr int kMargin = 4;
// Of the budget: where the meter turns amber, then red.
constexpr int kWarningPercent = 75;
constexpr int kCriticalPercent = 90;

const QColor kAmber(0xe6, 0x9b, 0x00);
const QColor kRed(0xd3, 0x2f, 0x2f);

} // namespace

MemoryMeterWidget::MemoryMeterWidget(QWidget *parent)
    : QWidget(parent), m_current(&reelsmith::MemoryMeter::currentBytes),
      m_peak(&reelsmith::MemoryMeter::peakBytes)
{
    setObjectName(QStringLiteral("memoryMeter"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    connect(&m_timer, &QTimer::timeout, this, &MemoryMeterWidget::sample);
    updateTimer();
    m_timer.start();
    sample();
}

void MemoryMeterWidget::setSampler(std::function<qint64()> current, std::function<qint64()> peak)
{
    m_current = std::move(current);
    m_peak = std::move(peak);
    // Samples from the old source would mix two different measures.
    m_samples.clear();
    m_currentBytes = 0;
    m_peakBytes = 0;
    sample();
}

void MemoryMeterWidget::setBudgetMegabytes(int megabytes)
{
    m_budgetMb = std::max(1, megabytes);
    updateLevel();
    updateToolTip();
    update();
}

void MemoryMeterWidget::setInterval(int idleMs, int busyMs)
{
    m_idleMs = std::max(1, idleMs);
    m_busyMs = std::max(1, busyMs);
    updateTimer();
}

void MemoryMeterWidget::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    updateTimer();
    // The first sample of a render should not wait a whole idle period.
    if (busy)
        sample();
}

int MemoryMeterWidget::currentMegabytes() const
{
    return reelsmith::MemoryMeter::toMegabytes(m_currentBytes);
}

int MemoryMeterWidget::peakMegabytes() const
{
    return reelsmith::MemoryMeter::toMegabytes(m_peakBytes);
}

void MemoryMeterWidget::sample()
{
    m_currentBytes = m_current ? std::max<qint64>(0, m_current()) : 0;
    m_peakBytes = std::max(m_peakBytes, m_currentBytes);
    if (m_peak)
        m_peakBytes = std::max(m_peakBytes, m_peak());
    m_samples.append(m_currentBytes);
    while (m_samples.size() > kHistory)
        m_samples.removeFirst();
    updateLevel();
    updateToolTip();
    update();
    Q_EMIT sampled(currentMegabytes());
}

void MemoryMeterWidget::updateTimer()
{
    m_timer.setInterval(m_busy ? m_busyMs : m_idleMs);
}

void MemoryMeterWidget::updateLevel()
{
    const qint64 budget = qint64(m_budgetMb) << 20;
    Level level = Level::Normal;
    if (m_currentBytes * 100 >= budget * kCriticalPercent)
        level = Level::Critical;
    else if (m_currentBytes * 100 >= budget * kWarningPercent)
        level = Level::Warning;
    if (level == m_level)
        return;
    m_level = level;
    Q_EMIT levelChanged(level);
}

void MemoryMeterWidget::updateToolTip()
{
    setToolTip(tr("<p><b>Memory: %1 MB now, %2 MB at most so far</b></p>"
                  "<p>Resident memory is the RAM Reelsmith holds at this moment; the peak is "
                  "the most it has held since it started. Renders work one frame at a time, "
                  "so exporting should add little whatever the video's length.</p>"
                  "<p>The graph shows the last %3 samples (one every %4 ms); the dashed line is "
                  "the %5 MB budget. The meter turns amber from %6 % of the budget and red "
                  "from %7 %.</p>")
                   .arg(currentMegabytes())
                   .arg(peakMegabytes())
                   .arg(kHistory)
                   .arg(m_timer.interval())
                   .arg(m_budgetMb)
                   .arg(kWarningPercent)
                   .arg(kCriticalPercent));
}

QColor MemoryMeterWidget::levelColor() const
{
    switch (m_level) {
    case Level::Warning:
        return kAmber;
    case Level::Critical:
        return kRed;
    case Level::Normal:
        break;
    }
    return palette().color(QPalette::WindowText);
}

QSize MemoryMeterWidget::sizeHint() const
{
    const QString widest = tr("%1 MB · peak %2 MB").arg(8888).arg(8888);
    return {fontMetrics().horizontalAdvance(widest) + kSparklineWidth + 3 * kMargin,
            fontMetrics().height() + 2};
}

void MemoryMeterWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = levelColor();

    const QRect spark(kMargin, 2, kSparklineWidth, height() - 4);
    // Scaled to the budget (or above it, if ever crossed) so the line's height
    // reads as "how much of the budget", not as noise blown up to full height.
    const qint64 budget = qint64(m_budgetMb) << 20;
    const qint64 highest =
        m_samples.isEmpty() ? 0 : *std::max_element(m_samples.begin(), m_samples.end());
    const qint64 top = qint64(double(std::max(budget, highest)) * 1.1);
    const auto yOf = [&](qint64 bytes) {
        return spark.bottom() - double(bytes) / double(top) * spark.height();
    };

    QPen budgetPen(kRed, 1, Qt::DashLine);
    painter.setPen(budgetPen);
    painter.drawLine(QPointF(spark.left(), yOf(budget)), QPointF(spark.right(), yOf(budget)));

    if (m_samples.size() > 1) {
        QPainterPath line;
        const double step = double(spark.width()) / (kHistory - 1);
        // Newest sample at the right edge.
        double x = spark.right() - step * double(m_samples.size() - 1);
        line.moveTo(x, yOf(m_samples.constFirst()));
        for (qsizetype i = 1; i < m_samples.size(); ++i) {
            x += step;
            line.lineTo(x, yOf(m_samples[i]));
        }
        painter.setPen(QPen(color, 1.5));
        painter.drawPath(line);
    }

    painter.setPen(color);
    const QRect text(spark.right() + kMargin, 0, width() - spark.right() - 2 * kMargin, height());
    painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                     tr("%1 MB · peak %2 MB").arg(currentMegabytes()).arg(peakMegabytes()));
}

} // namespace reelsmith::editor
