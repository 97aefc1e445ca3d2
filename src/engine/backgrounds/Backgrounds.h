#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

namespace reelsmith {

struct BackgroundEntry
{
    QString name;                  // "minecraft", or a user clip's base name
    QString path;                  // empty for a built-in that is not installed
    bool builtin = false;          // one of the built-in names
    bool overridesBuiltin = false; // a user clip named like a built-in
    // Filled by Backgrounds::inspect():
    double duration = -1; // seconds; negative when unknown
    QString problem;      // why the clip cannot be used; empty when it can
};

// The folders backgrounds are looked up in. A value handed to whoever looks:
// the editor's preference may change on the UI thread while a render or a
// listing on another thread goes on with the folders it was given.
struct BackgroundFolders
{
    QString user;        // the user's clips
    QStringList builtin; // most specific first

    // The standard user folder and the built-in folders.
    static BackgroundFolders standard();
    // The built-in folders with `user` ("" for the standard one).
    static BackgroundFolders withUserFolder(const QString &user);
};

// Where backgrounds live: the user's folder first (a clip there named like a
// built-in overrides it), then the installed or build-tree data folder.
class Backgrounds
{
public:
    // The standard user folder: <AppDataLocation>/backgrounds.
    static QString userFolder();
    // Built-in folders, most specific first: $REELSMITH_DATA_DIR/backgrounds,
    // <bin>/../share/reelsmith/backgrounds (build tree and installed prefix alike).
    static QStringList builtinFolders();
    // Every background a project can name: the built-ins in their usual order
    // (each the user's clip when one overrides it, or without a path when not
    // installed), then the user's own clips by name. Looks at file names only.
    static QList<BackgroundEntry> list(const BackgroundFolders &folders);
    static QList<BackgroundEntry> list() { return list(BackgroundFolders::standard()); }
    // Reads the clip's duration with libavformat (headers only, no decoding)
    // and notes a problem instead of throwing when it is not a usable video.
    static void inspect(BackgroundEntry &entry);

    // The file a project's `background` value names: a built-in name (the
    // user's clip of that name first), or a path (relative ones against
    // `baseDir`); a value that is neither an existing file nor a path with a
    // folder may name a user clip by its base name. Throws Error(BadInput)
    // naming the key when it cannot be found.
    // For an `output` larger than 720x1280 a built-in resolves to its drawing
    // at 1080x1920 and 30 fps (<folder>/1080x1920/NAME.mp4) when installed, so
    // a large export is not an upscale of the small loop.
    static QString resolve(const QString &background, const QString &baseDir,
                           const BackgroundFolders &folders, QSize output = {});
    static QString resolve(const QString &background, const QString &baseDir, QSize output = {})
    {
        return resolve(background, baseDir, BackgroundFolders::standard(), output);
    }
};

} // namespace reelsmith
