#pragma once

#include <QAbstractScrollArea>

class QHeaderView;

namespace flowscope {

class EventLogModel;

// The event log's table, painted row by row from the model: only the rows on screen are ever
// looked at, so ten million rows scroll as smoothly as ten (a QTreeView keeps an item per row and
// lays all of them out again on every insert). The current row follows its event, not its number,
// while the oldest rows go and filters change.
class EventTableView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit EventTableView(QWidget *parent = nullptr);
    ~EventTableView() override;

    void setModel(EventLogModel *model);
    EventLogModel *model() const { return m_model; }
    QHeaderView *header() const { return m_header; }

    int rowHeight() const { return m_rowHeight; }
    // The header and a dozen rows: the default layout's share of the window.
    QSize sizeHint() const override;
    int topRow() const { return m_topRow; }
    int visibleRowCount() const;
    // The row at a point of the viewport; -1 below the last row.
    int rowAt(const QPoint &viewportPos) const;

    // -1 when no row is current (none chosen, or its event is filtered out or dropped).
    int currentRow() const;
    void setCurrentRow(int row);
    // Makes the event with this sequence number current, if a row shows it.
    bool selectSeq(quint64 seq);
    void scrollToRow(int row);
    void scrollToBottom();
    bool isAtBottom() const;

Q_SIGNALS:
    // The current row changed (row -1: none), by the user or by a call.
    void currentRowChanged(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void connectModel();
    void updateGeometries();
    void updateScrollRange();
    void rowsInserted();
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved();
    void modelReset();
    void moveCurrent(int row);
    void copyCurrentRow();

    EventLogModel *m_model = nullptr;
    QHeaderView *m_header;
    int m_rowHeight = 20;
    int m_topRow = 0;
    bool m_followNewest = true;
    int m_removedAbove = 0;     // rows above the top going in the current removal
    quint64 m_currentIndex = 0; // the store index of the current event
    bool m_hasCurrent = false;
};

} // namespace flowscope
