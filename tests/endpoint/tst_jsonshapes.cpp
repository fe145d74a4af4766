// The endpoint's JSON shapes written as text directly (JsonWriter, EndpointJson::jobJson) are
// byte for byte what QJsonDocument writes for the same object, whatever the strings, numbers and
// maps hold, and the fast ISO times are QDateTime's.
#include "endpoint/jsonshapes.h"
#include "endpoint/jsonwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace flowscope;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0
               ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
               : QJsonValue(QJsonValue::Null);
}

// The job as the endpoint documents it (docs/api.md), built as a QJsonObject.
QJsonObject jobObject(const JobInfo &info)
{
    return {
        {QStringLiteral("job_id"), info.id.toString()},
        {QStringLiteral("flow_id"), info.flowId},
        {QStringLiteral("status"), jobStatusName(info.status)},
        {QStringLiteral("progress"), info.progress},
        {QStringLiteral("created_at"), timeOrNull(info.createdMs)},
        {QStringLiteral("started_at"), timeOrNull(info.startedMs)},
        {QStringLiteral("completed_at"), timeOrNull(info.finishedMs)},
        {QStringLiteral("error"), textOrNull(info.error)},
        {QStringLiteral("entry_routine_id"), textOrNull(info.entryRoutine)},
        {QStringLiteral("entry_slot"), textOrNull(info.entrySlot)},
        {QStringLiteral("entry_params"), QJsonObject::fromVariantMap(info.params)},
        {QStringLiteral("variables"), QJsonObject::fromVariantMap(info.variables)},
        {QStringLiteral("activations_done"), double(info.activationsDone)},
        {QStringLiteral("activations_pending"), double(info.activationsPending)},
    };
}

QByteArray writtenString(const QString &text)
{
    JsonWriter writer;
    writer.beginObject();
    writer.key(QLatin1String("s"));
    writer.string(text);
    writer.endObject();
    return writer.take();
}

QByteArray writtenNumber(double value)
{
    JsonWriter writer;
    writer.beginObject();
    writer.key(QLatin1String("n"));
    writer.number(value);
    writer.endObject();
    return writer.take();
}

} // namespace

class TestJsonShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsAreEscapedAsQtEscapesThem()
    {
        for (char16_t c = 0; c < 0x80; ++c) {
            const QString text = QStringLiteral("a") + QChar(c) + QStringLiteral("b");
            QCOMPARE(writtenString(text), compact({{QStringLiteral("s"), text}}));
        }
        const QStringList others{QString(), QStringLiteral("wörker ✓"),
                                 QStringLiteral("\"quoted\" \\ and\ttabs\n"),
                                 QString(QChar(0xd800)) + QStringLiteral("lone surrogate"),
                                 QStringLiteral("emoji 😀 and \x7f")};
        for (const QString &text : others)
            QCOMPARE(writtenString(text), compact({{QStringLiteral("s"), text}}));
    }

    void numbersAreWrittenAsQtWritesThem()
    {
        QVector<double> values{0.0,
                               -0.0,
                               1,
                               9,
                               10,
                               99,
                               100,
                               9999,
                               10000,
                               12345,
                               1e6,
                               1e15,
                               0.5,
                               0.1,
                               1.0 / 3,
                               -1,
                               -12.5,
                               1e-7,
                               123456789012345678.0,
                               std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::infinity()};
        for (int i = 0; i < 2000; ++i) {
            values << double(i) << double(i) * 7.25 << QRandomGenerator::global()->generateDouble()
                   << double(QRandomGenerator::global()->bounded(Q_INT64_C(1'000'000'000'000'000)));
        }
        for (double value : values)
            QCOMPARE(writtenNumber(value), compact({{QStringLiteral("n"), value}}));
    }

    void aJobIsWrittenAsItsObject_data()
    {
        QTest::addColumn<JobInfo>("info");
        JobInfo running;
        running.id = JobId(0x5f2a9c01'00000003);
        running.flowId = QStringLiteral("etl");
        running.status = JobStatus::Running;
        running.createdMs = running.startedMs = 1764079260004;
        running.entryRoutine = QStringLiteral("extract");
        running.entrySlot = QStringLiteral("in");
        running.activationsPending = 1;
        QTest::newRow("running") << running;

        JobInfo failed = running;
        failed.status = JobStatus::Failed;
        failed.finishedMs = running.startedMs + 86'400'000;
        failed.error = QStringLiteral("load: \"rows\" missing\n\tat line 3 — ✗");
        failed.progress = 0.375;
        failed.activationsDone = 123456;
        failed.activationsPending = 0;
        failed.params = {{QStringLiteral("rows"), 120},
                         {QStringLiteral("name"), QStringLiteral("größe")},
                         {QStringLiteral("nested"),
                          QVariantMap{{QStringLiteral("list"), QVariantList{1, 2.5, true}}}}};
        failed.variables = {{QStringLiteral("done"), false}, {QStringLiteral("empty"), QVariant()}};
        QTest::newRow("failed, with params and variables") << failed;

        JobInfo pending;
        pending.id = JobId(1);
        pending.flowId = QStringLiteral("flow mit Ümlaut");
        QTest::newRow("pending, never started") << pending;
    }
    void aJobIsWrittenAsItsObject()
    {
        QFETCH(JobInfo, info);
        QCOMPARE(EndpointJson::jobJson(info), compact(jobObject(info)));
        QCOMPARE(EndpointJson::job(info), jobObject(info));
    }

    void jobIdsAreLowerCaseHex()
    {
        QCOMPARE(JobId(0x5f2a9c01'00000003).toString(), QStringLiteral("5f2a9c01-00000003"));
        QCOMPARE(JobId(0xffffffff'fffffffe).toString(), QStringLiteral("ffffffff-fffffffe"));
        bool ok = false;
        QCOMPARE(JobId::fromString(JobId(0x1234'00000001).toString(), &ok), JobId(0x1234'00000001));
        QVERIFY(ok);
    }

    void isoTimesAreQDateTimes()
    {
        QVector<qint64> times{1,
                              999,
                              1000,
                              86'399'999,
                              86'400'000,
                              951'782'400'000,
                              951'868'799'999,
                              4'107'542'400'000,
                              253'402'300'799'999,
                              253'402'300'800'000};
        for (int i = 0; i < 5000; ++i)
            times << qint64(QRandomGenerator::global()->bounded(Q_INT64_C(4'000'000'000'000)));
        for (qint64 ms : times) {
            QCOMPARE(EndpointJson::isoTimeText(ms),
                     QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
        }
        QCOMPARE(EndpointJson::isoTime(0), QJsonValue(QJsonValue::Null));
    }
};

QTEST_GUILESS_MAIN(TestJsonShapes)
#include "tst_jsonshapes.moc"
