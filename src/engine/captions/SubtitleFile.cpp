#include "captions/SubtitleFile.h"

#include "core/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringView>

#include <algorithm>
#include <optional>

// Hand-rolled on purpose: no library in the stack parses SRT/WebVTT with what
// captions need. FFmpeg's srt/webvtt demuxers drop WebVTT's inline word
// timestamps and, through libavformat, want the file on disk or a custom
// AVIOContext; they also report a bad cue without its line number.

namespace reelsmith {

namespace {

constexpr qint64 kMaxBytes = kMaxSubtitleFileBytes;
// More digits than this in an hours field cannot be a real time (and would
// overflow the milliseconds count).
constexpr int kMaxHourDigits = 7;

enum class Syntax { Srt, Vtt };

bool isBlankChar(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Blank lines end blocks. Only ASCII blanks count: a line holding a no-break
// space is text, as it is for players.
bool isBlank(QStringView line)
{
    return std::all_of(line.begin(), line.end(), isBlankChar);
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QString quoted(QStringView line)
{
    constexpr qsizetype kShown = 60;
    if (line.size() <= kShown)
        return u'\'' + line.toString() + u'\'';
    return u'\'' + line.left(kShown).toString() + QStringLiteral("…'");
}

QString timeText(qint64 ms, QChar separator)
{
    const qint64 hours = ms / 3600000;
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(hours, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(separator)
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

// One timestamp at `at`, advanced past it. SRT: H+:MM:SS,mmm (a dot is taken
// too, as many tools write one). WebVTT: [H+:]MM:SS.mmm. Minutes and seconds
// are two digits each and below 60, milliseconds three digits.
std::optional<qint64> readTimestamp(QStringView text, qsizetype &at, Syntax syntax)
{
    qsizetype pos = at;
    qint64 fields[3] = {0, 0, 0};
    qsizetype digits[3] = {0, 0, 0};
    int count = 0;
    for (;;) {
        const qsizetype begin = pos;
        qint64 value = 0;
        while (pos < text.size() && isDigit(text[pos]) && pos - begin < kMaxHourDigits) {
            value = value * 10 + (text[pos].unicode() - u'0');
            ++pos;
        }
        if (pos == begin || (pos < text.size() && isDigit(text[pos])))
            return std::nullopt;
        fields[count] = value;
        digits[count] = pos - begin;
        ++count;
        if (count < 3 && pos < text.size() && text[pos] == u':') {
            ++pos;
            continue;
        }
        break;
    }
    if (count < (syntax == Syntax::Srt ? 3 : 2))
        return std::nullopt;
    const qint64 hours = count == 3 ? fields[0] : 0;
    const qint64 minutes = fields[count - 2];
    const qint64 seconds = fields[count - 1];
    if (digits[count - 2] != 2 || digits[count - 1] != 2 || minutes > 59 || seconds > 59)
        return std::nullopt;
    if (pos >= text.size() || !(text[pos] == u'.' || (syntax == Syntax::Srt && text[pos] == u',')))
        return std::nullopt;
    ++pos;
    qint64 millis = 0;
    for (int i = 0; i < 3; ++i, ++pos) {
        if (pos >= text.size() || !isDigit(text[pos]))
            return std::nullopt;
        millis = millis * 10 + (text[pos].unicode() - u'0');
    }
    if (pos < text.size() && isDigit(text[pos]))
        return std::nullopt;
    at = pos;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

struct Timing
{
    qint64 start = 0;
    qint64 end = 0;
};

// "START --> END [settings]"; the settings (WebVTT positions, SRT's X1:…
// coordinates) are ignored.
std::optional<Timing> parseTimingLine(QStringView line, Syntax syntax)
{
    qsizetype at = 0;
    const auto skipBlanks = [&] {
        while (at < line.size() && isBlankChar(line[at]))
            ++at;
    };
    skipBlanks();
    const auto start = readTimestamp(line, at, syntax);
    if (!start)
        return std::nullopt;
    skipBlanks();
    if (!line.mid(at).startsWith(u"-->"))
        return std::nullopt;
    at += 3;
    skipBlanks();
    const auto end = readTimestamp(line, at, syntax);
    if (!end)
        return std::nullopt;
    if (at < line.size() && !isBlankChar(line[at]))
        return std::nullopt;
    return Timing{*start, *end};
}

// Entities a cue may use. Returns the decoded text and the length matched.
struct Match
{
    QString text;
    qsizetype length = 0;
};

std::optional<Match> matchEntity(QStringView text, qsizetype at)
{
    if (at >= text.size() || text[at] != u'&')
        return std::nullopt;
    qsizetype semicolon = at + 1;
    while (semicolon < text.size() && semicolon - at <= 10 && text[semicolon] != u';')
        ++semicolon;
    if (semicolon >= text.size() || text[semicolon] != u';')
        return std::nullopt;
    const QStringView name = text.mid(at + 1, semicolon - at - 1);
    const qsizetype length = semicolon - at + 1;
    static const struct
    {
        const char16_t *name;
        char16_t character;
    } named[] = {{u"amp", u'&'},  {u"lt", u'<'},    {u"gt", u'>'},       {u"nbsp", u'\u00a0'},
                 {u"quot", u'"'}, {u"apos", u'\''}, {u"lrm", u'\u200e'}, {u"rlm", u'\u200f'}};
    for (const auto &entity : named) {
        if (name == QStringView(entity.name))
            return Match{QString(QChar(entity.character)), length};
    }
    if (name.size() < 2 || name[0] != u'#')
        return std::nullopt;
    const bool hex = name[1] == u'x' || name[1] == u'X';
    const QStringView digits = name.mid(hex ? 2 : 1);
    if (digits.isEmpty())
        return std::nullopt;
    uint code = 0;
    for (const QChar c : digits) {
        const int value = isDigit(c)                      ? c.unicode() - u'0'
                          : hex && c >= u'a' && c <= u'f' ? c.unicode() - u'a' + 10
                          : hex && c >= u'A' && c <= u'F' ? c.unicode() - u'A' + 10
                                                          : -1;
        if (value < 0)
            return std::nullopt;
        code = code * (hex ? 16 : 10) + uint(value);
    }
    // No control characters (a CR or LF would turn into a line break the
    // file's own lines do not have) and nothing outside Unicode's scalars.
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) ||
        code > 0x10ffff)
        return std::nullopt;
    const char32_t scalar = code;
    return Match{QString::fromUcs4(&scalar, 1), length};
}

// SRT cues use HTML-like tags too (italics, colours); only these names are
// taken as tags there, so a literal "a < b" stays text.
bool isSrtTagName(QStringView name)
{
    static const char16_t *const names[] = {u"b",    u"i",    u"u",    u"s",  u"c",   u"v",
                                            u"font", u"lang", u"ruby", u"rt", u"span"};
    for (const char16_t *known : names) {
        if (name.compare(QStringView(known), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// How far a tag, entity or override is looked for: far more than any real one
// needs, and it keeps a line of ten thousand unclosed '<' linear.
constexpr qsizetype kMaxMarkup = 256;

// Where `close` is, within kMaxMarkup characters of `at` and on the same line;
// -1 when it is not.
qsizetype findClose(QStringView text, qsizetype at, QChar close)
{
    const qsizetype last = std::min(text.size(), at + kMaxMarkup);
    for (qsizetype i = at + 1; i < last; ++i) {
        if (text[i] == close)
            return i;
        if (text[i] == u'\n')
            return -1;
    }
    return -1;
}

// The length of a tag at `at` (through its '>'), 0 when there is none. In
// WebVTT every '<' opens a tag (text must escape it); an unclosed one stays
// text. In SRT only the known names are tags, so "a < b" stays text.
qsizetype tagLength(QStringView text, qsizetype at, Syntax syntax)
{
    if (at >= text.size() || text[at] != u'<')
        return 0;
    if (syntax == Syntax::Srt) {
        qsizetype nameStart = at + 1;
        if (nameStart < text.size() && text[nameStart] == u'/')
            ++nameStart;
        qsizetype nameEnd = nameStart;
        while (nameEnd < text.size() && nameEnd - nameStart <= 4 &&
               ((text[nameEnd] >= u'a' && text[nameEnd] <= u'z') ||
                (text[nameEnd] >= u'A' && text[nameEnd] <= u'Z')))
            ++nameEnd;
        if (nameEnd >= text.size() ||
            !(text[nameEnd] == u'>' || text[nameEnd] == u'.' || isBlankChar(text[nameEnd])) ||
            !isSrtTagName(text.mid(nameStart, nameEnd - nameStart)))
            return 0;
    }
    const qsizetype close = findClose(text, at, u'>');
    return close < 0 ? 0 : close - at + 1;
}

// SubStation overrides some SRT files carry ("{\an8}"), not shown.
qsizetype overrideLength(QStringView text, qsizetype at, Syntax syntax)
{
    if (syntax != Syntax::Srt || at + 1 >= text.size() || text[at] != u'{' || text[at + 1] != u'\\')
        return 0;
    const qsizetype close = findClose(text, at, u'}');
    return close < 0 ? 0 : close - at + 1;
}

class Parser
{
public:
    Parser(const QString &text, const QString &name, qsizetype lineCount)
        : m_text(text), m_name(name)
    {
        m_lines.reserve(lineCount);
    }

    QList<SubtitleCue> run();

private:
    [[noreturn]] void fail(int line, const QString &what) const
    {
        throwBadInput(QStringLiteral("%1:%2: %3").arg(m_name).arg(line).arg(what));
    }
    bool atEnd() const { return m_next >= m_lines.size(); }
    QStringView line(qsizetype index) const { return m_lines[index]; }
    void skipBlankLines()
    {
        while (!atEnd() && isBlank(line(m_next)))
            ++m_next;
    }
    void skipBlock()
    {
        while (!atEnd() && !isBlank(line(m_next)))
            ++m_next;
    }
    void splitLines();
    void readSrtBlock();
    void readVttBlock();
    void readCue(qsizetype timingLine);
    QString timingHint() const
    {
        return m_syntax == Syntax::Srt ? QStringLiteral("HH:MM:SS,mmm --> HH:MM:SS,mmm")
                                       : QStringLiteral("[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm");
    }

    const QString &m_text;
    QString m_name;
    QList<QStringView> m_lines;
    qsizetype m_next = 0;
    Syntax m_syntax = Syntax::Srt;
    QList<SubtitleCue> m_cues;
};

void Parser::splitLines()
{
    const QStringView text(m_text);
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'\n' && text[i] != u'\r')
            continue;
        m_lines.append(text.mid(start, i - start));
        if (text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        m_lines.append(text.mid(start));
}

QList<SubtitleCue> Parser::run()
{
    splitLines();
    skipBlankLines();
    if (atEnd())
        throwBadInput(QStringLiteral("%1: empty file, no subtitles in it").arg(m_name));
    const QStringView first = line(m_next);
    if (first.startsWith(u"WEBVTT") && (first.size() == 6 || isBlankChar(first[6]))) {
        m_syntax = Syntax::Vtt;
        // The header's own lines (metadata) run to the first blank line; a
        // timing line there starts the first cue.
        ++m_next;
        while (!atEnd() && !isBlank(line(m_next)) && !line(m_next).contains(u"-->"))
            ++m_next;
    }
    for (;;) {
        skipBlankLines();
        if (atEnd())
            break;
        if (m_syntax == Syntax::Srt)
            readSrtBlock();
        else
            readVttBlock();
    }
    if (m_cues.isEmpty())
        throwBadInput(QStringLiteral("%1: no cues in this %2 file")
                          .arg(m_name, m_syntax == Syntax::Srt ? QStringLiteral("SRT")
                                                               : QStringLiteral("WebVTT")));
    std::stable_sort(m_cues.begin(), m_cues.end(),
                     [](const SubtitleCue &a, const SubtitleCue &b) { return a.start < b.start; });
    return m_cues;
}

void Parser::readSrtBlock()
{
    const qsizetype first = m_next;
    const QStringView head = line(first).trimmed();
    if (!head.isEmpty() && std::all_of(head.begin(), head.end(), isDigit)) {
        // An optional cue number, then the timing line.
        const qsizetype timing = first + 1;
        if (timing >= m_lines.size() || isBlank(line(timing)))
            fail(int(first + 1), QStringLiteral("cue %1 has no timing line (expected %2)")
                                     .arg(head.toString(), timingHint()));
        if (!line(timing).contains(u"-->"))
            fail(int(timing + 1), QStringLiteral("expected a timing line %1, found %2")
                                      .arg(timingHint(), quoted(line(timing))));
        readCue(timing);
        return;
    }
    if (!line(first).contains(u"-->"))
        fail(int(first + 1),
             QStringLiteral("not a subtitle cue: expected a cue number or a timing line %1, "
                            "found %2")
                 .arg(timingHint(), quoted(line(first))));
    readCue(first);
}

void Parser::readVttBlock()
{
    const qsizetype first = m_next;
    const QStringView head = line(first);
    const auto isKeyword = [&](QStringView keyword) {
        return head.startsWith(keyword) &&
               (head.size() == keyword.size() || isBlankChar(head[keyword.size()]));
    };
    if (isKeyword(u"NOTE") || isKeyword(u"STYLE") || isKeyword(u"REGION")) {
        skipBlock();
        return;
    }
    if (head.contains(u"-->")) {
        readCue(first);
        return;
    }
    // A cue identifier, then the timing line.
    const qsizetype timing = first + 1;
    if (timing >= m_lines.size() || isBlank(line(timing)))
        fail(int(first + 1),
             QStringLiteral("not a cue, a NOTE, STYLE or REGION block: no timing line "
                            "(expected %1) after %2")
                 .arg(timingHint(), quoted(head)));
    if (!line(timing).contains(u"-->"))
        fail(int(timing + 1), QStringLiteral("expected a timing line %1, found %2")
                                  .arg(timingHint(), quoted(line(timing))));
    readCue(timing);
}

// Markup removed from a cue's payload, with where WebVTT's inline timestamps
// fell in the plain text.
struct Stamp
{
    qint64 ms = 0;
    qsizetype at = 0;
    int line = 0;
};

// Words split on whitespace but not on no-break spaces, which are there to
// keep words together.
bool separatesWords(QChar c)
{
    return c.isSpace() && c != u'\u00a0' && c != u'\u2007' && c != u'\u202f';
}

void appendWords(QList<SubtitleWord> &words, QStringView text, double start, double end)
{
    QList<QStringView> parts;
    qsizetype at = 0;
    while (at < text.size()) {
        while (at < text.size() && separatesWords(text[at]))
            ++at;
        const qsizetype begin = at;
        while (at < text.size() && !separatesWords(text[at]))
            ++at;
        if (at > begin)
            parts.append(text.mid(begin, at - begin));
    }
    // Several words between two timestamps share the interval in proportion
    // to their characters (code points, so an emoji counts once).
    qsizetype total = 0;
    QList<qsizetype> lengths;
    for (const QStringView part : parts) {
        lengths.append(std::max<qsizetype>(1, part.toUcs4().size()));
        total += lengths.last();
    }
    qsizetype before = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const double from = start + (end - start) * double(before) / double(total);
        before += lengths[i];
        const double to =
            i + 1 == parts.size() ? end : start + (end - start) * double(before) / double(total);
        words.append(SubtitleWord{parts[i].toString(), from, to});
    }
}

void Parser::readCue(qsizetype timingLine)
{
    const QStringView timingText = line(timingLine);
    const auto timing = parseTimingLine(timingText, m_syntax);
    if (!timing)
        fail(int(timingLine + 1), QStringLiteral("malformed timing line %1 (expected %2)")
                                      .arg(quoted(timingText), timingHint()));
    const QChar separator = m_syntax == Syntax::Srt ? u',' : u'.';
    if (timing->end <= timing->start)
        fail(int(timingLine + 1),
             QStringLiteral("the cue ends at %1, not after its start %2")
                 .arg(timeText(timing->end, separator), timeText(timing->start, separator)));
    m_next = timingLine + 1;

    // The payload: up to a blank line (or, in WebVTT, a line with "-->",
    // which starts the next cue).
    QString plain;
    QList<Stamp> stamps;
    bool firstLine = true;
    while (!atEnd() && !isBlank(line(m_next)) &&
           !(m_syntax == Syntax::Vtt && line(m_next).contains(u"-->"))) {
        const QStringView text = line(m_next);
        const int lineNumber = int(m_next + 1);
        ++m_next;
        if (!firstLine)
            plain += u'\n';
        firstLine = false;
        qsizetype at = 0;
        while (at < text.size()) {
            const QChar c = text[at];
            if (c == u'&') {
                if (const auto entity = matchEntity(text, at)) {
                    plain += entity->text;
                    at += entity->length;
                    continue;
                }
            } else if (c == u'<') {
                if (const qsizetype length = tagLength(text, at, m_syntax)) {
                    const QStringView inside = text.mid(at + 1, length - 2);
                    if (m_syntax == Syntax::Vtt && !inside.isEmpty() && isDigit(inside[0])) {
                        qsizetype pos = 0;
                        const auto ms = readTimestamp(inside, pos, Syntax::Vtt);
                        if (!ms || pos != inside.size())
                            fail(lineNumber,
                                 QStringLiteral("malformed inline timestamp %1 (expected "
                                                "<[HH:]MM:SS.mmm>)")
                                     .arg(quoted(text.mid(at, length))));
                        stamps.append(Stamp{*ms, plain.size(), lineNumber});
                    }
                    at += length;
                    continue;
                }
            } else if (c == u'{') {
                if (const qsizetype length = overrideLength(text, at, m_syntax)) {
                    at += length;
                    continue;
                }
            }
            plain += c;
            ++at;
        }
    }

    SubtitleCue cue;
    cue.start = double(timing->start) / 1000.0;
    cue.end = double(timing->end) / 1000.0;
    cue.line = int(timingLine + 1);
    if (!stamps.isEmpty()) {
        qint64 previous = timing->start;
        for (const Stamp &stamp : stamps) {
            if (stamp.ms < previous || stamp.ms > timing->end)
                fail(stamp.line,
                     QStringLiteral("inline timestamp %1 is outside the cue (%2 --> %3) or "
                                    "before the one ahead of it")
                         .arg(timeText(stamp.ms, u'.'), timeText(timing->start, u'.'),
                              timeText(timing->end, u'.')));
            previous = stamp.ms;
        }
        const QStringView all(plain);
        appendWords(cue.words, all.left(stamps.first().at), cue.start,
                    double(stamps.first().ms) / 1000.0);
        for (qsizetype i = 0; i < stamps.size(); ++i) {
            const qsizetype from = stamps[i].at;
            const qsizetype to = i + 1 < stamps.size() ? stamps[i + 1].at : plain.size();
            const qint64 endMs = i + 1 < stamps.size() ? stamps[i + 1].ms : timing->end;
            appendWords(cue.words, all.mid(from, to - from), double(stamps[i].ms) / 1000.0,
                        double(endMs) / 1000.0);
        }
    }
    // Lines that markup alone made (a line of "<i></i>") show nothing.
    QStringList shown;
    for (const QStringView text : QStringView(plain).split(u'\n')) {
        if (!isBlank(text))
            shown.append(text.toString());
    }
    cue.text = shown.join(u'\n');
    m_cues.append(std::move(cue));
}

qint64 milliseconds(double seconds)
{
    return std::max<qint64>(0, qRound64(seconds * 1000.0));
}

// Text as a cue payload: WebVTT escapes every '&', '<' and '>'; SRT players
// show text as it is, so only what this parser would read as markup is
// escaped there.
QString escapedText(const QString &text, SubtitleFormat format)
{
    QString out;
    out.reserve(text.size());
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size(); ++i) {
        const QChar c = view[i];
        if (format == SubtitleFormat::WebVtt) {
            if (c == u'&')
                out += QStringLiteral("&amp;");
            else if (c == u'<')
                out += QStringLiteral("&lt;");
            else if (c == u'>')
                out += QStringLiteral("&gt;");
            else
                out += c;
            continue;
        }
        if (c == u'&' && matchEntity(view, i))
            out += QStringLiteral("&amp;");
        else if (c == u'<' && tagLength(view, i, Syntax::Srt))
            out += QStringLiteral("&lt;");
        else if (c == u'{' && overrideLength(view, i, Syntax::Srt))
            out += QStringLiteral("&#123;");
        else
            out += c;
    }
    return out;
}

// The text's lines without the blank ones (a blank line would end the cue).
QString withoutBlankLines(const QString &text)
{
    QStringList lines;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        QString clean = line.toString();
        clean.remove(u'\r');
        if (!isBlank(clean))
            lines.append(clean);
    }
    return lines.join(u'\n');
}

// A WebVTT payload with an inline timestamp before each word. The words are
// looked up in order in the cue's text so that its line breaks and anything
// between words stay; when they are not all there, the words alone, one
// space apart. The timestamps are kept within the cue and in order, as the
// format (and this parser) require.
QString timedPayload(const SubtitleCue &cue)
{
    constexpr SubtitleFormat kVtt = SubtitleFormat::WebVtt;
    const qint64 cueStart = milliseconds(cue.start);
    const qint64 cueEnd = std::max(cueStart, milliseconds(cue.end));
    const QString text = withoutBlankLines(cue.text);
    QList<qsizetype> positions;
    qsizetype from = 0;
    for (const SubtitleWord &word : cue.words) {
        const qsizetype at = word.text.isEmpty() ? -1 : text.indexOf(word.text, from);
        if (at < 0)
            break;
        positions.append(at);
        from = at + word.text.size();
    }
    const bool inText = positions.size() == cue.words.size();
    QString out;
    qsizetype copied = 0;
    qint64 previous = cueStart;
    for (qsizetype i = 0; i < cue.words.size(); ++i) {
        const SubtitleWord &word = cue.words[i];
        if (inText) {
            out += escapedText(text.mid(copied, positions[i] - copied), kVtt);
            copied = positions[i] + word.text.size();
        } else if (i > 0) {
            out += u' ';
        }
        const qint64 ms = std::clamp(milliseconds(word.start), previous, cueEnd);
        previous = ms;
        // The first word needs no timestamp when it starts with the cue,
        // unless it is the only one (the file would lose its word time).
        if (i > 0 || ms > cueStart || cue.words.size() == 1)
            out += u'<' + timeText(ms, u'.') + u'>';
        out += escapedText(withoutBlankLines(word.text), kVtt);
    }
    if (inText)
        out += escapedText(text.mid(copied), kVtt);
    return out;
}

[[noreturn]] void throwTooLarge(const QString &name, qint64 bytes)
{
    throwBadInput(QStringLiteral("%1: %2 MB is too large for a subtitle file (the limit is %3 MB)")
                      .arg(name)
                      .arg(double(bytes) / (1024 * 1024), 0, 'f', 1)
                      .arg(kMaxBytes / (1024 * 1024)));
}

// "start --> end" with SRT's decimal comma or WebVTT's point.
QString timingLine(qint64 start, qint64 end, QChar separator)
{
    return timeText(start, separator) + QStringLiteral(" --> ") + timeText(end, separator) + u'\n';
}

} // namespace

SubtitleFormat subtitleFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("srt"))
        return SubtitleFormat::Srt;
    if (suffix == QLatin1String("vtt"))
        return SubtitleFormat::WebVtt;
    throwBadInput(QStringLiteral("%1: subtitles are written as .srt or .vtt, not \"%2\"")
                      .arg(path, suffix.isEmpty() ? QStringLiteral("(no suffix)") : u'.' + suffix));
}

QList<SubtitleCue> parseSubtitles(const QByteArray &data, const QString &nameForErrors)
{
    if (data.size() > kMaxBytes)
        throwTooLarge(nameForErrors, data.size());
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    const QString text = QString::fromUtf8(bytes);
    Parser parser(text, nameForErrors, text.count(u'\n') + 1);
    return parser.run();
}

QList<SubtitleCue> readSubtitles(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwBadInput(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile())
        throwBadInput(QStringLiteral("%1: not a file").arg(path));
    // Checked before reading: a 1 GB file named .srt is refused, not loaded.
    if (info.size() > kMaxBytes)
        throwTooLarge(path, info.size());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    // Read at most one byte past the limit, in case the file grew.
    const QByteArray data = file.read(kMaxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        throwBadInput(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return parseSubtitles(data, path);
}

QByteArray formatSubtitles(const QList<SubtitleCue> &cues, SubtitleFormat format)
{
    QString out;
    if (format == SubtitleFormat::WebVtt)
        out += QStringLiteral("WEBVTT\n");
    int number = 0;
    for (const SubtitleCue &cue : cues) {
        const qint64 start = milliseconds(cue.start);
        const qint64 end = milliseconds(cue.end);
        if (format == SubtitleFormat::Srt) {
            if (number > 0)
                out += u'\n';
            out += QString::number(++number) + u'\n';
            out += timingLine(start, end, u',');
            out += escapedText(withoutBlankLines(cue.text), format);
        } else {
            out += u'\n';
            out += timingLine(start, end, u'.');
            out += cue.words.isEmpty() ? escapedText(withoutBlankLines(cue.text), format)
                                       : timedPayload(cue);
        }
        out += u'\n';
    }
    return out.toUtf8();
}

void writeSubtitles(const QString &path, const QList<SubtitleCue> &cues, SubtitleFormat format)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo(folder).isDir())
        throwBadInput(QStringLiteral("%1: cannot write: the folder %2 does not exist")
                          .arg(path, QDir::toNativeSeparators(folder)));
    const QByteArray bytes = formatSubtitles(cues, format);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwBadInput(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throwFailure(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
}

} // namespace reelsmith
