#include "connectenginedialog.h"

#include "texttone.h"
#include "tokenstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowscope {

ConnectEngineDialog::ConnectEngineDialog(const EngineProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_name(new QLineEdit(profile.name, this))
    , m_url(new QLineEdit(profile.url.toString(), this))
    , m_token(new QLineEdit(profile.token, this))
    , m_saveToken(new QCheckBox(tr("&Keep the token"), this))
    , m_connectAtStartup(new QCheckBox(tr("Connect when the console &starts"), this))
    , m_urlError(new QLabel(this))
    , m_tokenWarning(new QLabel(this))
{
    const bool editing = !profile.id.isEmpty();
    setObjectName(QStringLiteral("connectEngineDialog"));
    setWindowTitle(editing ? tr("Edit Engine Profile") : tr("Connect to Engine"));

    m_url->setObjectName(QStringLiteral("engineUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8765"));
    m_url->setToolTip(tr("The engine's endpoint: http(s)://host:port or ws(s)://host:port"));
    m_name->setObjectName(QStringLiteral("engineName"));
    m_name->setPlaceholderText(tr("host:port"));
    m_token->setObjectName(QStringLiteral("engineToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none"));
    m_token->setToolTip(tr("The access token the engine was started with, if any"));
    m_saveToken->setObjectName(QStringLiteral("saveToken"));
    m_saveToken->setChecked(profile.saveToken);
    m_saveToken->setToolTip(TokenStore::keychainAvailable()
                                ? tr("Kept in the system keychain")
                                : tr("Kept in the settings file, in plain text"));
    m_connectAtStartup->setObjectName(QStringLiteral("connectAtStartup"));
    m_connectAtStartup->setChecked(profile.connectAtStartup);

    for (QLabel *label : {m_urlError, m_tokenWarning}) {
        label->setWordWrap(true);
        TextTone::apply(label, ThemeColors::Tone::Error);
        label->hide();
    }
    m_urlError->setObjectName(QStringLiteral("engineUrlError"));
    m_tokenWarning->setObjectName(QStringLiteral("tokenWarning"));

    auto *form = new QFormLayout;
    form->addRow(tr("&URL:"), m_url);
    form->addRow(QString(), m_urlError);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_saveToken);
    form->addRow(QString(), m_tokenWarning);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_connectAtStartup);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Save") : tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectEngineDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectEngineDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // A message once shown goes as soon as the URL is right; none while the user starts typing.
    connect(m_url, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_urlError->isVisible() && EngineProfile::checkUrl(text).isEmpty())
            m_urlError->hide();
    });
    connect(m_saveToken, &QCheckBox::toggled, this, &ConnectEngineDialog::updateTokenWarning);
    connect(m_token, &QLineEdit::textChanged, this, &ConnectEngineDialog::updateTokenWarning);
    updateTokenWarning();
    resize(480, sizeHint().height());
}

void ConnectEngineDialog::updateTokenWarning()
{
    // Without a keychain the token can only go to the settings file as it is: say so.
    const bool plainText = !TokenStore::keychainAvailable() && m_saveToken->isChecked()
                           && !m_token->text().isEmpty();
    m_tokenWarning->setText(tr("Without a system keychain the token is written unencrypted to %1.")
                                .arg(TokenStore::settingsLocation()));
    m_tokenWarning->setVisible(plainText);
}

EngineProfile ConnectEngineDialog::profile() const
{
    EngineProfile profile = m_profile;
    profile.name = m_name->text().trimmed();
    EngineProfile::checkUrl(m_url->text(), &profile.url);
    profile.token = m_token->text().trimmed();
    profile.saveToken = m_saveToken->isChecked();
    profile.connectAtStartup = m_connectAtStartup->isChecked();
    return profile;
}

void ConnectEngineDialog::accept()
{
    const QString problem = EngineProfile::checkUrl(m_url->text());
    if (!problem.isEmpty()) {
        m_urlError->setText(problem);
        m_urlError->show();
        m_url->setFocus();
        m_url->selectAll();
        return;
    }
    QDialog::accept();
}

} // namespace flowscope
