#include "enginelist.h"

namespace flowscope {

EngineList::EngineList(EngineClient *localClient, QObject *parent)
    : QObject(parent)
    , m_current(new EngineSession(localClient, this))
{
    m_sessions.append(m_current);
}

void EngineList::setErrorReader(EngineSession::ErrorReader reader)
{
    m_errorReader = std::move(reader);
    for (EngineSession *session : std::as_const(m_sessions))
        session->setErrorReader(m_errorReader);
}

EngineSession *EngineList::findProfile(const QString &profileId) const
{
    for (EngineSession *session : m_sessions) {
        if (!session->isLocal() && session->profile().id == profileId)
            return session;
    }
    return nullptr;
}

EngineSession *EngineList::add(const EngineProfile &profile)
{
    auto *session = new EngineSession(profile, this);
    session->setErrorReader(m_errorReader);
    m_sessions.append(session);
    Q_EMIT sessionAdded(session);
    return session;
}

void EngineList::connectSession(EngineSession *session)
{
    if (!session || session->isLocal())
        return;
    if (!m_factory) {
        Q_EMIT connectFailed(session, tr("This console cannot connect to other engines."));
        return;
    }
    session->setClient(m_factory(session->profile(), session));
}

void EngineList::disconnectSession(EngineSession *session)
{
    if (session && !session->isLocal())
        session->setClient(nullptr);
}

void EngineList::updateProfile(EngineSession *session, const EngineProfile &profile)
{
    if (!session || session->isLocal())
        return;
    const bool endpointChanged
        = profile.url != session->profile().url || profile.token != session->profile().token;
    session->setProfile(profile);
    if (session->isOpen() && endpointChanged)
        connectSession(session);
}

void EngineList::remove(EngineSession *session)
{
    if (!session || session->isLocal() || !m_sessions.contains(session))
        return;
    if (session == m_current)
        setCurrent(local());
    Q_EMIT sessionAboutToBeRemoved(session);
    m_sessions.removeOne(session);
    session->deleteLater();
}

void EngineList::setCurrent(EngineSession *session)
{
    if (!session || session == m_current || !m_sessions.contains(session))
        return;
    m_current = session;
    Q_EMIT currentChanged(session);
}

} // namespace flowscope
