#pragma once

#include <QByteArray>
#include <QObject>

class QMainWindow;

namespace flowscope {

// Keeps the main window's geometry and the layout of its docks and toolbars between runs, in
// QSettings under "window/". The layout the window had when the store was created is its
// default: View → Reset Layout goes back to it, and so does a start whose saved layout was made
// for other docks (an older stateVersion) or cannot be read.
class WindowStateStore : public QObject
{
    Q_OBJECT
public:
    // Raise it when docks are renamed or the default layout changes so that old layouts no
    // longer fit. Docks added later need no new version: restoreState leaves unknown ones alone.
    static constexpr int stateVersion = 1;

    // Takes the window's present layout as the default: create it after every dock exists.
    explicit WindowStateStore(QMainWindow *window);

    // The saved geometry and layout, if any fit; false when the default stays.
    bool restore();
    void save() const;
    void resetLayout();

    // Docks and toolbars without an objectName: saveState cannot place them (should be none).
    QStringList unnamedParts() const;

private:
    QMainWindow *m_window;
    QByteArray m_defaultState;
};

} // namespace flowscope
