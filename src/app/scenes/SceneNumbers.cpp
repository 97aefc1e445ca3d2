#include "scenes/SceneNumbers.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace reelsmith::editor {

namespace {

struct SceneNumbers
{
    Q_DECLARE_TR_FUNCTIONS(SceneNumbers)
};

} // namespace

QString sceneLabel(int row)
{
    return SceneNumbers::tr("scene %1").arg(row + 1);
}

QString withSceneNumbers(const QString &message)
{
    // A key with its fields ("scenes[1].voice.name").
    static const QRegularExpression key(
        QStringLiteral(R"(\bscenes\[(\d{1,9})\]((?:\.[A-Za-z_][A-Za-z0-9_]*)*))"));
    QString out;
    qsizetype copied = 0;
    for (auto it = key.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(message).mid(copied, match.capturedStart() - copied);
        out += SceneNumbers::tr("scene %1 (%2)")
                   .arg(match.captured(1).toLongLong() + 1)
                   .arg(match.captured(0));
        copied = match.capturedEnd();
    }
    out += QStringView(message).mid(copied);
    return out;
}

} // namespace reelsmith::editor
