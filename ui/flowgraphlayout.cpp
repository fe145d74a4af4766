#include "flowgraphlayout.h"

#include <algorithm>

namespace flowscope {

QHash<QString, LayoutCell> FlowGraphLayout::compute(const FlowDefinition &flow)
{
    const int count = int(flow.routines.size());
    QHash<QString, int> indexOf;
    for (int i = 0; i < count; ++i)
        indexOf.insert(flow.routines[i].id, i);
    QVector<int> layers(count, 0);
    // Edges into the entry are ignored, so the entry stays leftmost even in a loop.
    QVector<QPair<int, int>> edges;
    for (const ConnectionSpec &c : flow.connections) {
        const int from = indexOf.value(c.fromRoutine, -1);
        const int to = indexOf.value(c.toRoutine, -1);
        if (from < 0 || to < 0 || from == to || c.toRoutine == flow.entryRoutine)
            continue;
        edges.append({from, to});
    }
    // Longest path by relaxation; a cycle cannot push a layer past count - 1, so it ends.
    bool changed = true;
    for (int round = 0; changed && round < count; ++round) {
        changed = false;
        for (const auto &[from, to] : std::as_const(edges)) {
            const int candidate = std::min(layers[from] + 1, count - 1);
            if (candidate > layers[to]) {
                layers[to] = candidate;
                changed = true;
            }
        }
    }

    QHash<QString, LayoutCell> cells;
    QHash<int, int> rowsInLayer;
    // The entry takes the first row of the first layer; the rest follow the flow's order.
    QVector<int> order(count);
    for (int i = 0; i < count; ++i)
        order[i] = i;
    const int entry = indexOf.value(flow.entryRoutine, -1);
    if (entry > 0)
        std::rotate(order.begin(), order.begin() + entry, order.begin() + entry + 1);
    for (int index : std::as_const(order)) {
        LayoutCell cell;
        cell.layer = layers[index];
        cell.row = rowsInLayer[cell.layer]++;
        cells.insert(flow.routines[index].id, cell);
    }
    return cells;
}

int FlowGraphLayout::layerCount(const QHash<QString, LayoutCell> &cells)
{
    int count = 0;
    for (const LayoutCell &cell : cells)
        count = std::max(count, cell.layer + 1);
    return count;
}

} // namespace flowscope
