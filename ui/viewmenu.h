#pragma once

#include <QMenu>

class QMainWindow;

namespace flowscope {

// View: a check item for every dock and every toolbar of the window, sorted by title, then the
// layout actions. Filled again each time it opens, so a dock added anywhere (a controller's,
// a later feature's) is listed without a change here.
class ViewMenu : public QMenu
{
    Q_OBJECT
public:
    ViewMenu(QMainWindow *window, const QString &title, QWidget *parent = nullptr);

    // Listed after the docks and toolbars (Reset Layout).
    void setLayoutActions(const QList<QAction *> &actions);
    void refresh();

private:
    QMainWindow *m_window;
    QList<QAction *> m_layoutActions;
};

} // namespace flowscope
