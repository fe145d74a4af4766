#include "aboutdialog.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace flowscope {

QString AboutDialog::documentationPath()
{
    const QStringList candidates{QCoreApplication::applicationDirPath()
                                     + QStringLiteral("/../share/doc/flowscope"),
                                 QStringLiteral(FLOWSCOPE_SOURCE_DIR)};
    for (const QString &dir : candidates) {
        if (QFileInfo::exists(dir + QStringLiteral("/README.md")))
            return QDir::cleanPath(dir);
    }
    return {};
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Flowscope"));

    const QString license = QStringLiteral(FLOWSCOPE_LICENSE);
    QString text
        = tr("<h3>Flowscope %1</h3><p>Run, watch and debug workflows and agent swarms.</p>")
              .arg(QCoreApplication::applicationVersion().toHtmlEscaped());
    text += tr("<p>Built with Qt %1, running on Qt %2.</p>")
                .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
    text += QStringLiteral("<p>")
            + (license.isEmpty() ? tr("No license has been chosen for Flowscope yet.")
                                 : tr("License: %1.").arg(license.toHtmlEscaped()))
            + QLatin1Char(' ') + tr("Qt is used under the GNU LGPL version 3.")
            + QStringLiteral("</p>");
    const QString docs = documentationPath();
    if (!docs.isEmpty()) {
        const auto link = [&docs](const char *file, const QString &title) {
            return QStringLiteral("<a href=\"%1\">%2</a>")
                .arg(QUrl::fromLocalFile(docs + QLatin1Char('/') + QLatin1String(file))
                         .toString(QUrl::FullyEncoded),
                     title.toHtmlEscaped());
        };
        text += tr("<p>Documentation: %1 · %2 · %3 · %4</p>")
                    .arg(link("README.md", tr("Overview")),
                         link("docs/debugging.md", tr("Debugging")),
                         link("docs/health.md", tr("Health")), link("docs/api.md", tr("API")));
    }
    m_label->setText(text);
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setOpenExternalLinks(true);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *icon = new QLabel(this);
    icon->setPixmap(
        QIcon(QStringLiteral(":/icons/flowscope.svg")).pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(m_label, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

} // namespace flowscope
