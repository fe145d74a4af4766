#include "uilanguage.h"

#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace flowscope {

namespace {
const QString catalogueDir = QStringLiteral(":/i18n");
const QString catalogueName = QStringLiteral("flowscope");
} // namespace

QStringList UiLanguage::available()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList catalogues
        = QDir(catalogueDir).entryList({catalogueName + QStringLiteral("_*.qm")}, QDir::Files);
    for (const QString &file : catalogues)
        languages << file.mid(catalogueName.size() + 1).chopped(3);
    languages.sort();
    return languages;
}

bool UiLanguage::isAvailable(const QString &name)
{
    const QLocale locale(name);
    if (locale.language() == QLocale::C)
        return false;
    const QStringList languages = available();
    return std::any_of(languages.begin(), languages.end(), [&locale](const QString &language) {
        return QLocale(language).language() == locale.language();
    });
}

QLocale UiLanguage::install(const QString &language, QObject *owner)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Numbers and dates in the interface's language too, not the system's, when --lang says so.
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English)
        return locale; // the source language: nothing to translate
    auto *translator = new QTranslator(owner);
    if (translator->load(locale, catalogueName, QStringLiteral("_"), catalogueDir)) {
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
        return QLocale(QLocale::English); // no catalogue for the system's language
    }
    auto *qtTranslator = new QTranslator(owner);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    return locale;
}

} // namespace flowscope
