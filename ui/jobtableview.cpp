#include "jobtableview.h"

#include "jobtablemodel.h"
#include "progressdelegate.h"

#include <QHeaderView>

namespace flowscope {

JobTableView::JobTableView(JobTableModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("jobTable"));
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setItemDelegateForColumn(JobTableModel::ProgressColumn,
                             new ProgressDelegate(JobTableModel::ProgressRole, this));
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = fontMetrics();
    setColumnWidth(JobTableModel::IdColumn,
                   metrics.horizontalAdvance(QStringLiteral("00000000-00000000")) + 16);
    setColumnWidth(JobTableModel::ProgressColumn, 140);
}

void JobTableView::setJobModel(JobTableModel *model)
{
    m_model = model;
    setModel(model);
}

JobId JobTableView::selectedJob() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? JobId() : m_model->jobAt(rows.constFirst().row()).id;
}

bool JobTableView::selectJob(JobId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    selectRow(row);
    scrollTo(m_model->index(row, 0));
    return true;
}

} // namespace flowscope
