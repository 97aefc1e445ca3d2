#include "captions/CaptionTiming.h"

#include <algorithm>

namespace reelsmith {

namespace {

bool isVowel(QChar c)
{
    // Latin (with the accented vowels of the common European languages after
    // folding) and Cyrillic (Russian, Ukrainian, Belarusian).
    static const QString kVowels = QStringLiteral("aeiouyаеёиоуыэюяієїў");
    const QChar lower = c.toLower();
    if (kVowels.contains(lower))
        return true;
    const QString folded = QString(lower).normalized(QString::NormalizationForm_D);
    return !folded.isEmpty() && folded.at(0) != lower && kVowels.contains(folded.at(0));
}

int vowelGroups(const QString &word)
{
    int groups = 0;
    bool inGroup = false;
    for (QChar c : word) {
        const bool v = isVowel(c);
        if (v && !inGroup)
            ++groups;
        inGroup = v;
    }
    return groups;
}

} // namespace

QList<TextWord> splitCaptionWords(const QString &text)
{
    QList<TextWord> words;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        const int begin = i;
        while (i < n && !text.at(i).isSpace())
            ++i;
        if (i > begin)
            words.append({text.mid(begin, i - begin), begin});
    }
    return words;
}

int syllableCount(const QString &word)
{
    return std::max(1, vowelGroups(word));
}

namespace CaptionTiming {

QList<CaptionWord> fromSynthesizer(const QString &narration, const QList<WordTiming> &timings)
{
    QList<CaptionWord> out;
    const QList<TextWord> words = splitCaptionWords(narration);
    for (const TextWord &w : words) {
        const int begin = w.offset;
        const int end = w.offset + int(w.text.size());
        CaptionWord cw{w.text, -1, -1, -1};
        for (const WordTiming &t : timings) {
            if (t.textStart < end && t.textStart + std::max(1, t.textLength) > begin) {
                if (cw.start < 0)
                    cw.start = t.start;
                cw.end = std::max(cw.end, t.end);
            }
        }
        out.append(cw);
    }
    // Words the synthesizer did not mark take the time of the word before
    // (or, at the very start, the first timed word).
    double previousStart = 0, previousEnd = 0;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out[i].start < 0) {
            if (i == 0) {
                const auto timed = std::find_if(out.begin(), out.end(),
                                                [](const CaptionWord &w) { return w.start >= 0; });
                previousStart = previousEnd = timed != out.end() ? timed->start : 0.0;
            }
            out[i].start = previousStart;
            out[i].end = previousEnd;
        }
        // Never earlier than the word before: the order on screen is the text's.
        out[i].start = std::max(out[i].start, previousStart);
        out[i].end = std::max(out[i].end, out[i].start);
        previousStart = out[i].start;
        previousEnd = out[i].end;
    }
    return out;
}

QList<CaptionWord> spread(const QString &text, double start, double end)
{
    const QList<TextWord> words = splitCaptionWords(text);
    QList<CaptionWord> out;
    if (words.isEmpty())
        return out;
    const bool bySyllables = vowelGroups(text) > 0;
    QList<double> weights;
    double total = 0;
    for (const TextWord &w : words) {
        const double weight = bySyllables ? syllableCount(w.text) : double(w.text.size());
        weights.append(weight);
        total += weight;
    }
    const double span = std::max(0.0, end - start);
    double at = start;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const double length = span * weights[i] / total;
        out.append({words[i].text, at, at + length, -1});
        at += length;
    }
    out.last().end = std::max(out.last().start, end);
    return out;
}

QList<CaptionWord> fromCues(const QList<SubtitleCue> &cues)
{
    QList<CaptionWord> out;
    for (qsizetype c = 0; c < cues.size(); ++c) {
        const SubtitleCue &cue = cues[c];
        if (!cue.words.isEmpty()) {
            for (const SubtitleWord &w : cue.words)
                for (const TextWord &piece : splitCaptionWords(w.text))
                    out.append({piece.text, w.start, w.end, int(c)});
            continue;
        }
        for (CaptionWord w : spread(cue.text, cue.start, cue.end)) {
            w.cue = int(c);
            out.append(w);
        }
    }
    // Overlapping cues: a later cue's words never start before an earlier one's.
    for (qsizetype i = 1; i < out.size(); ++i) {
        out[i].start = std::max(out[i].start, out[i - 1].start);
        out[i].end = std::max(out[i].end, out[i].start);
    }
    return out;
}

} // namespace CaptionTiming

} // namespace reelsmith
