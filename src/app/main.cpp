// reelsmith: the desktop editor. `reelsmith [PROJECT.reel.json]`.

#include "core/MemoryMeter.h"
#include "settings/EditorSettings.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

using namespace reelsmith::editor;

int main(int argc, char **argv)
{
    reelsmith::MemoryMeter::tuneAllocator();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("reelsmith"));
    QApplication::setOrganizationName(QStringLiteral("reelsmith"));
    QApplication::setApplicationDisplayName(QStringLiteral("Reelsmith"));
    QApplication::setApplicationVersion(QStringLiteral(REELSMITH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.reelsmith.reelsmith"));
    // The installed icon theme entry; the same picture built into the
    // program for a build tree or a desktop without it.
    QIcon fallback;
    for (int size : {16, 32, 64, 128, 256})
        fallback.addFile(QStringLiteral(":/icons/reelsmith-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("io.github.reelsmith.reelsmith"), fallback));

    QCommandLineParser parser;
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Use LANGUAGE (en, ru, …) instead of the preference."),
        QStringLiteral("language"));
    const QCommandLineOption noRecoveryOption(
        QStringLiteral("no-recovery"),
        QApplication::translate("main",
                                "Do not offer back the unsaved work of an editor that crashed."));
    parser.setApplicationDescription(QApplication::translate(
        "main", "Make vertical short videos from pictures, captions and a looping background.\n"
                "Settings: ~/.config/reelsmith/reelsmith.conf. Unsaved work is kept in\n"
                "~/.local/share/reelsmith/reelsmith/autosave and offered after a crash."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(languageOption);
    parser.addOption(noRecoveryOption);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A .reel.json project to open."),
                                 QStringLiteral("[PROJECT.reel.json]"));
    parser.process(app);

    Translations::apply(parser.isSet(languageOption) ? parser.value(languageOption)
                                                     : EditorSettings::language());

    MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    const bool recover = !parser.isSet(noRecoveryOption);
    // After the window is up, so that dialogs have a parent on screen.
    QTimer::singleShot(0, &window, [&window, files, recover] {
        if (recover)
            window.offerRecovery();
        if (!files.isEmpty())
            window.openProject(files.constFirst());
    });
    return QApplication::exec();
}
