// The SRT/WebVTT parser and writer: any bytes as a subtitle file. A BadInput
// error is the expected answer to garbage. What parses must make sense (cues
// sorted, 0 <= start < end, words inside their cue and in order) and must
// survive the writer: written as SRT and as WebVTT it reads back with the
// same times and text (and, from WebVTT, the same words to the millisecond).

#include "FuzzSupport.h"
#include "captions/SubtitleFile.h"
#include "core/Error.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace reelsmith;

namespace {

[[noreturn]] void finding(const char *what, const SubtitleCue &cue)
{
    std::fprintf(stderr, "fuzz_subtitles: %s (cue of line %d: %.6f --> %.6f, \"%s\")\n", what,
                 cue.line, cue.start, cue.end, qPrintable(cue.text));
    std::abort();
}

void checkCues(const QList<SubtitleCue> &cues)
{
    double previousStart = 0;
    for (const SubtitleCue &cue : cues) {
        if (!(cue.start >= 0 && cue.start < cue.end))
            finding("cue not 0 <= start < end", cue);
        if (cue.start < previousStart)
            finding("cues not sorted by start", cue);
        previousStart = cue.start;
        double previousWord = cue.start;
        for (const SubtitleWord &word : cue.words) {
            if (!(word.start >= previousWord && word.start <= word.end && word.end <= cue.end))
                finding("word outside its cue or out of order", cue);
            if (word.text.isEmpty())
                finding("empty word", cue);
            previousWord = word.start;
        }
    }
}

bool sameMillis(double a, double b)
{
    // The writer rounds to milliseconds; word times shared in proportion
    // between two timestamps are not whole milliseconds.
    return std::abs(a - b) <= 0.0005 + 1e-9;
}

void checkRoundTrip(const QList<SubtitleCue> &cues, SubtitleFormat format)
{
    QList<SubtitleCue> back;
    try {
        back = parseSubtitles(formatSubtitles(cues, format), QStringLiteral("written"));
    } catch (const Error &error) {
        std::fprintf(stderr, "fuzz_subtitles: written file does not read back: %s\n",
                     qPrintable(error.message()));
        std::abort();
    }
    if (back.size() != cues.size()) {
        std::fprintf(stderr, "fuzz_subtitles: %lld cues written, %lld read back\n",
                     static_cast<long long>(cues.size()), static_cast<long long>(back.size()));
        std::abort();
    }
    for (qsizetype i = 0; i < cues.size(); ++i) {
        const SubtitleCue &a = cues[i];
        const SubtitleCue &b = back[i];
        if (a.start != b.start || a.end != b.end || a.text != b.text)
            finding("cue changed on the way through the writer", a);
        if (format == SubtitleFormat::Srt)
            continue;
        if (a.words.size() != b.words.size())
            finding("words changed on the way through the WebVTT writer", a);
        for (qsizetype w = 0; w < a.words.size(); ++w) {
            if (a.words[w].text != b.words[w].text ||
                !sameMillis(a.words[w].start, b.words[w].start))
                finding("word changed on the way through the WebVTT writer", a);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QList<SubtitleCue> cues;
    try {
        cues = parseSubtitles(bytes, QStringLiteral("fuzz.srt"));
    } catch (const Error &error) {
        if (error.kind() != ErrorKind::BadInput)
            throw;
        return 0;
    }
    checkCues(cues);
    checkRoundTrip(cues, SubtitleFormat::Srt);
    checkRoundTrip(cues, SubtitleFormat::WebVtt);
    return 0;
}
