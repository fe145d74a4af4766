#include "endpointfixture.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace flowscope;

namespace EndpointTest {

const QByteArray chainFlow = R"({"flow_id":"chain","routines":{
    "a":{"class":"flowscope.Work","config":{"duration_ms":100}},
    "b":{"class":"flowscope.Work","config":{"duration_ms":100}}},
    "connections":[{"from":"a.out","to":"b.in"}],"entry":"a.in"})";

const QByteArray slowFlow = R"({"flow_id":"slow","routines":{
    "a":{"class":"flowscope.Work","config":{"duration_ms":600}},
    "b":{"class":"flowscope.Work","config":{"duration_ms":600}},
    "c":{"class":"flowscope.Work","config":{"duration_ms":600}},
    "d":{"class":"flowscope.Work","config":{"duration_ms":600}}},
    "connections":[{"from":"a.out","to":"b.in"},{"from":"b.out","to":"c.in"},
                   {"from":"c.out","to":"d.in"}],"entry":"a.in"})";

void verifyErrorEnvelope(const HttpResult &result, int status)
{
    QCOMPARE(result.status, status);
    const QString detail = result.json.value(QStringLiteral("detail")).toString();
    QVERIFY2(!detail.isEmpty(), result.raw.constData());
    const QJsonObject error = result.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("status")).toInt(), status);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), detail);
}

EngineConfig Fixture::defaultConfig()
{
    EngineConfig config;
    config.workers = 2;
    return config;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (condition())
            return true;
        QTest::qWait(20);
    }
    return condition();
}

bool Fixture::setUp(QString *error, const EngineConfig &config)
{
    m_engine = std::make_unique<Engine>(config);
    for (const QByteArray &flow : {chainFlow, slowFlow}) {
        const Status status = m_engine->addFlowJson(flow, QStringLiteral("test"));
        if (!status.ok()) {
            *error = status.message;
            return false;
        }
    }
    m_endpoint = std::make_unique<HttpEndpoint>(m_engine.get());
    m_port = m_endpoint->listen(QHostAddress::LocalHost, 0, error);
    return m_port != 0 && m_endpoint->port() == m_port;
}

void Fixture::tearDown()
{
    m_endpoint.reset();
    m_engine.reset();
}

QUrl Fixture::url(const QString &path, const QString &scheme) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(path));
}

HttpResult Fixture::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                            const Headers &headers)
{
    QNetworkRequest req(url(path));
    for (const auto &header : headers)
        req.setRawHeader(header.first, header.second);
    if (!body.isEmpty() && !req.hasRawHeader("Content-Type"))
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(req, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning("request %s %s timed out", verb.constData(), qPrintable(path));
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.json = QJsonDocument::fromJson(result.raw).object();
    result.allow = reply->rawHeader("Allow");
    result.contentType = reply->rawHeader("Content-Type");
    return result;
}

QString Fixture::startJob(const QString &flowId)
{
    const QJsonObject body{{QStringLiteral("flow_id"), flowId}};
    const HttpResult r = request("POST", QStringLiteral("/api/jobs"), QJsonDocument(body).toJson());
    if (r.status != 201)
        qWarning("start job: %d %s", r.status, r.raw.constData());
    return r.json.value(QStringLiteral("job_id")).toString();
}

QString Fixture::jobStatus(const QString &id)
{
    return request("GET", QStringLiteral("/api/jobs/%1/status").arg(id))
        .json.value(QStringLiteral("status"))
        .toString();
}

bool Fixture::waitForStatus(const QString &id, const QString &status, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (jobStatus(id) == status)
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace EndpointTest
