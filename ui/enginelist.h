#pragma once

#include "engineprofile.h"
#include "enginesession.h"

#include <QObject>
#include <QVector>

#include <functional>

namespace flowscope {

// Makes a client for an engine profile, already connecting; the application decides which kind
// (the console itself never knows). parent owns the client.
using EngineClientFactory = std::function<EngineClient *(const EngineProfile &, QObject *parent)>;

// The engines the console knows: the in-process one first, then one session per profile, and
// which of them the window shows.
class EngineList : public QObject
{
    Q_OBJECT
public:
    explicit EngineList(EngineClient *localClient, QObject *parent = nullptr);

    void setClientFactory(EngineClientFactory factory) { m_factory = std::move(factory); }
    bool canConnect() const { return bool(m_factory); }
    // Reads why a client's connection failed (e.g. RemoteClient::lastError); optional. Only
    // asked about clients the factory made.
    void setErrorReader(EngineSession::ErrorReader reader);

    const QVector<EngineSession *> &sessions() const { return m_sessions; }
    EngineSession *local() const { return m_sessions.constFirst(); }
    EngineSession *current() const { return m_current; }
    EngineSession *findProfile(const QString &profileId) const;

    // A new engine, not connected yet.
    EngineSession *add(const EngineProfile &profile);
    // Gives the session a fresh client from the factory (reconnecting if it had one).
    void connectSession(EngineSession *session);
    // Drops the session's client; its jobs and events stay on screen.
    void disconnectSession(EngineSession *session);
    // A new profile (URL, token, name): a connected session connects again with it.
    void updateProfile(EngineSession *session, const EngineProfile &profile);
    // Forgets the engine and its data. The in-process engine cannot be removed; removing the
    // current engine shows the in-process one first.
    void remove(EngineSession *session);
    void setCurrent(EngineSession *session);

Q_SIGNALS:
    void sessionAdded(flowscope::EngineSession *session);
    void sessionAboutToBeRemoved(flowscope::EngineSession *session);
    void currentChanged(flowscope::EngineSession *session);
    // The user asked to connect but the application gave no factory.
    void connectFailed(flowscope::EngineSession *session, const QString &message);

private:
    QVector<EngineSession *> m_sessions;
    EngineSession *m_current;
    EngineClientFactory m_factory;
    EngineSession::ErrorReader m_errorReader;
};

} // namespace flowscope
