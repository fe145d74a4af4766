#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

class QObject;

namespace flowscope {

// The language of the user interface: the system's, or the one --lang asks for. Installs
// Flowscope's catalogue (embedded at :/i18n) and Qt's own (standard buttons, context menus).
class UiLanguage
{
    Q_DECLARE_TR_FUNCTIONS(UiLanguage)
public:
    // Languages with a catalogue, and English, the source language: "de", "en".
    static QStringList available();
    // Whether --lang accepts name: a language of available(), alone or with a territory (de_AT).
    static bool isAvailable(const QString &name);

    // Installs the translators for language (empty: the system locale) as children of owner,
    // so that deleting owner removes them. Returns the locale the interface now speaks.
    static QLocale install(const QString &language, QObject *owner);
};

} // namespace flowscope
