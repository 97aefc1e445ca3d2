#pragma once

#include <QList>
#include <QString>
#include <utility>

namespace reelsmith::editor {

// The editor's languages: reelsmith_<code>.qm files in the data folder
// (share/reelsmith/translations, in the build tree and the installed prefix
// alike) plus Qt's own translations for the standard dialogs.
class Translations
{
public:
    static QString folder();
    // (code, name in that language), English first.
    static QList<std::pair<QString, QString>> available();
    // Installs the translators for `language` ("" = the system locale);
    // every widget gets a LanguageChange event. Returns the code in use.
    static QString apply(const QString &language);
};

} // namespace reelsmith::editor
