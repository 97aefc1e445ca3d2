#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace reelsmith {

struct BackgroundEntry
{
    QString name; // "minecraft", or a user clip's base name
    QString path;
    bool builtin = false;
};

// Where backgrounds live: the user's folder first (a clip there named like a
// built-in overrides it), then the installed or build-tree data folder.
class Backgrounds
{
public:
    // User folder: <AppDataLocation>/backgrounds.
    static QString userFolder();
    // Built-in folders, most specific first: $REELSMITH_DATA_DIR/backgrounds,
    // <bin>/../share/reelsmith/backgrounds (build tree and installed prefix alike).
    static QStringList builtinFolders();
    static QList<BackgroundEntry> list();

    // The file a project's `background` value names: a built-in name, or a
    // path (relative ones against `baseDir`). Throws Error(BadInput) naming
    // the key when it cannot be found.
    static QString resolve(const QString &background, const QString &baseDir);
};

} // namespace reelsmith
