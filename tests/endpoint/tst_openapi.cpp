// GET /api/openapi.json: a well-formed OpenAPI 3.0 document that lists every route the server
// really registered (read from its RouteTable), and no route the server does not serve.
#include "endpoint/openapidocument.h"
#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace flowscope;
using namespace EndpointTest;

namespace {

// Every "$ref" anywhere in the value.
void collectReferences(const QJsonValue &value, QStringList *references)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                references->append(it.value().toString());
            else
                collectReferences(it.value(), references);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectReferences(item, references);
    }
}

QString key(const QString &method, const QString &pattern)
{
    return method + QLatin1Char(' ') + pattern;
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void documentIsWellFormed();
    void everyRegisteredRouteIsDocumented();
    void everyDocumentedRouteIsServed();
};

void TestOpenApi::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestOpenApi::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestOpenApi::documentIsWellFormed()
{
    const HttpResult r = m_fixture.request("GET", QStringLiteral("/api/openapi.json"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.contentType.startsWith("application/json"));
    const QJsonObject doc = r.json;
    QVERIFY(doc.value("openapi").toString().startsWith(QStringLiteral("3.0.")));
    QVERIFY(!doc.value("info").toObject().value("title").toString().isEmpty());
    QVERIFY(!doc.value("info").toObject().value("version").toString().isEmpty());

    const QJsonObject paths = doc.value("paths").toObject();
    QVERIFY(paths.size() > 40);
    QSet<QString> operationIds;
    static const QStringList methods{"get", "put", "post", "delete", "patch", "head", "options"};
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        QVERIFY2(path.key().startsWith(QLatin1Char('/')), qPrintable(path.key()));
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            QVERIFY2(methods.contains(op.key()), qPrintable(path.key() + ' ' + op.key()));
            const QJsonObject operation = op.value().toObject();
            const QString id = operation.value("operationId").toString();
            QVERIFY2(!id.isEmpty() && !operationIds.contains(id), qPrintable(id));
            operationIds.insert(id);
            QVERIFY2(!operation.value("responses").toObject().isEmpty(), qPrintable(id));
            // Each {name} of the path is a required path parameter.
            int pathParameters = 0;
            for (const QJsonValue &p : operation.value("parameters").toArray()) {
                const QJsonObject parameter = p.toObject();
                if (parameter.value("in").toString() != QLatin1String("path"))
                    continue;
                ++pathParameters;
                QVERIFY(parameter.value("required").toBool());
                QVERIFY2(path.key().contains('{' + parameter.value("name").toString() + '}'),
                         qPrintable(id));
            }
            QCOMPARE(pathParameters, int(path.key().count(QLatin1Char('{'))));
        }
    }
    // Every reference resolves.
    QStringList references;
    collectReferences(doc, &references);
    QVERIFY(!references.isEmpty());
    const QJsonObject components = doc.value("components").toObject();
    for (const QString &reference : references) {
        const QStringList parts = reference.split(QLatin1Char('/'));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), QStringLiteral("#"));
        QCOMPARE(parts.at(1), QStringLiteral("components"));
        QVERIFY2(components.value(parts.at(2)).toObject().contains(parts.at(3)),
                 qPrintable(reference));
    }
    // The error envelope is the one the endpoint answers with.
    const QJsonObject error = components.value("schemas")
                                  .toObject()
                                  .value("Error")
                                  .toObject()
                                  .value("properties")
                                  .toObject();
    QVERIFY(error.contains("detail"));
    QVERIFY(error.contains("error"));
}

void TestOpenApi::everyRegisteredRouteIsDocumented()
{
    QSet<QString> documented;
    for (const auto &[method, pattern] : OpenApiDocument::routes())
        documented.insert(key(method, pattern));
    QStringList missing;
    const auto registered = m_fixture.endpoint().routeTable().routes();
    QVERIFY(registered.size() > 40);
    for (const auto &[method, pattern] : registered) {
        if (!documented.contains(key(method, pattern)))
            missing.append(key(method, pattern));
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("registered but missing from the OpenAPI table "
                                       "(core/endpoint/openapiroutes.cpp): ")
                        + missing.join(QStringLiteral(", "))));
}

void TestOpenApi::everyDocumentedRouteIsServed()
{
    QSet<QString> registered;
    for (const auto &[method, pattern] : m_fixture.endpoint().routeTable().routes())
        registered.insert(key(method, pattern));
    QStringList phantom;
    for (const auto &[method, pattern] : OpenApiDocument::routes()) {
        if (registered.contains(key(method, pattern)))
            continue;
        if (pattern.startsWith(QStringLiteral("/api/ws/"))) {
            // WebSocket channels are served by the WebSocket router, not as HTTP routes.
            QString path = pattern;
            path.replace(QStringLiteral("<arg>"), QStringLiteral("x1"));
            if (!m_fixture.endpoint().webSockets().serves(path))
                phantom.append(key(method, pattern));
            continue;
        }
        phantom.append(key(method, pattern));
    }
    QVERIFY2(phantom.isEmpty(), qPrintable(QStringLiteral("documented but not served: ")
                                           + phantom.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
