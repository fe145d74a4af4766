#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace flowscope {

// The flow files opened last, newest first, kept in QSettings ("recentFlows") and shown as
// File → Recent Flows. A file that is gone when chosen is taken off the list, with a message.
class RecentFlows : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxCount = 10;

    // parent: the window whose File menu holds the submenu.
    explicit RecentFlows(QWidget *parent);

    QStringList files() const { return m_files; }
    // Puts path (made absolute) first; the oldest beyond maxCount go.
    void add(const QString &path);
    void clear();

    // The submenu, kept up to date; disabled while the list is empty.
    QMenu *menu() const { return m_menu; }
    // Opens the file as the menu entry does: openRequested, or a message when it is gone.
    void open(const QString &path);

Q_SIGNALS:
    void openRequested(const QString &path);
    void message(const QString &text);

private:
    void store();
    void rebuildMenu();

    QStringList m_files;
    QMenu *m_menu;
    QAction *m_clear;
};

} // namespace flowscope
