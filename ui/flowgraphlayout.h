#pragma once

#include "flow/flowdefinition.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace flowscope {

// Where a routine sits in the graph: its column (layer) and its row within the column.
struct LayoutCell
{
    int layer = 0;
    int row = 0;
};

// A simple layered layout: each routine's layer is the longest path to it from the entry routine
// (or from a routine nothing feeds), so edges point left to right. Rows keep the flow's routine
// order, so the picture does not jump when a flow is shown again.
class FlowGraphLayout
{
public:
    static QHash<QString, LayoutCell> compute(const FlowDefinition &flow);
    // Number of layers in a computed layout.
    static int layerCount(const QHash<QString, LayoutCell> &cells);
};

} // namespace flowscope
