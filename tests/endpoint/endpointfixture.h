#pragma once

#include "endpoint/httpendpoint.h"
#include "runtime/engine.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <functional>
#include <memory>

// What the endpoint tests share: an engine with two workers and two flows, an HttpEndpoint on an
// ephemeral loopback port in the test thread, and a blocking HTTP client that spins the event
// loop while it waits (the endpoint answers from that same loop).
namespace EndpointTest {

// a -> b, 100 ms each.
extern const QByteArray chainFlow;
// a -> b -> c -> d, 600 ms each: long enough to pause, resume and cancel while it runs.
extern const QByteArray slowFlow;

struct HttpResult
{
    int status = 0;
    QJsonObject json;
    QByteArray raw;
    QByteArray allow;
    QByteArray contentType;
};

// QCOMPARE/QVERIFY inside: a mismatch fails the current test function.
void verifyErrorEnvelope(const HttpResult &result, int status);
// Polls every 20 ms, serving events meanwhile, until the condition holds or the time is up.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 5000);

class Fixture
{
public:
    // Two workers, the rest as EngineConfig has it.
    static flowscope::EngineConfig defaultConfig();

    // Returns false with *error set when the engine refuses a flow or the endpoint cannot listen.
    bool setUp(QString *error, const flowscope::EngineConfig &config = defaultConfig());
    void tearDown();

    flowscope::Engine &engine() { return *m_engine; }
    flowscope::HttpEndpoint &endpoint() { return *m_endpoint; }
    QNetworkAccessManager &network() { return m_network; }
    quint16 port() const { return m_port; }

    QUrl url(const QString &path, const QString &scheme = QStringLiteral("http")) const;
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    HttpResult request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                       const Headers &headers = {});
    // POST /api/jobs {flow_id}; the new job's id, empty on failure.
    QString startJob(const QString &flowId);
    QString jobStatus(const QString &id);
    bool waitForStatus(const QString &id, const QString &status, int timeoutMs = 10000);

private:
    std::unique_ptr<flowscope::Engine> m_engine;
    std::unique_ptr<flowscope::HttpEndpoint> m_endpoint;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

} // namespace EndpointTest
