#include "endpointthread.h"

#include "httpendpoint.h"

#include <QThread>

namespace flowscope {

EndpointThread::EndpointThread(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{}

EndpointThread::~EndpointThread()
{
    stop();
}

void EndpointThread::start(const QHostAddress &address, quint16 port)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("flowscope-endpoint"));
    m_threadContext = new QObject;
    m_threadContext->moveToThread(m_thread);
    m_thread->start();

    // The answer is emitted in this object's thread, so that receivers connected directly
    // (QSignalSpy, lambdas without context) never run in the endpoint thread.
    // A generation tells a stale answer (from a thread since stopped) from the current one.
    const quint64 generation = ++m_generation;
    Engine *engine = m_engine;
    QObject *context = m_threadContext;
    const EndpointSecurity security = m_security;
    QMetaObject::invokeMethod(context, [this, engine, context, address, port, generation,
                                        security] {
        auto *endpoint = new HttpEndpoint(engine, context);
        QString error;
        const quint16 bound
            = endpoint->configure(security, &error) ? endpoint->listen(address, port, &error) : 0;
        if (bound == 0)
            delete endpoint;
        QMetaObject::invokeMethod(
            this,
            [this, bound, error, generation] {
                if (generation != m_generation)
                    return;
                if (bound == 0)
                    Q_EMIT failed(error);
                else
                    Q_EMIT listening(bound);
            },
            Qt::QueuedConnection);
    });
}

void EndpointThread::setSecurity(const EndpointSecurity &security)
{
    m_security = security;
}

void EndpointThread::stop()
{
    ++m_generation;
    if (!m_thread)
        return;
    // Destroy the endpoint in its own thread (its sockets belong there), then join.
    QObject *context = m_threadContext;
    QMetaObject::invokeMethod(
        context, [context] { qDeleteAll(context->children()); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete context; // its thread has finished: deleting it from here is safe
    delete m_thread;
    m_thread = nullptr;
    m_threadContext = nullptr;
}

bool EndpointThread::isRunning() const
{
    return m_thread != nullptr;
}

} // namespace flowscope
