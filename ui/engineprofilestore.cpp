#include "engineprofilestore.h"

#include <QSettings>

namespace flowscope {

namespace {
const QString arrayKey = QStringLiteral("engines/profiles");
} // namespace

QVector<EngineProfile> EngineProfileStore::load()
{
    QSettings settings;
    QVector<EngineProfile> profiles;
    const int count = settings.beginReadArray(arrayKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        EngineProfile profile;
        profile.id = settings.value(QStringLiteral("id")).toString();
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.saveToken = settings.value(QStringLiteral("saveToken"), false).toBool();
        profile.connectAtStartup
            = settings.value(QStringLiteral("connectAtStartup"), true).toBool();
        const QString url = settings.value(QStringLiteral("url")).toString();
        if (profile.id.isEmpty() || !EngineProfile::checkUrl(url, &profile.url).isEmpty())
            continue;
        profiles.append(profile);
    }
    settings.endArray();
    return profiles;
}

void EngineProfileStore::save(const QVector<EngineProfile> &profiles)
{
    QSettings settings;
    settings.remove(arrayKey);
    settings.beginWriteArray(arrayKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const EngineProfile &profile = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), profile.id);
        settings.setValue(QStringLiteral("name"), profile.name);
        settings.setValue(QStringLiteral("url"), profile.url.toString());
        settings.setValue(QStringLiteral("saveToken"), profile.saveToken);
        settings.setValue(QStringLiteral("connectAtStartup"), profile.connectAtStartup);
    }
    settings.endArray();
}

} // namespace flowscope
