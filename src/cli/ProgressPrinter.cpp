#include "ProgressPrinter.h"

#include <cstdio>
#include <unistd.h>

namespace reelsmith::cli {

ProgressPrinter::ProgressPrinter(QString label, bool enabled)
    : m_label(std::move(label)), m_enabled(enabled), m_terminal(isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
}

void ProgressPrinter::update(qint64 done, qint64 total)
{
    if (!m_enabled || total <= 0)
        return;
    const double fraction = double(done) / total;
    if (m_terminal) {
        const qint64 now = m_clock.elapsed();
        if (now - m_lastDrawMs < 100 && done < total)
            return;
        m_lastDrawMs = now;
        constexpr int kWidth = 30;
        const int filled = int(fraction * kWidth);
        QByteArray bar(kWidth, ' ');
        bar.fill('#', filled);
        const double elapsed = now / 1000.0;
        const double remaining = fraction > 0.01 ? elapsed * (1 - fraction) / fraction : 0;
        std::fprintf(stderr, "\r%s [%s] %3d%%  %lld/%lld frames  %.0f s left ",
                     m_label.toLocal8Bit().constData(), bar.constData(), int(fraction * 100),
                     static_cast<long long>(done), static_cast<long long>(total), remaining);
        std::fflush(stderr);
        m_drawn = true;
        return;
    }
    const int decile = int(fraction * 10);
    if (decile == m_lastDecile)
        return;
    m_lastDecile = decile;
    std::fprintf(stderr, "%s: %d%% (%lld/%lld frames)\n", m_label.toLocal8Bit().constData(),
                 decile * 10, static_cast<long long>(done), static_cast<long long>(total));
}

void ProgressPrinter::finish()
{
    if (m_drawn)
        std::fputc('\n', stderr);
    m_drawn = false;
}

} // namespace reelsmith::cli
