#pragma once

#include "backgrounds/Backgrounds.h"
#include "project/Project.h"

#include <QString>
#include <QStringList>

namespace reelsmith::editor {

// The editor's preferences, kept with QSettings (~/.config/reelsmith/reelsmith.conf).
class EditorSettings
{
public:
    static constexpr int kDefaultBudgetMegabytes = 512; // the limit the product was born under
    static constexpr int kMaxRecentFiles = 10;

    // "" follows the system locale; otherwise a locale name such as "ru".
    static QString language();
    static void setLanguage(const QString &language);

    static int memoryBudgetMegabytes();
    static void setMemoryBudgetMegabytes(int megabytes);

    // How many exports run at once.
    static int queueConcurrency();
    static void setQueueConcurrency(int jobs);

    // Output settings of new projects; the Shorts / Reels / TikTok preset
    // until the creator chooses others.
    static OutputSettings defaultOutput();
    static void setDefaultOutput(const OutputSettings &output);

    // The longest video the creator's platform takes, in seconds (one of
    // kLengthLimitChoices); 0: no limit. The editor warns past it.
    static constexpr int kLengthLimitChoices[] = {60, 90, 180, 0};
    static constexpr int kDefaultLengthLimitSeconds = 60; // fits every platform
    static int lengthLimitSeconds();
    static void setLengthLimitSeconds(int seconds);

    // Seconds a picture added as a new scene lasts.
    static double defaultSceneDuration();

    // "" means the standard folder (see Backgrounds::userFolder()).
    static QString userBackgroundFolder();
    static void setUserBackgroundFolder(const QString &folder);
    // The folders backgrounds are looked up in now, as a value for a job or
    // a listing (read on the UI thread, where the preference changes).
    static BackgroundFolders backgroundFolders();

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void removeRecentFile(const QString &path);
    static void clearRecentFiles();

    // Folder the last file dialog was in.
    static QString lastFolder();
    static void setLastFolder(const QString &folder);
};

} // namespace reelsmith::editor
