#include "docks.h"

#include <QDockWidget>
#include <QMainWindow>

namespace flowscope {

QDockWidget *Docks::create(QMainWindow *window, const QString &title, const QString &objectName,
                           QWidget *widget)
{
    Q_ASSERT_X(!objectName.isEmpty(), "Docks::create", "saveState needs the dock's objectName");
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    return dock;
}

QDockWidget *Docks::add(QMainWindow *window, const QString &title, const QString &objectName,
                        QWidget *widget, Qt::DockWidgetArea area)
{
    QDockWidget *dock = create(window, title, objectName, widget);
    window->addDockWidget(area, dock);
    return dock;
}

} // namespace flowscope
