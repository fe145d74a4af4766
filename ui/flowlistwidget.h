#pragma once

#include "flow/flowdefinition.h"

#include <QListWidget>

class QMimeData;

namespace flowscope {

// The flows an engine knows, by id; the description and source file show as a tooltip.
class FlowListWidget : public QListWidget
{
    Q_OBJECT
public:
    explicit FlowListWidget(QWidget *parent = nullptr);

    void setFlows(const QVector<FlowDefinition> &flows);
    QString selectedFlowId() const;
    bool selectFlow(const QString &flowId);
    QStringList flowIds() const;

    // The local .json files among dropped URLs.
    static QStringList flowFiles(const QMimeData *mime);
};

} // namespace flowscope
