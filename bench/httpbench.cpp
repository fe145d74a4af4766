#include "benchmark.h"

#include "endpoint/httpendpoint.h"
#include "runtime/context.h"
#include "runtime/engine.h"
#include "runtime/routineregistry.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMetaObject>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

namespace flowscope::bench {

namespace {

using Clock = std::chrono::steady_clock;

class Noop : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {}; }
    void handle(Context &, const QString &, const QVariant &) const override {}
};

// A keep-alive HTTP/1.1 client on a blocking socket: one request in flight at a time, as a
// script driving the engine would send them.
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            qFatal("cannot connect to the endpoint: %s", std::strerror(errno));
    }
    ~Client() { ::close(m_fd); }

    // Sends the request and reads the whole response; returns its status.
    int exchange(const QByteArray &request)
    {
        for (qsizetype sent = 0; sent < request.size();) {
            const ssize_t n = ::send(m_fd, request.constData() + sent,
                                     size_t(request.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                qFatal("send failed: %s", std::strerror(errno));
            sent += n;
        }
        qsizetype headerEnd;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0)
            receive();
        const qsizetype lengthAt = m_buffer.toLower().indexOf("content-length:");
        if (lengthAt < 0 || lengthAt > headerEnd)
            qFatal("response without Content-Length: %s", m_buffer.left(headerEnd).constData());
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", lengthAt);
        const qsizetype length
            = m_buffer.mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toLongLong();
        while (m_buffer.size() < headerEnd + 4 + length)
            receive();
        const int status = m_buffer.mid(9, 3).toInt();
        m_buffer.remove(0, headerEnd + 4 + length);
        return status;
    }

private:
    void receive()
    {
        char chunk[16384];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            qFatal("the endpoint closed the connection");
        m_buffer.append(chunk, n);
    }

    int m_fd = -1;
    QByteArray m_buffer;
};

QByteArray postRequest(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Requests answered per second over `seconds` (after a short warm-up), the endpoint serving from
// this thread's event loop as in `flowscope --headless`, the client in a thread of its own.
double requestsPerSecond(Engine &engine, const QByteArray &request, int expectedStatus,
                         double seconds)
{
    HttpEndpoint endpoint(&engine);
    QString error;
    const quint16 port = endpoint.listen(QHostAddress::LocalHost, 0, &error);
    if (port == 0)
        qFatal("%s", qPrintable(error));
    QEventLoop loop;
    std::atomic<double> rate{0};
    std::thread client([&] {
        pthread_setname_np(pthread_self(), "http-client");
        Client connection(port);
        const auto run = [&](double duration) {
            const auto start = Clock::now();
            const auto end = start + std::chrono::duration<double>(duration);
            qint64 count = 0;
            while (Clock::now() < end) {
                const int status = connection.exchange(request);
                if (status != expectedStatus)
                    qFatal("the endpoint answered %d, not %d", status, expectedStatus);
                ++count;
            }
            return double(count) / std::chrono::duration<double>(Clock::now() - start).count();
        };
        run(0.3);
        rate = run(seconds);
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec();
    client.join();
    return rate;
}

QVector<double> httpFigures(const Options &options)
{
    EngineConfig config;
    config.workers = 2;
    Engine engine(config);
    engine.registry().addClass<Noop>(QStringLiteral("bench.Noop"));
    const Status added = engine.addFlowJson(
        R"({"flow_id": "noop", "routines": {"a": {"class": "bench.Noop"}}, "entry": "a.in"})",
        QStringLiteral("noop"));
    if (!added.ok())
        qFatal("%s", qPrintable(added.message));
    const double seconds = options.quick ? 1.0 : 4.0;
    const double jobs = requestsPerSecond(
        engine, postRequest("/api/jobs", R"({"flow_id": "noop"})"), 201, seconds);
    const double health = requestsPerSecond(
        engine, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200, seconds);

    // The engine alone: the same jobs started without HTTP, from one thread.
    JobRequest request;
    request.flowId = QStringLiteral("noop");
    qint64 started = 0;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    JobId id;
    while (Clock::now() < end) {
        if (!engine.startJob(request, &id).ok())
            qFatal("startJob failed");
        ++started;
    }
    const double direct
        = double(started) / std::chrono::duration<double>(Clock::now() - start).count();
    return {jobs, health, direct};
}

const Registrar http{
    {QStringLiteral("http"),
     QStringLiteral("POST /api/jobs answered per second, one keep-alive client on loopback, jobs "
                    "of a one-routine flow; GET /api/health and startJob without HTTP as "
                    "baselines"),
     {{QStringLiteral("http_jobs_per_s"), QStringLiteral("jobs/s"), 10'000, false},
      {QStringLiteral("http_health_requests_per_s"), QStringLiteral("requests/s"), 0, false},
      {QStringLiteral("engine_jobs_per_s"), QStringLiteral("jobs/s"), 0, false}},
     httpFigures}};

} // namespace

} // namespace flowscope::bench
