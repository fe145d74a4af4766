#include "windowstatestore.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>
#include <QToolBar>

namespace flowscope {

namespace {
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString versionKey = QStringLiteral("window/stateVersion");
} // namespace

WindowStateStore::WindowStateStore(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_defaultState(window->saveState(stateVersion))
{
    for (const QString &part : unnamedParts())
        qWarning("flowscope: %s has no objectName; its place is not saved", qPrintable(part));
}

bool WindowStateStore::restore()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(geometryKey).toByteArray();
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    if (settings.value(versionKey).toInt() != stateVersion)
        return false;
    const QByteArray state = settings.value(stateKey).toByteArray();
    if (state.isEmpty() || m_window->restoreState(state, stateVersion))
        return !state.isEmpty();
    m_window->restoreState(m_defaultState, stateVersion); // a half-applied layout is worse
    return false;
}

void WindowStateStore::save() const
{
    QSettings settings;
    settings.setValue(geometryKey, m_window->saveGeometry());
    settings.setValue(stateKey, m_window->saveState(stateVersion));
    settings.setValue(versionKey, stateVersion);
}

void WindowStateStore::resetLayout()
{
    m_window->restoreState(m_defaultState, stateVersion);
}

QStringList WindowStateStore::unnamedParts() const
{
    QStringList unnamed;
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>();
    for (const QDockWidget *dock : docks) {
        if (dock->parentWidget() == m_window && dock->objectName().isEmpty())
            unnamed << QStringLiteral("dock \"%1\"").arg(dock->windowTitle());
    }
    const QList<QToolBar *> toolBars = m_window->findChildren<QToolBar *>();
    for (const QToolBar *toolBar : toolBars) {
        if (toolBar->parentWidget() == m_window && toolBar->objectName().isEmpty())
            unnamed << QStringLiteral("toolbar \"%1\"").arg(toolBar->windowTitle());
    }
    return unnamed;
}

} // namespace flowscope
