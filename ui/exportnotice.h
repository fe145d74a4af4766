#pragma once

#include <QString>

class QWidget;

namespace flowscope {

// How the console tells the end of an export (reports, traces): the line for the status bar, and
// on failure also a warning box on parent, shown and not exec()'d, so the console keeps updating
// behind it.
class ExportNotice
{
public:
    // Returns the status line: written when ok, else failed (also shown in the box, under title).
    static QString tell(bool ok, const QString &written, const QString &failed,
                        const QString &title, QWidget *parent);
};

} // namespace flowscope
