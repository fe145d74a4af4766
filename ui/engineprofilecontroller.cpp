#include "engineprofilecontroller.h"

#include "connectenginedialog.h"
#include "enginelist.h"
#include "engineprofilestore.h"
#include "tokenstore.h"

#include <QPointer>

namespace flowscope {

EngineProfileController::EngineProfileController(EngineList *engines, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_engines(engines)
    , m_dialogParent(dialogParent)
    , m_tokens(new TokenStore(this))
{
    connect(m_tokens, &TokenStore::failed, this, &EngineProfileController::statusMessage);
}

void EngineProfileController::restore()
{
    const QVector<EngineProfile> profiles = EngineProfileStore::load();
    for (const EngineProfile &profile : profiles) {
        if (m_engines->findProfile(profile.id))
            continue;
        EngineSession *session = m_engines->add(profile);
        if (!profile.connectAtStartup)
            continue;
        if (!profile.saveToken) {
            m_engines->connectSession(session);
            continue;
        }
        // The token first: connecting without it would only be refused.
        const QPointer<EngineSession> guarded(session);
        m_tokens->read(
            profile.id, session, [this, guarded](const QString &token, const QString &error) {
                if (!guarded)
                    return;
                if (!error.isEmpty())
                    Q_EMIT statusMessage(tr("%1: %2").arg(guarded->profile().displayName(), error));
                EngineProfile withToken = guarded->profile();
                withToken.token = token;
                guarded->setProfile(withToken);
                m_engines->connectSession(guarded);
            });
    }
}

ConnectEngineDialog *EngineProfileController::showConnectDialog()
{
    auto *dialog = new ConnectEngineDialog(EngineProfile(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { add(dialog->profile()); });
    dialog->show();
    return dialog;
}

ConnectEngineDialog *EngineProfileController::showEditDialog(EngineSession *session)
{
    if (!session || session->isLocal())
        return nullptr;
    auto *dialog = new ConnectEngineDialog(session->profile(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<EngineSession> guarded(session);
    connect(dialog, &QDialog::accepted, this, [this, dialog, guarded] {
        if (guarded)
            update(guarded, dialog->profile());
    });
    // The engine removed meanwhile: nothing left to edit.
    connect(session, &QObject::destroyed, dialog, &QWidget::close);
    dialog->show();
    return dialog;
}

void EngineProfileController::add(const EngineProfile &entered)
{
    EngineProfile profile = entered;
    profile.id = EngineProfile::newId();
    EngineSession *session = m_engines->add(profile);
    storeToken(profile);
    save();
    m_engines->connectSession(session);
    m_engines->setCurrent(session);
}

void EngineProfileController::update(EngineSession *session, const EngineProfile &profile)
{
    m_engines->updateProfile(session, profile);
    storeToken(profile);
    save();
}

void EngineProfileController::storeToken(const EngineProfile &profile)
{
    if (profile.saveToken && !profile.token.isEmpty())
        m_tokens->write(profile.id, profile.token);
    else
        m_tokens->remove(profile.id);
}

void EngineProfileController::remove(EngineSession *session)
{
    if (!session || session->isLocal())
        return;
    m_tokens->remove(session->profile().id);
    m_engines->remove(session);
    save();
}

void EngineProfileController::save()
{
    QVector<EngineProfile> profiles;
    for (const EngineSession *session : m_engines->sessions()) {
        if (!session->isLocal())
            profiles.append(session->profile());
    }
    EngineProfileStore::save(profiles);
}

} // namespace flowscope
