#include "flowgraphlayout.h"

#include <QtTest>

using namespace flowscope;

namespace {
// routines in the given order; edges "from>to" (event out, slot in).
FlowDefinition flow(const QStringList &routines, const QStringList &edges,
                    const QString &entry = QString())
{
    FlowDefinition f;
    f.flowId = QStringLiteral("f");
    for (const QString &id : routines) {
        RoutineSpec spec;
        spec.id = id;
        f.routines.append(spec);
    }
    for (const QString &edge : edges) {
        const QStringList ends = edge.split(QLatin1Char('>'));
        f.connections.append({ends[0], QStringLiteral("out"), ends[1], QStringLiteral("in")});
    }
    f.entryRoutine = entry.isEmpty() ? routines.value(0) : entry;
    return f;
}
} // namespace

class TestFlowGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chainGoesLeftToRight()
    {
        const auto cells = FlowGraphLayout::compute(flow({"a", "b", "c"}, {"a>b", "b>c"}));
        QCOMPARE(cells.value("a").layer, 0);
        QCOMPARE(cells.value("b").layer, 1);
        QCOMPARE(cells.value("c").layer, 2);
        QCOMPARE(FlowGraphLayout::layerCount(cells), 3);
    }

    void longestPathDecidesTheLayer()
    {
        // c is reached directly and through b: it goes after b.
        const auto cells = FlowGraphLayout::compute(flow({"a", "b", "c"}, {"a>c", "a>b", "b>c"}));
        QCOMPARE(cells.value("b").layer, 1);
        QCOMPARE(cells.value("c").layer, 2);
    }

    void rowsKeepTheFlowOrder()
    {
        const auto cells
            = FlowGraphLayout::compute(flow({"a", "b", "c", "d"}, {"a>c", "a>b", "b>d", "c>d"}));
        QCOMPARE(cells.value("b").layer, 1);
        QCOMPARE(cells.value("c").layer, 1);
        QCOMPARE(cells.value("b").row, 0);
        QCOMPARE(cells.value("c").row, 1);
        QCOMPARE(cells.value("d").layer, 2);
        // The same flow lays out the same way again.
        QCOMPARE(FlowGraphLayout::compute(flow({"a", "b", "c", "d"}, {"a>c", "a>b", "b>d", "c>d"}))
                     .value("c")
                     .row,
                 1);
    }

    void entryIsLeftmostEvenInALoop()
    {
        // The entry is listed last and fed back from c.
        const auto cells = FlowGraphLayout::compute(
            flow({"b", "c", "z"}, {"z>b", "b>c", "c>z"}, QStringLiteral("z")));
        QCOMPARE(cells.value("z").layer, 0);
        QCOMPARE(cells.value("z").row, 0);
        QCOMPARE(cells.value("b").layer, 1);
        QCOMPARE(cells.value("c").layer, 2);
    }

    void cyclesEnd()
    {
        const auto cells = FlowGraphLayout::compute(flow({"a", "b", "c"}, {"a>b", "b>c", "c>b"}));
        QCOMPARE(cells.size(), 3);
        QCOMPARE(cells.value("a").layer, 0);
        QVERIFY(cells.value("b").layer <= 2);
        QVERIFY(cells.value("c").layer <= 2);
    }

    void unconnectedRoutinesStartAtTheLeft()
    {
        const auto cells = FlowGraphLayout::compute(flow({"a", "b", "lone"}, {"a>b"}));
        QCOMPARE(cells.value("lone").layer, 0);
        QCOMPARE(cells.value("lone").row, 1);
        QVERIFY(FlowGraphLayout::compute(FlowDefinition()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFlowGraphLayout)
#include "tst_flowgraphlayout.moc"
