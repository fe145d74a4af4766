#include "watcheswidget.h"

#include "themecolors.h"
#include "variablesmodel.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace flowscope {

WatchesWidget::WatchesWidget(QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("watches"));
    m_input->setObjectName(QStringLiteral("watchInput"));
    m_input->setPlaceholderText(tr("Add a watch expression (JavaScript over data, vars, job)…"));
    m_input->setClearButtonEnabled(true);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_input->text().trimmed();
        if (text.isEmpty())
            return;
        m_input->clear();
        addExpression(text);
    });

    m_tree->setObjectName(QStringLiteral("watchTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Expression"), tr("Value"), tr("Type")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->resizeSection(ExpressionColumn, 180);
    m_tree->header()->resizeSection(ValueColumn, 220);
    auto *remove = new QAction(tr("Remove Watch"), m_tree);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem())
            removeExpression(m_tree->indexOfTopLevelItem(item));
    });
    m_tree->addAction(remove);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input);
    layout->addWidget(m_tree);
}

QStringList WatchesWidget::expressions() const
{
    QStringList list;
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row)
        list.append(m_tree->topLevelItem(row)->text(ExpressionColumn));
    return list;
}

void WatchesWidget::addExpression(const QString &expression)
{
    auto *item = new QTreeWidgetItem(m_tree, {expression});
    item->setToolTip(ExpressionColumn, expression);
    Q_EMIT expressionAdded(expression);
}

void WatchesWidget::removeExpression(int row)
{
    delete m_tree->takeTopLevelItem(row);
}

void WatchesWidget::setResult(const QString &expression, const EvaluationResult &result)
{
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_tree->topLevelItem(row);
        if (item->text(ExpressionColumn) != expression)
            continue;
        const QString text
            = result.error.isEmpty() ? VariablesModel::valueText(result.value) : result.error;
        item->setText(ValueColumn, text);
        item->setToolTip(ValueColumn, text);
        item->setText(TypeColumn, result.type);
        item->setData(ValueColumn, ErrorRole, !result.error.isEmpty());
        colorValue(item);
    }
}

void WatchesWidget::colorValue(QTreeWidgetItem *item) const
{
    if (item->data(ValueColumn, ErrorRole).toBool())
        // This widget's palette: on a palette change it is told before the tree inside it.
        item->setForeground(ValueColumn,
                            ThemeColors::toneOnBase(ThemeColors::Tone::Error, palette()));
    else
        item->setData(ValueColumn, Qt::ForegroundRole, QVariant()); // the palette's text
}

void WatchesWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (int row = 0; row < m_tree->topLevelItemCount(); ++row)
            colorValue(m_tree->topLevelItem(row));
    }
}

void WatchesWidget::clearResults()
{
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_tree->topLevelItem(row);
        item->setText(ValueColumn, QString());
        item->setText(TypeColumn, QString());
        item->setData(ValueColumn, ErrorRole, false);
        colorValue(item);
    }
}

} // namespace flowscope
