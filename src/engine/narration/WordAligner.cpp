#include "narration/WordAligner.h"

#include <algorithm>

namespace reelsmith {

namespace {

// A silence longer than this before the next event is a pause, not the
// closure of a stop consonant (those last 30-80 ms in espeak's speech).
constexpr double kPauseSeconds = 0.1;
// Sound kept after a word's last loud sample when a pause follows it.
constexpr double kTailSeconds = 0.03;

struct Token
{
    int rawStart = 0; // the whole run of non-space characters
    int rawEnd = 0;
    int start = 0; // less the punctuation at its ends
    int end = 0;
    int firstEvent = -1;
    int lastEvent = -1;
};

bool isPunctuation(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
        // A per cent or per mille sign is spoken ("100%"), so it stays.
        return c != U'%' && c != U'‰' && c != U'#' && c != U'&' && c != U'@';
    default:
        return false;
    }
}

bool isSpace(char32_t c)
{
    return QChar::isSpace(c) || c == 0;
}

// The code points of `text` with their QChar offsets.
struct CodePoint
{
    char32_t value = 0;
    int offset = 0;
};
QList<CodePoint> codePoints(const QString &text)
{
    QList<CodePoint> points;
    points.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            points << CodePoint{QChar::surrogateToUcs4(c, text.at(i + 1)), i};
            ++i;
        } else {
            points << CodePoint{c.unicode(), i};
        }
    }
    return points;
}

QList<Token> tokenize(const QList<CodePoint> &points, int textSize)
{
    QList<Token> tokens;
    int first = -1; // the token's first code point
    auto close = [&](int endPoint) {
        if (first < 0)
            return;
        int a = first, b = endPoint; // trim punctuation at both ends
        while (a < b && isPunctuation(points[a].value))
            ++a;
        while (b > a && isPunctuation(points[b - 1].value))
            --b;
        auto offset = [&](int p) { return p < points.size() ? points[p].offset : textSize; };
        if (b > a)
            tokens << Token{offset(first), offset(endPoint), offset(a), offset(b)};
        first = -1;
    };
    for (int p = 0; p < points.size(); ++p) {
        if (isSpace(points[p].value))
            close(p);
        else if (first < 0)
            first = p;
    }
    close(int(points.size()));
    return tokens;
}

} // namespace

QList<WordTiming> alignWords(const QString &text, const QList<SpeechEvent> &events,
                             qint64 totalSamples, qint64 loudEnd, int sampleRate)
{
    const QList<CodePoint> points = codePoints(text);
    QList<Token> tokens = tokenize(points, int(text.size()));
    if (tokens.isEmpty() || sampleRate <= 0)
        return {};

    // Code point offsets -> QChar offsets.
    auto utf16 = [&](int codePoint) {
        return codePoint < points.size() ? points[std::max(codePoint, 0)].offset : int(text.size());
    };

    // The word each event points into (or -1: the space between words).
    QList<int> direct(events.size(), -1);
    QList<bool> hasDirect(tokens.size(), false);
    for (int e = 0; e < events.size(); ++e) {
        if (!events[e].word)
            continue;
        const int at = utf16(events[e].codePoint);
        for (int t = 0; t < tokens.size(); ++t)
            if (at >= tokens[t].rawStart && at < tokens[t].rawEnd) {
                direct[e] = t;
                hasDirect[t] = true;
                break;
            }
    }
    int current = 0;
    bool any = false;
    for (int e = 0; e < events.size(); ++e) {
        if (!events[e].word)
            continue;
        int t = direct[e];
        if (t < 0) {
            const int at = utf16(events[e].codePoint);
            int next = 0;
            while (next < tokens.size() && tokens[next].rawStart < at)
                ++next;
            const int previous = next - 1;
            if (next < tokens.size() && (!hasDirect[next] || previous < 0))
                t = next;
            else
                t = std::max(previous, 0);
        }
        if (any)
            t = std::max(t, current);
        current = t;
        any = true;
        if (tokens[t].firstEvent < 0)
            tokens[t].firstEvent = e;
        tokens[t].lastEvent = e;
    }

    // Timed words, in samples.
    struct Span
    {
        qint64 start = -1;
        qint64 end = -1;
    };
    QList<Span> spans(tokens.size());
    for (int t = 0; t < tokens.size(); ++t) {
        const Token &token = tokens[t];
        if (token.firstEvent < 0)
            continue;
        Span &span = spans[t];
        span.start = events[token.firstEvent].sample;
        const qint64 last = events[token.lastEvent].sample;
        span.end = totalSamples;
        qint64 loud = loudEnd;
        for (int e = token.lastEvent + 1; e < events.size(); ++e) {
            if (events[e].sample > last) {
                span.end = events[e].sample;
                loud = events[e].loudEnd;
                break;
            }
        }
        if (loud > span.start && span.end - loud > kPauseSeconds * sampleRate)
            span.end = std::min(span.end, loud + qint64(kTailSeconds * sampleRate));
    }

    // Words without an event share a timed neighbour's span, split by length.
    for (int t = 0; t < tokens.size();) {
        if (spans[t].start >= 0) {
            ++t;
            continue;
        }
        int runEnd = t;
        while (runEnd < tokens.size() && spans[runEnd].start < 0)
            ++runEnd;
        int first = t, last = runEnd - 1; // the group sharing one span
        if (t > 0)
            first = t - 1;
        else if (runEnd < tokens.size())
            last = runEnd;
        else
            return {}; // no word was timed at all
        const Span shared = spans[first].start >= 0 ? spans[first] : spans[last];
        int letters = 0;
        for (int i = first; i <= last; ++i)
            letters += tokens[i].end - tokens[i].start;
        qint64 at = shared.start;
        int done = 0;
        for (int i = first; i <= last; ++i) {
            done += tokens[i].end - tokens[i].start;
            spans[i].start = at;
            spans[i].end = shared.start + (shared.end - shared.start) * done / std::max(letters, 1);
            at = spans[i].end;
        }
        t = runEnd;
    }

    QList<WordTiming> words;
    qint64 previousEnd = 0;
    for (int t = 0; t < tokens.size(); ++t) {
        qint64 start = std::clamp(spans[t].start, previousEnd, totalSamples);
        qint64 end = std::clamp(spans[t].end, start, totalSamples);
        if (t + 1 < tokens.size())
            end = std::clamp(std::min(end, spans[t + 1].start), start, totalSamples);
        previousEnd = end;
        words << WordTiming{tokens[t].start, tokens[t].end - tokens[t].start,
                            double(start) / sampleRate, double(end) / sampleRate};
    }
    return words;
}

} // namespace reelsmith
