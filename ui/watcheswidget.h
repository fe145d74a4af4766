#pragma once

#include "debug/debugsession.h"

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace flowscope {

// Expressions the user watches, with their value at the current stop.
class WatchesWidget : public QWidget
{
    Q_OBJECT
public:
    enum Column { ExpressionColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit WatchesWidget(QWidget *parent = nullptr);

    QStringList expressions() const;
    void addExpression(const QString &expression);
    void removeExpression(int row);
    // Shows the result on every row watching expression.
    void setResult(const QString &expression, const EvaluationResult &result);
    // Not stopped: values are unknown until the next stop.
    void clearResults();

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *input() const { return m_input; }

Q_SIGNALS:
    void expressionAdded(const QString &expression);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Whether a row's value is an error; its colour follows the palette.
    static constexpr int ErrorRole = Qt::UserRole + 1;
    void colorValue(QTreeWidgetItem *item) const;

    QLineEdit *m_input;
    QTreeWidget *m_tree;
};

} // namespace flowscope
