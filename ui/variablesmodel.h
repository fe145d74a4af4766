#pragma once

#include "debug/debugsession.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace flowscope {

// The variables of a stopped job's frame as a tree: "Input data", "Routine variables" and "Job
// variables", with maps and lists expandable. Editing a value does not change the model: it asks
// for the change (editRequested) and the engine's fresh state replaces the tree.
class VariablesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit VariablesModel(QObject *parent = nullptr);
    ~VariablesModel() override;

    void setVariables(const FrameVariables &variables);
    void clear();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Maps and lists as compact JSON, strings as they are.
    static QString valueText(const QVariant &value);
    // JSON when the text is JSON (numbers, true, [..], {..}, "..."), else the text as a string.
    static QVariant parseValue(const QString &text);

Q_SIGNALS:
    // scope: "data", "routine" or "job"; name: the top-level variable; value: its new whole value.
    void editRequested(const QString &scope, const QString &name, const QVariant &value);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    static void addChildren(Node *node);

    std::vector<std::unique_ptr<Node>> m_groups;
};

} // namespace flowscope
