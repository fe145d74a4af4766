#pragma once

#include "engineprofile.h"

#include <QObject>

class QWidget;

namespace flowscope {

class ConnectEngineDialog;
class EngineList;
class EngineSession;
class TokenStore;

// The engines the user added, kept between runs: the connect and edit dialogs, saving profiles
// (EngineProfileStore) and tokens (TokenStore), removing, and reconnecting at start-up.
class EngineProfileController : public QObject
{
    Q_OBJECT
public:
    EngineProfileController(EngineList *engines, QWidget *dialogParent);

    TokenStore *tokens() const { return m_tokens; }

    // Adds the saved profiles to the engine list; those marked so connect (once their token is
    // read, if it was kept).
    void restore();
    // Non-modal, like every dialog of the console.
    ConnectEngineDialog *showConnectDialog();
    ConnectEngineDialog *showEditDialog(EngineSession *session);
    // Forgets the engine, its profile and its token.
    void remove(EngineSession *session);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void add(const EngineProfile &profile);
    void update(EngineSession *session, const EngineProfile &profile);
    void storeToken(const EngineProfile &profile);
    void save();

    EngineList *m_engines;
    QWidget *m_dialogParent;
    TokenStore *m_tokens;
};

} // namespace flowscope
