#include "TestFiles.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace testmedia {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    return writeFile(path, QJsonDocument(object).toJson());
}

QJsonObject sceneJson(const QString &image, double duration, const QString &caption,
                      const QString &layout)
{
    QJsonObject s{{QStringLiteral("image"), image},
                  {QStringLiteral("duration"), duration},
                  {QStringLiteral("layout"), layout}};
    if (!caption.isEmpty())
        s.insert(QStringLiteral("caption"), caption);
    return s;
}

QJsonObject smallProject(const QJsonArray &scenes, const QString &background)
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("reelsmith-project")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("background"), background},
                       {QStringLiteral("output"),
                        QJsonObject{{QStringLiteral("width"), 180},
                                    {QStringLiteral("height"), 320},
                                    {QStringLiteral("fps"), 12},
                                    {QStringLiteral("preset"), QStringLiteral("ultrafast")}}},
                       {QStringLiteral("scenes"), scenes}};
}

void keepFilesIfAsked(QTemporaryDir &dir)
{
    if (!qEnvironmentVariableIsSet("REELSMITH_KEEP_TEST_FILES"))
        return;
    dir.setAutoRemove(false);
    qInfo() << "test files kept in" << dir.path();
}

QStringList partFiles(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral("*.part")}, QDir::Files | QDir::Hidden);
}

} // namespace testmedia
