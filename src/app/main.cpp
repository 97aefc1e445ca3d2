// reelsmith: the desktop editor. `reelsmith [PROJECT.reel.json]`.

#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("reelsmith"));
    QApplication::setOrganizationName(QStringLiteral("reelsmith"));
    QApplication::setApplicationDisplayName(QStringLiteral("Reelsmith"));
    QApplication::setApplicationVersion(QStringLiteral(REELSMITH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Make vertical short videos from pictures, captions and a looping background."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A .reel.json project to open."),
                                 QStringLiteral("[PROJECT.reel.json]"));
    parser.process(app);

    reelsmith::editor::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
