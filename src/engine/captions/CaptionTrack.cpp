#include "captions/CaptionTrack.h"

#include "captions/Caption.h"

#include <QPainter>

#include <algorithm>
#include <numeric>

namespace reelsmith {

namespace {

// Each shrinking step: 8 % smaller, so a size is found in a few layouts.
constexpr double kShrinkStep = 0.92;
// Above this size (58 px at 720) a karaoke page keeps to two lines, below
// it three: a page is read at a glance.
constexpr double kKaraokeTwoLineSize = 0.08;

} // namespace

CaptionTrack::CaptionTrack(QList<CaptionWord> words, double sceneSeconds, const CaptionStyle &style,
                           QSize frame)
    : m_words(std::move(words)), m_sceneSeconds(sceneSeconds), m_style(style), m_frame(frame)
{
    if (m_words.isEmpty() || frame.isEmpty())
        return;
    m_painter.emplace(style, frame);
    choosePages();
}

CaptionTrack CaptionTrack::legacy(const QString &text, double sceneSeconds, QSize frame)
{
    CaptionTrack track;
    track.m_legacy = true;
    track.m_style.legacy = true;
    track.m_frame = frame;
    track.m_sceneSeconds = sceneSeconds;
    track.m_legacyText = text.trimmed();
    track.m_pixelSize = Caption::pixelSize(frame);
    if (track.m_legacyText.isEmpty())
        return track;
    for (const TextWord &w : splitCaptionWords(track.m_legacyText))
        track.m_words.append({w.text, 0, sceneSeconds, -1});
    track.m_pages.append({0, int(track.m_words.size()), 0, sceneSeconds});
    return track;
}

QStringList CaptionTrack::pageWords(int page) const
{
    QStringList out;
    const CaptionPage &p = m_pages[page];
    for (int i = p.first; i < p.first + p.count; ++i)
        out.append(m_words[i].text);
    return out;
}

void CaptionTrack::choosePages()
{
    const CaptionPainter &painter = *m_painter;
    const double minimum = painter.minimumPixelSize();
    double px = painter.requestedPixelSize();
    const auto sameCue = [this](int a, int b) { return m_words[a].cue == m_words[b].cue; };
    const auto wordsOf = [this](int first, int count) {
        QStringList out;
        for (int i = first; i < first + count; ++i)
            out.append(m_words[i].text);
        return out;
    };
    const int n = int(m_words.size());
    QList<std::pair<int, int>> ranges; // first, count

    // Fills pages greedily: as many words as fit (at most `limit` words, and
    // never across a timing file's cue).
    const auto greedy = [&](double size, int maxLines, int limit) {
        ranges.clear();
        for (int first = 0; first < n;) {
            int count = 1;
            while (first + count < n && count < limit && sameCue(first, first + count) &&
                   painter.fits(wordsOf(first, count + 1), size, maxLines))
                ++count;
            ranges.append({first, count});
            first += count;
        }
    };

    switch (m_style.mode) {
    case CaptionMode::Words: {
        for (int first = 0; first < n;) {
            int count = 1;
            // A word spoken at the same moment as the one before it (a dash
            // or an emoji the synthesizer gave no time of its own) goes with
            // it: a page of its own would leave the previous one no time.
            while (first + count < n && sameCue(first, first + count) &&
                   (count < m_style.wordsPerPage ||
                    m_words[first + count].start <= m_words[first + count - 1].start))
                ++count;
            ranges.append({first, count});
            first += count;
        }
        // One size for every page (a size that jumps between pages looks
        // like a mistake): the largest at which every page fits.
        const auto allFit = [&](double size) {
            return std::all_of(ranges.cbegin(), ranges.cend(), [&](const auto &r) {
                return painter.fits(wordsOf(r.first, r.second), size);
            });
        };
        while (px > minimum && !allFit(px))
            px = std::max(minimum, px * kShrinkStep);
        break;
    }
    case CaptionMode::Karaoke: {
        // The size at which the longest words fit a line on their own.
        QList<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [this](int a, int b) { return m_words[a].text.size() > m_words[b].text.size(); });
        order.resize(std::min<qsizetype>(order.size(), 8));
        const auto longestFit = [&](double size) {
            return std::all_of(order.cbegin(), order.cend(),
                               [&](int w) { return painter.fits({m_words[w].text}, size, 1); });
        };
        while (px > minimum && !longestFit(px))
            px = std::max(minimum, px * kShrinkStep);
        const int maxLines = px > m_frame.width() * kKaraokeTwoLineSize ? 2 : 3;
        greedy(px, maxLines, n);
        break;
    }
    case CaptionMode::Block: {
        const QStringList all = wordsOf(0, n);
        bool cuesDiffer = false;
        for (int i = 1; i < n; ++i)
            cuesDiffer = cuesDiffer || !sameCue(0, i);
        while (px > minimum && !painter.fits(all, px))
            px = std::max(minimum, px * kShrinkStep);
        if (!cuesDiffer && painter.fits(all, px))
            ranges.append({0, n});
        else
            greedy(px, 0, n);
        break;
    }
    }
    m_pixelSize = px;

    for (qsizetype p = 0; p < ranges.size(); ++p) {
        const auto [first, count] = ranges[p];
        CaptionPage page{first, count, m_words[first].start, m_sceneSeconds};
        // A karaoke or block page is up from the scene's start (the first)
        // or as the previous page's words end; a `words` page comes with its
        // first word.
        if (p == 0 && m_style.mode != CaptionMode::Words)
            page.start = 0;
        m_pages.append(page);
    }
    for (qsizetype p = 0; p + 1 < m_pages.size(); ++p)
        m_pages[p].end = m_pages[p + 1].start;
    // Pages that would not be seen (starting after the scene, or given no
    // time by overlapping timings) are dropped.
    m_pages.erase(std::remove_if(m_pages.begin(), m_pages.end(),
                                 [this](const CaptionPage &p) {
                                     return p.start >= m_sceneSeconds || p.end <= p.start;
                                 }),
                  m_pages.end());
    for (CaptionPage &p : m_pages)
        p.end = std::min(p.end, m_sceneSeconds);
}

CaptionState CaptionTrack::stateAt(double seconds) const
{
    CaptionState state;
    const auto after = std::upper_bound(m_pages.cbegin(), m_pages.cend(), seconds,
                                        [](double t, const CaptionPage &p) { return t < p.start; });
    if (after == m_pages.cbegin())
        return state;
    const CaptionPage &page = *(after - 1);
    if (seconds >= page.end)
        return state;
    state.page = int(after - 1 - m_pages.cbegin());
    if (m_legacy || m_style.mode == CaptionMode::Block) {
        state.shown = page.count;
        return state;
    }
    int spoken = 0;
    while (spoken < page.count && m_words[page.first + spoken].start <= seconds)
        ++spoken;
    // The latest word spoken; of words spoken at the same moment (a word and
    // the dash or emoji after it) the first, the one that was heard.
    int active = spoken - 1;
    while (active > 0 &&
           m_words[page.first + active - 1].start >= m_words[page.first + active].start)
        --active;
    state.active = active >= 0 ? page.first + active : -1;
    state.shown = m_style.mode == CaptionMode::Words ? std::max(spoken, 1) : page.count;
    return state;
}

double CaptionTrack::popScaleAt(double seconds) const
{
    if (m_legacy || !m_style.pops())
        return 1.0;
    const CaptionState state = stateAt(seconds);
    if (state.isEmpty())
        return 1.0;
    const double t = (seconds - m_pages[state.page].start) / kPopSeconds;
    if (t >= 1.0 || t < 0.0)
        return 1.0;
    const double eased = 1.0 - (1.0 - t) * (1.0 - t); // fast first, settling
    return kPopFrom + (1.0 - kPopFrom) * eased;
}

QList<double> CaptionTrack::changeTimes() const
{
    QList<double> times{0.0};
    for (const CaptionPage &p : m_pages) {
        times.append(p.start);
        times.append(p.end);
        if (m_legacy || m_style.mode == CaptionMode::Block)
            continue;
        for (int i = p.first; i < p.first + p.count; ++i)
            times.append(m_words[i].start);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    // Only the times where something actually changes, inside the scene.
    QList<double> out;
    CaptionState previous;
    for (double t : std::as_const(times)) {
        if (t < 0 || t >= m_sceneSeconds)
            continue;
        const CaptionState state = stateAt(t);
        if (out.isEmpty() || state != previous)
            out.append(t);
        previous = state;
    }
    if (out.isEmpty() || out.first() != 0.0)
        out.prepend(0.0);
    return out;
}

QRect CaptionTrack::paint(QPainter &painter, const CaptionState &state) const
{
    if (state.isEmpty() || state.page >= m_pages.size())
        return {};
    if (m_legacy)
        return Caption::paint(painter, m_frame, m_legacyText);
    const CaptionPage &page = m_pages[state.page];
    return m_painter->paint(painter, pageWords(state.page), m_pixelSize,
                            state.active >= 0 ? state.active - page.first : -1, state.shown);
}

CaptionPageImage CaptionTrack::pageImage(int page, QRect area) const
{
    return CaptionPageImage(*m_painter, pageWords(page), m_pixelSize, area);
}

QRect CaptionTrack::pageBounds(int page) const
{
    if (page < 0 || page >= m_pages.size())
        return {};
    if (m_legacy)
        return QRect(QPoint(0, 0), m_frame);
    return m_painter->bounds(pageWords(page), m_pixelSize);
}

QStringList CaptionTrack::pageLines(int page) const
{
    if (page < 0 || page >= m_pages.size())
        return {};
    if (m_legacy)
        return {m_legacyText.simplified()};
    return m_painter->lines(pageWords(page), m_pixelSize);
}

QList<SubtitleCue> CaptionTrack::cues(double offsetSeconds) const
{
    QList<SubtitleCue> out;
    const bool wordTimed = !m_legacy && m_style.mode != CaptionMode::Block;
    for (qsizetype p = 0; p < m_pages.size(); ++p) {
        const CaptionPage &page = m_pages[p];
        SubtitleCue cue;
        cue.start = offsetSeconds + page.start;
        cue.end = offsetSeconds + page.end;
        cue.text = pageLines(int(p)).join(QLatin1Char('\n'));
        if (wordTimed) {
            for (int i = page.first; i < page.first + page.count; ++i) {
                const double start = std::clamp(m_words[i].start, page.start, page.end);
                const double end = i + 1 < page.first + page.count
                                       ? std::clamp(m_words[i + 1].start, start, page.end)
                                       : page.end;
                const QString text =
                    m_style.uppercase ? m_words[i].text.toUpper() : m_words[i].text;
                cue.words.append({text, offsetSeconds + start, offsetSeconds + end});
            }
        }
        out.append(cue);
    }
    return out;
}

} // namespace reelsmith
