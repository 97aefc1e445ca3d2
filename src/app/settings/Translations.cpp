#include "settings/Translations.h"

#include "core/DataFolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace reelsmith::editor {

namespace {

std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

} // namespace

QString Translations::folder()
{
    const QStringList folders = dataFolders(QStringLiteral("translations"));
    for (const QString &folder : folders)
        if (QDir(folder).exists())
            return folder;
    return folders.value(0);
}

QList<std::pair<QString, QString>> Translations::available()
{
    QList<std::pair<QString, QString>> languages{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files =
        QDir(folder()).entryList({QStringLiteral("reelsmith_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(10, file.size() - 13);
        if (code == QLatin1String("en"))
            continue; // English plural forms only
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        languages.append({code, name.isEmpty() ? code : name});
    }
    return languages;
}

QString Translations::apply(const QString &language)
{
    for (auto *slot : {&appTranslator(), &qtTranslator()}) {
        if (*slot)
            QCoreApplication::removeTranslator(slot->get());
        slot->reset();
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto app = std::make_unique<QTranslator>();
    if (app->load(locale, QStringLiteral("reelsmith"), QStringLiteral("_"), folder())) {
        QCoreApplication::installTranslator(app.get());
        appTranslator() = std::move(app);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    return appTranslator() ? appTranslator()->language() : QStringLiteral("en");
}

} // namespace reelsmith::editor
