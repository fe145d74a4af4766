#include "viewmenu.h"

#include <QCollator>
#include <QDockWidget>
#include <QMainWindow>
#include <QToolBar>

#include <algorithm>

namespace flowscope {

ViewMenu::ViewMenu(QMainWindow *window, const QString &title, QWidget *parent)
    : QMenu(title, parent)
    , m_window(window)
{
    setObjectName(QStringLiteral("viewMenu"));
    connect(this, &QMenu::aboutToShow, this, &ViewMenu::refresh);
}

void ViewMenu::setLayoutActions(const QList<QAction *> &actions)
{
    m_layoutActions = actions;
    refresh();
}

void ViewMenu::refresh()
{
    // Only the window's own docks and toolbars; a toolbar inside a dock belongs to its view.
    QList<QAction *> docks;
    const QList<QDockWidget *> dockWidgets = m_window->findChildren<QDockWidget *>();
    for (QDockWidget *dock : dockWidgets) {
        if (dock->parentWidget() == m_window)
            docks << dock->toggleViewAction();
    }
    QList<QAction *> toolBars;
    const QList<QToolBar *> toolBarWidgets = m_window->findChildren<QToolBar *>();
    for (QToolBar *toolBar : toolBarWidgets) {
        if (toolBar->parentWidget() == m_window)
            toolBars << toolBar->toggleViewAction();
    }
    QCollator collator;
    const auto byTitle = [&collator](const QAction *a, const QAction *b) {
        return collator.compare(a->text(), b->text()) < 0;
    };
    std::sort(docks.begin(), docks.end(), byTitle);
    std::sort(toolBars.begin(), toolBars.end(), byTitle);

    clear();
    addSection(tr("Docks"));
    addActions(docks);
    addSection(tr("Toolbars"));
    addActions(toolBars);
    addSeparator();
    addActions(m_layoutActions);
}

} // namespace flowscope
