#include "FuzzSupport.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace reelsmith::fuzz {

namespace {
QTemporaryDir *g_dir = nullptr;

void dropMessage(QtMsgType, const QMessageLogContext &, const QString &) {}
} // namespace

void initialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    av_log_set_level(AV_LOG_QUIET);
    qInstallMessageHandler(dropMessage);
    // Lives until exit: libFuzzer never returns from its loop normally.
    static QGuiApplication *app = new QGuiApplication(*argc, *argv);
    (void)app;
    g_dir = new QTemporaryDir;
    if (!g_dir->isValid()) {
        std::fprintf(stderr, "fuzz: cannot make a temporary folder\n");
        std::abort();
    }
}

QString writeInput(const uint8_t *data, size_t size)
{
    const QString path = g_dir->filePath(QStringLiteral("input"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size)) !=
            static_cast<qint64>(size)) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

} // namespace reelsmith::fuzz
