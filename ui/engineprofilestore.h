#pragma once

#include "engineprofile.h"

#include <QVector>

namespace flowscope {

// The engine profiles in QSettings ("engines/profiles"): name, URL and options, never the token
// (TokenStore keeps that, when allowed). Unusable entries (no id, a bad URL) are skipped.
class EngineProfileStore
{
public:
    static QVector<EngineProfile> load();
    static void save(const QVector<EngineProfile> &profiles);
};

} // namespace flowscope
