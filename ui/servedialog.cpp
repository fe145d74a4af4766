#include "servedialog.h"

#include "commandline.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>

namespace flowscope {

ServeDialog::ServeDialog(const QString &hostPort, QWidget *parent)
    : QDialog(parent)
    , m_hostPort(new QLineEdit(hostPort, this))
    , m_controlToken(new QLineEdit(this))
    , m_readToken(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Serve on Network"));
    m_hostPort->setObjectName(QStringLiteral("hostPort"));
    m_controlToken->setObjectName(QStringLiteral("controlToken"));
    m_readToken->setObjectName(QStringLiteral("readToken"));
    m_error->setObjectName(QStringLiteral("error"));
    m_controlToken->setPlaceholderText(tr("none: only this machine may connect"));
    m_readToken->setPlaceholderText(tr("optional"));
    m_error->setWordWrap(true);
    // A banner with its own background, so its text is fixed too: white on red reads the same
    // on light and dark palettes (a palette's bright-text role may itself be red).
    m_error->setStyleSheet(QStringLiteral("color: #ffffff; background: #b3261e; padding: 4px;"));
    m_error->hide();

    auto *generate = new QPushButton(tr("Generate"), this);
    generate->setObjectName(QStringLiteral("generateToken"));
    connect(generate, &QPushButton::clicked, this,
            [this] { m_controlToken->setText(QString::fromLatin1(generateToken())); });
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_controlToken, 1);
    tokenRow->addWidget(generate);

    auto *form = new QFormLayout;
    form->addRow(tr("Listen on (host:port):"), m_hostPort);
    form->addRow(tr("Control token:"), tokenRow);
    form->addRow(tr("Read-only token:"), m_readToken);
    auto *hint = new QLabel(tr("Remote consoles and scripts send the token as "
                               "\"Authorization: Bearer <token>\". Addresses other than "
                               "127.0.0.1 need a control token."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServeDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString ServeDialog::hostPort() const
{
    return m_hostPort->text().trimmed();
}

QByteArray ServeDialog::controlToken() const
{
    return m_controlToken->text().trimmed().toUtf8();
}

QByteArray ServeDialog::readToken() const
{
    return m_readToken->text().trimmed().toUtf8();
}

bool ServeDialog::validate()
{
    QString error;
    if (!CommandLine::parseHostPort(hostPort(), &m_address, &m_port, &error)) {
        // error names the value and what is expected.
    } else if (!m_address.isLoopback() && controlToken().isEmpty()) {
        error = tr("Serving on %1 lets other machines drive this engine: give a control token "
                   "(Generate makes one).")
                    .arg(m_address.toString());
    } else if (!readToken().isEmpty() && readToken() == controlToken()) {
        error = tr("The read-only token must differ from the control token.");
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}

void ServeDialog::accept()
{
    if (validate())
        QDialog::accept();
}

QByteArray ServeDialog::generateToken()
{
    // 192 random bits from the system's generator, hex-encoded: safe in headers and URLs.
    QByteArray bytes;
    for (int i = 0; i < 24; ++i)
        bytes.append(char(QRandomGenerator::system()->bounded(256)));
    return bytes.toHex();
}

} // namespace flowscope
