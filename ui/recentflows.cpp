#include "recentflows.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace flowscope {

namespace {
const QString settingsKey = QStringLiteral("recentFlows");
}

RecentFlows::RecentFlows(QWidget *parent)
    : QObject(parent)
    , m_files(QSettings().value(settingsKey).toStringList().mid(0, maxCount))
    , m_menu(new QMenu(tr("Recent &Flows"), parent))
    , m_clear(new QAction(tr("&Clear Recent Flows"), this))
{
    m_menu->setObjectName(QStringLiteral("recentFlowsMenu"));
    connect(m_clear, &QAction::triggered, this, &RecentFlows::clear);
    rebuildMenu();
}

void RecentFlows::add(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > maxCount)
        m_files.removeLast();
    store();
}

void RecentFlows::clear()
{
    m_files.clear();
    store();
}

void RecentFlows::open(const QString &path)
{
    if (QFileInfo::exists(path)) {
        Q_EMIT openRequested(path);
        return;
    }
    m_files.removeAll(path);
    store();
    Q_EMIT message(tr("%1 no longer exists and was removed from Recent Flows.")
                       .arg(QDir::toNativeSeparators(path)));
}

void RecentFlows::store()
{
    QSettings().setValue(settingsKey, m_files);
    rebuildMenu();
}

void RecentFlows::rebuildMenu()
{
    m_menu->clear();
    for (int i = 0; i < m_files.size(); ++i) {
        const QString path = m_files.at(i);
        // Numbered for the keyboard (&1 … &9, then 1&0): the file's name, then its folder.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        const QFileInfo file(path);
        const auto literal
            = [](QString text) { return text.replace(QLatin1Char('&'), QLatin1String("&&")); };
        QAction *action
            = m_menu->addAction(QStringLiteral("%1 %2 (%3)")
                                    .arg(number, literal(file.fileName()),
                                         literal(QDir::toNativeSeparators(file.absolutePath()))));
        action->setData(path);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { open(path); });
    }
    m_menu->addSeparator();
    m_menu->addAction(m_clear);
    m_clear->setEnabled(!m_files.isEmpty());
    m_menu->setEnabled(!m_files.isEmpty());
}

} // namespace flowscope
