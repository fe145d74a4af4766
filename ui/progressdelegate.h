#pragma once

#include <QStyledItemDelegate>

namespace flowscope {

// Draws a cell as a progress bar; the value (0..1) comes from the given role.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressDelegate(int progressRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace flowscope
