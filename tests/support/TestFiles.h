#pragma once

// Files the tests write and read back, and the temporary folder they live in.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <QJsonArray>
#include <QJsonObject>

class QTemporaryDir;

namespace testmedia {

// Files ------------------------------------------------------------------------
// Writes `bytes` to `path`, replacing it; false when it could not.
bool writeFile(const QString &path, const QByteArray &bytes);
// The whole file, or empty when it cannot be read.
QByteArray readFile(const QString &path);
// Writes `object` as indented JSON (how a person would save a project).
bool writeJson(const QString &path, const QJsonObject &object);

// Project files ------------------------------------------------------------
// One scene of a version 1 project.
QJsonObject sceneJson(const QString &image, double duration, const QString &caption = QString(),
                      const QString &layout = QStringLiteral("center"));
// A version 1 project that renders fast: 180x320 at 12 fps, preset ultrafast.
QJsonObject smallProject(const QJsonArray &scenes,
                         const QString &background = QStringLiteral("bg.mp4"));

// Folders ----------------------------------------------------------------------
// With REELSMITH_KEEP_TEST_FILES set, `dir` survives the test (its path is
// printed) so that what the test made can be looked at.
void keepFilesIfAsked(QTemporaryDir &dir);

// The "*.part" temporaries left in `folder` (hidden ones too): a finished or
// failed run must leave none.
QStringList partFiles(const QString &folder);

} // namespace testmedia
