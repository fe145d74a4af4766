#include "variablesmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace flowscope {

struct VariablesModel::Node
{
    QString name;
    QVariant value;
    QString scope; // on groups
    Node *parent = nullptr;
    int row = 0;
    bool editable = false;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(const QString &childName, const QVariant &childValue, bool childEditable)
    {
        auto child = std::make_unique<Node>();
        child->name = childName;
        child->value = childValue;
        child->parent = this;
        child->row = int(children.size());
        child->editable = childEditable;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {
bool isMap(const QVariant &v)
{
    return v.typeId() == QMetaType::QVariantMap || v.typeId() == QMetaType::QVariantHash;
}
bool isList(const QVariant &v)
{
    return v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList;
}

// value with the element at path (keys and list indexes below the top variable) replaced.
QVariant replaced(const QVariant &value, const QStringList &path, int depth,
                  const QVariant &newValue)
{
    if (depth == path.size())
        return newValue;
    if (isMap(value)) {
        QVariantMap map = value.toMap();
        map.insert(path[depth], replaced(map.value(path[depth]), path, depth + 1, newValue));
        return map;
    }
    QVariantList list = value.toList();
    const int i = path[depth].mid(1, path[depth].size() - 2).toInt(); // "[i]"
    if (i >= 0 && i < list.size())
        list[i] = replaced(list[i], path, depth + 1, newValue);
    return list;
}
} // namespace

VariablesModel::VariablesModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

VariablesModel::~VariablesModel() = default;

void VariablesModel::addChildren(Node *node)
{
    if (isMap(node->value)) {
        const QVariantMap map = node->value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            addChildren(node->add(it.key(), it.value(), node->editable));
    } else if (isList(node->value)) {
        const QVariantList list = node->value.toList();
        for (int i = 0; i < list.size(); ++i)
            addChildren(node->add(QStringLiteral("[%1]").arg(i), list[i], node->editable));
    }
}

void VariablesModel::setVariables(const FrameVariables &variables)
{
    beginResetModel();
    m_groups.clear();
    const auto group = [this](const QString &name, const QString &scope) {
        auto node = std::make_unique<Node>();
        node->name = name;
        node->scope = scope;
        node->row = int(m_groups.size());
        m_groups.push_back(std::move(node));
        return m_groups.back().get();
    };
    Node *data = group(tr("Input data"), QStringLiteral("data"));
    if (isMap(variables.data)) {
        const QVariantMap map = variables.data.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            addChildren(data->add(it.key(), it.value(), true));
    } else if (variables.data.isValid()) {
        // Only named entries can be set; a bare value is shown as it is.
        addChildren(data->add(tr("(value)"), variables.data, false));
    }
    const auto fill = [](Node *node, const QVariantMap &map) {
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            addChildren(node->add(it.key(), it.value(), true));
    };
    fill(group(tr("Routine variables"), QStringLiteral("routine")), variables.routine);
    fill(group(tr("Job variables"), QStringLiteral("job")), variables.job);
    endResetModel();
}

void VariablesModel::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
}

VariablesModel::Node *VariablesModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex VariablesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    Node *p = nodeOf(parent);
    const auto &list = p ? p->children : m_groups;
    if (size_t(row) >= list.size())
        return {};
    return createIndex(row, column, list[size_t(row)].get());
}

QModelIndex VariablesModel::parent(const QModelIndex &child) const
{
    Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int VariablesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    Node *p = nodeOf(parent);
    return int(p ? p->children.size() : m_groups.size());
}

int VariablesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant VariablesModel::data(const QModelIndex &index, int role) const
{
    Node *node = nodeOf(index);
    if (!node)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (index.column() == NameColumn)
            return node->name;
        return node->parent ? valueText(node->value) : QVariant();
    }
    if (role == Qt::EditRole && index.column() == ValueColumn)
        return valueText(node->value);
    return {};
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    Node *node = nodeOf(index);
    if (node && node->editable && index.column() == ValueColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool VariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (role != Qt::EditRole || !node || !node->editable || index.column() != ValueColumn)
        return false;
    // Walk up to the top-level variable: the engine sets whole variables.
    QStringList path;
    Node *top = node;
    while (top->parent && top->parent->parent) {
        path.prepend(top->name);
        top = top->parent;
    }
    const QVariant newValue = replaced(top->value, path, 0, parseValue(value.toString()));
    Q_EMIT editRequested(top->parent->scope, top->name, newValue);
    return true;
}

QVariant VariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Value");
}

QString VariablesModel::valueText(const QVariant &value)
{
    if (isMap(value) || isList(value)) {
        const QJsonValue json = QJsonValue::fromVariant(value);
        return QString::fromUtf8(
            json.isObject() ? QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    }
    if (!value.isValid() || value.isNull())
        return QStringLiteral("null");
    return value.toString();
}

QVariant VariablesModel::parseValue(const QString &text)
{
    // Wrapped in an array so that scalars parse too.
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error == QJsonParseError::NoError && doc.array().size() == 1)
        return doc.array().first().toVariant();
    return text;
}

} // namespace flowscope
