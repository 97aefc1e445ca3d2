#include "settings/EditorSettings.h"

#include "backgrounds/Backgrounds.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace reelsmith::editor {

namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kBudget = QStringLiteral("memory/budgetMegabytes");
const QString kConcurrency = QStringLiteral("queue/concurrency");
const QString kOutput = QStringLiteral("output/");
const QString kLengthLimit = QStringLiteral("export/lengthLimitSeconds");
const QString kSceneDuration = QStringLiteral("scenes/defaultDuration");
const QString kBackgroundFolder = QStringLiteral("backgrounds/userFolder");
const QString kRecent = QStringLiteral("files/recent");
const QString kLastFolder = QStringLiteral("files/lastFolder");

} // namespace

QString EditorSettings::language()
{
    return QSettings().value(kLanguage).toString();
}

void EditorSettings::setLanguage(const QString &language)
{
    QSettings().setValue(kLanguage, language);
}

int EditorSettings::memoryBudgetMegabytes()
{
    const int value = QSettings().value(kBudget, kDefaultBudgetMegabytes).toInt();
    return value >= 64 ? value : kDefaultBudgetMegabytes;
}

void EditorSettings::setMemoryBudgetMegabytes(int megabytes)
{
    QSettings().setValue(kBudget, megabytes);
}

int EditorSettings::queueConcurrency()
{
    return std::clamp(QSettings().value(kConcurrency, 1).toInt(), 1, 8);
}

void EditorSettings::setQueueConcurrency(int jobs)
{
    QSettings().setValue(kConcurrency, jobs);
}

OutputSettings EditorSettings::defaultOutput()
{
    QSettings settings;
    const OutputSettings recommended = outputProfile(u"shorts")->settings;
    OutputSettings output = recommended;
    settings.beginGroup(kOutput);
    for (const OutputLimit &limit : outputLimits())
        if (limit.inProject)
            output.*limit.member =
                settings.value(QLatin1String(limit.key), output.*limit.member).toInt();
    output.preset = settings.value(QStringLiteral("preset"), output.preset).toString();
    // Settings from before presets have no profile: profileOf() finds it.
    output.profile = settings.value(QStringLiteral("profile"), QString()).toString();
    settings.endGroup();
    // A hand-edited settings file must not give new projects invalid values.
    QString badKey;
    if (!checkOutputSettings(output, &badKey).isEmpty())
        return recommended;
    output.profile = profileOf(output);
    return output;
}

void EditorSettings::setDefaultOutput(const OutputSettings &output)
{
    QSettings settings;
    settings.beginGroup(kOutput);
    for (const OutputLimit &limit : outputLimits())
        if (limit.inProject)
            settings.setValue(QLatin1String(limit.key), output.*limit.member);
    settings.setValue(QStringLiteral("preset"), output.preset);
    settings.setValue(QStringLiteral("profile"), profileOf(output));
    settings.endGroup();
}

int EditorSettings::lengthLimitSeconds()
{
    const QVariant value = QSettings().value(kLengthLimit);
    if (!value.isValid())
        return kDefaultLengthLimitSeconds;
    const int seconds = value.toInt();
    return std::find(std::begin(kLengthLimitChoices), std::end(kLengthLimitChoices), seconds) !=
                   std::end(kLengthLimitChoices)
               ? seconds
               : kDefaultLengthLimitSeconds;
}

void EditorSettings::setLengthLimitSeconds(int seconds)
{
    QSettings().setValue(kLengthLimit, seconds);
}

double EditorSettings::defaultSceneDuration()
{
    const double seconds = QSettings().value(kSceneDuration, 3.0).toDouble();
    return seconds > 0 ? seconds : 3.0;
}

QString EditorSettings::userBackgroundFolder()
{
    return QSettings().value(kBackgroundFolder).toString();
}

void EditorSettings::setUserBackgroundFolder(const QString &folder)
{
    QSettings().setValue(kBackgroundFolder, folder);
}

BackgroundFolders EditorSettings::backgroundFolders()
{
    return BackgroundFolders::withUserFolder(userBackgroundFolder());
}

QStringList EditorSettings::recentFiles()
{
    return QSettings().value(kRecent).toStringList();
}

void EditorSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecent, files);
}

void EditorSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kRecent, files);
}

void EditorSettings::clearRecentFiles()
{
    QSettings().remove(kRecent);
}

QString EditorSettings::lastFolder()
{
    const QString folder = QSettings().value(kLastFolder).toString();
    return QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void EditorSettings::setLastFolder(const QString &folder)
{
    QSettings().setValue(kLastFolder, folder);
}

} // namespace reelsmith::editor
