#pragma once

#include "endpointsecurity.h"

#include <QHostAddress>
#include <QObject>

class QThread;

namespace flowscope {

class Engine;

// Runs an HttpEndpoint in a thread of its own, so that the console's GUI thread never serves
// HTTP. The endpoint is created, used and destroyed inside that thread.
class EndpointThread : public QObject
{
    Q_OBJECT
public:
    explicit EndpointThread(Engine *engine, QObject *parent = nullptr);
    ~EndpointThread() override; // stops and joins the thread

    // Starts the thread and listens there; the answer is listening() or failed().
    // Restarts on a new address when already running.
    void start(const QHostAddress &address, quint16 port);
    // Tokens and TLS of endpoints started from now on.
    void setSecurity(const EndpointSecurity &security);
    // Closes the endpoint and its connections and joins the thread. Safe to call twice.
    void stop();
    bool isRunning() const;

Q_SIGNALS:
    void listening(quint16 port);
    void failed(const QString &message);

private:
    Engine *m_engine;
    EndpointSecurity m_security;
    QThread *m_thread = nullptr;
    QObject *m_threadContext = nullptr; // lives in m_thread; parent of the endpoint
    quint64 m_generation = 0;
};

} // namespace flowscope
