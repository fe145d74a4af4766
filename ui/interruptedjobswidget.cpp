#include "interruptedjobswidget.h"

#include "jobtablemodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace flowscope {

namespace {
constexpr int jobIdRole = Qt::UserRole;
}

InterruptedJobsWidget::InterruptedJobsWidget(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(nullptr)
    , m_list(new QTreeWidget(this))
    , m_resume(new QPushButton(tr("&Resume"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
{
    setObjectName(QStringLiteral("interruptedJobs"));
    m_list->setObjectName(QStringLiteral("interruptedJobList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Job"), tr("Flow"), tr("Status"), tr("Last update")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resume->setObjectName(QStringLiteral("resumeInterruptedJob"));
    m_resume->setToolTip(tr("Run the job on from its last checkpoint"));
    m_resume->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resume);
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    setClient(client);
    connect(m_resume, &QPushButton::clicked, this, &InterruptedJobsWidget::resumeSelected);
    connect(m_refresh, &QPushButton::clicked, this, &InterruptedJobsWidget::refresh);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_resume->setEnabled(!selectedJob().isNull()); });
    refresh();
}

JobId InterruptedJobsWidget::selectedJob() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? JobId() : items.constFirst()->data(IdColumn, jobIdRole).value<JobId>();
}

void InterruptedJobsWidget::setClient(EngineClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    connect(m_client, &EngineClient::interruptedJobsReceived, this,
            &InterruptedJobsWidget::setJobs);
    setJobs({});
    refresh();
}

void InterruptedJobsWidget::refresh()
{
    m_client->refreshInterruptedJobs();
}

void InterruptedJobsWidget::resumeSelected()
{
    const JobId id = selectedJob();
    if (id.isNull())
        return;
    m_resume->setEnabled(false);
    m_client->resumeInterruptedJob(id);
    m_client->refreshInterruptedJobs();
}

void InterruptedJobsWidget::setJobs(const QVector<JobRecord> &jobs)
{
    const JobId selected = selectedJob();
    m_list->clear();
    for (const JobRecord &job : jobs) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(IdColumn, job.id.toString());
        item->setData(IdColumn, jobIdRole, QVariant::fromValue(job.id));
        item->setText(FlowColumn, job.flowId);
        item->setText(StatusColumn, JobTableModel::statusText(job.status));
        item->setText(UpdatedColumn, QDateTime::fromMSecsSinceEpoch(job.updatedMs)
                                         .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
        if (!job.error.isEmpty())
            item->setToolTip(StatusColumn, job.error);
        if (job.id == selected)
            item->setSelected(true);
    }
    m_resume->setEnabled(!selectedJob().isNull());
}

} // namespace flowscope
