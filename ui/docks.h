#pragma once

#include <QString>
#include <Qt>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace flowscope {

// The one way the console makes docks, so that each has the objectName the saved layout knows
// it by. The View menu lists every dock of the window by itself (ViewMenu).
class Docks
{
public:
    // A dock around widget, not yet placed (for tabifyDockWidget).
    static QDockWidget *create(QMainWindow *window, const QString &title, const QString &objectName,
                               QWidget *widget);
    // A dock around widget, added to area.
    static QDockWidget *add(QMainWindow *window, const QString &title, const QString &objectName,
                            QWidget *widget, Qt::DockWidgetArea area);
};

} // namespace flowscope
