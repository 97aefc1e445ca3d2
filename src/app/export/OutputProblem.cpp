#include "export/OutputProblem.h"

#include <QCoreApplication>

namespace reelsmith::editor {

namespace {

struct OutputProblem
{
    Q_DECLARE_TR_FUNCTIONS(OutputProblem)
};

} // namespace

QString outputProblem(const OutputSettings &output)
{
    QString key;
    const QString problem = checkOutputSettings(output, &key);
    if (problem.isEmpty())
        return {};
    if (key == QLatin1String("width"))
        return OutputProblem::tr("The width must be an even number from 16 to 4096, not %1.")
            .arg(output.width);
    if (key == QLatin1String("height"))
        return OutputProblem::tr("The height must be an even number from 16 to 4096, not %1.")
            .arg(output.height);
    if (key == QLatin1String("fps"))
        return OutputProblem::tr("The frame rate must be from 1 to 120 fps, not %1.")
            .arg(output.fps);
    if (key == QLatin1String("crf"))
        return OutputProblem::tr("The quality (CRF) must be from 0 to 51, not %1.").arg(output.crf);
    if (key == QLatin1String("preset"))
        return OutputProblem::tr("“%1” is not one of x264's presets.").arg(output.preset);
    if (key == QLatin1String("threads"))
        return OutputProblem::tr("Encoder threads must be from 0 (automatic) to 64, not %1.")
            .arg(output.threads);
    return QStringLiteral("%1: %2").arg(key, problem);
}

} // namespace reelsmith::editor
