#include "narration/Script.h"

#include "project/Project.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>

namespace reelsmith::editor {

namespace {

QStringList sentences(const QString &text)
{
    QStringList out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
    qsizetype start = 0;
    while (finder.toNextBoundary() != -1) {
        const qsizetype end = finder.position();
        const QString piece = text.mid(start, end - start).simplified();
        if (!piece.isEmpty())
            out.append(piece);
        start = end;
    }
    return out;
}

// Joins sentences back into pieces no longer than the limit; a sentence that
// is itself too long is cut between words.
QStringList withinLimit(const QString &piece)
{
    constexpr int kLimit = Scene::kMaxNarrationCharacters;
    if (piece.size() <= kLimit)
        return {piece};
    QStringList out;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            out.append(current);
        current.clear();
    };
    for (QString sentence : sentences(piece)) {
        while (sentence.size() > kLimit) {
            qsizetype cut = sentence.lastIndexOf(QLatin1Char(' '), kLimit);
            if (cut <= 0)
                cut = kLimit;
            flush();
            out.append(sentence.left(cut).trimmed());
            sentence = sentence.mid(cut).trimmed();
        }
        if (current.size() + 1 + sentence.size() > kLimit)
            flush();
        current = current.isEmpty() ? sentence : current + QLatin1Char(' ') + sentence;
    }
    flush();
    return out;
}

} // namespace

QStringList splitScript(const QString &text, ScriptSplit split)
{
    QStringList pieces;
    if (split == ScriptSplit::Sentences) {
        pieces = sentences(text);
    } else {
        static const QRegularExpression blankLine(QStringLiteral("\\n\\s*\\n"));
        QString normalised = text;
        normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        for (const QString &paragraph : normalised.split(blankLine)) {
            const QString tidy = paragraph.simplified();
            if (!tidy.isEmpty())
                pieces.append(tidy);
        }
    }
    QStringList scenes;
    for (const QString &piece : std::as_const(pieces))
        scenes.append(withinLimit(piece));
    return scenes;
}

} // namespace reelsmith::editor
