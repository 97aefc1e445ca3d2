#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace reelsmith::editor {

// The status bar's memory meter: the process's resident memory now, its peak,
// a sparkline of the last samples and the budget the product promises to stay
// under. Polls from a timer; each sample is one small /proc read.
class MemoryMeterWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Level { Normal, Warning, Critical };
    Q_ENUM(Level)

    static constexpr int kHistory = 60;
    static constexpr int kDefaultBudgetMegabytes = 512;
    static constexpr int kDefaultIdleIntervalMs = 500;
    static constexpr int kDefaultBusyIntervalMs = 250;

    explicit MemoryMeterWidget(QWidget *parent = nullptr);

    // Where samples come from, in bytes; reelsmith::MemoryMeter by default.
    // Without a `peak` source the peak is the largest sample seen.
    void setSampler(std::function<qint64()> current, std::function<qint64()> peak = {});

    int budgetMegabytes() const { return m_budgetMb; }
    void setBudgetMegabytes(int megabytes);

    // Sampling period when idle and while a job runs.
    void setInterval(int idleMs, int busyMs);
    int interval() const { return m_timer.interval(); }
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    int currentMegabytes() const;
    int peakMegabytes() const;
    Level level() const { return m_level; }
    QList<qint64> samples() const { return m_samples; } // bytes, oldest first

    QSize sizeHint() const override;

public Q_SLOTS:
    // Takes one sample now (the timer calls this).
    void sample();

Q_SIGNALS:
    void sampled(int currentMegabytes);
    void levelChanged(reelsmith::editor::MemoryMeterWidget::Level level);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor levelColor() const;
    void updateLevel();
    void updateToolTip();
    void updateTimer();

    std::function<qint64()> m_current;
    std::function<qint64()> m_peak;
    QList<qint64> m_samples;
    qint64 m_currentBytes = 0;
    qint64 m_peakBytes = 0;
    int m_budgetMb = kDefaultBudgetMegabytes;
    int m_idleMs = kDefaultIdleIntervalMs;
    int m_busyMs = kDefaultBusyIntervalMs;
    bool m_busy = false;
    Level m_level = Level::Normal;
    QTimer m_timer;
};

} // namespace reelsmith::editor
