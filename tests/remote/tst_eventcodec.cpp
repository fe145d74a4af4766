// The console protocol's events frame (docs/protocol.md), as the server writes it and a client
// reads it: the bytes are what Qt's own CBOR writer makes of the same map, events come back as
// they went, rows read straight from the bytes mean what the general CBOR reader makes of them,
// and frames that are not well formed are refused with their place.
#include "protocol/directframereader.h"
#include "protocol/eventcodec.h"
#include "protocol/framecodec.h"

#include <QCborArray>
#include <QTest>

#include <limits>

using namespace flowscope;

namespace {

constexpr qint64 baseNs = 1'764'079'260'004'000'000;

QVector<Event> sampleEvents()
{
    const Symbol flow = Symbol::intern(u"etl");
    const Symbol load = Symbol::intern(u"load");
    const Symbol in = Symbol::intern(u"in");
    const Symbol agent = Symbol::intern(u"wörker-1"); // not ASCII
    const JobId job(0x5f2a9c01'00000003);
    QVector<Event> events;
    for (int i = 0; i < 6; ++i) {
        Event e;
        e.seq = 48212 + quint64(i) * (i == 5 ? 1000 : 1);
        e.timeNs = baseNs + 512339 + i * 17773;
        e.type = EventType(i % eventTypeCount);
        e.job = i == 3 ? JobId() : job;
        e.flow = flow;
        e.routine = load;
        e.port = in;
        e.agent = agent;
        e.activation = quint64(17) << (i * 8); // 1 to 8 byte heads
        e.parentActivation = 12;
        events.push_back(e);
    }
    events[1].payload
        = QVariantMap{{QStringLiteral("rows"), 120},
                      {QStringLiteral("tags"), QVariantList{1.5, QStringLiteral("x")}}};
    events[2].timeNs = baseNs - 40'000; // a negative offset
    events[2].durationNs = -1;          // negative, one byte
    events[3].durationNs = std::numeric_limits<qint64>::max();
    events[4].status = EventStatus::Cancelled;
    events[4].payload = QVariant(QStringLiteral("a message"));
    return events;
}

// The frame as QCborValue writes it: what EventEncoder must produce byte for byte.
QByteArray framedByQt(const QVector<Event> &events, const QStringList &symbols,
                      const QHash<QString, qint64> &indexes)
{
    const auto index = [&](const QString &name) { return name.isEmpty() ? 0 : indexes[name]; };
    const qint64 baseMs = events.first().timeNs / 1'000'000;
    QCborArray rows;
    quint64 previous = events.first().seq;
    for (const Event &e : events) {
        QCborArray row{qint64(e.seq - previous),
                       e.timeNs - baseMs * 1'000'000,
                       int(e.type),
                       int(e.status),
                       index(e.job.isNull() ? QString() : e.job.toString()),
                       index(e.flow.toString()),
                       index(e.routine.toString()),
                       index(e.port.toString()),
                       index(e.agent.toString()),
                       qint64(e.activation),
                       qint64(e.parentActivation),
                       e.durationNs};
        if (e.payload.isValid())
            row.append(QCborValue::fromVariant(e.payload.value()));
        rows.append(row);
        previous = e.seq;
    }
    QCborMap map;
    map.insert(QStringLiteral("type"), QStringLiteral("events"));
    map.insert(QStringLiteral("seq"), qint64(events.first().seq));
    map.insert(QStringLiteral("time_ms"), baseMs);
    map.insert(QStringLiteral("symbols"), QCborArray::fromStringList(symbols));
    map.insert(QStringLiteral("events"), rows);
    return QCborValue(map).toCbor();
}

void compareEvents(const QVector<Event> &got, const QVector<Event> &sent)
{
    QCOMPARE(got.size(), sent.size());
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const Event &a = got[i];
        const Event &b = sent[i];
        QCOMPARE(a.seq, b.seq);
        QCOMPARE(a.timeNs, b.timeNs);
        QCOMPARE(a.durationNs, b.durationNs);
        QCOMPARE(a.job, b.job);
        QCOMPARE(a.activation, b.activation);
        QCOMPARE(a.parentActivation, b.parentActivation);
        QCOMPARE(a.flow, b.flow);
        QCOMPARE(a.routine, b.routine);
        QCOMPARE(a.port, b.port);
        QCOMPARE(a.agent, b.agent);
        QCOMPARE(a.type, b.type);
        QCOMPARE(a.status, b.status);
        QCOMPARE(a.payload.isValid(), b.payload.isValid());
        QCOMPARE(a.payload.value(), b.payload.value());
    }
}

// What the general CBOR reader makes of a frame, as a Frame would hold it.
bool sameAsQtReads(const QByteArray &bytes, const Frame &frame)
{
    const QCborMap map = QCborValue::fromCbor(bytes).toMap();
    qsizetype bodyFields = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QCborValue &value = it.value();
        if (it.key().toString() == QLatin1String("events") && value.isArray()) {
            const QCborArray rows = value.toArray();
            if (rows.size() != frame.rows.size())
                return false;
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const QCborArray row = rows[i].toArray();
                const EventRow &r = frame.rows[i];
                const qint64 fields[] = {qint64(r.seqDelta),
                                         r.timeOffsetNs,
                                         qint64(r.type),
                                         qint64(r.status),
                                         qint64(r.job),
                                         qint64(r.flow),
                                         qint64(r.routine),
                                         qint64(r.port),
                                         qint64(r.agent),
                                         qint64(r.activation),
                                         qint64(r.parentActivation),
                                         r.durationNs};
                for (int k = 0; k < 12; ++k) {
                    if (row[k].toInteger() != fields[k])
                        return false;
                }
                if (row.size() == 13 ? row[12] != r.payload : !r.payload.isUndefined())
                    return false;
            }
        } else {
            ++bodyFields;
            if (frame.body.value(it.key()) != value)
                return false;
        }
    }
    return frame.body.size() == bodyFields;
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

} // namespace

class TestEventCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framesAreWhatQtWritesForTheSameMap()
    {
        const QVector<Event> events = sampleEvents();
        EventEncoder encoder;
        const QByteArray bytes = encoder.encode(events.constData(), size_t(events.size()));
        const QString job = events.first().job.toString();
        const QStringList symbols{job, QStringLiteral("etl"), QStringLiteral("load"),
                                  QStringLiteral("in"), QStringLiteral("wörker-1")};
        QHash<QString, qint64> indexes;
        for (qsizetype i = 0; i < symbols.size(); ++i)
            indexes.insert(symbols[i], i + 1);
        QCOMPARE(bytes.toHex(), framedByQt(events, symbols, indexes).toHex());

        // The next frame sends no string twice.
        const QByteArray next = encoder.encode(events.constData() + 2, 2);
        QCOMPARE(QCborValue::fromCbor(next).toMap().value(QStringLiteral("symbols")),
                 QCborValue(QCborArray()));
        QCOMPARE(next.toHex(), framedByQt(events.mid(2, 2), {}, indexes).toHex());
    }

    void eventsComeBackAsTheyWent_data()
    {
        QTest::addColumn<bool>("binary");
        QTest::newRow("cbor") << true;
        QTest::newRow("json") << false;
    }
    void eventsComeBackAsTheyWent()
    {
        QFETCH(bool, binary);
        const QVector<Event> events = sampleEvents();
        EventEncoder encoder;
        EventDecoder decoder;
        QVector<Event> received;
        for (qsizetype from = 0; from < events.size(); from += 2) {
            QByteArray bytes = encoder.encode(events.constData() + from, 2, from == 4 ? 7 : 0);
            if (!binary)
                bytes = FrameCodec::cborToJson(bytes);
            Frame frame;
            QString error;
            QVERIFY2(FrameCodec::decode(bytes, binary, &frame, &error), qPrintable(error));
            QCOMPARE(frame.type, QStringLiteral("events"));
            quint64 dropped = 0;
            QVERIFY2(decoder.decode(frame, &received, &dropped, &error), qPrintable(error));
            QCOMPARE(dropped, from == 4 ? 7u : 0u);
        }
        compareEvents(received, events);
        QCOMPARE(decoder.symbolCount(), 5);
    }

    void theTableRestartsPastItsBound()
    {
        // Each event names a routine of its own, so the table fills up.
        QVector<Event> events;
        for (int i = 0; i <= EventEncoder::maxSymbols; ++i) {
            Event e;
            e.seq = quint64(i) + 1;
            e.timeNs = baseNs;
            e.routine = Symbol::intern(QStringLiteral("routine-%1").arg(i));
            events.push_back(e);
        }
        EventEncoder encoder;
        EventDecoder decoder;
        QVector<Event> received;
        quint64 dropped = 0;
        QString error;
        Frame frame;
        QVERIFY(FrameCodec::decode(encoder.encode(events.constData(), size_t(events.size())), true,
                                   &frame, &error));
        QVERIFY2(decoder.decode(frame, &received, &dropped, &error), qPrintable(error));
        QCOMPARE(decoder.symbolCount(), EventEncoder::maxSymbols + 1);
        QVERIFY(!frame.body.contains(QStringLiteral("reset")));

        Event last = events.last();
        last.seq += 1;
        last.routine = Symbol::intern(u"routine-0");
        const QByteArray bytes = encoder.encode(&last, 1);
        QCOMPARE(QCborValue::fromCbor(bytes).toMap().value(QStringLiteral("reset")),
                 QCborValue(true));
        QVERIFY(FrameCodec::decode(bytes, true, &frame, &error));
        QVERIFY2(decoder.decode(frame, &received, &dropped, &error), qPrintable(error));
        QCOMPARE(decoder.symbolCount(), 1);
        QCOMPARE(received.last().routine, last.routine);
    }

    // Frames the direct reader takes and frames it leaves to the general reader decode alike.
    void everyFrameMeansWhatQtReads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("direct"); // read without the general reader
        const QVector<Event> events = sampleEvents();
        EventEncoder encoder;
        QTest::newRow("encoded") << encoder.encode(events.constData(), size_t(events.size()))
                                 << true;
        QTest::newRow("no rows") << encoder.encode(nullptr, 0) << true;
        // {"type": "events", "seq": 1, "events": [[0, -5, 0, 0, 0, 0, 0, 0, 0, 255, 255,
        // -9223372036854775807]]}, most heads longer than needed.
        QTest::newRow("long heads")
            << hex("a36474797065666576656e7473637365711801666576656e7473818c18003b000000000000"
                   "00041900001a0000000000000000001b00000000000000ff18ff3b7ffffffffffffffe")
            << true;
        QTest::newRow("indefinite rows")
            << hex("a26474797065666576656e7473666576656e74739f8c000000000000000000000000ff")
            << false;
        QTest::newRow("events not an array")
            << hex("a26474797065666576656e7473666576656e747301") << true;
        QTest::newRow("key not ASCII") << hex("a26474797065666576656e747362c3a901") << false;
    }
    void everyFrameMeansWhatQtReads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, direct);
        Frame frame;
        QCOMPARE(DirectFrameReader::read(bytes, &frame), direct);
        QString error;
        QVERIFY2(FrameCodec::decode(bytes, true, &frame, &error), qPrintable(error));
        QCOMPARE(frame.type, QStringLiteral("events"));
        QVERIFY(sameAsQtReads(bytes, frame));
    }

    void aRepeatedFieldKeepsTheLastValue()
    {
        // {"type": "events", "seq": 1, "seq": 2}
        const QByteArray bytes = hex("a36474797065666576656e747363736571016373657102");
        Frame frame;
        QVERIFY(!DirectFrameReader::read(bytes, &frame));
        QString error;
        QVERIFY2(FrameCodec::decode(bytes, true, &frame, &error), qPrintable(error));
        QCOMPARE(frame.body.value(QStringLiteral("seq")), QCborValue(2));
    }

    void truncatedFramesAreRefused()
    {
        const QVector<Event> events = sampleEvents();
        EventEncoder encoder;
        const QByteArray bytes = encoder.encode(events.constData(), size_t(events.size()));
        for (qsizetype size = 0; size < bytes.size(); ++size) {
            Frame frame;
            QString error;
            QVERIFY2(!FrameCodec::decode(bytes.left(size), true, &frame, &error),
                     qPrintable(QString::number(size)));
            QVERIFY(!error.isEmpty());
        }
        Frame frame;
        QString error;
        QVERIFY(!FrameCodec::decode(bytes + '\0', true, &frame, &error));
        QCOMPARE(error, QStringLiteral("frame: 1 bytes after the message"));
    }

    void badRowsNameTheirPlace_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("message");
        QTest::newRow("short") << hex("8b0000000000000000000000")
                               << "events[0]: expected 12 or 13 values, got 11";
        QTest::newRow("text") << hex("8c00000000616100000000000000")
                              << "events[0][4]: expected an unsigned integer";
        QTest::newRow("tagged") << hex("8c00c10000000000000000000000")
                                << "events[0][1]: expected an integer";
        QTest::newRow("huge offset") << hex("8c001bffffffffffffffff00000000000000000000")
                                     << "events[0][1]: integer out of range";
        QTest::newRow("deep payload")
            << hex("8d000000000000000000000000") + QByteArray(64, '\x81') + hex("00")
            << "frame: nested deeper than 64 levels";
    }
    void badRowsNameTheirPlace()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, message);
        // {"type": "events", "events": [row]}
        const QByteArray bytes = hex("a26474797065666576656e7473666576656e747381") + row;
        Frame frame;
        QString error;
        QVERIFY(!FrameCodec::decode(bytes, true, &frame, &error));
        QCOMPARE(error, message);
    }
};

QTEST_GUILESS_MAIN(TestEventCodec)
#include "tst_eventcodec.moc"
