#pragma once

#include <QDialog>
#include <QHostAddress>

class QLabel;
class QLineEdit;

namespace flowscope {

// Engine → Serve on Network…: where to listen and the tokens that protect it. An address beyond
// this machine is accepted only with a control token (the endpoint would refuse it anyway); a
// token can be generated here and copied for the remote console.
class ServeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServeDialog(const QString &hostPort, QWidget *parent = nullptr);

    QString hostPort() const;
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    QByteArray controlToken() const;
    QByteArray readToken() const;

    // Checks the fields; on failure the reason shows in the dialog and false is returned.
    bool validate();
    void accept() override;

    static QByteArray generateToken();

private:
    QLineEdit *m_hostPort;
    QLineEdit *m_controlToken;
    QLineEdit *m_readToken;
    QLabel *m_error;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace flowscope
