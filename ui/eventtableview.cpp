#include "eventtableview.h"

#include "eventlogmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace flowscope {

EventTableView::EventTableView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_header(new QHeaderView(Qt::Horizontal, this))
{
    setFocusPolicy(Qt::StrongFocus);
    m_header->setSectionsMovable(true);
    m_header->setStretchLastSection(true);
    m_header->setHighlightSections(false);
    connect(m_header, &QHeaderView::sectionResized, this, [this] {
        updateGeometries();
        viewport()->update();
    });
    connect(m_header, &QHeaderView::sectionMoved, viewport(), qOverload<>(&QWidget::update));
    connect(m_header, &QHeaderView::geometriesChanged, this, &EventTableView::updateGeometries);
    verticalScrollBar()->setSingleStep(1);
    m_rowHeight = fontMetrics().height() + 4;
}

// QWidget's destructor hides the header, which reports new geometries: by then this is no
// longer an EventTableView, so its slots must not run.
EventTableView::~EventTableView()
{
    m_header->disconnect(this);
}

QSize EventTableView::sizeHint() const
{
    const int frame = 2 * frameWidth();
    return {640 + frame, m_header->sizeHint().height() + 12 * m_rowHeight + frame};
}

void EventTableView::setModel(EventLogModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_header->setModel(model);
    m_hasCurrent = false;
    m_topRow = 0;
    connectModel();
    updateGeometries();
    scrollToBottom();
}

void EventTableView::connectModel()
{
    if (!m_model)
        return;
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_followNewest = isAtBottom(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventTableView::rowsInserted);
    connect(
        m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex &, int first, int last) { rowsAboutToBeRemoved(first, last); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &EventTableView::rowsRemoved);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_followNewest = isAtBottom(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventTableView::modelReset);
}

int EventTableView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / std::max(1, m_rowHeight));
}

bool EventTableView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

int EventTableView::rowAt(const QPoint &viewportPos) const
{
    if (!m_model || viewportPos.y() < 0)
        return -1;
    const int row = m_topRow + viewportPos.y() / m_rowHeight;
    return row < m_model->rowCount() ? row : -1;
}

int EventTableView::currentRow() const
{
    return m_model && m_hasCurrent ? m_model->rowOfIndex(m_currentIndex) : -1;
}

void EventTableView::setCurrentRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount()) {
        if (m_hasCurrent) {
            m_hasCurrent = false;
            viewport()->update();
            Q_EMIT currentRowChanged(-1);
        }
        return;
    }
    const quint64 index = m_model->indexAt(row);
    scrollToRow(row);
    if (m_hasCurrent && index == m_currentIndex)
        return;
    m_currentIndex = index;
    m_hasCurrent = true;
    viewport()->update();
    Q_EMIT currentRowChanged(row);
}

bool EventTableView::selectSeq(quint64 seq)
{
    const int row = m_model ? m_model->rowForSeq(seq) : -1;
    if (row >= 0)
        setCurrentRow(row);
    return row >= 0;
}

void EventTableView::scrollToRow(int row)
{
    const int visible = visibleRowCount();
    if (row < m_topRow)
        verticalScrollBar()->setValue(row);
    else if (row >= m_topRow + visible)
        verticalScrollBar()->setValue(row - visible + 1);
}

void EventTableView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void EventTableView::updateScrollRange()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    const int visible = visibleRowCount();
    QScrollBar *bar = verticalScrollBar();
    bar->setPageStep(visible);
    bar->setRange(0, std::max(0, rows - visible));
    m_topRow = bar->value();
}

void EventTableView::updateGeometries()
{
    const int headerHeight = m_header->sizeHint().height();
    setViewportMargins(0, headerHeight, 0, 0);
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - headerHeight, area.width(), headerHeight);
    QScrollBar *hbar = horizontalScrollBar();
    hbar->setPageStep(area.width());
    hbar->setRange(0, std::max(0, m_header->length() - area.width()));
    updateScrollRange();
}

void EventTableView::rowsInserted()
{
    updateScrollRange();
    if (m_followNewest)
        scrollToBottom();
    viewport()->update();
}

void EventTableView::rowsAboutToBeRemoved(int first, int last)
{
    m_followNewest = isAtBottom();
    // Rows go only at the top (the oldest events): what was on screen moves up by that many.
    m_removedAbove = first == 0 ? std::min(last + 1, m_topRow) : 0;
}

void EventTableView::rowsRemoved()
{
    const int top = m_topRow - m_removedAbove;
    m_removedAbove = 0;
    updateScrollRange();
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(m_followNewest ? bar->maximum() : top);
    viewport()->update();
}

void EventTableView::modelReset()
{
    updateScrollRange();
    const int current = currentRow();
    if (current >= 0)
        scrollToRow(current);
    else if (m_followNewest)
        scrollToBottom();
    viewport()->update();
}

void EventTableView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dy)
    if (dx)
        m_header->setOffset(horizontalScrollBar()->value());
    m_topRow = verticalScrollBar()->value();
    viewport()->update();
}

void EventTableView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometries();
}

void EventTableView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_rowHeight = fontMetrics().height() + 4;
        updateGeometries();
    }
    QAbstractScrollArea::changeEvent(event);
}

void EventTableView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    if (!m_model)
        return;
    const int rows = m_model->rowCount();
    const int end = std::min(rows, m_topRow + visibleRowCount() + 1);
    const int current = currentRow();
    const int width = viewport()->width();
    for (int row = m_topRow; row < end; ++row) {
        const QRect line(0, (row - m_topRow) * m_rowHeight, width, m_rowHeight);
        const bool selected = row == current;
        if (selected)
            painter.fillRect(line, pal.highlight());
        else if (row % 2)
            painter.fillRect(line, pal.alternateBase());
        for (int visual = 0; visual < m_header->count(); ++visual) {
            const int column = m_header->logicalIndex(visual);
            if (m_header->isSectionHidden(column))
                continue;
            const int x = m_header->sectionViewportPosition(column);
            const int w = m_header->sectionSize(column);
            if (x + w < 0 || x > width)
                continue;
            const QModelIndex index = m_model->index(row, column);
            const QString text = index.data(Qt::DisplayRole).toString();
            if (text.isEmpty())
                continue;
            const QVariant foreground = index.data(Qt::ForegroundRole);
            painter.setPen(selected               ? pal.color(QPalette::HighlightedText)
                           : foreground.isValid() ? foreground.value<QBrush>().color()
                                                  : pal.color(QPalette::Text));
            const QVariant align = index.data(Qt::TextAlignmentRole);
            const auto alignment
                = align.isValid() ? Qt::Alignment(align.toInt()) : Qt::AlignLeft | Qt::AlignVCenter;
            const QRect cell = QRect(x, line.top(), w, m_rowHeight).adjusted(4, 0, -4, 0);
            painter.drawText(cell, int(alignment),
                             painter.fontMetrics().elidedText(text, Qt::ElideRight, cell.width()));
        }
    }
    if (hasFocus() && current >= m_topRow && current < end) {
        QPen focus(pal.color(QPalette::Highlight).lighter(130));
        focus.setStyle(Qt::DotLine);
        painter.setPen(focus);
        painter.drawRect(QRect(0, (current - m_topRow) * m_rowHeight, width - 1, m_rowHeight - 1));
    }
}

void EventTableView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const int row = rowAt(event->position().toPoint());
    if (row >= 0)
        setCurrentRow(row);
    event->accept();
}

void EventTableView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        event->accept(); // the press chose the row
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}

void EventTableView::moveCurrent(int row)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    setCurrentRow(std::clamp(row, 0, m_model->rowCount() - 1));
}

void EventTableView::keyPressEvent(QKeyEvent *event)
{
    const int current = currentRow();
    const int from = current >= 0 ? current : m_topRow;
    if (event->matches(QKeySequence::Copy)) {
        copyCurrentRow();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
        moveCurrent(current >= 0 ? from - 1 : from);
        return;
    case Qt::Key_Down:
        moveCurrent(current >= 0 ? from + 1 : from);
        return;
    case Qt::Key_PageUp:
        moveCurrent(from - visibleRowCount());
        return;
    case Qt::Key_PageDown:
        moveCurrent(from + visibleRowCount());
        return;
    case Qt::Key_Home:
        moveCurrent(0);
        return;
    case Qt::Key_End:
        moveCurrent(m_model ? m_model->rowCount() - 1 : 0);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void EventTableView::copyCurrentRow()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QStringList cells;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int column = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(column))
            cells << m_model->index(row, column).data().toString();
    }
    QApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
}

bool EventTableView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        const int column = m_header->logicalIndexAt(help->pos().x());
        const QString tip = row >= 0 && column >= 0
                                ? m_model->index(row, column).data(Qt::ToolTipRole).toString()
                                : QString();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace flowscope
