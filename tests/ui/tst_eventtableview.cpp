// The event log's table on a million rows, offscreen: it follows the newest events, keeps the
// current event while the oldest go and while filters change, and answers clicks and keys.
#include "eventlogmodel.h"
#include "eventtableview.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QScrollBar>
#include <QtTest>

using namespace flowscope;

namespace {
QVector<Event> makeBatch(quint64 firstSeq, int count)
{
    static const Symbol routines[]
        = {Symbol::intern(QStringLiteral("probe")), Symbol::intern(QStringLiteral("collect")),
           Symbol::intern(QStringLiteral("merge"))};
    const Symbol agent = Symbol::intern(QStringLiteral("worker-1"));
    QVector<Event> batch;
    batch.reserve(count);
    for (int i = 0; i < count; ++i) {
        Event e;
        e.seq = firstSeq + quint64(i);
        e.timeNs = qint64(e.seq) * 1000;
        e.type = EventType::RoutineStarted;
        e.job = JobId(0x42);
        e.routine = routines[e.seq % 3];
        e.agent = agent;
        batch.append(e);
    }
    return batch;
}
} // namespace

class TestEventTableView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<EventLogModel>(2000000);
        m_view = std::make_unique<EventTableView>();
        m_view->setModel(m_model.get());
        m_view->resize(800, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
    }

    void followsTheNewestUntilScrolledUp()
    {
        for (quint64 seq = 1; seq <= 1000000; seq += 100000)
            m_model->appendEvents(makeBatch(seq, 100000));
        QCOMPARE(m_model->rowCount(), 1000000);
        QVERIFY(m_view->isAtBottom());
        QCOMPARE(m_view->topRow(), 1000000 - m_view->visibleRowCount());

        m_view->verticalScrollBar()->setValue(500);
        m_model->appendEvents(makeBatch(1000001, 10));
        QCOMPARE(m_view->topRow(), 500); // the user is reading: stay
        m_view->scrollToBottom();
        m_model->appendEvents(makeBatch(1000011, 10));
        QCOMPARE(m_view->topRow(), m_model->rowCount() - m_view->visibleRowCount());
    }

    void currentEventStaysWhileTheOldestGo()
    {
        m_model->setCapacity(200000);
        m_model->appendEvents(makeBatch(1, 200000));
        QSignalSpy changed(m_view.get(), &EventTableView::currentRowChanged);
        QVERIFY(m_view->selectSeq(150000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_view->currentRow(), 149999);
        const int top = m_view->topRow();

        m_model->appendEvents(makeBatch(200001, 20000)); // drops the oldest chunk(s)
        QVERIFY(m_model->droppedCount() > 0);
        const int dropped = int(m_model->droppedCount());
        QCOMPARE(m_view->currentRow(), 149999 - dropped);
        QCOMPARE(m_model->seqAt(m_view->currentRow()), quint64(150000));
        QCOMPARE(m_view->topRow(), top - dropped); // the same events on screen
        QCOMPARE(changed.count(), 1);              // the event did not change

        // Dropped with its event: no current row any more.
        m_model->appendEvents(makeBatch(220001, 200000));
        QCOMPARE(m_view->currentRow(), -1);
    }

    void currentEventStaysThroughFilters()
    {
        m_model->appendEvents(makeBatch(1, 90000));
        QVERIFY(m_view->selectSeq(40000)); // routine 40000 % 3 == 1: collect
        EventLogFilter filter;
        filter.routine = Symbol::intern(QStringLiteral("collect"));
        m_model->setFilter(filter);
        QTRY_VERIFY(!m_model->isFiltering());
        QCOMPARE(m_model->rowCount(), 30000);
        QVERIFY(m_view->currentRow() >= 0);
        QCOMPARE(m_model->seqAt(m_view->currentRow()), quint64(40000));
        const int row = m_view->currentRow();
        QVERIFY(row >= m_view->topRow() && row < m_view->topRow() + m_view->visibleRowCount());

        filter.routine = Symbol::intern(QStringLiteral("probe")); // hides it
        m_model->setFilter(filter);
        QTRY_VERIFY(!m_model->isFiltering());
        QCOMPARE(m_view->currentRow(), -1);
        m_model->setFilter({});
        QCOMPARE(m_model->seqAt(m_view->currentRow()), quint64(40000)); // back again
    }

    void clicksAndKeysMoveTheCurrentRow()
    {
        m_model->appendEvents(makeBatch(1, 1000));
        m_view->verticalScrollBar()->setValue(100);
        const int y = m_view->rowHeight() * 3 + m_view->rowHeight() / 2;
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(20, y));
        QCOMPARE(m_view->currentRow(), 103);
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QCOMPARE(m_view->currentRow(), 104);
        QTest::keyClick(m_view.get(), Qt::Key_PageDown);
        QCOMPARE(m_view->currentRow(), 104 + m_view->visibleRowCount());
        QTest::keyClick(m_view.get(), Qt::Key_End);
        QCOMPARE(m_view->currentRow(), 999);
        QVERIFY(m_view->isAtBottom());
        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QCOMPARE(m_view->currentRow(), 0);
        QCOMPARE(m_view->topRow(), 0);

        QTest::keySequence(m_view.get(), QKeySequence::Copy);
        const QStringList cells = QApplication::clipboard()->text().split(QLatin1Char('\t'));
        QCOMPARE(cells.value(0), QStringLiteral("1"));
        QVERIFY(cells.contains(QStringLiteral("collect")));
    }

    void paintsOnlyWhatIsOnScreen()
    {
        m_model->appendEvents(makeBatch(1, 1000000));
        // A frame anywhere in a million rows draws the rows of that place.
        for (int top : {0, 500000, 999000}) {
            m_view->verticalScrollBar()->setValue(top);
            const QImage frame = m_view->viewport()->grab().toImage();
            QVERIFY(!frame.isNull());
            QCOMPARE(m_view->rowAt(QPoint(5, 1)), top);
            QCOMPARE(m_model->seqAt(m_view->rowAt(QPoint(5, 1))), quint64(top + 1));
        }
    }

private:
    std::unique_ptr<EventLogModel> m_model;
    std::unique_ptr<EventTableView> m_view;
};

QTEST_MAIN(TestEventTableView)
#include "tst_eventtableview.moc"
