#include "checkpointsdialog.h"

#include "checkpointtablemodel.h"
#include "forkjobdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace flowscope {

CheckpointsDialog::CheckpointsDialog(EngineClient *client, JobId job, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_job(job)
    , m_model(new CheckpointTableModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("checkpointsDialog"));
    setWindowTitle(tr("Checkpoints of job %1").arg(job.toString()));
    m_view->setObjectName(QStringLiteral("checkpointTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(CheckpointTableModel::TimeColumn, 170);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_fork = buttons->addButton(tr("&Fork…"), QDialogButtonBox::ActionRole);
    m_fork->setToolTip(tr("Start a new job from this checkpoint, with edited variables"));
    m_resume = buttons->addButton(tr("&Resume from Here"), QDialogButtonBox::ActionRole);
    m_resume->setToolTip(tr("Run this job on from this checkpoint"));
    QPushButton *refreshButton = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_fork, &QPushButton::clicked, this, &CheckpointsDialog::forkSelected);
    connect(m_resume, &QPushButton::clicked, this, &CheckpointsDialog::resumeSelected);
    connect(refreshButton, &QPushButton::clicked, this, &CheckpointsDialog::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(640, 360);

    connect(m_client, &EngineClient::checkpointsReceived, this, &CheckpointsDialog::setCheckpoints);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CheckpointsDialog::updateButtons);
    updateButtons();
    refresh();
}

void CheckpointsDialog::refresh()
{
    m_client->refreshCheckpoints(m_job);
}

int CheckpointsDialog::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void CheckpointsDialog::selectRow(int row)
{
    m_view->selectRow(row);
}

void CheckpointsDialog::updateButtons()
{
    const bool selected = selectedRow() >= 0;
    m_fork->setEnabled(selected);
    m_resume->setEnabled(selected);
}

void CheckpointsDialog::setCheckpoints(JobId job, const QVector<JobCheckpoint> &checkpoints)
{
    if (job != m_job)
        return;
    const quint64 selected = selectedRow() >= 0 ? m_model->checkpointAt(selectedRow()).id : 0;
    m_model->setCheckpoints(checkpoints);
    // Keep the user's choice across refreshes; else offer the newest.
    int row = int(checkpoints.size()) - 1;
    for (int i = 0; i < checkpoints.size(); ++i) {
        if (checkpoints.at(i).id == selected)
            row = i;
    }
    if (row >= 0)
        m_view->selectRow(row);
    updateButtons();
}

void CheckpointsDialog::forkSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const JobCheckpoint checkpoint = m_model->checkpointAt(row);
    auto *dialog = new ForkJobDialog(checkpoint.variables, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const quint64 id = checkpoint.id;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { m_client->forkJob(id, dialog->variables()); });
    dialog->show();
}

void CheckpointsDialog::resumeSelected()
{
    const int row = selectedRow();
    if (row >= 0)
        m_client->resumeFromCheckpoint(m_job, m_model->checkpointAt(row).id);
}

} // namespace flowscope
