// Flows sent as YAML: scalars typed as PyYAML's safe_load types them (Routilux's DSL is written
// for it), what JSON cannot hold refused with its line and column, and every YAML export read
// back unchanged.
#include "endpoint/yamlreader.h"
#include "endpoint/yamltext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace flowscope;

namespace {

QJsonValue read(const QByteArray &text)
{
    QJsonValue value;
    QString error;
    if (!YamlReader::read(text, &value, &error))
        qWarning("%s: %s", text.constData(), qPrintable(error));
    return value;
}

QString refusal(const QByteArray &text)
{
    QJsonValue value;
    QString error;
    return YamlReader::read(text, &value, &error) ? QString() : error;
}

} // namespace

class TestYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalarsAreTypedAsPyYamlTypesThem_data();
    void scalarsAreTypedAsPyYamlTypesThem();
    void blocksAndFlowsMakeObjectsAndArrays();
    void whatJsonCannotHoldIsRefusedWithItsPlace_data();
    void whatJsonCannotHoldIsRefusedWithItsPlace();
    void theYamlExportReadsBackUnchanged();
};

void TestYamlReader::scalarsAreTypedAsPyYamlTypesThem_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("~") << QByteArray("~") << QJsonValue(QJsonValue::Null);
    QTest::newRow("null") << QByteArray("Null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("empty") << QByteArray("") << QJsonValue(QJsonValue::Null);
    QTest::newRow("yes") << QByteArray("yes") << QJsonValue(true);
    QTest::newRow("Off") << QByteArray("Off") << QJsonValue(false);
    QTest::newRow("TRUE") << QByteArray("TRUE") << QJsonValue(true);
    QTest::newRow("decimal") << QByteArray("10") << QJsonValue(10);
    QTest::newRow("negative") << QByteArray("-42") << QJsonValue(-42);
    QTest::newRow("underscores") << QByteArray("1_000") << QJsonValue(1000);
    QTest::newRow("octal") << QByteArray("017") << QJsonValue(15);
    QTest::newRow("hex") << QByteArray("0x1F") << QJsonValue(31);
    QTest::newRow("binary") << QByteArray("0b101") << QJsonValue(5);
    QTest::newRow("float") << QByteArray("2.5") << QJsonValue(2.5);
    QTest::newRow("PyYAML exponent") << QByteArray("1.0e+3") << QJsonValue(1000.0);
    QTest::newRow("JSON exponent") << QByteArray("1e-05") << QJsonValue(1e-05);
    QTest::newRow("leading dot") << QByteArray(".5") << QJsonValue(0.5);
    QTest::newRow("past 64 bits") << QByteArray("123456789012345678901")
                                  << QJsonValue(123456789012345678901.0);
    QTest::newRow("not octal") << QByteArray("08") << QJsonValue(QStringLiteral("08"));
    QTest::newRow("text") << QByteArray("flowscope.Work")
                          << QJsonValue(QStringLiteral("flowscope.Work"));
    QTest::newRow("quoted number") << QByteArray("'10'") << QJsonValue(QStringLiteral("10"));
    QTest::newRow("quoted yes") << QByteArray("\"yes\"") << QJsonValue(QStringLiteral("yes"));
    QTest::newRow("tagged") << QByteArray("!!str 12") << QJsonValue(QStringLiteral("12"));
    QTest::newRow("escape") << QByteArray("\"a\\u00e9\\tb\"")
                            << QJsonValue(QStringLiteral("a\u00e9\tb"));
}

void TestYamlReader::scalarsAreTypedAsPyYamlTypesThem()
{
    QFETCH(QByteArray, scalar);
    QFETCH(QJsonValue, expected);
    const QJsonValue value = read("v: " + scalar + "\n").toObject().value(QStringLiteral("v"));
    QCOMPARE(value, expected);
    QCOMPARE(value.type(), expected.type());
}

void TestYamlReader::blocksAndFlowsMakeObjectsAndArrays()
{
    const QJsonValue value = read(R"(# a Routilux flow
flow_id: etl
routines:
  extract:
    class: flowscope.Work
    config: {duration_ms: 20, steps: 2}
connections:
  - from: extract.out
    to: load.in
  - {from: load.out, to: report.in}
notes: |
  two
  lines
)");
    const QJsonObject expected{
        {"flow_id", "etl"},
        {"routines", QJsonObject{{"extract", QJsonObject{{"class", "flowscope.Work"},
                                                         {"config", QJsonObject{{"duration_ms", 20},
                                                                                {"steps", 2}}}}}}},
        {"connections", QJsonArray{QJsonObject{{"from", "extract.out"}, {"to", "load.in"}},
                                   QJsonObject{{"from", "load.out"}, {"to", "report.in"}}}},
        {"notes", "two\nlines\n"}};
    QCOMPARE(value, QJsonValue(expected));
    QCOMPARE(read("[]"), QJsonValue(QJsonArray()));
    QCOMPARE(read("---\n{}\n...\n"), QJsonValue(QJsonObject()));
}

void TestYamlReader::whatJsonCannotHoldIsRefusedWithItsPlace_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("syntax") << QByteArray("a: [1, 2\nb: 3\n")
                            << QStringLiteral("line 2, column 2: did not find expected ',' or ']' "
                                              "(while parsing a flow sequence)");
    QTest::newRow("alias") << QByteArray("a: &x 1\nb: *x\n")
                           << QStringLiteral("line 2, column 4: aliases (*x) are not accepted: "
                                             "write the value out");
    QTest::newRow("tag") << QByteArray("a: !!python/object:os.system x\n")
                         << QStringLiteral("line 1, column 4: tag 'tag:yaml.org,2002:python/"
                                           "object:os.system' is not accepted (only YAML's "
                                           "standard tags)");
    QTest::newRow("key list") << QByteArray("? [a, b]\n: 1\n")
                              << QStringLiteral("line 1, column 3: keys must be text, not lists or "
                                                "mappings");
    QTest::newRow("repeated") << QByteArray("a: 1\nb: 2\na: 3\n")
                              << QStringLiteral("line 3, column 1: key 'a' repeated");
    QTest::newRow("inf") << QByteArray("a: [.inf]\n")
                         << QStringLiteral("line 1, column 5: '.inf' has no JSON value");
    QTest::newRow("two documents") << QByteArray("a: 1\n---\nb: 2\n")
                                   << QStringLiteral("line 2, column 1: more than one document");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty: no YAML document");
    QTest::newRow("deep") << QByteArray(70, '[') + QByteArray(70, ']')
                          << QStringLiteral("line 1, column 65: nested more than 64 levels deep");
}

void TestYamlReader::whatJsonCannotHoldIsRefusedWithItsPlace()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QCOMPARE(refusal(text), error);
}

void TestYamlReader::theYamlExportReadsBackUnchanged()
{
    // Keys YAML would read as something else, text that looks like numbers or booleans, the
    // characters YAML takes only escaped, numbers in every range.
    const QJsonObject value{
        {"yes", "no"},
        {"10", "017"},
        {"", QJsonArray{QJsonObject(), QJsonArray(), QJsonValue::Null, true}},
        {"text",
         QStringLiteral("line\nbreak \u0085 \u2028 \u007f \ufeff \"quoted\" # not a comment")},
        {"numbers", QJsonArray{0, -1, -0.0, 1e-05, 1.5e300, -2.25, 9007199254740992.0, 1e20,
                               123456789012345678901234567890.0}},
        {"nested", QJsonObject{{"a b", QJsonObject{{"- c", QJsonArray{QJsonArray{1}}}}}}},
        // Found by fuzz_requestparsing: a key that ends in a line break.
        {"max_.in\n", QJsonValue::Null}};
    const QByteArray written = YamlText::fromJson(value);
    QJsonValue again;
    QString error;
    QVERIFY2(YamlReader::read(written, &again, &error), qPrintable(error + '\n' + written));
    QCOMPARE(again, QJsonValue(value));
}

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
