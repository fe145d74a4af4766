#include "exportnotice.h"

#include <QMessageBox>

namespace flowscope {

QString ExportNotice::tell(bool ok, const QString &written, const QString &failed,
                           const QString &title, QWidget *parent)
{
    if (ok)
        return written;
    if (parent) {
        auto *box
            = new QMessageBox(QMessageBox::Warning, title, failed, QMessageBox::Close, parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->show();
    }
    return failed;
}

} // namespace flowscope
