#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QVector>

class QAction;
class QMainWindow;
class QTreeWidget;

namespace flowscope {

// Help → Keyboard Shortcuts: every action of the window that has a shortcut, with the menu it
// is in (or the view it works in), read from the actions themselves, so the list cannot go
// stale when an action is added or its shortcut changes.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { PlaceColumn, ActionColumn, ShortcutColumn, ColumnCount };

    struct Entry
    {
        QString place;  // "Debug", "File › Recent Flows", or a view's title
        QString action; // its text without mnemonics
        QList<QKeySequence> shortcuts;
        QAction *source = nullptr;
    };
    // Menu-bar menus first, in their order; then actions that live in a view.
    static QVector<Entry> collect(const QMainWindow *window);
    // An action's text as a user reads it: no '&' mnemonics, no trailing ellipsis.
    static QString plainText(const QString &actionText);

    explicit ShortcutsDialog(const QMainWindow *window, QWidget *parent = nullptr);

    QTreeWidget *table() const { return m_table; }

private:
    QTreeWidget *m_table;
};

} // namespace flowscope
