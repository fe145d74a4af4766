#pragma once

#include <QDialog>

class QLabel;

namespace flowscope {

// Help → About Flowscope: its version, the Qt it was built with and runs on, its license, and
// links to the documentation on this machine.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    QLabel *label() const { return m_label; }

    // The folder with README.md and docs/: installed next to the program
    // (<prefix>/share/doc/flowscope), else the source tree it was built from; empty if neither.
    static QString documentationPath();

private:
    QLabel *m_label;
};

} // namespace flowscope
