#pragma once

#include <QElapsedTimer>
#include <QString>

namespace reelsmith::cli {

// Progress on stderr: a redrawn bar on a terminal, a plain line every 10 %
// otherwise (logs, pipes). Never writes to stdout.
class ProgressPrinter
{
public:
    ProgressPrinter(QString label, bool enabled);
    void update(qint64 done, qint64 total);
    // Ends the bar's line so that following messages start clean.
    void finish();

private:
    QString m_label;
    bool m_enabled;
    bool m_terminal;
    int m_lastDecile = -1;
    qint64 m_lastDrawMs = -1000;
    bool m_drawn = false;
    QElapsedTimer m_clock;
};

} // namespace reelsmith::cli
