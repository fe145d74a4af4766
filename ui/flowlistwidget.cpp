#include "flowlistwidget.h"

#include "themediconengine.h"

#include <QIcon>
#include <QMimeData>
#include <QUrl>

namespace flowscope {

FlowListWidget::FlowListWidget(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("flowList"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
}

void FlowListWidget::setFlows(const QVector<FlowDefinition> &flows)
{
    const QString selected = selectedFlowId();
    QSignalBlocker blocker(this);
    clear();
    const QIcon icon = ThemedIconEngine::icon(QStringLiteral("flow"));
    for (const FlowDefinition &flow : flows) {
        auto *item = new QListWidgetItem(icon, flow.flowId, this);
        QString tip = flow.description.isEmpty() ? flow.flowId : flow.description;
        if (!flow.source.isEmpty())
            tip += QLatin1Char('\n') + tr("Source: %1").arg(flow.source);
        tip += QLatin1Char('\n') + tr("%n routine(s)", nullptr, int(flow.routines.size()));
        item->setToolTip(tip);
    }
    sortItems();
    blocker.unblock();
    if (!selected.isEmpty())
        selectFlow(selected);
    Q_EMIT itemSelectionChanged();
}

QString FlowListWidget::selectedFlowId() const
{
    const QList<QListWidgetItem *> items = selectedItems();
    return items.isEmpty() ? QString() : items.constFirst()->text();
}

bool FlowListWidget::selectFlow(const QString &flowId)
{
    const QList<QListWidgetItem *> items = findItems(flowId, Qt::MatchExactly);
    if (items.isEmpty())
        return false;
    setCurrentItem(items.constFirst());
    return true;
}

QStringList FlowListWidget::flowIds() const
{
    QStringList ids;
    for (int row = 0; row < count(); ++row)
        ids.append(item(row)->text());
    return ids;
}

QStringList FlowListWidget::flowFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile()
            && url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace flowscope
