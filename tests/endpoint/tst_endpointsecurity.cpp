#include "endpointfixture.h"

#include "endpoint/accesspolicy.h"
#include "endpoint/requestsizescanner.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace flowscope;
using namespace EndpointTest;

namespace {

const QByteArray controlToken = "c0ntrol-s3cret";
const QByteArray readToken = "watch-only-t0ken";

Fixture::Headers bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}

QString tlsFile(const char *name)
{
    return qEnvironmentVariable("FLOWSCOPE_TEST_DATA") + QStringLiteral("/tls/")
           + QLatin1String(name);
}

// Sends raw bytes and returns everything the server answers until it closes (or 5 s pass).
QByteArray rawExchange(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    QByteArray answer;
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(10);
        answer += socket.readAll();
        if (answer.contains("\r\n\r\n") && answer.contains('}'))
            break;
    }
    return answer + socket.readAll();
}

} // namespace

class TestEndpointSecurity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void tokenComparison();
    void withoutTokensLoopbackIsOpen();
    void missingOrWrongTokenIs401();
    void readTokenWatchesButCannotControl();
    void controlTokenDrives();
    void tokenSchemeAndQueryParameter();
    void eventStreamNeedsToken();
    void webSocketUpgradeNeedsRole();
    void nonLoopbackNeedsToken();
    void oversizedRequestRefusedFromHeaders();
    void oversizedHeadersAndChunkedBodies();
    void scannerVerdicts_data();
    void scannerVerdicts();
    void webSocketMessageOverLimitCloses1009();
    void tlsServesHttps();
    void badTlsFilesAreReported();

private:
    void protect();
    Fixture m_fixture;
};

void TestEndpointSecurity::init()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestEndpointSecurity::cleanup()
{
    m_fixture.tearDown();
}

void TestEndpointSecurity::protect()
{
    AccessPolicy policy;
    policy.setControlToken(controlToken);
    policy.setReadToken(readToken);
    m_fixture.endpoint().setAccessPolicy(policy);
}

void TestEndpointSecurity::tokenComparison()
{
    QVERIFY(AccessPolicy::sameToken("abc", "abc"));
    QVERIFY(!AccessPolicy::sameToken("abc", "abd"));
    QVERIFY(!AccessPolicy::sameToken("abc", "abcd")); // a prefix is not the token
    QVERIFY(!AccessPolicy::sameToken("", "a"));
    QVERIFY(!AccessPolicy::sameToken(QByteArray("abc\0", 4), "abc"));
}

void TestEndpointSecurity::withoutTokensLoopbackIsOpen()
{
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/flows")).status, 200);
    QVERIFY(!m_fixture.startJob(QStringLiteral("chain")).isEmpty());
}

void TestEndpointSecurity::missingOrWrongTokenIs401()
{
    protect();
    for (const Fixture::Headers &headers :
         {Fixture::Headers{}, bearer("wrong"), bearer(controlToken + "x"), bearer(""),
          Fixture::Headers{{"Authorization", "Basic " + controlToken}}}) {
        const HttpResult result
            = m_fixture.request("GET", QStringLiteral("/api/flows"), {}, headers);
        verifyErrorEnvelope(result, 401);
        // The answer never echoes a secret.
        QVERIFY(!result.raw.contains(controlToken));
    }
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/metrics")), 401);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs"), "{}"), 401);
}

void TestEndpointSecurity::readTokenWatchesButCannotControl()
{
    protect();
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/flows"), {}, bearer(readToken)).status,
             200);
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/metrics"), {}, bearer(readToken)).status,
             200);
    const HttpResult start = m_fixture.request("POST", QStringLiteral("/api/jobs"),
                                               R"({"flow_id":"chain"})", bearer(readToken));
    verifyErrorEnvelope(start, 403);
    QVERIFY(start.json.value(QStringLiteral("detail"))
                .toString()
                .contains(QStringLiteral("control token")));
    QVERIFY(m_fixture.engine().jobs().isEmpty()); // nothing started
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows/chain/breakpoints"),
                                          R"({"routine_id":"a"})", bearer(readToken)),
                        403);
}

void TestEndpointSecurity::controlTokenDrives()
{
    protect();
    const HttpResult start = m_fixture.request("POST", QStringLiteral("/api/jobs"),
                                               R"({"flow_id":"chain"})", bearer(controlToken));
    QCOMPARE(start.status, 201);
    const QString id = start.json.value(QStringLiteral("job_id")).toString();
    const HttpResult cancel = m_fixture.request(
        "POST", QStringLiteral("/api/jobs/%1/cancel").arg(id), {}, bearer(controlToken));
    QVERIFY2(cancel.status == 200 || cancel.status == 409, cancel.raw.constData());
    // A control token may watch too.
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/jobs"), {}, bearer(controlToken)).status,
             200);
}

void TestEndpointSecurity::tokenSchemeAndQueryParameter()
{
    protect();
    const Fixture::Headers swf{{"Authorization", "Token " + readToken}};
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/flows"), {}, swf).status, 200);
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/flows?token=") + readToken).status, 200);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/flows?token=nope")), 401);
}

void TestEndpointSecurity::eventStreamNeedsToken()
{
    protect();
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/events/stream/status")), 401);
    // The stream itself: 401 without a token, the stream's first bytes with ?token=.
    const QByteArray refused
        = rawExchange(m_fixture.port(), "GET /api/events/stream HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(refused.startsWith("HTTP/1.1 401"), refused.constData());
    QVERIFY(refused.contains("WWW-Authenticate: Bearer"));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_fixture.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/events/stream?token=" + readToken + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray head;
    QVERIFY(waitUntil([&] {
        head += socket.readAll();
        return head.contains("event: connected");
    }));
    QVERIFY(head.startsWith("HTTP/1.1 200"));
}

void TestEndpointSecurity::webSocketUpgradeNeedsRole()
{
    protect();
    const QString id
        = QString::fromLatin1(m_fixture
                                  .request("POST", QStringLiteral("/api/jobs"),
                                           R"({"flow_id":"slow"})", bearer(controlToken))
                                  .json.value(QStringLiteral("job_id"))
                                  .toString()
                                  .toLatin1());
    QVERIFY(!id.isEmpty());
    const auto opens = [&](const QString &path, const QByteArray &token) {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        QUrl url = m_fixture.url(path, QStringLiteral("ws"));
        if (!token.isEmpty())
            url.setQuery(QStringLiteral("token=") + QString::fromLatin1(token));
        socket.open(url);
        waitUntil([&] { return !connected.isEmpty() || !disconnected.isEmpty(); });
        // A refused upgrade never connects.
        return !connected.isEmpty() && socket.state() == QAbstractSocket::ConnectedState;
    };
    const QString monitor = QStringLiteral("/api/ws/jobs/%1/monitor").arg(id);
    const QString debug = QStringLiteral("/api/ws/jobs/%1/debug").arg(id);
    QVERIFY(!opens(monitor, {}));
    QVERIFY(!opens(monitor, "wrong"));
    QVERIFY(opens(monitor, readToken));
    QVERIFY(!opens(debug, readToken)); // debugging drives the job
    QVERIFY(opens(debug, controlToken));
}

void TestEndpointSecurity::nonLoopbackNeedsToken()
{
    Engine engine;
    HttpEndpoint open(&engine);
    QString error;
    QCOMPARE(open.listen(QHostAddress::AnyIPv4, 0, &error), quint16(0));
    QVERIFY2(error.contains(QStringLiteral("without a token")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("0.0.0.0")));

    HttpEndpoint guarded(&engine);
    EndpointSecurity security;
    security.controlToken = controlToken;
    QVERIFY(guarded.configure(security, &error));
    QVERIFY2(guarded.listen(QHostAddress::AnyIPv4, 0, &error) != 0, qPrintable(error));
}

void TestEndpointSecurity::oversizedRequestRefusedFromHeaders()
{
    // 50 MB announced, none sent: the answer comes from the headers alone, at once.
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer
        = rawExchange(m_fixture.port(), "POST /api/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                        "application/json\r\nContent-Length: 50000000\r\n\r\n{");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("50000000"));
    QVERIFY(timer.elapsed() < 3000);
    // The server still serves others.
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/health")).status, 200);
}

void TestEndpointSecurity::oversizedHeadersAndChunkedBodies()
{
    const QByteArray huge = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Pad: "
                            + QByteArray(80 * 1024, 'a') + "\r\n\r\n";
    QVERIFY(rawExchange(m_fixture.port(), huge).startsWith("HTTP/1.1 431"));
    const QByteArray chunked
        = rawExchange(m_fixture.port(), "POST /api/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                                        "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    QVERIFY2(chunked.startsWith("HTTP/1.1 411"), chunked.constData());
    // Keep-alive requests with bodies are tracked across the body: the second one is served.
    const QByteArray body = R"({"flow_id":"nope"})";
    const QByteArray request = "POST /api/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_fixture.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(request + request);
    QByteArray answers;
    QVERIFY(waitUntil([&] {
        answers += socket.readAll();
        return answers.count("HTTP/1.1 404") == 2;
    }));
}

void TestEndpointSecurity::scannerVerdicts_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("bodyRemaining");
    const QByteArray post = "POST /api/jobs HTTP/1.1\r\nHost: x\r\n";
    QTest::newRow("no body") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 0 << qint64(0);
    QTest::newRow("body to come") << post + "Content-Length: 10\r\n\r\nabc" << 0 << qint64(7);
    QTest::newRow("at the limit") << post + "Content-Length: 100\r\n\r\n" << 0 << qint64(100);
    QTest::newRow("over the limit") << post + "Content-Length: 101\r\n\r\n" << 413 << qint64(0);
    QTest::newRow("two lengths") << post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n"
                                 << 400 << qint64(0);
    QTest::newRow("signed length") << post + "Content-Length: +5\r\n\r\n" << 400 << qint64(0);
    QTest::newRow("chunked") << post + "Transfer-Encoding: gzip, chunked\r\n\r\n"
                             << 411 << qint64(0);
    // A body that looks like headers is skipped as body.
    QTest::newRow("body like headers")
        << post + "Content-Length: 23\r\n\r\nContent-Length: 999\r\n\r\n"
        << 0 << qint64(0);
    QTest::newRow("headers too long")
        << "GET / HTTP/1.1\r\nX: " + QByteArray(300, 'a') << 431 << qint64(0);
}

void TestEndpointSecurity::scannerVerdicts()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(qint64, bodyRemaining);
    // The same verdict whole and byte by byte.
    for (const qsizetype piece : {bytes.size(), qsizetype(1)}) {
        RequestSizeScanner scanner(100, 256);
        RequestRefusal refusal;
        for (qsizetype at = 0; at < bytes.size() && !refusal.status; at += piece)
            refusal = scanner.feed(bytes.mid(at, piece));
        QCOMPARE(refusal.status, status);
        if (!status)
            QCOMPARE(scanner.bodyRemaining(), bodyRemaining);
        else
            QVERIFY(!refusal.message.isEmpty());
    }
}

void TestEndpointSecurity::webSocketMessageOverLimitCloses1009()
{
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(
        m_fixture.url(QStringLiteral("/api/ws/jobs/%1/monitor").arg(id), QStringLiteral("ws")));
    QVERIFY(waitUntil([&] { return !connected.isEmpty(); }));
    socket.sendTextMessage(QString(2 * 1024 * 1024, QLatin1Char('x')));
    QVERIFY(waitUntil([&] { return !disconnected.isEmpty(); }));
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
}

void TestEndpointSecurity::tlsServesHttps()
{
    Engine engine;
    HttpEndpoint endpoint(&engine);
    QString error;
    QVERIFY2(endpoint.setTls(tlsFile("tls-cert.pem"), tlsFile("tls-key.pem"), &error),
             qPrintable(error));
    const quint16 port = endpoint.listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(port != 0, qPrintable(error));

    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/api/health").arg(port)));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(tlsFile("tls-cert.pem")));
    request.setSslConfiguration(ssl);
    std::unique_ptr<QNetworkReply> reply(m_fixture.network().get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("healthy"));
}

void TestEndpointSecurity::badTlsFilesAreReported()
{
    Engine engine;
    HttpEndpoint endpoint(&engine);
    QString error;
    QVERIFY(
        !endpoint.setTls(QStringLiteral("/nonexistent/cert.pem"), tlsFile("tls-key.pem"), &error));
    QVERIFY2(error.contains(QStringLiteral("--tls-cert /nonexistent/cert.pem")), qPrintable(error));
    // The certificate given as the key: says which file is wrong.
    QVERIFY(!endpoint.setTls(tlsFile("tls-cert.pem"), tlsFile("tls-cert.pem"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("--tls-key")), qPrintable(error));
}

QTEST_MAIN(TestEndpointSecurity)
#include "tst_endpointsecurity.moc"
