#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace reelsmith {

// One word of a cue with its own time (WebVTT inline timestamps
// "<00:00:01.200>word"), in seconds.
struct SubtitleWord
{
    QString text;
    double start = 0;
    double end = 0;
    bool operator==(const SubtitleWord &) const = default;
};

// One cue of an SRT or WebVTT file: [start, end) in seconds, its text as shown
// (markup removed, lines joined with '\n'), and its words when the file times
// them one by one. `line` is the 1-based line of the cue's timing line, for
// messages.
struct SubtitleCue
{
    double start = 0;
    double end = 0;
    QString text;
    QList<SubtitleWord> words;
    int line = 0;
};

enum class SubtitleFormat { Srt, WebVtt };

// Larger files are refused before they are read: a feature film's SRT is under
// 200 KB, so 16 MB is no subtitle file.
constexpr qint64 kMaxSubtitleFileBytes = 16LL * 1024 * 1024;

// The format an output path asks for, by its suffix (.srt, .vtt); throws
// Error(BadInput) naming the path for anything else.
SubtitleFormat subtitleFormatForPath(const QString &path);

// Parses SRT or WebVTT (recognised by content: a "WEBVTT" first line), with or
// without a UTF-8 BOM, LF, CRLF or CR. Cues come back sorted by start time.
// Throws Error(BadInput) "NAME:LINE: what is wrong" for a malformed cue.
QList<SubtitleCue> parseSubtitles(const QByteArray &data, const QString &nameForErrors);
// Reads and parses a file; errors name the file.
QList<SubtitleCue> readSubtitles(const QString &path);

// The cues as SRT or WebVTT text; a WebVTT cue with words gets inline word
// timestamps.
QByteArray formatSubtitles(const QList<SubtitleCue> &cues, SubtitleFormat format);
// Writes atomically (the file appears complete or not at all); throws
// Error(BadInput) when the folder cannot be written, naming the path.
void writeSubtitles(const QString &path, const QList<SubtitleCue> &cues, SubtitleFormat format);

} // namespace reelsmith
